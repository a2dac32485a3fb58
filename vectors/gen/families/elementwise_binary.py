"""add sub mul div max min pow (spec: element-wise binary operations). Expected values from the
spec's definitions: floats in float64 then rounded once (double rounding from float64 is innocuous
for + - * / since 53 >= 2*24+2); integers exactly, div truncating toward zero."""
import math

import numpy as np

import crmath

from common import (ALL_TYPES, BROADCAST_PAIRS, INT_TYPES, RANK_SHAPES, case, expected, int_range, is_float,
                    op, rand, rng, shape_str, special_values, tensor, wrap_int)

OPS = ["add", "sub", "mul", "div", "max", "min", "pow"]


def ranges(o, dt):
    """(a lo, a hi, b lo, b hi) that avoid overflow / division by zero / cancellation."""
    if is_float(dt):
        if o == "pow":
            return (0.25, 2.0, -3.0, 3.0)
        if o == "div":
            return (-10.0, 10.0, 0.5, 4.0)
        return (-10.0, 10.0, -10.0, 10.0)
    lo, hi = int_range(dt)
    if o == "pow":
        return (0 if lo == 0 else -3, 3, 0, 4 if dt not in ("int8", "uint8") else 3)
    if o == "mul":
        m = int(math.isqrt(hi)) // 2
        return (max(lo, -m), m, max(lo, -m), m)
    if o == "div":
        return (max(lo, -1000), min(hi, 1000), 1, 9)
    half = hi // 2 if lo == 0 else hi // 2
    return (max(lo, -half) if lo < 0 else 0, half, max(lo, -half) if lo < 0 else 0, half)


def f_ref(o, a, b):
    with np.errstate(all="ignore"):
        if o == "add":
            return a + b
        if o == "sub":
            return a - b
        if o == "mul":
            return a * b
        if o == "div":
            return a / b
        if o == "max":
            return np.maximum(a, b)
        if o == "min":
            return np.minimum(a, b)
        if o == "pow":
            return crmath.pow(a, b)


def int_ref(o, a, b, dt):
    """Exact integer results (Python ints) and whether any element is outside the spec's
    definition (overflow, division by zero, negative exponent) -> implementation-defined."""
    A = np.asarray(a, dtype=object)
    B = np.asarray(b, dtype=object)
    A, B = np.broadcast_arrays(A, B)
    out = []
    undefined = False
    lo, hi = int_range(dt)
    for x, y in zip(A.reshape(-1).tolist(), B.reshape(-1).tolist()):
        x, y = int(x), int(y)
        if o == "add":
            r = x + y
        elif o == "sub":
            r = x - y
        elif o == "mul":
            r = x * y
        elif o == "div":
            if y == 0:
                undefined = True
                r = 0
            else:
                q = abs(x) // abs(y)
                r = q if (x >= 0) == (y >= 0) else -q
        elif o == "max":
            r = max(x, y)
        elif o == "min":
            r = min(x, y)
        else:
            if y < 0:
                undefined = True
                r = 0
            else:
                r = x ** y
        if r < lo or r > hi:
            undefined = True
        out.append(r)
    return np.array(out, dtype=object).reshape(A.shape), undefined


def make(o, dt, name, a, b, b_const=False, force_impl=False):
    """One case from already-typed inputs a, b."""
    inputs = {"a": tensor(dt, a.shape, a), "b": tensor(dt, b.shape, b, constant=b_const)}
    if is_float(dt):
        r = f_ref(o, a.astype(np.float64), b.astype(np.float64))
        impl = force_impl
        if o in ("max", "min") and (np.isnan(a).any() or np.isnan(b).any()):
            impl = True  # NaN propagation of max/min is not specified
        out = expected(dt, r)
    else:
        r, undefined = int_ref(o, a, b, dt)
        impl = undefined or force_impl
        out = expected(dt, wrap_int(dt, r))
    return case(name, inputs, op(o, [("a", "a"), ("b", "b")], outputs="output"), {"output": out},
                implementation_defined=impl)


