#!/usr/bin/env bash
# Parses the AsyncAPI documents of ingest-service and facts-service, saved as the services serve them, with the
# official parser (@asyncapi/parser, pinned in contracts/asyncapi-check/package-lock.json), from the files alone as
# a subscriber who downloaded them would. Fails on any error diagnostic.
# The copies are written by each service's AsyncApiDocumentIT (mvn verify) to <service>/target/asyncapi/; when one
# is missing, those two tests are run first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
docs=("$root/ingest-service/target/asyncapi/ingest-service.yaml" "$root/facts-service/target/asyncapi/facts-service.yaml")

for doc in "${docs[@]}"; do
  if [[ ! -s "$doc" ]]; then
    echo "check-asyncapi: $doc missing; running the AsyncApiDocumentITs"
    mvn -B -q verify -pl ingest-service,facts-service -am -Dit.test=AsyncApiDocumentIT -Dtest=none \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
    break
  fi
done

cd contracts/asyncapi-check
# --ignore-scripts: the parser needs no install step, and a dependency's telemetry script has no business running.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
node check-asyncapi.mjs "${docs[@]}"
