#!/usr/bin/python3
"""Writes adapters/onednn/expectations.txt from a run's wptreport (make conformance-onednn
writes build/conformance-onednn/wptreport.json; run it with an empty expectations file first).

Every FAIL or ERROR must fall in one of the investigated CLASSES below (a regular expression on
the case name and the status, with the cause and the oneDNN implementation that produced it);
the script stops on one that does not, so nobody adds an entry without a reason. The measured
error of each class (the worst over its cases) is written next to its reason. Conformance gaps
(required cases outside opSupportLimits) are grouped per vector file: the whole file when none
of its cases runs, else a data-type glob when only that type is missing, else the exact cases.

    /usr/bin/python3 adapters/onednn/gen_expectations.py build/conformance-onednn/wptreport.json \
        > adapters/onednn/expectations.txt
"""
import collections
import json
import re
import sys

# (status, regex on the case name, reason). Reasons name the oneDNN implementation
# (impl_info_str, from DNNL_VERBOSE=1) that produced the deviation.
CLASSES = [
    ("FAIL", r"^activation/(clamp|relu|leakyRelu|hardSigmoid)\.json/.* special values",
     "NaN not propagated: eltwise jit:avx512_core computes relu/clip with max/min instructions that "
     "return the non-NaN operand (NaN -> 0 or the bound)"),
    ("FAIL", r"^softmax/softmax\.json/.*NaN propagates",
     "NaN not propagated: softmax_v2 jit:avx512_core takes the row maximum with max instructions "
     "that drop NaN (NaN row -> 0s)"),
    ("FAIL", r"^elementwise_unary/exp\.json/exp .* special values",
     "exp(NaN) = inf: eltwise jit:avx512_core clamps the argument before its polynomial"),
    ("FAIL", r"^elementwise_unary/log\.json/log float32 special values",
     "log of subnormal inputs: eltwise jit:avx512_core gives -88.03 (as for 2^-127) instead of "
     "-103.28 for 1e-45 (subnormals not handled)"),
    ("FAIL", r"^activation/(gelu|softplus)\.json/.*float32",
     "polynomial approximations: eltwise jit:avx512_core gelu_erf and soft_relu are off by up to "
     "~45 ULP near small results (tolerance 18 ULP); softplus in the cancellation region by "
     "absolute 1.9e-6 (tolerance 9.5e-7)"),
    ("FAIL", r"^examples/activation\.json/gelu float32, exact erf form",
     "eltwise jit:avx512_core gelu_erf is an approximation: gelu(-10) = -7.6e-23 comes out 0, and "
     "the example's 18 ULP (the gelu row of tolerance.json) allows no absolute slack"),
    ("FAIL", r"^(cast/cast\.json/cast float(32|16) to u?int(8|32)|examples/cast\.json/cast float32 to int32|"
             r"sensitivity/saturation\.json/cast float(32|16) to u?int(8|32) )",
     "float -> integer cast rounds to nearest even (reorder jit:uni, the rounding mode of "
     "oneDNN's conversions); WebNN truncates toward zero"),
    ("FAIL", r"^(cast/cast\.json/cast u?int(8|32) to u?int8 extremes|examples/cast\.json/cast int8 -1 to uint8)",
     "integer narrowing saturates (reorder jit:uni: int32 300 -> int8 127, int8 -1 -> uint8 0); "
     "WebNN keeps the low bits (two's complement)"),
    ("FAIL", r"^elementwise_(binary/div\.json/div|unary/reciprocal\.json/reciprocal) float16 .*(special|zero)",
     "the sign of a float16 zero is lost: reorder simple:any converts float16 -0 to float32 +0 "
     "(and back), so 1/-0 gives +inf"),
    ("FAIL", r"^logical/greater(OrEqual)?\.json/.* special values all pairs",
     "NaN comparisons: binary jit:uni gives 1 for greater/greaterOrEqual with a NaN operand "
     "(IEEE: unordered, 0)"),
    ("FAIL", r"^(resample/resample2d\.json/.*(nearest|axes)|examples/resample\.json/resample\.nearest)",
     "nearest-neighbor ties: resampling (jit:avx512_core_bf16, ref) takes floor((o + 0.5) / scale), "
     "the upper neighbour when (o + 0.5) / scale is an integer; WebNN takes ceil(x - 0.5), the "
     "lower one (every case with a scale of 0.5 or a ratio with exact ties)"),
    ("FAIL", r"^examples/recurrent\.json/gru_float16_rounds_state_each_step",
     "float16 recurrent state: rnn ref (float32 primitive between float16 reorders) keeps the "
     "hidden state in float32 across steps; WebNN rounds it to float16 after every step"),
    ("ERROR", r"^(recurrent/(gru|gruCell|lstm|lstmCell)\.json/.*activations \[|examples/recurrent\.json/gruCell_relu)",
     "non-default activations: oneDNN's LSTM and GRU cells have sigmoid/tanh built in; the "
     "adapter declines others in build() (opSupportLimits cannot express an activation)"),
    ("ERROR", r"^(pooling/(averagePool2d|maxPool2d)\.json/.*float.*strides=3,2684354560|"
              r"sensitivity/boundaries\.json/(conv2d|maxPool2d) float32 .* strides \[.*4294967295)",
     "a stride beyond 2^31 (valid unsigned long values, up to 4294967295): oneDNN 2.6's convolution "
     "and pooling descriptor initialisation returns status 2 (invalid_arguments), so build() fails"),
    ("ERROR", r"^normalization/layerNormalization\.json/.* axes=(\[\]|default) ",
     "layerNormalization over no axes (rank 1 default, or axes = []): oneDNN's layer "
     "normalization needs a dimension to normalize over; the adapter declines in build()"),
]


