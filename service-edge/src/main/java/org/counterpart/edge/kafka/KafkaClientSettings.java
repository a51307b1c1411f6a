package org.counterpart.edge.kafka;

import java.util.Map;
import java.util.Properties;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The connection settings every Kafka client of a service shares (bootstrap servers, and SASL where the deployment
 * sets it): Quarkus' default {@code kafka.*} configuration, the same the messaging channels use, so that the
 * relay, topic set-up and replays need nothing of their own.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> defaults;

    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> defaults) {
        this.defaults = defaults;
    }

    public Properties properties() {
        Properties props = new Properties();
        defaults.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                props.put(key, value);
            }
        });
        return props;
    }
}
