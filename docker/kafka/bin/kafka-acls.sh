#!/bin/bash
# As Kafka's bin/kafka-acls.sh (4.x: the tool lives in kafka-tools).
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.AclCommand "$@"
