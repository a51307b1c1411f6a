package org.counterpart.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A single combined broker+controller (KRaft) on a random port, for tests. Starts in about three seconds.
 *
 * <p>The test kit deletes its data directories from JVM shutdown hooks of its own. Those hooks run alongside the
 * hook that stops the broker, so the broker could see its log directory vanish, call it a disk failure and halt the
 * JVM with status 1: a test run whose tests all passed then failed at exit. The kit's deletions are therefore held
 * back and run by {@link #close()}, after the broker has stopped.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final List<Runnable> cleanUps;

    private EmbeddedKafka(KafkaClusterTestKit cluster, List<Runnable> cleanUps) {
        this.cluster = cluster;
        this.cleanUps = cleanUps;
    }

    public static EmbeddedKafka start(int partitions) {
        List<Runnable> cleanUps = new ArrayList<>();
        try {
            KafkaClusterTestKit cluster;
            synchronized (Exit.class) {
                // Both the node layout and the kit create temporary directories, each with a deleting hook.
                Exit.setShutdownHookAdder((name, hook) -> cleanUps.add(hook));
                try {
                    TestKitNodes nodes = new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build();
                    KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
                    KafkaBrokerSettings.singleNode(partitions).forEach(builder::setConfigProp);
                    cluster = builder.build();
                } finally {
                    Exit.resetShutdownHookAdder();
                }
            }
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster, cleanUps);
        } catch (Exception e) {
            cleanUps.forEach(Runnable::run);
            throw new IllegalStateException("Embedded Kafka did not start", e);
        }
    }

    /** Where the broker keeps its data (deleted by {@link #close()}). */
    public Path dataDirectory() {
        return Path.of(cluster.nodes().baseDirectory());
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Embedded Kafka did not stop cleanly", e);
        } finally {
            cleanUps.forEach(Runnable::run);
        }
    }
}
