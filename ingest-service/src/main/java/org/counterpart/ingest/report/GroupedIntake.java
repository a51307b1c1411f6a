package org.counterpart.ingest.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Accepts the reports posted together in one commit ({@link GroupCommit}): each post waits while one writer stores
 * it, with every post queued behind the first, in one transaction of {@link ReportIntake#accept}s. What each post
 * answers (accepted, duplicate, or its failure) is what {@link ReportIntake#accept} gives it alone.
 */
@ApplicationScoped
public class GroupedIntake {

    private static final Logger LOG = Logger.getLogger(GroupedIntake.class);

    private final GroupCommit<Submission, ReportIntake.Outcome> groups;
    private final Counter commits;
    private final Counter posts;
    private volatile boolean running;
    private Thread writer;

    public GroupedIntake(ReportIntake intake, MeterRegistry registry,
                         @ConfigProperty(name = "counterpart.intake.largest-group", defaultValue = "32")
                         int largestGroup) {
        this.groups = new GroupCommit<>(new GroupCommit.Writes<>() {
            @Override
            public List<ReportIntake.Outcome> together(List<Submission> submissions) {
                return QuarkusTransaction.requiringNew().call(() -> {
                    List<ReportIntake.Outcome> outcomes = new ArrayList<>(submissions.size());
                    for (Submission submission : submissions) {
                        outcomes.add(intake.accept(submission));
                    }
                    return outcomes;
                });
            }

            @Override
            public ReportIntake.Outcome alone(Submission submission) {
                return intake.accept(submission);
            }
        }, largestGroup);
        this.commits = Counter.builder("counterpart.intake.groups")
                .description("Groups of posted reports written in one turn of the writer").register(registry);
        this.posts = Counter.builder("counterpart.intake.grouped.posts")
                .description("Posted reports written by the writer, in groups").register(registry);
        registry.gauge("counterpart.intake.waiting", groups, GroupCommit::waiting);
    }

    /** Stores the report (or finds it already stored) together with the posts that arrived with it. */
    public ReportIntake.Outcome accept(Submission submission) {
        try {
            return groups.submit(submission);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the report was being stored", e);
        }
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        writer = new Thread(this::write, "intake-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        groups.close();
        if (writer != null) {
            writer.join(Duration.ofSeconds(10).toMillis());
        }
    }

    private void write() {
        while (running) {
            try {
                int written = groups.writeNext(Duration.ofMillis(500));
                if (written > 0) {
                    commits.increment();
                    posts.increment(written);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Every answer was completed inside writeNext; this is the writer's own trouble, not a post's.
                LOG.error("The intake writer's turn failed", e);
            }
        }
    }
}
