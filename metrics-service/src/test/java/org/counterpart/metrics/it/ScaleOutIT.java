package org.counterpart.metrics.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.counterpart.metrics.it.FactsTopic.funds;
import static org.counterpart.metrics.it.FactsTopic.replaced;
import static org.counterpart.metrics.it.FactsTopic.retracted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.counterpart.metrics.inbound.FactsEventReader;
import org.counterpart.metrics.inbound.MalformedEventException;
import org.counterpart.metrics.projection.ReportFactsProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Scale-out: a second instance's consumer joins the service's consumer group on the 3-partition topic and
 * applies its share of the events through the same projection code, into the same database, while the
 * service's own consumer applies the rest; partitions move between them as the group rebalances. The totals
 * must come out exactly as one consumer makes them: checked against figures computed by hand and against a
 * rebuild, which replays the topic with a single consumer.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "metrics"))
class ScaleOutIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int REPORTS = 24;

    @Inject
    FactsEventReader reader;

    @Inject
    ReportFactsProjection projection;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "mp.messaging.incoming.facts.group.id")
    String groupId;

    @Test
    void twoConsumersInOneGroupGiveTheTotalsOfOne() throws Exception {
        SecondInstance second = new SecondInstance();
        Thread thread = new Thread(second, "second-instance-consumer");
        thread.start();
        try (FactsTopic topic = new FactsTopic()) {
            await().atMost(PATIENCE).until(() -> second.assigned.get() > 0);
            String donor = "ScaleOut-" + UUID.randomUUID();
            // Report i: revision 1 says 1000 + i for year 1990 + i; revision 2 corrects it to 2000 + i; every
            // fourth report is then retracted. Each is also redelivered. Expected, by hand:
            //   kept reports: i = 0..23 except 3, 7, 11, 15, 19, 23  (18 reports)
            //   sum (2000 + i) over them = 18 * 2000 + (0+1+...+23) - (3+7+11+15+19+23) = 36000 + 276 - 78 = 36198
            long expected = 0;
            int kept = 0;
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < REPORTS; i++) {
                String report = "scale-" + i + "-" + UUID.randomUUID();
                Map<String, Object> first = replaced(report, 1, List.of(funds(donor, 1000 + i, 1990 + i)));
                Map<String, Object> corrected = replaced(report, 2, List.of(funds(donor, 2000 + i, 1990 + i)));
                events.add(first);
                events.add(corrected);
                events.add(first);
                if (i % 4 == 3) {
                    events.add(retracted(report, 3));
                } else {
                    expected += 2000 + i;
                    kept++;
                }
                events.add(corrected);
            }
            assertEquals(36198, expected);
            events.forEach(topic::publish);

            long want = expected;
            int claims = kept;
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                List<Object> totals = given().queryParam("donor", donor).when().get("/totals").then().statusCode(200)
                        .extract().jsonPath().getList("total");
                assertEquals(List.of((Object) (int) want), totals);
            });
            assertEquals(claims, given().queryParam("donor", donor).when().get("/totals").then().extract().jsonPath()
                    .getInt("[0].claimCount"));
            assertTrue(second.applied.get() > 0, "the second instance applied part of the events");

            second.stop.set(true);
            thread.join(30_000);
            String before = given().queryParam("donor", donor).queryParam("expand", "claims").when().get("/totals").asString();
            given().when().post("/admin/rebuild").then().statusCode(200);
            String afterOneConsumerReplay = given().queryParam("donor", donor).queryParam("expand", "claims").when().get("/totals").asString();
            assertEquals(before, afterOneConsumerReplay);
        } finally {
            second.stop.set(true);
            thread.join(30_000);
        }
    }

    /** What a second instance's consumer does: same group, same reader, same projection, commit after applying. */
    private final class SecondInstance implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger assigned = new AtomicInteger();
        final AtomicInteger applied = new AtomicInteger();

        @Override
        public void run() {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, String> consumer =
                         new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("facts"), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        assigned.addAndGet(-partitions.size());
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        assigned.addAndGet(partitions.size());
                    }
                });
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        try {
                            projection.apply(reader.read(record.key(), record.value()));
                            applied.incrementAndGet();
                        } catch (MalformedEventException e) {
                            // The service's own consumer dead-letters these; a second copy adds nothing here.
                        }
                    }
                    consumer.commitSync();
                }
            }
        }
    }
}
