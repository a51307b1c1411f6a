#!/bin/bash
# As Kafka's bin/kafka-storage.sh (format --add-scram ...).
exec "$(dirname "$0")/kafka-run-class.sh" kafka.tools.StorageTool "$@"
