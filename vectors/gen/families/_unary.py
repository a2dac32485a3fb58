"""Shared builder for single-input element-wise ops (elementwise_unary, activation, logical)."""
import numpy as np

from common import (RANK_SHAPES, case, expected, int_range, is_float, op, rand, rng, shape_str, special_values,
                    tensor, wrap_int)


def unary_case(o, dt, name, x, f, options=None, out_dt=None, impl=False, arg="input", const=False, tol=None):
    """x: ndarray of dt. f(x as float64 or Python-int object array) -> values of the output."""
    out_dt = out_dt or dt
    inputs = {"x": tensor(dt, x.shape, x, constant=const)}
    if is_float(dt):
        xv = x.astype(np.float64)
    else:
        xv = np.asarray(x.tolist(), dtype=object).reshape(x.shape)
    with np.errstate(all="ignore"):
        r = f(xv)
    if is_float(out_dt):
        e = expected(out_dt, np.asarray(r, dtype=np.float64).reshape(x.shape))
    else:
        rr = np.asarray(r, dtype=object).reshape(x.shape)
        lo, hi = int_range(out_dt)
        if any(int(v) < lo or int(v) > hi for v in rr.reshape(-1).tolist()):
            impl = True
        e = expected(out_dt, wrap_int(out_dt, rr))
    # the -0/NaN constant values are dropped by const folding in some backends: still asserted
    return case(name, inputs, op(o, [(arg, "x")], options, outputs="output"), {"output": e},
                implementation_defined=impl, tol=tol)


def standard_cases(o, dt, f, lo, hi, options=None, out_dt=None, arg="input", opt_label="", extra=None,
                   impl_mask=None, ranks=range(0, 6), exclude_nan=False):
    """Ranks 0..5, a 512-element tensor, a constant input, special values and `extra` values."""
    cases = []
    lab = (" " + opt_label) if opt_label else ""

    def mk(name, x, const=False):
        impl = bool(impl_mask(x)) if impl_mask else False
        return unary_case(o, dt, name, x, f, options, out_dt, impl=impl, arg=arg, const=const)

    for rank in ranks:
        shape = RANK_SHAPES[rank]
        r = rng("%s/%s%s/rank%d" % (o, dt, lab, rank))
        cases.append(mk("%s %s%s rank %d %s" % (o, dt, lab, rank, shape_str(shape)), rand(r, dt, shape, lo, hi)))
    r = rng("%s/%s%s/large" % (o, dt, lab))
    cases.append(mk("%s %s%s large 4x8x16" % (o, dt, lab), rand(r, dt, (4, 8, 16), lo, hi)))
    r = rng("%s/%s%s/const" % (o, dt, lab))
    cases.append(mk("%s %s%s constant input 2x3" % (o, dt, lab), rand(r, dt, (2, 3), lo, hi), const=True))
    sv = special_values(dt)
    if extra:
        sv = sv + [v for v in extra if v not in sv or (isinstance(v, float) and v != v)]
    if exclude_nan:
        sv = [v for v in sv if v == v]
    x = round_list(dt, sv)
    cases.append(mk("%s %s%s special values" % (o, dt, lab), x))
    return cases


def round_list(dt, vals):
    if is_float(dt):
        with np.errstate(over="ignore"):
            return np.array(vals, dtype=np.float64).astype(np.dtype(dt))
    lo, hi = int_range(dt)
    return np.array([int(v) for v in vals if lo <= int(v) <= hi], dtype=np.dtype(dt))
