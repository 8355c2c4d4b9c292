#!/usr/bin/env bash
# Make sure a Java runtime (17+) is there for the Spark tests; install Debian's
# OpenJDK when it is missing. Never fails the setup: without Java the Spark
# tests skip with a reason.
set -uo pipefail

log() { echo "ensure-java: $*" >&2; }

if java -version >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    log "no java and no apt-get: install a Java 17+ runtime for the Spark tests (they skip without it)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
        log "no java, and not root: install openjdk-17-jre-headless for the Spark tests (they skip without it)"
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2 || true
# The newest headless OpenJDK runtime Debian has, 17 or later (pyspark 4 needs 17+).
PKG=$(apt-cache search --names-only '^openjdk-[0-9]+-jre-headless$' 2>/dev/null | awk '{print $1}' \
      | sed -E 's/openjdk-([0-9]+)-.*/\1 &/' | awk '$1 >= 17' | sort -n | tail -n 1 | awk '{print $2}')
if [ -z "$PKG" ]; then
    log "no openjdk-17+ package found by apt-cache; the Spark tests will skip"
    exit 0
fi
log "installing $PKG"
$SUDO apt-get install -y -qq --no-install-recommends "$PKG" >&2 || log "installing $PKG failed; the Spark tests will skip"
exit 0
