#!/bin/bash
# make fuzz-diff: a few seconds of webnn-fuzz that can fail.
#  1. the reference against itself, 300 seeded cases: no finding (exit 0);
#  2. the hostile test adapter with WEBNN_HOSTILE=wrong=tanh (element 0 of every tanh result
#     moved by 2^14 ULP): webnn-fuzz must report it (exit 1), minimize it to tanh alone, and
#     the written vector must fail on that adapter and pass on the reference under
#     run-conformance, as it is;
#  3. the hostile adapter with segv=softsign: a CRASH finding, minimized to softsign alone,
#     whose vector crashes that adapter under run-conformance too.
set -u
BUILD=${1:-build}
OUT=$BUILD/fuzz-diff/smoke
FUZZ=$BUILD/webnn-fuzz
RUN=$BUILD/run-conformance
HOSTILE=$BUILD/adapters/libwebnn_adapter_hostile.so
rm -rf "$OUT"
mkdir -p "$OUT"
fail() { echo "fuzz-diff: FAIL: $*"; exit 1; }

$FUZZ --adapter reference --cases 300 --seed 1 --jobs 2 --out "$OUT/ref" > "$OUT/ref.txt" 2> "$OUT/ref.log"
rc=$?
[ $rc -eq 0 ] || { tail -20 "$OUT/ref.log"; fail "the reference against itself: exit $rc, expected 0 (no finding)"; }
grep -q "300 cases" "$OUT/ref.txt" || fail "the reference run did not report 300 cases"
echo "fuzz-diff: reference vs itself: $(grep -o '[0-9]* of [0-9]* drawable operations judged' "$OUT/ref.txt"), 0 findings"

# one minimized vector of a finding (op, status); checks it runs as-is under run-conformance
check_vector() { # op expected-status-on-hostile
    local op=$1 want=$2 env=$3 f
    f=$(ls "$OUT/$op"/"$op"-*.json 2>/dev/null | head -1)
    [ -n "$f" ] || fail "no minimized $op vector in $OUT/$op"
    local n_ops
    n_ops=$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["tests"][0]["graph"]["operators"]))' "$f")
    [ "$n_ops" = 1 ] || fail "$f has $n_ops operations, expected the one at fault"
    env WEBNN_HOSTILE="$env" $RUN --vectors "$f" --adapter "$HOSTILE" --journal "$OUT/$op/j1" > "$OUT/$op/hostile.txt" 2>&1
    grep -q "1 $want" "$OUT/$op/hostile.txt" || { cat "$OUT/$op/hostile.txt"; fail "$f: not $want on the broken adapter"; }
    $RUN --vectors "$f" --journal "$OUT/$op/j2" > "$OUT/$op/ref.txt" 2>&1 || { cat "$OUT/$op/ref.txt"; fail "$f does not pass on the reference"; }
    echo "fuzz-diff: broken $op caught, minimized to 1 operation: $(basename "$f") ($want on the broken adapter, PASS on the reference)"
}

WEBNN_HOSTILE=wrong=tanh $FUZZ --adapter "$HOSTILE" --cases 40 --seed 7 --ops 'tanh,add,mul,sub,relu,reshape,transpose,concat' \
    --out "$OUT/tanh" > "$OUT/tanh.txt" 2> "$OUT/tanh.log"
rc=$?
[ $rc -eq 1 ] || { tail -20 "$OUT/tanh.log"; fail "wrong=tanh: exit $rc, expected 1 (findings)"; }
check_vector tanh failed wrong=tanh

WEBNN_HOSTILE=segv=softsign $FUZZ --adapter "$HOSTILE" --cases 20 --seed 3 --ops 'softsign,add,relu,reshape' \
    --out "$OUT/softsign" > "$OUT/softsign.txt" 2> "$OUT/softsign.log"
rc=$?
[ $rc -eq 1 ] || { tail -20 "$OUT/softsign.log"; fail "segv=softsign: exit $rc, expected 1 (findings)"; }
grep -q "CRASH" "$OUT/softsign/findings.tsv" || fail "segv=softsign: no CRASH finding"
check_vector softsign crashed segv=softsign
echo "fuzz-diff: ok"
