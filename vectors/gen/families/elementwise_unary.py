"""abs ceil cos erf exp floor identity log neg reciprocal roundEven sin sign sqrt tan
(spec: element-wise unary operations), from their definitions in float64 / exact integers."""
import math

import numpy as np

import crmath
from common import OPS as SPEC, allowed_types, int_range, is_float, rng, rand
from families._unary import round_list, standard_cases, unary_case

def _sign(x):
    if x.dtype == object:
        return np.array([(v > 0) - (v < 0) for v in x.reshape(-1).tolist()], dtype=object).reshape(x.shape)
    return np.sign(x)


def _abs(x):
    if x.dtype == object:
        return np.array([abs(v) for v in x.reshape(-1).tolist()], dtype=object).reshape(x.shape)
    return np.abs(x)


def _neg(x):
    if x.dtype == object:
        return np.array([-v for v in x.reshape(-1).tolist()], dtype=object).reshape(x.shape)
    return -x


# op -> (function on float64 / object ints, lo, hi, extra special inputs)
DEF = {
    "abs": (_abs, -10, 10, [-2.5, 2.5]),
    "ceil": (np.ceil, -10, 10, [-0.5, 0.5, -1.5, 2.5, 1e7 + 0.5, -0.25]),
    "floor": (np.floor, -10, 10, [-0.5, 0.5, -1.5, 2.5, 1e7 + 0.5, -0.25]),
    "roundEven": (np.round, -10, 10, [0.1, 0.9, 1.1, 1.9, -3.5, -2.5, -1.5, 1.5, 2.5, 3.5, 0.5, -0.5, 0.49999997,
                                      4194304.5, 8388607.5, 16777215.0]),
    "cos": (crmath.cos, -6.3, 6.3, [math.pi, -math.pi / 2, 100.0]),
    "sin": (crmath.sin, -6.3, 6.3, [math.pi, -math.pi / 2, 100.0, 1e-5]),
    "tan": (crmath.tan, -1.2, 1.2, [math.pi / 4, -1.0, 1e-5]),
    "erf": (crmath.erf, -3, 3, [0.5, -0.5, 4.0, -6.0, 1e-5]),
    "exp": (crmath.exp, -10, 10, [1.0, -1.0, 11.5, 88.0, 89.0, -104.0, -18.0]),
    "log": (crmath.log, 0.01, 100, [1.0, 2.0, 0.5, -1.0, 1e-30]),
    "identity": (lambda x: x, -10, 10, []),
    "neg": (_neg, -10, 10, []),
    "reciprocal": (lambda x: 1.0 / x, 0.1, 10, [-4.0, 0.5, 3.0, 65504.0, 1e-5]),
    "sign": (_sign, -10, 10, [1e-30, -1e-30]),
    "sqrt": (np.sqrt, 0, 100, [4.0, 2.0, -1.0, 1e-40]),
}


def gen_op(o):
    f, lo, hi, extra = DEF[o]
    cases = []
    for dt in allowed_types(o, "input"):
        if is_float(dt):
            a, b = lo, hi
        else:
            tlo, thi = int_range(dt)
            a, b = max(tlo, -100), min(thi, 100)
        cases += standard_cases(o, dt, f, a, b, extra=extra if is_float(dt) else None, exclude_nan=(o == "sign"))
        if o == "reciprocal":
            r = rng("reciprocal/%s/negative" % dt)
            cases.append(unary_case(o, dt, "reciprocal %s negative inputs" % dt, rand(r, dt, (3, 4), -10, -0.1), f))
        if o == "sign" and is_float(dt):
            x = round_list(dt, [float("nan")])
            cases.append(unary_case(o, dt, "sign %s NaN (spec: 0 otherwise; implementation-defined)" % dt, x,
                                    lambda v: np.zeros_like(v), impl=True))
        if o in ("abs", "neg") and not is_float(dt):
            tlo, thi = int_range(dt)
            if tlo < 0:
                x = round_list(dt, [tlo])
                cases.append(unary_case(o, dt, "%s %s of the minimum overflows (implementation-defined)" % (o, dt), x,
                                        f, impl=True))
        if o in ("cos", "sin") and is_float(dt):
            # large arguments: range reduction
            x = round_list(dt, [1000.0, -3000.0, 12345.0, 30000.0])
            cases.append(unary_case(o, dt, "%s %s large arguments" % (o, dt), x, f))
        if o == "exp" and is_float(dt):
            r = rng("exp/%s/small" % dt)
            cases.append(unary_case(o, dt, "exp %s small arguments" % dt, rand(r, dt, (16,), -1e-3, 1e-3), f))
        if o == "log" and is_float(dt):
            r = rng("log/%s/near1" % dt)
            cases.append(unary_case(o, dt, "log %s near 1" % dt, rand(r, dt, (16,), 0.9, 1.1), f))
            r = rng("log/%s/wide" % dt)
            vals = crmath.exp(r.uniform(-9, 11, size=(16,)))
            cases.append(unary_case(o, dt, "log %s wide range" % dt, round_list(dt, vals.tolist()), f))
    return cases


def generate():
    return {o: gen_op(o) for o in DEF}
