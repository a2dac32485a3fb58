"""cast: every (input type, target type) pair of the 8x8 matrix (spec table in section cast):
float->float and int->float = nearest representable (ties to even), overflow to +-Inf;
float->int = truncation when in range, implementation-defined otherwise; int->int = same value
or the low N bits (two's complement)."""
import math
from fractions import Fraction

import numpy as np

np.seterr(over="ignore", invalid="ignore")

from common import (ALL_TYPES, RANK_SHAPES, case, expected, int_range, is_float, op, rand, rng, shape_str,
                    special_values, tensor, wrap_int)


def int_to_float(dt, v):
    """Exact integer -> nearest dt value (ties to even), +-Inf beyond the range."""
    t = np.dtype(dt).type
    with np.errstate(over="ignore"):
        c = t(float(v))  # candidate (may be double rounded)
    if not np.isfinite(c):
        # beyond float range: compare with the largest finite value's rounding boundary
        return float(c)
    best = None
    for cand in (np.nextafter(c, t(-np.inf)), c, np.nextafter(c, t(np.inf))):
        if not np.isfinite(cand):
            continue
        d = abs(Fraction(float(cand)) - v)
        key = (d, int(np.array([cand]).view(np.uint16 if dt == "float16" else np.uint32)[0]) & 1)
        if best is None or key < best[0]:
            best = (key, float(cand))
    return best[1]


def convert(src, dst, x):
    """-> (values for expected(), implementation-defined?)"""
    if is_float(src):
        xv = x.astype(np.float64)
        if is_float(dst):
            return xv, False
        lo, hi = int_range(dst)
        out, undefined = [], False
        for v in xv.reshape(-1).tolist():
            if v != v or math.isinf(v):
                undefined = True
                out.append(0)
                continue
            t = int(math.trunc(v))
            if t < lo or t > hi or (v < 0 and lo == 0):
                undefined = True
                t = 0
            out.append(t)
        return np.array(out, dtype=object).reshape(x.shape), undefined
    ints = [int(v) for v in x.reshape(-1).tolist()]
    if is_float(dst):
        return np.array([int_to_float(dst, v) for v in ints], dtype=np.float64).reshape(x.shape), False
    return wrap_int(dst, np.array(ints, dtype=object).reshape(x.shape)), False


def mk(src, dst, name, x, impl=False):
    vals, undefined = convert(src, dst, x)
    if is_float(dst):
        e = expected(dst, vals)
    else:
        e = expected(dst, vals if isinstance(vals, np.ndarray) and vals.dtype != object else
                     np.array(vals.tolist(), dtype=np.dtype(dst)).reshape(x.shape) if not undefined else
                     wrap_int(dst, vals))
    return case(name, {"x": tensor(src, x.shape, x)}, op("cast", [("input", "x"), ("dataType", dst)]), {"output": e},
                implementation_defined=impl or undefined)


def in_range_values(r, src, dst, shape):
    if is_float(src):
        if is_float(dst):
            return rand(r, src, shape, -1000, 1000)
        lo, hi = int_range(dst)
        flo = max(lo, -60000 if src == "float16" else -(2 ** 24))
        fhi = min(hi, 60000 if src == "float16" else 2 ** 24)
        x = rand(r, src, shape, flo, fhi)
        return np.where(x.astype(np.float64) <= lo - 1, np.dtype(src).type(0), x)
    lo, hi = int_range(src)
    if is_float(dst):
        return rand(r, src, shape, lo, hi)
    dlo, dhi = int_range(dst)
    return rand(r, src, shape, max(lo, dlo), min(hi, dhi))


def gen():
    cases = []
    for src in ALL_TYPES:
        for dst in ALL_TYPES:
            ranks = range(0, 6) if (src, dst) in (("float32", "int32"), ("int32", "float32"), ("float32", "float16"),
                                                  ("uint8", "float16"), ("float16", "int8")) else (0, 2, 5)
            for rank in ranks:
                shape = RANK_SHAPES[rank]
                r = rng("cast/%s/%s/%d" % (src, dst, rank))
                x = in_range_values(r, src, dst, shape)
                cases.append(mk(src, dst, "cast %s to %s in range rank %d %s" % (src, dst, rank, shape_str(shape)), x))
            r = rng("cast/%s/%s/large" % (src, dst))
            cases.append(mk(src, dst, "cast %s to %s in range large 16x40" % (src, dst), in_range_values(r, src, dst, (16, 40))))
            if is_float(src) and is_float(dst):
                x = np.array(special_values(src) + [1.0 / 3, 65519.0 if src == "float32" else 1.0, 65520.0 if src == "float32" else 2.0,
                                                    1e5 if src == "float32" else 3.0, 2.0 ** -25 if src == "float32" else 0.5,
                                                    3 * 2.0 ** -26 if src == "float32" else 0.25, 1.0009765625 + 2 ** -12],
                             dtype=np.float64).astype(np.dtype(src))
                cases.append(mk(src, dst, "cast %s to %s special values, ties, overflow and underflow" % (src, dst), x))
            elif is_float(src):
                lo, hi = int_range(dst)
                vals = [2.5, -2.5, 0.9, -0.9 if lo < 0 else 0.9, 3.999, -0.0, 7.0, 100.75 if hi > 100 else 1.5]
                x = np.array([v for v in vals], dtype=np.float64).astype(np.dtype(src))
                cases.append(mk(src, dst, "cast %s to %s truncates toward zero" % (src, dst), x))
                bad = [float("nan"), float("inf"), float("-inf"), float(hi) * 2 + 4096, -1.0 if lo == 0 else float(lo) * 2 - 4096]
                x = np.array(bad, dtype=np.float64).astype(np.dtype(src))
                cases.append(mk(src, dst, "cast %s to %s out of range (implementation-defined)" % (src, dst), x, impl=True))
            elif is_float(dst):
                lo, hi = int_range(src)
                vals = [lo, hi, 0, 1, 2049, 4097, 16777217, 16777219, 2 ** 31 + 64, 2 ** 31 + 192, 65519, 65520, 70000,
                        (1 << 53) + 1, (1 << 63) - 1]
                vals = [v for v in vals if lo <= v <= hi] + ([-v for v in vals if lo <= -v <= hi and v])
                x = np.array(vals, dtype=np.dtype(src))
                cases.append(mk(src, dst, "cast %s to %s extremes and rounding ties" % (src, dst), x))
            else:
                lo, hi = int_range(src)
                vals = sorted({lo, hi, 0, 1, max(lo, -1), 127, 128, 255, 256, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32,
                               -(2 ** 31), -129, -128, (1 << 63) - 1})
                x = np.array([v for v in vals if lo <= v <= hi], dtype=np.dtype(src))
                cases.append(mk(src, dst, "cast %s to %s extremes (low bits, two's complement)" % (src, dst), x))
    return cases


def generate():
    return {"cast": gen()}
