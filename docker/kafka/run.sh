#!/bin/bash
# Writes server.properties from KAFKA_* variables (the official image's convention), formats the log directory
# once (`kafka-storage format`), then runs the broker+controller in the foreground. docker-compose.yml formats the
# directory before this runs (docker/compose/kafka-entrypoint.sh: with the broker's SCRAM user), so it is skipped there.
set -euo pipefail
conf=/opt/kafka/config/server.properties
: "${CLUSTER_ID:=5L6g3nShT-eMCtK--X86sw}"
: "${KAFKA_LOG_DIRS:=/tmp/kraft-combined-logs}"
export KAFKA_LOG_DIRS
: > "$conf"
for var in $(compgen -e | grep '^KAFKA_'); do
  case "$var" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_GC_LOG_OPTS|KAFKA_LOG4J_OPTS|KAFKA_JMX_OPTS|KAFKA_VERSION) continue ;;
  esac
  key=$(echo "${var#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
  echo "$key=${!var}" >> "$conf"
done
cp="/opt/kafka/libs/*"
logging=(-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.showDateTime=true
         -Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info -Dorg.slf4j.simpleLogger.log.kafka.Kafka=info
         -Dorg.slf4j.simpleLogger.log.org.apache.kafka.server.BrokerServer=info)
first_dir=${KAFKA_LOG_DIRS%%,*}
if [ ! -f "$first_dir/meta.properties" ]; then
  java "${logging[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$conf" --ignore-formatted
fi
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xmx384m -Xms128m} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1} \
     ${KAFKA_OPTS:-} "${logging[@]}" -cp "$cp" kafka.Kafka "$conf"
