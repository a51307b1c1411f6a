#!/bin/bash
# The services' SCRAM users and ACLs, created as the super user admin over the internal listener. Run by
# kafka-entrypoint.sh in the kafka container once the broker is up (once per log directory and set of passwords).
# Idempotent: passwords are re-set and ACLs re-added. It only adds: an ACL dropped from this file stays on the
# broker until removed by hand (kafka-acls.sh --remove) or until the log directory goes (docker compose down).
#
# Least privilege. Nobody but a topic's owner may write it; only admin (super user) bypasses ACLs.
#   ingest      reports: Write, Describe, Create, AlterConfigs, DescribeConfigs (its outbox creates and tunes it)
#   facts       reports: Read; group facts-service: Read
#               facts: Write, Describe, Create, AlterConfigs, DescribeConfigs; reports-dlq: Write, Describe, Create
#   metrics     facts: Read, Describe; group metrics-service: Read, Describe (its rebuild replays facts with no
#               group); facts-dlq: Write, Describe, Create
#   subscriber  reports, facts, reports-dlq, facts-dlq: Read, Describe; groups named subscriber-*: Read
#   ingest, facts, metrics: IdempotentWrite on the cluster (idempotent producers)
#
# Passwords: SCRAM_ADMIN_PASSWORD, INGEST_KAFKA_PASSWORD, FACTS_KAFKA_PASSWORD, METRICS_KAFKA_PASSWORD,
# SUBSCRIBER_KAFKA_PASSWORD (checked by kafka-entrypoint.sh).
set -euo pipefail

bin=${COUNTERPART_KAFKA_BIN:-/opt/kafka/bin}
host=${COUNTERPART_KAFKA_INIT_HOST:-localhost}
port=${COUNTERPART_KAFKA_INIT_PORT:-9092}
# Short-lived tools beside the broker: small heap, quick start.
export KAFKA_HEAP_OPTS="-Xmx128m" KAFKA_JVM_PERFORMANCE_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
log() { echo "kafka-init: $*"; }

admin=$(mktemp /tmp/admin.XXXXXX)
trap 'rm -f "$admin"' EXIT
cat > "$admin" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$SCRAM_ADMIN_PASSWORD";
PROPS

configs() { "$bin/kafka-configs.sh" --bootstrap-server "$host:$port" --command-config "$admin" "$@" >/dev/null; }
acls() { "$bin/kafka-acls.sh" --bootstrap-server "$host:$port" --command-config "$admin" --add "$@" >/dev/null; }

# A few commands at a time: each is a JVM start, the slow part.
pids=()
background() { "$@" & pids+=($!); [ ${#pids[@]} -lt 3 ] || await; }
await() {
  local pid failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  pids=()
  [ "$failed" = 0 ] || { log "a command failed (output above)" >&2; exit 1; }
}

# The port first (cheap), then a request as admin (the broker may accept connections before it serves them).
for attempt in $(seq 180); do
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null && break
  [ "$attempt" = 180 ] && { log "nothing listens on $host:$port" >&2; exit 1; }
  sleep 1
done
for attempt in $(seq 20); do
  configs --describe --entity-type users --entity-name admin 2>/dev/null && break
  [ "$attempt" = 20 ] && { log "$host:$port does not answer admin" >&2; exit 1; }
  sleep 2
done

scram() { echo "SCRAM-SHA-512=[password=${!1}]"; }
background configs --alter --entity-type users --entity-name ingest --add-config "$(scram INGEST_KAFKA_PASSWORD)"
background configs --alter --entity-type users --entity-name facts --add-config "$(scram FACTS_KAFKA_PASSWORD)"
background configs --alter --entity-type users --entity-name metrics --add-config "$(scram METRICS_KAFKA_PASSWORD)"
background configs --alter --entity-type users --entity-name subscriber --add-config "$(scram SUBSCRIBER_KAFKA_PASSWORD)"
await
log "users ingest, facts, metrics, subscriber"

owner=(--operation Write --operation Describe --operation Create)
configure=(--operation AlterConfigs --operation DescribeConfigs)
background acls --allow-principal User:ingest --topic reports "${owner[@]}" "${configure[@]}"
background acls --allow-principal User:facts --topic reports --group facts-service --operation Read
background acls --allow-principal User:facts --topic facts "${owner[@]}" "${configure[@]}"
background acls --allow-principal User:facts --topic reports-dlq "${owner[@]}"
background acls --allow-principal User:metrics --topic facts --group metrics-service --operation Read --operation Describe
background acls --allow-principal User:metrics --topic facts-dlq "${owner[@]}"
background acls --allow-principal User:ingest --allow-principal User:facts --allow-principal User:metrics \
  --cluster --operation IdempotentWrite
background acls --allow-principal User:subscriber --topic reports --topic facts --topic reports-dlq --topic facts-dlq \
  --operation Read --operation Describe
background acls --allow-principal User:subscriber --resource-pattern-type prefixed --group subscriber- --operation Read
await
log "ACLs in place"
