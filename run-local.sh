#!/usr/bin/env bash
# Starts the whole Counterpart system on one machine with only JDK 17 and Maven:
# Kafka (KRaft) and PostgreSQL from Maven artifacts, the three services, and a few sample reports.
# Data is kept in .counterpart-data/ across restarts. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
echo "[counterpart] building (first run downloads dependencies and takes a few minutes) ..."
mvn -B -q -Dstyle.color=never install -DskipTests
exec java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" \
  -Dcounterpart.project-root="$PWD" org.counterpart.stack.LocalStack "$@"