def gen_op(o):
    cases = []
    for dt in ALL_TYPES:
        alo, ahi, blo, bhi = ranges(o, dt)
        # ranks 0..5, same shape
        for rank in range(0, 6):
            shape = RANK_SHAPES[rank]
            r = rng("%s/%s/rank%d" % (o, dt, rank))
            a = rand(r, dt, shape, alo, ahi)
            b = rand(r, dt, shape, blo, bhi)
            if o == "pow" and not is_float(dt):
                pass
            cases.append(make(o, dt, "%s %s rank %d %s" % (o, dt, rank, shape_str(shape)), a, b))
        # broadcasting
        for sa, sb in BROADCAST_PAIRS:
            r = rng("%s/%s/bcast/%s/%s" % (o, dt, shape_str(sa), shape_str(sb)))
            a = rand(r, dt, sa, alo, ahi)
            b = rand(r, dt, sb, blo, bhi)
            cases.append(make(o, dt, "%s %s broadcast %s with %s" % (o, dt, shape_str(sa), shape_str(sb)), a, b))
        # b as a constant
        r = rng("%s/%s/const" % (o, dt))
        a = rand(r, dt, (2, 4), alo, ahi)
        b = rand(r, dt, (4,), blo, bhi)
        cases.append(make(o, dt, "%s %s b constant 2x4 with 4" % (o, dt), a, b, b_const=True))
        # a larger tensor (base64 storage path)
        r = rng("%s/%s/large" % (o, dt))
        a = rand(r, dt, (4, 8, 16), alo, ahi)
        b = rand(r, dt, (4, 8, 16), blo, bhi)
        cases.append(make(o, dt, "%s %s large 4x8x16" % (o, dt), a, b))
        # same operand for both arguments
        cases.extend(special_cases(o, dt))
    return cases


