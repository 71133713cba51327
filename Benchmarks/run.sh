#!/usr/bin/env bash
# The platform-scale benchmark (issue #6), in one command:
#
#   Benchmarks/run.sh                      # 10,000 systems, 1,000,000 evidence items, curve 100/1,000/10,000
#   Benchmarks/run.sh --systems 1000 --evidence 100000 --scaling 100,1000 --repeat 5
#
# Builds Crosswalk in release mode, compiles the C baseline against libxml2
# (pkg-config libxml-2.0), installs xmllint (libxml2-utils) if it is missing, then runs
# `crosswalk bench`, which generates the organisation files it needs (deterministic from
# --seed) and prints the tables. Docs/Performance.md explains every row.
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-.build-bench}
WORK=${WORK:-/tmp/crosswalk-bench}
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

if ! pkg-config --exists libxml-2.0; then $SUDO apt-get install -y libxml2-dev; fi
if ! command -v xmllint >/dev/null 2>&1; then $SUDO apt-get install -y libxml2-utils; fi

swift build -c release --scratch-path "$SCRATCH" --product crosswalk
mkdir -p "$WORK"
# shellcheck disable=SC2046
gcc -O2 -o "$WORK/sax2_baseline" Benchmarks/c-baseline/sax2_baseline.c $(pkg-config --cflags --libs libxml-2.0)

exec "$SCRATCH/release/crosswalk" bench --work "$WORK" --c-baseline "$WORK/sax2_baseline" --xmllint "$(command -v xmllint)" "$@"
