#!/usr/bin/env bash
# The platform-scale benchmark (issue #6), in one command:
#
#   Benchmarks/run.sh                      # 10,000 systems, 1,000,000 evidence items, curve 100/1,000/10,000
#   Benchmarks/run.sh --systems 1000 --evidence 100000 --scaling 100,1000 --repeat 5
#
# It prints the start-up row first (StartupBench: Dataset.bundled(), 20 runs, against the
# 20 ms target; on its own: swift build -c release --package-path Benchmarks --product StartupBench).
#
# Builds the `crosswalk` tool and the benchmark harness (Benchmarks/Package.swift, kept out
# of the product) in release mode, compiles the C baseline against libxml2
# (pkg-config libxml-2.0), installs xmllint (libxml2-utils) if it is missing, then runs
# `crosswalk-bench`, which generates the organisation files it needs (deterministic from
# --seed) and prints the tables: the stages against the C baseline (records built, and a bare
# parse), the reports written end to end against the input's size, the targets of issue #16
# with their ratios and the load average, and the scaling curve (time and memory per item).
# Docs/Performance.md explains every row.
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-.build-bench}
WORK=${WORK:-/tmp/crosswalk-bench}
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

if ! pkg-config --exists libxml-2.0 || ! command -v xmllint >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq libxml2-dev libxml2-utils pkg-config
fi

# The harness reaches the library as a path dependency, and SwiftPM 6.3 keeps that
# dependency's planned file list across builds: a source file added to the library since
# the last harness build is then "not in scope". Forget the plan (not the objects) first.
rm -f "$SCRATCH-harness/release.yaml" "$SCRATCH-harness/release/description.json" "$SCRATCH-harness/build.db"

# Start-up first (quick): Dataset.bundled(), median and best of 20 runs, against the 20 ms target.
swift build -c release --package-path Benchmarks --scratch-path "$SCRATCH-harness" --product StartupBench
"$SCRATCH-harness/release/StartupBench"

swift build -c release --scratch-path "$SCRATCH" --product crosswalk
swift build -c release --package-path Benchmarks --scratch-path "$SCRATCH-harness" --product CrosswalkBench
mkdir -p "$WORK"
# shellcheck disable=SC2046
gcc -O2 -o "$WORK/sax2_baseline" Benchmarks/c-baseline/sax2_baseline.c $(pkg-config --cflags --libs libxml-2.0)

exec "$SCRATCH-harness/release/CrosswalkBench" --work "$WORK" --crosswalk "$SCRATCH/release/crosswalk" \
  --c-baseline "$WORK/sax2_baseline" --xmllint "$(command -v xmllint)" "$@"
