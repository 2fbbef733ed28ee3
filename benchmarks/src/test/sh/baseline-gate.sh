#!/usr/bin/env bash
# The regression gate as a CI job uses it, end to end with real runs of the quick profile (3 forks a point, so the test has samples on both sides):
#   1. a run saved as baseline "main";
#   2. an unchanged rerun: compare --baseline main --fail-on slower:100 passes (exit 0);
#   3. a rerun with every timed call of java about ten times as slow (GLUEBENCH_FAULT=slow:java, the
#      harness's own fault injection): the gate fails (exit 3) and names the point in its last lines.
# The margins (a gate at +100%, a slowdown of x10) hold on a busy machine: this checks the gate's
# behaviour, not the machine's noise.
# Run by `./gluebench test`; on its own: bash benchmarks/src/test/sh/baseline-gate.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/gluebench-gate-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
RUN=(run --profile quick --workload dot --pattern java --size 10000 --no-startup --no-scaling
     --machine-name gate --results "$T")
fail() { echo "baseline gate test: $1" >&2; for f in "$T"/*.log; do echo "--- $f" >&2; tail -25 "$f" >&2; done; exit 1; }
newest() { ls -d "$T"/gate/2*/ | sort | tail -1; }

"$ROOT/gluebench" "${RUN[@]}" --save-baseline main > "$T/1-baseline.log" 2>&1 || fail "the baseline run failed"
[ -f "$T/gate/baselines/main.json" ] || fail "no baselines/main.json"
"$ROOT/gluebench" "${RUN[@]}" --save-baseline main > "$T/1b-taken.log" 2>&1 && fail "a taken baseline name was accepted"
[ "$(ls -d "$T"/gate/2*/ | wc -l)" -eq 1 ] || fail "a refused --save-baseline started a run"

"$ROOT/gluebench" "${RUN[@]}" > "$T/2-rerun.log" 2>&1 || fail "the unchanged rerun failed"
"$ROOT/gluebench" compare --baseline main --machine-name gate --results "$T" "$(newest)" --fail-on slower:100 \
    > "$T/2-gate.log" 2>&1 || fail "the gate failed an unchanged rerun"
grep -q "gate --fail-on slower:100: passed" "$T/2-gate.log" || fail "the gate did not say it passed"

GLUEBENCH_FAULT=slow:java "$ROOT/gluebench" "${RUN[@]}" > "$T/3-slowed.log" 2>&1 || fail "the slowed run failed"
set +e
"$ROOT/gluebench" compare --baseline main --machine-name gate --results "$T" "$(newest)" --fail-on slower:100 \
    > "$T/3-gate.log" 2>&1
code=$?
set -e
[ "$code" -eq 3 ] || fail "the gate exited $code on a 10x slowdown, not 3"
tail -3 "$T/3-gate.log" | grep -q "dot java N=10000" || fail "the gate's last lines do not name dot java N=10000"
echo "baseline gate: saved main; unchanged rerun passed; 10x slowdown failed with exit 3 naming dot java N=10000"
