#!/bin/bash
# The stand-in's kafka-run-class.sh: runs one of Kafka's command-line tools from /opt/kafka/libs, for the scripts
# that docker-compose.yml runs in either image (kafka-storage.sh, kafka-configs.sh, kafka-acls.sh).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: kafka-run-class.sh CLASS [ARGS...]" >&2; exit 2; }
class=$1
shift
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1} \
     ${KAFKA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "/opt/kafka/libs/*" "$class" "$@"
