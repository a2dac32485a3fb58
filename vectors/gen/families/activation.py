"""clamp elu gelu hardSigmoid hardSwish leakyRelu linear prelu relu sigmoid softplus softsign tanh
(softmax is in the softmax family). Scalar options (alpha, beta, clamp bounds) are first cast to
the input type as the spec says (round to nearest even for floats; saturate + round half to even
for integers), then the formula is evaluated in float64 and rounded once. Inputs stay out of the
regions where the spec's formula cancels catastrophically (elu/gelu/softplus for negative x,
alpha*x+beta near 0); those regions are separate cases with an absolute-error tolerance."""
import math

import numpy as np

import crmath
from common import (BROADCAST_PAIRS, RANK_SHAPES, allowed_types, case, expected, int_range, is_float, op, rand, rng,
                    shape_str, special_values, tensor, wrap_int)
from families._unary import round_list, standard_cases, unary_case



def cast_scalar(dt, v):
    """The spec's cast algorithm for scalar options: float = RNE with overflow to Inf; integer =
    NaN -> 0, saturate, round half to even."""
    if is_float(dt):
        with np.errstate(over="ignore"):
            return float(np.array([v], dtype=np.float64).astype(np.dtype(dt))[0])
    if v != v:
        return 0
    lo, hi = int_range(dt)
    if v <= lo:
        return lo
    if v >= hi:
        return hi
    return int(round(v))  # Python round() is half to even


def atol(v):
    return {"metricType": "ATOL", "value": v}


def gelu(x):
    with np.errstate(all="ignore"):
        return 0.5 * x * crmath.erfc(-x / math.sqrt(2.0))


def activations():
    """op -> list of (option label, options dict, f(x, dt), lo, hi)."""
    def elu(a):
        return lambda x, dt: np.where(x > 0, x, cast_scalar(dt, a) * crmath.expm1(np.minimum(x, 0)))

    def leaky(a):
        return lambda x, dt: np.where(x >= 0, x, cast_scalar(dt, a) * np.minimum(x, 0))

    def hsig(a, b):
        return lambda x, dt: np.clip(cast_scalar(dt, a) * x + cast_scalar(dt, b), 0.0, 1.0)

    def lin(a, b):
        return lambda x, dt: cast_scalar(dt, a) * x + cast_scalar(dt, b)

    return {
        "elu": [("", None, elu(1.0), -5, 5), ("alpha 0.5", {"alpha": 0.5}, elu(0.5), -5, 5),
                ("alpha 2.3", {"alpha": 2.3}, elu(2.3), -5, 5)],
        "gelu": [("", None, lambda x, dt: gelu(x), -2, 5)],
        "hardSigmoid": [("", None, hsig(0.2, 0.5), -5, 5),
                        ("alpha 0.5 beta 0.25", {"alpha": 0.5, "beta": 0.25}, hsig(0.5, 0.25), -3, 3),
                        ("alpha -0.3 beta 0.7", {"alpha": -0.3, "beta": 0.7}, hsig(-0.3, 0.7), -5, 5)],
        "hardSwish": [("", None, lambda x, dt: x * np.clip(x + 3, 0, 6) / 6, -6, 6)],
        "leakyRelu": [("", None, leaky(0.01), -10, 10), ("alpha 0.2", {"alpha": 0.2}, leaky(0.2), -10, 10),
                      ("alpha -1.5", {"alpha": -1.5}, leaky(-1.5), -10, 10), ("alpha 0", {"alpha": 0}, leaky(0.0), -10, 10)],
        "linear": [("", None, lin(1.0, 0.0), -10, 10), ("alpha 2 beta 30", {"alpha": 2, "beta": 30}, lin(2, 30), -10, 10),
                   ("alpha -1.5 beta -20", {"alpha": -1.5, "beta": -20}, lin(-1.5, -20), -10, 10),
                   ("alpha 0.3", {"alpha": 0.3}, lin(0.3, 0.0), -10, 10),
                   ("beta 0.1", {"beta": 0.1}, lin(1.0, 0.1), 0, 10)],
        "sigmoid": [("", None, lambda x, dt: 1.0 / (1.0 + crmath.exp(-x)), -8, 8)],
        "softplus": [("", None, lambda x, dt: crmath.softplus(x), -3, 10)],
        "softsign": [("", None, lambda x, dt: x / (1.0 + np.abs(x)), -10, 10)],
        "tanh": [("", None, lambda x, dt: crmath.tanh(x), -5, 5)],
    }


def avoid_cancellation(o, dt, x, opts):
    """Moves inputs out of the ranges where the formula cancels (see the module docstring)."""
    xv = x.astype(np.float64)
    if o in ("hardSigmoid", "linear"):
        a = cast_scalar(dt, (opts or {}).get("alpha", 0.2 if o == "hardSigmoid" else 1.0))
        b = cast_scalar(dt, (opts or {}).get("beta", 0.5 if o == "hardSigmoid" else 0.0))
        if b != 0:
            t = a * xv + b
            bad = np.abs(t) < 0.25 * abs(b)
            xv = np.where(bad, xv + np.sign(a) * 0.5 * abs(b) / abs(a), xv)
    if o == "elu":
        xv = np.where((xv < 0) & (xv > -0.25), xv - 0.25, xv)
    return round_list(dt, xv.reshape(-1).tolist()).reshape(x.shape)