def esc(name):
    return re.sub(r"([*?\[\]])", r"\\\1", name)


def main(path):
    results = json.load(open(path))["results"]
    status = {r["test"]: r["extra"]["webnn_status"] for r in results}
    by_class = collections.defaultdict(list)
    for r in results:
        st = r["extra"]["webnn_status"]
        if st not in ("FAIL", "ERROR", "CRASH", "TIMEOUT"):
            continue
        for i, (cst, rx, _) in enumerate(CLASSES):
            if cst == st and re.search(rx, r["test"]):
                by_class[i].append(r)
                break
        else:
            sys.exit("uninvestigated %s: %s: %s" % (st, r["test"], r.get("message")))
    gaps = collections.defaultdict(list)
    for r in results:
        if r["extra"]["webnn_status"] == "NOTSUPPORTED" and r["extra"]["conformance_gap"]:
            gaps[r["test"].split(".json/")[0] + ".json"].append(r)
    out = ["# Expectations of the oneDNN adapter (runner/expectations.h: \"STATUS[,STATUS] GLOB\", the last",
           "# matching rule wins). Generated by adapters/onednn/gen_expectations.py from a run's",
           "# wptreport: each FAIL/ERROR class was investigated (cause, measured error, the oneDNN",
           "# implementation), see adapters/onednn/README.md \"Findings\".", ""]
    out.append("# ---- conformance gaps: required cases outside the adapter's opSupportLimits ----")
    for f in sorted(gaps):
        cases = [n for n in status if n.startswith(f + "/")]
        gap_names = {r["test"] for r in gaps[f]}
        types = collections.Counter(r["extra"].get("data_type") for r in gaps[f])
        ops = sorted({r["extra"]["op"] for r in gaps[f]})
        if all(status[n] == "NOTSUPPORTED" for n in cases):
            out.append("# %s: not claimed (%s)" % (f, ", ".join(ops)))
            out.append("NOTSUPPORTED %s/*" % esc(f))
            continue
        for t in sorted(types, key=str):
            glob = "%s/*%s*" % (f, t)
            rx = re.compile(re.escape(f + "/") + ".*" + re.escape(str(t)))
            covered = [n for n in cases if rx.match(n)]
            if t and all(status[n] == "NOTSUPPORTED" for n in covered) and \
                    all(n in gap_names or status[n] == "NOTSUPPORTED" for n in covered):
                out.append("# %s: %s not claimed (ops with gaps here: %s)" % (f, t, ", ".join(ops)))
                out.append("NOTSUPPORTED %s" % esc(f) + "/*%s*" % t)
                gap_names -= set(covered)
        if gap_names:
            out.append("# %s: outside the limits (ranks or types of some operands)" % f)
            out.extend("NOTSUPPORTED %s" % esc(n) for n in sorted(gap_names))
    out.append("")
    out.append("# ---- deviations found by the suite ----")
    for i, (st, _, reason) in enumerate(CLASSES):
        cases = by_class.get(i, [])
        if not cases:
            continue
        worst = max((float(o.get("max_abs") or 0) for c in cases for o in c["extra"].get("outputs", [])), default=0)
        ulp = max((float(o.get("max_ulp") or 0) for c in cases for o in c["extra"].get("outputs", [])), default=0)
        out.append("")
        out.append("# %s (%d cases%s)" % (reason, len(cases),
                                         "; worst max abs error %.3g, %.3g ULP" % (worst, ulp) if st == "FAIL" else ""))
        out.extend("%s %s" % (st, esc(c["test"])) for c in sorted(cases, key=lambda c: c["test"]))
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
