#!/usr/bin/env bash
# Prints the public surface of the Crosswalk module: public top-level types, all public
# types (nested too) and public symbols, with and without synthesised members
# (Docs/Embedding.md, "The public surface"). Run after `swift build`, from the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(swift build --show-bin-path)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
mkdir -p "$OUT/all" "$OUT/declared"
triple=$(basename "$(dirname "$BIN")")
common=(-module-name Crosswalk -I "$BIN/Modules" -I Sources/CLibXML2 -I Sources/CZlib
        -Xcc "-fmodule-map-file=$BIN/CCrosswalkSignals.build/module.modulemap"
        $(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g')
        -target "$triple" -minimum-access-level public)
swift symbolgraph-extract "${common[@]}" -output-dir "$OUT/all"
swift symbolgraph-extract "${common[@]}" -skip-synthesized-members -output-dir "$OUT/declared"
python3 - "$OUT" <<'PY'
import json, glob, os, sys
def count(d):
    syms = []
    for f in glob.glob(os.path.join(d, 'Crosswalk*.symbols.json')):
        syms += json.load(open(f))['symbols']
    kinds = {'swift.struct', 'swift.enum', 'swift.class', 'swift.protocol', 'swift.typealias', 'swift.actor'}
    types = [s for s in syms if s['kind']['identifier'] in kinds]
    return len([s for s in types if len(s['pathComponents']) == 1]), len(types), len(syms)
top, types, symbols = count(os.path.join(sys.argv[1], 'all'))
_, _, declared = count(os.path.join(sys.argv[1], 'declared'))
print(f"public top-level types: {top}\npublic types (nested too): {types}\npublic symbols: {symbols} ({declared} without synthesised members)")
PY
