package org.counterpart.metrics.projection;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Throws the projection away and builds it again from the events ({@link ReplayPass}). One message never makes a
 * rebuild fail: a message that cannot be read or breaks the rules is skipped, and one the database refuses for
 * what it says rolls its pass back, which then runs again without it. The rebuild fails only when the database
 * itself fails, or when more than {@value #MOST_LEFT_OUT} messages had to be left out that way (each costs a
 * whole replay; the reader's rules should have caught them).
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    /** The reason code of a message left out because the database refused it. */
    public static final String FAILED_TO_APPLY = "failed_to_apply";

    static final int MOST_LEFT_OUT = 10;

    private final ReplayPass pass;

    public ProjectionRebuild(ReplayPass pass) {
        this.pass = pass;
    }

    /**
     * What a rebuild did.
     *
     * @param events  replayed events by outcome
     * @param skipped messages skipped, by reason: those that cannot be read ({@code unreadable}), break the
     *                contract or a rule of the events' bounds (its code), or were rejected or left out
     */
    public record Outcome(Map<ProjectionOutcome, Long> events, Map<String, Long> skipped) {

        public Outcome {
            events = Map.copyOf(events);
            skipped = Map.copyOf(skipped);
        }

        public long skippedCount() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Outcome rebuild(FactsSource source) {
        Set<String> leftOut = new HashSet<>();
        while (true) {
            try {
                return pass.run(source, leftOut);
            } catch (MessageFailedToApply e) {
                if (leftOut.size() >= MOST_LEFT_OUT || !leftOut.add(e.eventId())) {
                    throw e;
                }
                LOG.warnf("Rebuild: %s; replaying again without it", e.getMessage());
            }
        }
    }
}
