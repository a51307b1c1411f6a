#!/usr/bin/env sh
# Offline fact extraction: ./facts-service/extract.sh [--published=YYYY-MM-DD] [--language=en|zh] FILE...
# Needs the packaged service (mvn install -DskipTests, or mvn -pl facts-service package -DskipTests).
DIR=$(cd "$(dirname "$0")" && pwd)
APP="$DIR/target/quarkus-app"
if [ ! -d "$APP/lib/main" ]; then
  echo "extract: $APP not found; run: mvn -pl facts-service package -DskipTests" >&2
  exit 2
fi
exec java -cp "$APP/app/*:$APP/lib/main/*:$APP/lib/boot/*" org.counterpart.facts.extraction.cli.ExtractCommand "$@"
