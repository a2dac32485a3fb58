"""Sensitivity vectors (issue 21): cases that make a wrong port fail.

Each group (one file each) targets a class of bug a real backend could have and that the
per-op families did not judge, found by mutation testing (`make mutate`). The expected
values come from the same spec-literal NumPy math as the op families.

  saturation   scalar options cast to an integer input type: values beyond both ends of the
               type, on both sides of a bound, and fractional halves (clamp bounds, pad value)
"""
import numpy as np

from common import case, expected, int_range, is_float, op, rand, rng, shape_str, tensor
from families.activation import cast_scalar, clamp_ref, num
from families.pad import pad_ref

FAMILY = "sensitivity"

INT_TYPES = ["int8", "uint8", "int32", "uint32", "int64", "uint64"]


def _full_range_input(dt, n=12):
    """Both limits of the type, 0, ±1, and random values: a bound beyond the type changes nothing."""
    lo, hi = int_range(dt)
    vals = [lo, hi, 0, 1, hi - 1, lo + 1] + ([-1] if lo < 0 else [2])
    r = rng("saturation/input/" + dt)
    extra = rand(r, dt, (n - len(vals),), max(lo, -100), min(hi, 100)).tolist()
    return np.array(vals + extra, dtype=np.dtype(dt))


def _json_big(v):
    """An integer option too big for an exact JSON double travels as a decimal string; one
    beyond the format's 64-bit integers (MLNumber: a double or a 64-bit bigint) as a double."""
    if not isinstance(v, int):
        return num(v)
    if not -2 ** 63 <= v < 2 ** 64:
        return float(v)
    return v if abs(v) <= 2 ** 53 else str(v)


def _int_expected(dt, values):
    return expected(dt, np.asarray(values, dtype=object))


def gen_saturation():
    cases = []
    for dt in INT_TYPES:
        lo, hi = int_range(dt)
        x = _full_range_input(dt)
        xv = np.asarray(x.tolist(), dtype=object)
        # bound pairs (min, max): each pair's cast is at or beyond a limit of the type
        pairs = [("both bounds one above the type's maximum", hi + 1, hi + 1),
                 ("both bounds far above the maximum", hi * 2 + 7, hi * 4),
                 ("both bounds one below the type's minimum", lo - 1, lo - 1),
                 ("both bounds far below the minimum", lo * 2 - 9 if lo else -1000, lo * 2 - 3 if lo else -3),
                 ("bounds straddling the whole type", lo - 1, hi + 1),
                 ("float bounds beyond the type", -1e30, 1e30),
                 ("float bounds one half beyond the limits", float(lo) - 0.5, float(hi) + 0.5),
                 ("min at the maximum as a float", float(hi) + 0.75, float(hi) * 2.0 + 2.0),
                 ("max at the minimum as a float", float(lo) * 2.0 - 2.0 if lo else -7.5, float(lo) - 0.25)]
        for label, mn, mx in pairs:
            if isinstance(mn, float) and abs(mn) < 2 ** 53 and mn != int(mn) and abs(mn) > 2 ** 52:
                continue  # not representable with a fraction: the label would lie
            f = clamp_ref(dt, mn, mx)
            name = "clamp %s %s min=%s max=%s" % (dt, label, mn, mx)
            cases.append(case(name, {"x": tensor(dt, x.shape, x)},
                              op("clamp", [("input", "x")], {"minValue": _json_big(mn), "maxValue": _json_big(mx)}),
                              {"output": _int_expected(dt, f(xv))}))
        # fractional bounds: round half to even, on both sides of zero
        for mn, mx in [(2.5, 2.5), (3.5, 3.5), (-2.5, -1.5), (0.5, 1.5)]:
            if lo == 0 and mn < 0:
                mn, mx = -mn - 1, -mx + 1  # unsigned: keep min <= max after the cast
            f = clamp_ref(dt, mn, mx)
            if cast_scalar(dt, mn) > cast_scalar(dt, mx):
                continue
            name = "clamp %s half-way bounds min=%s max=%s" % (dt, mn, mx)
            cases.append(case(name, {"x": tensor(dt, x.shape, x)},
                              op("clamp", [("input", "x")], {"minValue": num(mn), "maxValue": num(mx)}),
                              {"output": _int_expected(dt, f(xv))}))
        # pad's constant value: cast like any MLNumber option
        values = [hi + 1, hi * 3 + 1, lo - 1, lo * 3 - 1 if lo else -300, 1e30, -1e30, 2.5, 3.5, -2.5, -0.5,
                  float(hi) + 0.5, float(lo) - 0.5]
        for v in dict.fromkeys(values):
            shape = (2, 3)
            xin = rand(rng("saturation/pad/%s/%s" % (dt, v)), dt, shape, max(lo, -50), min(hi, 50))
            y = pad_ref(np.asarray(xin.tolist(), dtype=object), [1, 0], [0, 2], "constant", cast_scalar(dt, v))
            name = "pad %s constant value %s cast to the type %s" % (dt, v, shape_str(shape))
            cases.append(case(name, {"input": tensor(dt, shape, xin)},
                              op("pad", [("input", "input"), ("beginningPadding", [1, 0]), ("endingPadding", [0, 2])],
                                 {"value": _json_big(v)}),
                              {"output": _int_expected(dt, y)}))
    return cases


def generate():
    return {"saturation": gen_saturation()}
