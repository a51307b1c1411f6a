#!/bin/bash
# Entry point of docker-compose.yml's kafka service, for apache/kafka:4.1.1 and the stand-in (docker/kafka) alike.
#
# 1. Formats the log directory once, with the broker's own SCRAM user: KRaft keeps SCRAM credentials in the
#    metadata log, so admin (inter-broker traffic, super user) must be written at format time; nothing could
#    authenticate to create it later. The configuration comes from the same KAFKA_* variables both images turn
#    into server.properties.
# 2. In the background, once the broker answers: the services' users and ACLs (kafka-init.sh, as admin). It runs
#    once per log directory and set of passwords (a marker in the log directory), so restarting the broker, or
#    compose starting a service, does not redo it; a new log directory or a changed password does.
#    /tmp/counterpart-kafka-ready exists once that is done; the health check waits for it.
# 3. Hands over to the image's own entry point, which finds the directory formatted and starts the broker (the
#    official one tolerates "already formatted").
#
# Passwords (names that do not start with KAFKA_, which both images would turn into broker properties):
# SCRAM_ADMIN_PASSWORD, INGEST_KAFKA_PASSWORD, FACTS_KAFKA_PASSWORD, METRICS_KAFKA_PASSWORD, SUBSCRIBER_KAFKA_PASSWORD.
set -euo pipefail

here=$(dirname "$0")
bin=${COUNTERPART_KAFKA_BIN:-/opt/kafka/bin}
ready=${COUNTERPART_KAFKA_READY:-/tmp/counterpart-kafka-ready}
: "${CLUSTER_ID:?CLUSTER_ID is not set}"
: "${KAFKA_LOG_DIRS:?KAFKA_LOG_DIRS is not set (the format step and the image must agree on it)}"
rm -f "$ready"

# Every password goes into --add-scram's or kafka-configs' [name=...,password=...] and into JAAS strings: keep them
# to characters none of those syntaxes treats specially (openssl rand -hex 24 gives one).
passwords=(SCRAM_ADMIN_PASSWORD INGEST_KAFKA_PASSWORD FACTS_KAFKA_PASSWORD METRICS_KAFKA_PASSWORD SUBSCRIBER_KAFKA_PASSWORD)
for name in "${passwords[@]}"; do
  if [[ ! ${!name:-} =~ ^[A-Za-z0-9._~-]{12,}$ ]]; then
    echo "kafka-entrypoint: $name must be set, 12 or more of A-Z a-z 0-9 . _ ~ -" >&2
    exit 1
  fi
done

first_dir=${KAFKA_LOG_DIRS%%,*}
if [ ! -f "$first_dir/meta.properties" ]; then
  conf=$(mktemp /tmp/format.XXXXXX)
  # The images' rule: KAFKA_FOO_BAR -> foo.bar, __ -> _, ___ -> -; the JVM and logging variables are not properties.
  for var in $(compgen -e | grep '^KAFKA_'); do
    case "$var" in
      KAFKA_VERSION|KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_GC_LOG_OPTS|KAFKA_LOG4J_OPTS| \
      KAFKA_JMX_OPTS|KAFKA_JMX_HOSTNAME|KAFKA_LOG4J_LOGGERS|KAFKA_LOG4J_ROOT_LOGLEVEL|KAFKA_TOOLS_LOG4J_LOGLEVEL) continue ;;
    esac
    key=$(echo "${var#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
    echo "$key=${!var}" >> "$conf"
  done
  echo "kafka-entrypoint: formatting $KAFKA_LOG_DIRS (cluster $CLUSTER_ID) with SCRAM-SHA-512 user admin"
  status=0
  "$bin/kafka-storage.sh" format --cluster-id "$CLUSTER_ID" --config "$conf" --ignore-formatted \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$SCRAM_ADMIN_PASSWORD]" || status=$?
  rm -f "$conf"
  [ "$status" = 0 ] || exit "$status"
fi

state=$( { cat "$here/kafka-init.sh"; for name in "${passwords[@]}"; do echo "$name=${!name}"; done; } \
         | sha256sum | cut -c1-32)
marker="$first_dir/.counterpart-users-acls-$state"
if [ -f "$marker" ]; then
  touch "$ready"
else
  (
    if bash "$here/kafka-init.sh"; then
      rm -f "$first_dir"/.counterpart-users-acls-*
      touch "$marker" "$ready"
    else
      echo "kafka-entrypoint: users and ACLs FAILED; the broker stays unhealthy" >&2
    fi
  ) &
fi
for name in "${passwords[@]}"; do unset "$name"; done

if [ -x /etc/kafka/docker/run ]; then
  exec /etc/kafka/docker/run          # apache/kafka: writes server.properties from KAFKA_*, starts the broker
fi
exec "$bin/run.sh"                    # the stand-in: the same, from docker/kafka/run.sh
