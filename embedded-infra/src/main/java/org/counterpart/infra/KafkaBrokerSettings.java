package org.counterpart.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/** Broker settings that a one-node cluster needs; without them consumer groups and transactions never form. */
final class KafkaBrokerSettings {

    private KafkaBrokerSettings() {
    }

    static Map<String, String> singleNode(int partitions) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("num.partitions", Integer.toString(partitions));
        settings.put("auto.create.topics.enable", "true");
        return settings;
    }
}
