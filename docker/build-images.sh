#!/usr/bin/env bash
# Provides the Docker engine, a compose command and the images docker-compose.yml uses, for the system tier
# (system-tests) and `docker compose up`:
#   postgres:17, apache/kafka:4.1.1, eclipse-temurin:17-jre  (names overridable: POSTGRES_IMAGE, KAFKA_IMAGE, JRE_IMAGE)
# An image already present is kept. A missing one is pulled if a registry answers; otherwise a stand-in is built
# locally: a Debian base from debootstrap + `docker import` (packages installed at debootstrap time, since
# containers may not reach the mirror), then PostgreSQL 15, OpenJDK 17 and Kafka's own Maven Central jars on top.
# The three services' images are not built here: the system tests build them from their Dockerfiles.
# Compose: where neither `docker compose` (the plugin) nor `docker-compose` answers, installs Debian's docker-compose
# (1.29.2, which reads docker-compose.yml as it is) for the system tier's ComposeDeploymentIT.
#
# Idempotent and quick when the images exist. Starts dockerd in the background when no engine answers and this
# user may install/start one (root); where that is impossible it says so and exits 0, and the system tier then
# fails under CI=true (skips elsewhere) with that reason.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
WORK=${COUNTERPART_IMAGE_WORK:-/var/tmp/counterpart-images}
POSTGRES_IMAGE=${POSTGRES_IMAGE:-postgres:17}
KAFKA_IMAGE=${KAFKA_IMAGE:-apache/kafka:4.1.1}
JRE_IMAGE=${JRE_IMAGE:-eclipse-temurin:17-jre}
BASE_IMAGE=counterpart/debian-base:bookworm
BASE_PACKAGES=bash,procps,netbase,ca-certificates,openjdk-17-jre-headless,postgresql-15
SUITE=bookworm

log() { echo "[build-images] $*"; }
skip() { log "$*"; log "no Docker engine: the system tier will fail under CI=true, and skip elsewhere"; exit 0; }
engine_up() { timeout 20 docker info >/dev/null 2>&1; }

mkdir -p "$WORK"

# --- a Docker engine --------------------------------------------------------------------------------------------
if ! command -v docker >/dev/null 2>&1 || ! engine_up; then
  [ "$(id -u)" = 0 ] || skip "no Docker engine answers and this user cannot start one"
  if ! command -v dockerd >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || skip "dockerd is not installed and there is no apt-get"
    log "installing docker.io"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io; } >"$WORK/apt.log" 2>&1 \
      || skip "could not install docker.io (see $WORK/apt.log)"
  fi
  if ! engine_up; then
    log "starting dockerd (log: $WORK/dockerd.log)"
    nohup dockerd >"$WORK/dockerd.log" 2>&1 &
    for _ in $(seq 60); do engine_up && break; sleep 1; done
    engine_up || skip "dockerd did not come up (see $WORK/dockerd.log)"
  fi
fi
log "Docker engine $(docker version -f '{{.Server.Version}}')"

# --- a compose command ---------------------------------------------------------------------------------------------
compose_version() {
  timeout 30 docker compose version 2>/dev/null | head -1 || true
  command -v docker-compose >/dev/null 2>&1 && timeout 30 docker-compose version --short 2>/dev/null || true
}
if [ -z "$(compose_version)" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "installing docker-compose"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-compose; } >>"$WORK/apt.log" 2>&1 \
    || log "could not install docker-compose (see $WORK/apt.log)"
fi
compose=$(compose_version | head -1)
if [ -n "$compose" ]; then
  log "compose: $compose"
else
  log "no compose command: ComposeDeploymentIT will fail under CI=true, and skip elsewhere"
fi

# --- helpers -----------------------------------------------------------------------------------------------------
have_image() { docker image inspect "$1" >/dev/null 2>&1; }
standin_hash() { docker image inspect -f '{{ index .Config.Labels "org.counterpart.standin" }}' "$1" 2>/dev/null || true; }
dir_hash() { (cd "$1" && find . -type f ! -path './target/*' -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16; }

# Keeps a present image (official, or a stand-in built from the same files); else pulls; else returns 1.
present_or_pulled() {
  local image=$1 dir=$2 label
  if have_image "$image"; then
    label=$(standin_hash "$image")
    if [ -z "$label" ] || [ "$label" = "<no value>" ]; then log "$image: present"; return 0; fi
    if [ "$label" = "$(dir_hash "$dir")" ]; then log "$image: present (local stand-in)"; return 0; fi
    log "$image: stand-in is out of date, rebuilding"; return 1
  fi
  if [ "${COUNTERPART_NO_PULL:-}" != 1 ] && timeout 300 docker pull -q "$image" >/dev/null 2>&1; then
    log "$image: pulled"; return 0
  fi
  log "$image: not pullable here, building a local stand-in"; return 1
}

ensure_base() {
  have_image "$BASE_IMAGE" && return 0
  if ! command -v debootstrap >/dev/null 2>&1; then
    log "installing debootstrap"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap; } >>"$WORK/apt.log" 2>&1
  fi
  # The mirror apt uses here (deb822 sources or the classic list).
  local mirror
  mirror=$(grep -hoE '^URIs:[[:space:]]*\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' \
           | grep -v security | head -1 || true)
  [ -n "$mirror" ] || mirror=$(grep -hoE '^deb[[:space:]]+\S+' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' \
           | grep -v security | head -1 || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  local rootfs="$WORK/rootfs"
  rm -rf "$rootfs"
  log "debootstrap $SUITE from $mirror (log: $WORK/debootstrap.log)"
  debootstrap --variant=minbase --include="$BASE_PACKAGES" "$SUITE" "$rootfs" "$mirror" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log"; exit 1; }
  # Slim it: package caches, docs, and the cluster postgresql-common created (the entrypoint makes its own).
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
         "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/var/lib/postgresql/15 \
         "$rootfs"/etc/postgresql/15 "$rootfs"/var/log/*.log
  log "importing $BASE_IMAGE"
  tar --numeric-owner -C "$rootfs" -c . | docker import -c 'CMD ["bash"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
}

build_standin() {
  local image=$1 dir=$2
  ensure_base
  docker build -q --build-arg BASE="$BASE_IMAGE" --label "org.counterpart.standin=$(dir_hash "$dir")" \
    -t "$image" "$dir" >"$WORK/docker-build.log" 2>&1 || { cat "$WORK/docker-build.log"; exit 1; }
  log "$image: built from $dir"
}

# --- the images ----------------------------------------------------------------------------------------------------
present_or_pulled "$POSTGRES_IMAGE" "$HERE/postgres" || build_standin "$POSTGRES_IMAGE" "$HERE/postgres"
present_or_pulled "$JRE_IMAGE" "$HERE/jre" || build_standin "$JRE_IMAGE" "$HERE/jre"
if ! present_or_pulled "$KAFKA_IMAGE" "$HERE/kafka"; then
  # Kafka's broker jars (kafka_2.13 and its runtime dependencies) from Maven Central, via the local repository.
  rm -rf "$HERE/kafka/target/libs"
  mvn_args=(-B -q -f "$HERE/kafka/pom.xml" dependency:copy-dependencies -DincludeScope=runtime
            -DoutputDirectory="$HERE/kafka/target/libs")
  mvn -o "${mvn_args[@]}" >/dev/null 2>&1 || mvn "${mvn_args[@]}"
  build_standin "$KAFKA_IMAGE" "$HERE/kafka"
fi
docker image prune -f >/dev/null 2>&1 || true
log "ready: $POSTGRES_IMAGE, $KAFKA_IMAGE, $JRE_IMAGE"