def special_cases(o, dt):
    cases = []
    np_t = np.float32 if dt == "float32" else np.float16 if dt == "float16" else None
    if is_float(dt):
        sv = special_values(dt)
        n = len(sv)
        a = np.array([x for x in sv for _ in range(n)], dtype=np_t)
        b = np.array([y for _ in range(n) for y in sv], dtype=np_t)
        cases.append(make(o, dt, "%s %s special values all pairs" % (o, dt), a.reshape(n, n), b.reshape(n, n)))
        big = 65504.0 if dt == "float16" else float(np.finfo(np.float32).max)
        if o in ("add", "mul", "sub", "pow"):
            a = np.array([big, -big, big / 2, 300.0 if dt == "float16" else 1e30], dtype=np_t)
            b = np.array([big, big, big, 300.0 if dt == "float16" else 1e30], dtype=np_t)
            if o == "pow":
                b = np.array([2, 2, 3, 2], dtype=np_t)
            cases.append(make(o, dt, "%s %s overflow to infinity" % (o, dt), a, b))
        if o == "div":
            a = np.array([1, -1, 0, 0, -0.0, 5, 1], dtype=np_t)
            b = np.array([0, 0, 0, -0.0, 3, -0.0, big], dtype=np_t)
            cases.append(make(o, dt, "%s %s by zero and signed zeros" % (o, dt), a, b))
            tiny = float(np.finfo(np_t).tiny)
            a = np.array([tiny, tiny * 3, 1.0, -tiny], dtype=np_t)
            b = np.array([4.0, 8.0, big, 2.0], dtype=np_t)
            cases.append(make(o, dt, "%s %s subnormal results" % (o, dt), a, b))
        if o == "pow":
            a = np.array([-2, -2, -0.5, -8, 0, 0, 0, -0.0, -0.0, 1, 1, 2, 4, 9, -1, -1], dtype=np_t)
            b = np.array([2, 3, -3, 1.0 / 3, -1, 0, 2, -1, 3, float("nan"), float("inf"), 0.5, 0.5, -0.5,
                          float("inf"), 2.5], dtype=np_t)
            cases.append(make(o, dt, "%s %s negative bases, zero bases and IEEE pow special cases" % (o, dt), a, b))
        if o in ("add", "sub"):
            # exact cancellation gives +0 (round to nearest), -0 + -0 = -0
            a = np.array([1.5, -0.0, -0.0, 0.0, 3.25], dtype=np_t)
            b = np.array([1.5 if o == "sub" else -1.5, -0.0 if o == "add" else 0.0, 0.0, -0.0, 3.25 if o == "sub" else -3.25],
                         dtype=np_t)
            cases.append(make(o, dt, "%s %s signed zero results" % (o, dt), a, b))
        if o in ("max", "min"):
            a = np.array([0.0, -0.0, 1.0, float("-inf"), 2.0], dtype=np_t)
            b = np.array([-0.0, 0.0, float("inf"), -5.0, 2.0], dtype=np_t)
            cases.append(make(o, dt, "%s %s zeros and infinities" % (o, dt), a, b))
        if o in ("add", "mul"):
            # subnormal inputs and outputs are not flushed
            tiny = float(np.finfo(np_t).tiny)
            a = np.array([tiny / 4, tiny / 2, tiny, -tiny / 8], dtype=np_t)
            b = np.array([tiny / 4, 0.5 if o == "mul" else tiny / 2, 0.25 if o == "mul" else -tiny / 2, 1.0], dtype=np_t)
            cases.append(make(o, dt, "%s %s subnormal inputs and results" % (o, dt), a, b))
    else:
        lo, hi = int_range(dt)
        if o in ("add", "sub", "mul"):
            a = np.array([hi, lo, hi, lo], dtype=object)
            b = np.array([1, 1 if lo < 0 else 0, 2, 2], dtype=object)
            if o == "sub":
                b = np.array([-1 if lo < 0 else 0, 1, lo if lo < 0 else 0, hi], dtype=object)
                a = np.array([hi, lo, hi if lo < 0 else 0, lo], dtype=object)
            cases.append(make(o, dt, "%s %s overflow wraps (not specified: implementation-defined)" % (o, dt),
                              np.array(a.tolist(), dtype=np.dtype(dt)), np.array(b.tolist(), dtype=np.dtype(dt)),
                              force_impl=True))
            # extremes without overflow
            if o == "add":
                a, b = [hi - 1, lo, 0], [1, 0, hi]
            elif o == "sub":
                a, b = [hi, lo, 0], [0, 0, 0 if lo == 0 else -hi]
            else:
                a, b = [hi, lo, hi], [1, 1, 0]
            cases.append(make(o, dt, "%s %s extremes without overflow" % (o, dt), np.array(a, dtype=np.dtype(dt)),
                              np.array(b, dtype=np.dtype(dt))))
        if o == "div":
            if lo < 0:
                a, b = [7, -7, 7, -7, lo, hi, 0, -1], [2, 2, -2, -2, 1, -1, 5, 3]
            else:
                a, b = [7, 9, hi, 0, hi, 1], [2, 10, 1, 5, hi, hi]
            cases.append(make(o, dt, "%s %s truncates toward zero" % (o, dt), np.array(a, dtype=np.dtype(dt)),
                              np.array(b, dtype=np.dtype(dt))))
            cases.append(make(o, dt, "%s %s by zero (implementation-defined)" % (o, dt),
                              np.array([1, 0], dtype=np.dtype(dt)), np.array([0, 0], dtype=np.dtype(dt))))
            if lo < 0:
                cases.append(make(o, dt, "%s %s minimum by -1 overflows (implementation-defined)" % (o, dt),
                                  np.array([lo], dtype=np.dtype(dt)), np.array([-1], dtype=np.dtype(dt))))
        if o in ("max", "min"):
            a, b = [lo, hi, 0, hi], [hi, lo, lo, hi]
            cases.append(make(o, dt, "%s %s extremes" % (o, dt), np.array(a, dtype=np.dtype(dt)), np.array(b, dtype=np.dtype(dt))))
        if o == "pow":
            a, b = [2, 0, 0, 1, 3], [0, 0, 3, 7, 2]
            if lo < 0:
                a += [-2, -2, -1]
                b += [3, 2, 5]
            cases.append(make(o, dt, "%s %s exact small powers" % (o, dt), np.array(a, dtype=np.dtype(dt)),
                              np.array(b, dtype=np.dtype(dt))))
            if lo < 0:
                cases.append(make(o, dt, "%s %s negative exponent (implementation-defined)" % (o, dt),
                                  np.array([2, 1], dtype=np.dtype(dt)), np.array([-1, -2], dtype=np.dtype(dt))))
    return cases


def generate():
    return {o: gen_op(o) for o in OPS}
