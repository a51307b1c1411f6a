#!/bin/bash
# As Kafka's bin/kafka-configs.sh (SCRAM users: --alter --add-config ... --entity-type users).
exec "$(dirname "$0")/kafka-run-class.sh" kafka.admin.ConfigCommand "$@"