def gen_unary(o, variants):
    cases = []
    for dt in allowed_types(o, "input"):
        for label, opts, f, lo, hi in variants:
            g = (lambda f_, dt_: lambda x: f_(x, dt_))(f, dt)
            lab = (" " + label) if label else ""
            ranks = range(0, 6) if not label else (0, 2, 4)
            for rank in ranks:
                shape = RANK_SHAPES[rank]
                r = rng("%s/%s%s/rank%d" % (o, dt, lab, rank))
                x = avoid_cancellation(o, dt, rand(r, dt, shape, lo, hi), opts)
                cases.append(unary_case(o, dt, "%s %s%s rank %d %s" % (o, dt, lab, rank, shape_str(shape)), x, g, opts))
            r = rng("%s/%s%s/large" % (o, dt, lab))
            x = avoid_cancellation(o, dt, rand(r, dt, (4, 8, 16), lo, hi), opts)
            cases.append(unary_case(o, dt, "%s %s%s large 4x8x16" % (o, dt, lab), x, g, opts))
            if not label:
                r = rng("%s/%s/const" % (o, dt))
                x = avoid_cancellation(o, dt, rand(r, dt, (2, 3), lo, hi), opts)
                cases.append(unary_case(o, dt, "%s %s constant input" % (o, dt), x, g, opts, const=True))
            # special values: those where the literal formula is defined
            sv = [v for v in special_values(dt) if not (v == v and abs(v) != float("inf") and 0 < abs(v) < 0.25 and v < 0
                                                        and o in ("elu", "softplus", "gelu"))]
            inf_nan = {"gelu": [float("-inf")], "hardSwish": [float("-inf")], "softsign": [float("inf"), float("-inf")]}
            sv = [v for v in sv if v not in inf_nan.get(o, [])]
            if o == "softplus":
                sv = [v for v in sv if not (v < -3)]
            if o == "gelu":
                sv = [v for v in sv if not (v < -2)]
            x = round_list(dt, sv)
            cases.append(unary_case(o, dt, "%s %s%s special values" % (o, dt, lab), x, g, opts))
        if is_float(dt):
            # the formula's limits at infinities are not what the literal formula gives
            for v, lim in {"gelu": [(float("-inf"), 0.0)], "hardSwish": [(float("-inf"), 0.0)],
                           "softsign": [(float("inf"), 1.0), (float("-inf"), -1.0)]}.get(o, []):
                x = round_list(dt, [v])
                cases.append(unary_case(o, dt, "%s %s of %s (formula gives NaN, limit %s: implementation-defined)" %
                                        (o, dt, v, lim), x, (lambda L: lambda z: np.full(z.shape, L))(lim), impl=True))
            # cancellation regions, absolute error
            f0 = variants[0][2]
            g0 = (lambda f_, dt_: lambda x: f_(x, dt_))(f0, dt)
            tol = atol(2.0 ** -20 if dt == "float32" else 2.0 ** -10)
            if o in ("elu", "softplus", "gelu"):
                lo2, hi2 = {"elu": (-0.25, 0), "softplus": (-20, -3), "gelu": (-8, -2)}[o]
                r = rng("%s/%s/cancel" % (o, dt))
                x = rand(r, dt, (24,), lo2, hi2)
                x = np.concatenate([x, round_list(dt, [-2.0 ** -20, -float(np.finfo(np.dtype(dt)).tiny)])])
                cases.append(unary_case(o, dt, "%s %s cancellation region (absolute error)" % (o, dt), x, g0, tol=tol))
            if o == "sigmoid":
                x = round_list(dt, [-20.0, -15.0, 15.0, 20.0, -80.0 if dt == "float32" else -12.0])
                cases.append(unary_case(o, dt, "sigmoid %s saturating tails" % dt, x, g0))
    return cases


def gen_relu():
    cases = []
    for dt in allowed_types("relu", "input"):
        if is_float(dt):
            cases += standard_cases("relu", dt, lambda x: np.maximum(x, 0.0), -10, 10)
        else:
            lo, hi = int_range(dt)
            cases += standard_cases("relu", dt, lambda x: np.array([max(0, v) for v in x.reshape(-1).tolist()],
                                                                   dtype=object).reshape(x.shape),
                                    max(lo, -1000), min(hi, 1000))
            x = round_list(dt, [lo, hi, 0, -1, 1])
            cases.append(unary_case("relu", dt, "relu %s extremes" % dt, x,
                                    lambda v: np.array([max(0, w) for w in v.reshape(-1).tolist()], dtype=object)))
    return cases


