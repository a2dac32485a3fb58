#!/usr/bin/python3
"""Writes vectors/tolerance.json, the ONE tolerance table: a row per (op, data type class of the
primary operand) for all 95 ops. Edit the rules here and re-run (`make tolerance`); the JSON is
committed and read by common.tolerance(). "WPT" figures are the web-platform-tests webnn
tolerances (webnn/resources/utils.js, PrecisionMetrics / operatorToleranceDict), cited as facts."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

F16_ACC = "float16-accumulating backends need about 2**-11*N relative (roughly N x the bound)"

# op -> {class: (metric, bound, reason)} ; class "float" applies to float32 and float16 unless a
# class-specific entry exists; "integer" covers all integer types.
EXACT_INT = ("EXACT", "0", "integer arithmetic is exact (wrap-around where the spec allows overflow)")
R = {}


def rule(ops, float32=None, float16=None, integer=EXACT_INT, f16acc=None, floor=None):
    """floor: the absolute-error floor formula of the float rows (None: no floor)."""
    for o in ops.split():
        R[o] = {"float32": float32, "float16": float16 or float32, "integer": integer, "f16acc": f16acc,
                "floor": floor}


MOVE = ("EXACT", "0", "data movement copies values; -0 and +0 compare equal, NaN matches NaN")
rule("concat expand reshape reverse slice split tile transpose triangular pad identity "
     "gather gatherElements gatherND scatterElements scatterND where", MOVE, integer=MOVE[:2] + (MOVE[2],))
rule("equal notEqual greater greaterOrEqual lesser lesserOrEqual logicalNot logicalAnd logicalOr logicalXor isNaN isInfinite",
     ("EXACT", "0", "comparison of already-rounded inputs: the uint8 result is exact"))
rule("abs neg ceil floor roundEven sign relu clamp max min maxPool2d reduceMax reduceMin",
     ("ULP", "0", "exact selection/sign operation: the result is one of the inputs or exactly representable (WPT: 0)"))
rule("argMin argMax", ("EXACT", "0", "indices are exact (ties are implementation-defined and such cases are not asserted)"))
rule("add sub mul", ("ULP", "1", "one correctly rounded operation gives <= 0.5 ULP; 1 allows an fma/extended-precision path (WPT: 1)"))
rule("div", ("ULP", "2", "correctly rounded is 0.5 ULP; 2 allows a reciprocal-multiply implementation (WPT: 2)"),
     integer=("EXACT", "0", "truncating integer division is exact; division by zero is implementation-defined"))
rule("pow", ("ULP", "32", "pow is not correctly rounded in common libms and exp(b*log(a)) loses a few bits (WPT: 32)"),
     ("ULP", "2", "computed in float32 and rounded once to float16 (WPT: 2)"))
rule("sqrt", ("ULP", "1", "IEEE sqrt is correctly rounded; 1 allows rsqrt-based paths (WPT: 1)"))
rule("reciprocal", ("ULP", "2", "1/x correctly rounded is 0.5 ULP; 2 allows approximate reciprocal + Newton step (WPT: 2)"))
rule("exp", ("ULP", "32", "vectorised exp approximations are within a few tens of ULP (WPT: 32)"),
     ("ULP", "1", "computed in float32 then rounded once to float16 (WPT: 1)"))
rule("log", ("ATOL", "2**-10", "log near 1 is tiny so ULP is unfair; absolute error (WPT: ATOL 1/1024)"),
     ("ATOL", "2**-8", "absolute error; float16 output of |log x| < 8 rounds by up to 2**-9, so WPT's 1/1024 only holds for |log x| < 2"))
rule("sin cos tan erf", ("ATOL", "2**-10", "range-reduced polynomial approximations; absolute error (WPT: ATOL 1/1024)"),
     ("ATOL", "2**-9", "float16 output of values < 2 rounds by <= 2**-10; absolute error (WPT: ATOL 1/512)"))
rule("elu gelu softplus", ("ULP", "18", "built on exp/log/erf; a few primitive errors compound (WPT: 18)"))
rule("tanh", ("ULP", "16", "tanh via exp; cancellation near 0 handled by the polynomial (WPT: 16)"))
rule("sigmoid", ("ULP", "34", "1/(1+exp(-x)): exp's 32 ULP + 2 operations (WPT: 34)"),
     ("ULP", "10", "computed in float32 and rounded to float16 (WPT: 10)"))
rule("hardSigmoid", ("ULP", "2", "alpha*x+beta then clamp: two roundings (WPT: 2)"))
rule("hardSwish", ("ULP", "4", "x*min(max(x+3,0),6)/6: four roundings (WPT: 4)"))
rule("leakyRelu prelu", ("ULP", "1", "one multiplication on the negative side (WPT: 1)"),
     integer=("EXACT", "0", "integer prelu: exact product (wrap-around)"))
rule("linear", ("ULP", "2", "alpha*x+beta: two roundings (WPT: 2); cases avoid cancellation"))
rule("softsign", ("ULP", "3", "x/(1+|x|): add + divide (WPT: 3)"))
rule("cast", ("ULP", "0", "conversion is correctly rounded (float) or exact (integer); out-of-range casts are implementation-defined"),
     integer=("ULP", "0", "integer->float conversion is correctly rounded; int->int wraps exactly"))
rule("quantizeLinear", ("ATOL", "1", "round(x/scale)+zp: a backend multiplying by 1/scale may land on the other side of a .5 tie; exact-tie cases override with EXACT"))
rule("dequantizeLinear", None, integer=("ULP", "2", "(x-zp)*scale: int32 x-zp may round when converted to float32, then one multiply"))
rule("batchNormalization", ("ULP", "6", "(x-mean)/sqrt(var+eps)*scale+bias: ~6 roundings, no accumulation (WPT: 6)"))
rule("instanceNormalization layerNormalization",
     ("ATOL", "max(2**-10, 4*N*2**-24)", "mean and variance accumulate N = reduced elements; output is O(1) so absolute error (WPT: layerNormalization ATOL 1/1024, instanceNormalization 840 ULP)"),
     ("ATOL", "max(2**-8, 4*N*2**-24)", "float16 output of |y| < 8 rounds by <= 2**-9, accumulation in float32 adds N*2**-22"))
rule("matmul", ("ULP", "2*N", "dot product of length N = K: N multiplies + N adds, naive order (WPT: 2K)"),
     floor="gamma(N)*M")
rule("gemm", ("ULP", "2*N+2", "N = K dot product plus alpha scaling and beta*C addition (WPT: 2K + 1 per extra op)"),
     floor="gamma(N+2)*M")
rule("conv2d convTranspose2d", ("ULP", "2*N", "N = kH*kW*Cin/groups (+1 with a bias): sliding dot product (WPT: 2*kH*kW*Cin/groups)"),
     floor="gamma(N)*M")
rule("averagePool2d l2Pool2d", ("ULP", "N+2", "N = window elements: sum of N then divide / sqrt (WPT: window size + 2)"))
rule("reduceSum", ("ULP", "N", "N = elements reduced: N-1 roundings in the worst order (WPT: N)"), floor="gamma(N)*M")
rule("reduceL1 reduceProduct", ("ULP", "N", "N = elements reduced: N-1 roundings in the worst order (WPT: N)"))
rule("reduceMean", ("ULP", "N+2", "sum of N then divide (WPT: N+2)"), floor="gamma(N+1)*M")
rule("reduceSumSquare", ("ULP", "2*N", "N squares + N adds (WPT: 2N)"))
rule("reduceL2", ("ULP", "2*N+1", "sum of squares then sqrt (WPT: 2N+1)"))
rule("reduceLogSum", ("ULP", "N+18", "sum then log (WPT: N+18)"))
rule("reduceLogSumExp", ("ULP", "2*N+18", "N exps and adds then log (WPT: 2N+18)"))
rule("cumulativeSum", ("ULP", "N", "N = length of the scanned axis: a prefix sum rounds once per element"))
rule("softmax", ("ULP", "3*N+3", "N = extent of the axis: exp, sum of N, divide (WPT: 3N+3)"))
rule("resample2d", ("ULP", "84", "linear mode: bilinear weights computed in float32 (WPT: 84 float32, 10 float16); nearest-neighbor cases are exact"),
     ("ULP", "10", "linear mode, float16 (WPT: 10)"),
     integer=("ATOL", "1", "integer linear interpolation rounds once (WPT: 1)"))
rule("gru gruCell lstm lstmCell",
     ("ATOL", "max(2**-16, (N+8)*S*2**-21)", "N = input+hidden size per gate dot product, S = steps; outputs are tanh/sigmoid-bounded O(1), so absolute error; error grows with steps"),
     ("ATOL", "max(2**-8, (N+8)*S*2**-14)", "float16 outputs of O(1) values round by 2**-11 per step, fed back for S steps"))

FLOOR_TEXT = ("Rows with a floor formula (accumulating ops: matmul, gemm, conv2d, convTranspose2d, reduceSum, "
              "reduceMean) also give each case an absolute floor: tolerance.absoluteFloor = floor evaluated with the "
              "case's N and magnitude M, rounded up to a float32 value. An element passes when it is within the "
              "row's metric bound (the ULP base, WPT's 2K practice) OR within absoluteFloor of the expected value; "
              "NaN and infinities never pass by the floor. Why: a ULP bound is relative to the RESULT, but a sum "
              "whose terms cancel has an error relative to the TERMS, so a correct float32 computation can be many "
              "result-ULPs off (matmul 3x2 @ 2x3 mixed signs: 7-9 ULP against the 2K = 4 bound). Without "
              "cancellation M is about |result| and the floor stays below the ULP bound.")

TOLERANCE_VARS = {
    "N": "accumulation length, defined per row (matmul/gemm: K; conv: kH*kW*Cin/groups; pooling: window elements; reductions: elements reduced; normalizations: reduced extent; softmax: axis extent; recurrent: gate dot-product length); 1 for elementwise ops",
    "S": "recurrent ops: number of steps (1 for the cells)",
    "M": "floor only: the case's magnitude, the largest over its output elements of the sum of |terms| the element accumulates (matmul: |A|@|B|; gemm: |alpha|*|A'|@|B'| + |beta|*|C|; conv2d/convTranspose2d: the same convolution of |input|, |filter| (+ |bias|); reduceSum: sum of |x| over the reduced axes; reduceMean: that / N), computed by the generator in float64 from the rounded inputs; non-finite sums (special-value cases) are left out",
    "gamma": "floor only: gamma(n) = n*u/(1 - n*u), u = the unit roundoff of the OUTPUT type (2**-24 float32, 2**-11 float16); no floor is emitted when n*u >= 1 (the a-priori bound says nothing there)",
}


def primary_classes(o):
    info = common.OPS[o]
    ad = info["allowed_data_types"]
    key = next(k for k in ad if not k.startswith("output"))
    types = common.allowed_types(o, key) or []
    cls = []
    for c in ("float32", "float16"):
        if c in types:
            cls.append(c)
    if any(t in common.INT_TYPES for t in types):
        cls.append("integer")
    return key, cls


def main():
    rows = []
    for o in sorted(common.OPS):
        if o not in R:
            raise SystemExit("no tolerance rule for " + o)
        key, cls = primary_classes(o)
        for c in cls:
            r = R[o][c]
            if r is None:
                raise SystemExit("no rule for %s/%s" % (o, c))
            metric, bound, reason = r
            row = {"op": o, "types": c, "primaryOperand": key, "metric": metric, "bound": bound, "reason": reason}
            if R[o]["floor"] and c != "integer":
                row["floor"] = R[o]["floor"]
            if c == "float16":
                if metric == "EXACT" or bound == "0":
                    row["float16Accumulation"] = "same: no arithmetic beyond selection/copy"
                elif "N" in bound:
                    row["float16Accumulation"] = F16_ACC
                else:
                    row["float16Accumulation"] = "same bound: a single float16 rounding of the float32 result; native float16 math may need 2-4x"
            rows.append(row)
    out = {
        "description": "One tolerance per (op, data type class of the primary operand). metric: EXACT (ULP 0 on floats, equality on integers), ULP (max distance in units in the last place of the OUTPUT type), ATOL (max absolute error). bound: a formula of the case's shape (variables below) evaluated by vectors/gen/common.py eval_bound; ULP bounds are rounded up. floor (accumulating ops only): an absolute-error floor formula, see the \"floor\" member. float16 rows hold for backends that compute in float32 and round once; float16Accumulation says what a float16-accumulating backend needs.",
        "ulpDistance": "Values are placed on the number line of the output type by their sign-magnitude bit pattern (ordinal = +-magnitude bits), the distance is |ordinal(a)-ordinal(b)|; -0 and +0 are both 0; NaN matches only NaN; an infinity matches only the same infinity; integers compare by |a-b|.",
        "floor": FLOOR_TEXT,
        "sources": "WPT = web-platform-tests webnn/resources/utils.js tolerances (PrecisionMetrics, operatorToleranceDict), cited as published practice. The floor is the classical a-priori error bound of a floating-point sum or dot product of n terms in any order, with or without FMA: |fl(s) - s| <= gamma(n) * sum |terms| (N. J. Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., SIAM 2002, section 3.1).",
        "variables": TOLERANCE_VARS,
        "rows": rows,
    }
    path = os.path.join(sys.argv[1] if len(sys.argv) > 1 else common.VECTORS_DIR, "tolerance.json")
    with open(path, "w", encoding="ascii", newline="\n") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("%s: %d rows" % (path, len(rows)))


if __name__ == "__main__":
    main()
