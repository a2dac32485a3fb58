"""quantizeLinear / dequantizeLinear with per-tensor, per-axis and block-wise scale/zeroPoint
(blockwise broadcasting: each scale element covers a contiguous block). quantize =
saturate(roundEven(x / scale) + zeroPoint) to the zeroPoint type; dequantize = (x - zeroPoint) *
scale in the scale's type. Non-positive scales are implementation-defined (not generated)."""
import numpy as np

from common import case, expected, int_range, op, rand, rng, shape_str, tensor

LAYOUTS = [((4,), (1,)), ((4,), (4,)), ((4,), (2,)), ((2, 6), (1, 1)), ((2, 6), (2, 1)), ((2, 6), (1, 3)), ((2, 6), (2, 6)),
           ((2, 3, 4), (1, 3, 1)), ((2, 3, 4), (2, 1, 2)), ((2, 1, 2, 4), (1, 1, 2, 2)), ((2, 2, 1, 2, 4), (2, 1, 1, 1, 4)),
           ((), ())]


def block(a, shape):
    """Blockwise broadcast of a (scale/zeroPoint) to shape."""
    for d in range(len(shape)):
        a = np.repeat(a, shape[d] // a.shape[d], axis=d)
    return a


def gen_dequantize():
    cases = []
    for it in ("uint8", "int8", "uint32", "int32"):
        lo, hi = int_range(it)
        lo, hi = max(lo, -100000), min(hi, 100000)
        for st in ("float32", "float16"):
            for xs, ss in LAYOUTS:
                if st == "float16" and it in ("uint32", "int32") and xs not in ((2, 6),):
                    continue
                r = rng("dequantizeLinear/%s/%s/%s/%s" % (it, st, shape_str(xs), shape_str(ss)))
                x = rand(r, it, xs, lo, hi)
                zp = rand(r, it, ss, lo // 4, hi // 4)
                sc = rand(r, st, ss, 0.01, 0.5 if st == "float32" else 0.05)
                xv = np.asarray(x, dtype=np.float64)
                y = (xv - block(zp.astype(np.float64), xs)) * block(sc.astype(np.float64), xs)
                inputs = {"x": tensor(it, xs, x), "s": tensor(st, ss, sc, constant=True),
                          "z": tensor(it, ss, zp, constant=True)}
                cases.append(case("dequantizeLinear %s scale %s input %s scale %s" % (it, st, shape_str(xs), shape_str(ss)),
                                  inputs, op("dequantizeLinear", [("input", "x"), ("scale", "s"), ("zeroPoint", "z")]),
                                  {"output": expected(st, y)}, tol_dtype=it))
        # extremes of the input type
        lo, hi = int_range(it)
        x = np.array([lo, hi, 0, 1], dtype=np.dtype(it))
        for zpv in sorted({lo, hi, 0}):
            zp = np.array([zpv], dtype=np.dtype(it))
            sc = np.array([0.125], dtype=np.float32)
            y = (x.astype(np.float64) - float(zpv)) * 0.125
            inputs = {"x": tensor(it, (4,), x), "s": tensor("float32", (1,), sc), "z": tensor(it, (1,), zp)}
            cases.append(case("dequantizeLinear %s extremes zeroPoint %d" % (it, zpv), inputs,
                              op("dequantizeLinear", [("input", "x"), ("scale", "s"), ("zeroPoint", "z")]),
                              {"output": expected("float32", y)}, tol_dtype=it))
    return cases


def round_even(v):
    return np.round(v)  # numpy rounds half to even


def quantize_ref(x, sc, zp, xs, zt):
    lo, hi = int_range(zt)
    q = round_even(x.astype(np.float64) / block(sc.astype(np.float64), xs)) + block(zp.astype(np.float64), xs)
    q = np.clip(q, lo, hi)
    return np.array([int(v) for v in q.reshape(-1).tolist()], dtype=object).reshape(xs)


def gen_quantize():
    cases = []
    for ft in ("float32", "float16"):
        for zt in ("uint8", "int8", "uint32", "int32"):
            lo, hi = int_range(zt)
            for xs, ss in LAYOUTS:
                if zt in ("uint32", "int32") and len(xs) > 3:
                    continue
                r = rng("quantizeLinear/%s/%s/%s/%s" % (ft, zt, shape_str(xs), shape_str(ss)))
                x = rand(r, ft, xs, -20, 20)
                sc = rand(r, ft, ss, 0.05, 0.3)
                zp = rand(r, zt, ss, max(lo, -20), min(hi, 200 if zt != "int8" else 20))
                y = quantize_ref(x, sc, zp, xs, zt)
                inputs = {"x": tensor(ft, xs, x), "s": tensor(ft, ss, sc, constant=True), "z": tensor(zt, ss, zp, constant=True)}
                cases.append(case("quantizeLinear %s to %s input %s scale %s" % (ft, zt, shape_str(xs), shape_str(ss)),
                                  inputs, op("quantizeLinear", [("input", "x"), ("scale", "s"), ("zeroPoint", "z")]),
                                  {"output": expected(zt, y)}))
            # exact ties round half to even, and saturation (asserted exactly: x / 0.5 is exact)
            xv = [0.25, 0.75, 1.25, -0.25, -0.75, -1.25, 1.75, 2.25, 1000.0, -1000.0, 0.0, -0.0]
            x = np.array(xv, dtype=np.dtype(ft))
            sc = np.array([0.5], dtype=np.dtype(ft))
            zp = np.array([min(hi, 10) if lo == 0 else 0], dtype=np.dtype(zt))
            y = quantize_ref(x, sc, zp, (len(xv),), zt)
            inputs = {"x": tensor(ft, (len(xv),), x), "s": tensor(ft, (1,), sc), "z": tensor(zt, (1,), zp)}
            cases.append(case("quantizeLinear %s to %s exact ties to even and saturation" % (ft, zt), inputs,
                              op("quantizeLinear", [("input", "x"), ("scale", "s"), ("zeroPoint", "z")]),
                              {"output": expected(zt, y)}, tol={"metricType": "EXACT", "value": 0}))
            # infinities saturate; NaN is not specified
            x = np.array([float("inf"), float("-inf")], dtype=np.dtype(ft))
            y = quantize_ref(x, np.array([1.0], dtype=np.dtype(ft)), np.array([0], dtype=np.dtype(zt)), (2,), zt)
            inputs = {"x": tensor(ft, (2,), x), "s": tensor(ft, (1,), np.array([1.0], dtype=np.dtype(ft))),
                      "z": tensor(zt, (1,), np.array([0], dtype=np.dtype(zt)))}
            cases.append(case("quantizeLinear %s to %s infinities saturate" % (ft, zt), inputs,
                              op("quantizeLinear", [("input", "x"), ("scale", "s"), ("zeroPoint", "z")]),
                              {"output": expected(zt, y)}))
    return cases


def generate():
    return {"quantizeLinear": gen_quantize(), "dequantizeLinear": gen_dequantize()}