def clamp_ref(dt, lo, hi):
    def f(x):
        if is_float(dt):
            y = x
            if lo is not None:
                y = np.where(np.isnan(y), y, np.maximum(y, cast_scalar(dt, lo)))
            if hi is not None:
                y = np.where(np.isnan(y), y, np.minimum(y, cast_scalar(dt, hi)))
            return y
        vals = []
        for v in x.reshape(-1).tolist():
            if lo is not None:
                v = max(v, cast_scalar(dt, lo))
            if hi is not None:
                v = min(v, cast_scalar(dt, hi))
            vals.append(v)
        return np.array(vals, dtype=object).reshape(x.shape)
    return f


def num(v):
    if isinstance(v, float):
        if v != v:
            return "NaN"
        if v in (float("inf"), float("-inf")):
            return "Infinity" if v > 0 else "-Infinity"
        if v == int(v) and abs(v) < 2 ** 53:
            return int(v)
        return v
    return v if abs(v) <= 2 ** 53 else str(v)


def gen_clamp():
    cases = []
    for dt in allowed_types("clamp", "input"):
        lo_t, hi_t = (-100, 100) if is_float(dt) else (max(int_range(dt)[0], -100), min(int_range(dt)[1], 100))
        variants = [("no bounds", None, None), ("min and max", -2.5 if is_float(dt) else -3, 4.75 if is_float(dt) else 5),
                    ("min only", -1.0 if is_float(dt) else 2, None), ("max only", None, 3.0 if is_float(dt) else 7),
                    ("equal bounds", 1.5 if is_float(dt) else 4, 1.5 if is_float(dt) else 4)]
        if is_float(dt):
            variants += [("bounds rounded to the input type", 0.1, 0.30000001),
                         ("infinite bounds", float("-inf"), float("inf")),
                         ("bounds beyond float16 range", -1e6, 1e6)]
        else:
            lo, hi = int_range(dt)
            variants += [("fractional bounds round half to even", 2.5, 6.5),
                         ("bounds beyond the type saturate", float(lo) - 1e3 if lo != 0 else -5.0, float(hi) * 4.0 + 1e3)]
        for label, mn, mx in variants:
            opts = {}
            if mn is not None:
                opts["minValue"] = num(mn)
            if mx is not None:
                opts["maxValue"] = num(mx)
            f = clamp_ref(dt, mn, mx)
            for rank in ((0, 1, 2, 3, 4, 5) if label == "min and max" else (2,)):
                shape = RANK_SHAPES[rank]
                r = rng("clamp/%s/%s/%d" % (dt, label, rank))
                x = rand(r, dt, shape, lo_t, hi_t)
                cases.append(unary_case("clamp", dt, "clamp %s %s rank %d %s" % (dt, label, rank, shape_str(shape)), x, f,
                                        opts or None))
        x = round_list(dt, special_values(dt))
        cases.append(unary_case("clamp", dt, "clamp %s special values min -1 max 1" % dt, x, clamp_ref(dt, -1, 1),
                                {"minValue": -1, "maxValue": 1}))
    return cases


def gen_prelu():
    cases = []
    for dt in allowed_types("prelu", "input"):
        lo, hi = (-10, 10) if is_float(dt) else (-50, 50)
        if dt == "int8":
            lo, hi = -10, 10
        pairs = [((s, s)) for s in (RANK_SHAPES[r] for r in range(6))] + BROADCAST_PAIRS[:8]
        for sx, ss in pairs:
            r = rng("prelu/%s/%s/%s" % (dt, shape_str(sx), shape_str(ss)))
            x = rand(r, dt, sx, lo, hi)
            s = rand(r, dt, ss, -2 if is_float(dt) else -3, 2 if is_float(dt) else 3)
            inputs = {"x": tensor(dt, sx, x), "slope": tensor(dt, ss, s, constant=(len(ss) == 1))}
            if is_float(dt):
                xv, sv = x.astype(np.float64), s.astype(np.float64)
                y = np.maximum(xv, 0) + sv * np.minimum(xv, 0)
                e = expected(dt, y)
            else:
                xv = np.asarray(x.tolist(), dtype=object).reshape(x.shape)
                sv = np.asarray(s.tolist(), dtype=object).reshape(s.shape)
                xb, sb = np.broadcast_arrays(xv, sv)
                y = np.array([max(a, 0) + b * min(a, 0) for a, b in zip(xb.reshape(-1).tolist(), sb.reshape(-1).tolist())],
                             dtype=object).reshape(xb.shape)
                e = expected(dt, wrap_int(dt, y))
            cases.append(case("prelu %s input %s slope %s" % (dt, shape_str(sx), shape_str(ss)), inputs,
                              op("prelu", [("input", "x"), ("slope", "slope")]), {"output": e}))
    return cases


def generate():
    files = {o: gen_unary(o, v) for o, v in activations().items()}
    files["relu"] = gen_relu()
    files["clamp"] = gen_clamp()
    files["prelu"] = gen_prelu()
    return files
