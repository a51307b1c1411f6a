package org.counterpart.facts.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The facts topic is compacted: each message holds a report's whole fact set, so the latest one per report is all
 * a subscriber needs, and a rebuild from the beginning stays possible however old the topic grows. Subscribers
 * may have created the topic first (with the broker's defaults), so an existing topic is switched to compaction.
 */
final class FactsTopic {

    private FactsTopic() {
    }

    static void ensureCompacted(String bootstrapServers, String topic, int partitions) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(props)) {
            NewTopic wanted = new NewTopic(topic, java.util.Optional.of(partitions), java.util.Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(wanted)).all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                        AlterConfigOp.OpType.SET));
                admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
