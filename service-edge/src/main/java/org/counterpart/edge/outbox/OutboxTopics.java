package org.counterpart.edge.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.counterpart.edge.OutboxSettings;
import org.counterpart.edge.kafka.KafkaClientSettings;
import org.jboss.logging.Logger;

/**
 * Makes sure each topic a service publishes to exists with the settings its events need, before the first event
 * goes out: a message size that fits the largest event the outbox takes, the cleanup policy, and segments that roll
 * so that compaction runs. Subscribers may have created the topic first (with the broker's defaults), so an existing
 * topic is brought to these settings.
 */
@IfBuildProperty(name = "counterpart.outbox.publishes", stringValue = "true")
@ApplicationScoped
public class OutboxTopics {

    /** Room for CloudEvents headers and the record batch around the largest event. */
    private static final int OVERHEAD_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(OutboxTopics.class);

    private final OutboxSettings settings;
    private final KafkaClientSettings client;
    private final Map<String, OutboxSettings.Topic> ready = new ConcurrentHashMap<>();

    public OutboxTopics(OutboxSettings settings, KafkaClientSettings client) {
        this.settings = settings;
        this.client = client;
    }

    /**
     * Creates the topics as the service starts, in the background, so that subscribers (who may not create topics)
     * find them before the first event. A broker that is away is no matter: the relay ensures each topic again
     * before its first send.
     */
    void onStart(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            return;
        }
        CompletableFuture.runAsync(() -> settings.topics().keySet().forEach(topic -> {
            try {
                ensure(topic);
            } catch (Exception e) {
                LOG.infof("Topic %s not created at start-up (%s); the relay will create it before its first event",
                        topic, e.toString());
            }
        }));
    }

    public static int maxMessageBytes(OutboxSettings settings) {
        return settings.maxEventBytes() + OVERHEAD_BYTES;
    }

    /** The topic's settings, once the topic is known to carry them. */
    OutboxSettings.Topic ensure(String topic) throws Exception {
        OutboxSettings.Topic known = ready.get(topic);
        if (known != null) {
            return known;
        }
        OutboxSettings.Topic wanted = settings.topics().get(topic);
        if (wanted == null) {
            throw new IllegalStateException("No settings for topic " + topic + " (counterpart.outbox.topics." + topic
                    + ".*)");
        }
        apply(topic, wanted);
        ready.put(topic, wanted);
        return wanted;
    }

    Map<String, String> configs(OutboxSettings.Topic wanted) {
        Map<String, String> configs = new java.util.LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, wanted.cleanupPolicy());
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes(settings)));
        wanted.segment().ifPresent(segment -> configs.put(TopicConfig.SEGMENT_MS_CONFIG,
                Long.toString(segment.toMillis())));
        return configs;
    }

    private void apply(String topic, OutboxSettings.Topic wanted) throws Exception {
        Properties props = client.properties();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        Map<String, String> configs = configs(wanted);
        try (Admin admin = Admin.create(props)) {
            NewTopic newTopic = new NewTopic(topic, Optional.of(wanted.partitions()), Optional.empty()).configs(configs);
            try {
                admin.createTopics(List.of(newTopic)).all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                List<AlterConfigOp> ops = new ArrayList<>();
                configs.forEach((name, value) -> ops.add(
                        new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)));
                admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
