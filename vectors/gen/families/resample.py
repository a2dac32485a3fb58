"""resample2d (spec: resample2d). Coordinates computed exactly (rationals) as the spec says:
scale = outputSize / inputSize; c = clamp((o + 0.5) / scale - 0.5, 0, inputSize - 1);
nearest: ceil(c - 0.5); linear: bilinear between floor(c) and ceil(c)."""

import math
from fractions import Fraction

import numpy as np


def resample_size(in_size, scale_f32):
    return math.floor(in_size * float(scale_f32))


def _coords(in_size, out_size):
    res = []
    for o in range(out_size):
        c = (Fraction(2 * o + 1, 2)) * Fraction(in_size, out_size) - Fraction(1, 2)
        c = min(max(c, Fraction(0)), Fraction(in_size - 1))
        res.append(c)
    return res


def _coords_float(in_size, out_size):
    scale = out_size / in_size
    return [min(max((o + 0.5) / scale - 0.5, 0.0), in_size - 1.0) for o in range(out_size)]


def coord_fragile(in_size, out_size, mode):
    """True when a float64 evaluation of the formula picks a different source than exact math
    (a nearest-neighbor tie that rounding can flip)."""
    ex, fl = _coords(in_size, out_size), _coords_float(in_size, out_size)
    for a, b in zip(ex, fl):
        if mode == "nearest-neighbor":
            if math.ceil(a - Fraction(1, 2)) != math.ceil(b - 0.5):
                return True
        else:
            if math.floor(a) != math.floor(b) or math.ceil(a) != math.ceil(b):
                return True
    return False


def resample_ref(x, out_sizes, axes=(2, 3), mode="nearest-neighbor"):
    y = x
    # separable: both modes factor per axis (bilinear = linear along one axis then the other)
    for ax, osz in zip(axes, out_sizes):
        isz = y.shape[ax]
        cs = _coords(isz, osz)
        if mode == "nearest-neighbor":
            idx = [int(math.ceil(c - Fraction(1, 2))) for c in cs]
            y = np.take(y, idx, axis=ax)
        else:
            i0 = [int(math.floor(c)) for c in cs]
            i1 = [int(math.ceil(c)) for c in cs]
            t = np.array([float(c - math.floor(c)) for c in cs])
            shp = [1] * y.ndim
            shp[ax] = osz
            t = t.reshape(shp)
            y = np.take(y, i0, axis=ax) * (1 - t) + np.take(y, i1, axis=ax) * t
    return y


import common as C  # noqa: E402

CONFIGS = [
    # (input shape, options)
    ((1, 1, 2, 2), {}),
    ((1, 2, 2, 3), {"scales": [2.0, 2.0]}),
    ((1, 1, 4, 4), {"scales": [0.5, 0.5]}),
    ((2, 1, 2, 4), {"scales": [1.5, 0.75]}),
    ((1, 2, 3, 3), {"scales": [3.0, 1.0]}),
    ((1, 1, 3, 5), {"sizes": [5, 2]}),
    ((1, 1, 4, 3), {"sizes": [7, 9]}),
    ((1, 1, 2, 3), {"sizes": [4, 6], "scales": [0.5, 0.5]}),   # sizes win over scales
    ((2, 3, 4, 1), {"scales": [2.0, 0.5], "axes": [1, 2]}),
    ((3, 2, 2, 2), {"scales": [2.0, 1.5], "axes": [0, 3]}),
    ((1, 2, 3, 4), {"sizes": [2, 6], "axes": [3, 2]}),
    ((1, 1, 5, 5), {"scales": [0.6, 1.4]}),
    ((1, 1, 1, 1), {"scales": [4.0, 3.0]}),
]


def _opts_str(o):
    return " ".join("%s=%s" % (k, v if not isinstance(v, list) else ",".join(map(str, v))) for k, v in sorted(o.items())) or "defaults"


def generate():
    cases = []
    for dt in C.allowed_types("resample2d", "input"):
        for shape, opts in CONFIGS:
            for mode in ("nearest-neighbor", "linear"):
                o = dict(opts)
                if mode != "nearest-neighbor" or len(o) % 2:
                    o["mode"] = mode
                axes = o.get("axes", [2, 3])
                if "sizes" in o:
                    out_sizes = list(o["sizes"])
                else:
                    sc = [np.float32(s) for s in o.get("scales", [1.0, 1.0])]
                    out_sizes = [resample_size(shape[a], s) for a, s in zip(axes, sc)]
                name = "resample2d %s %s %s" % (dt, C.shape_str(shape), _opts_str(o))
                r = C.rng(name)
                if C.is_float(dt):
                    x = C.rand(r, dt, shape, 0.0, 4.0)
                else:
                    lo, hi = C.int_range(dt)
                    x = C.rand(r, dt, shape, lo, hi)
                y = resample_ref(x.astype(np.float64), out_sizes, axes, mode)
                # the exact coordinate disagrees with a float evaluation, or a non-integral scale
                # product: which source a backend picks is open
                impl = any(coord_fragile(shape[a], s, mode) for a, s in zip(axes, out_sizes))
                if "scales" in o and "sizes" not in o:
                    for a, s in zip(axes, o["scales"]):
                        if shape[a] * float(np.float32(s)) != math.floor(shape[a] * float(np.float32(s))):
                            impl = True  # spec: scale = outputSize / inputSize differs from the option
                if not C.is_float(dt) and mode == "linear":
                    impl = True          # rounding back to an integer type is not specified
                    out = C.expected(dt, np.asarray(np.clip(np.round(y), *C.int_range(dt)), dtype=np.int64).astype(object))
                elif not C.is_float(dt):
                    out = C.expected(dt, np.asarray(y, dtype=np.int64).astype(object))
                else:
                    out = C.expected(dt, y)
                cases.append(C.case(name, {"input": C.tensor(dt, shape, x)}, [C.op("resample2d", [("input", "input")], o)],
                                    {"output": out}, implementation_defined=impl))
        if C.is_float(dt):
            nan, inf = float("nan"), float("inf")
            x = C.round_to(dt, np.array([1.0, inf, nan, 2.0]).reshape(1, 1, 2, 2))
            for mode in ("nearest-neighbor", "linear"):
                with np.errstate(invalid="ignore"):
                    y = resample_ref(x.astype(np.float64), [4, 4], (2, 3), mode)
                # linear: where a weight is exactly 0 next to an infinity, the spec's formula gives
                # inf * 0 = NaN, but skipping zero-weight taps (x0 == x1) gives inf: left open
                cases.append(C.case("resample2d %s special: %s NaN and inf" % (dt, mode), {"input": C.tensor(dt, x.shape, x)},
                                    [C.op("resample2d", [("input", "input")], {"mode": mode, "sizes": [4, 4]})],
                                    {"output": C.expected(dt, y)}, implementation_defined=(mode == "linear")))
    return {"resample2d": cases}
