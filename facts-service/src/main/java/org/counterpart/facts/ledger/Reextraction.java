package org.counterpart.facts.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import org.counterpart.facts.extraction.Extractor;
import org.jboss.logging.Logger;

/**
 * Re-extracts stored reports with the current extractor. Each report is re-extracted in a transaction of its
 * own (through {@link ReextractionSteps}), so one failure rolls back only that report; the Ledger replaces its
 * facts and writes one FactsReplaced event with a new revision in that same transaction.
 */
@ApplicationScoped
public class Reextraction {

    private static final Logger LOG = Logger.getLogger(Reextraction.class);
    static final int BATCH_SIZE = 100;

    /** How a rerun of many reports went. */
    public record Outcome(int rerun, int failed, String extractorVersion) {
    }

    private final ReextractionSteps steps;

    public Reextraction(ReextractionSteps steps) {
        this.steps = steps;
    }

    /** Re-extracts one stored report; empty when the service holds no such report. */
    public Optional<Extraction> rerun(UUID reportId) {
        return steps.rerun(reportId);
    }

    /**
     * Re-extracts every stored report whose facts come from another extractor version (or every report, when
     * {@code all}), in batches of {@value #BATCH_SIZE} read by ascending id.
     */
    public Outcome rerunAll(boolean all) {
        int rerun = 0, failed = 0;
        UUID after = null;
        while (true) {
            List<UUID> batch = steps.nextBatch(after, all, BATCH_SIZE);
            if (batch.isEmpty()) break;
            for (UUID id : batch) {
                try {
                    // a report withdrawn since the batch was read is skipped, not counted
                    if (steps.rerun(id).isPresent()) rerun++;
                } catch (RuntimeException e) {
                    // its own transaction was rolled back; the others stand
                    LOG.errorf(e, "Re-extraction of report %s failed", id);
                    failed++;
                }
            }
            after = batch.get(batch.size() - 1);
        }
        LOG.infof("Re-extracted %d reports with extractor %s (%d failed)", rerun, Extractor.VERSION, failed);
        return new Outcome(rerun, failed, Extractor.VERSION);
    }
}
