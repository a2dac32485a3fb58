"""Reductions: argMin/argMax, cumulativeSum and the eleven reduce* ops.

Reference math written from the spec (webnn-index.bs, "Reduction operations", argMin/argMax,
cumulativeSum), computed in float64 (or exact Python/int64 arithmetic for integer types). Float sums, means and
products are exact, rounded once (exact.py); exp and log are correctly rounded (crmath.py)."""

import numpy as np

import crmath
import exact

# ---------------------------------------------------------------------------------------------
# reference math
# ---------------------------------------------------------------------------------------------

def _norm_axes(rank, axes):
    """axes absent (None) -> every dimension; [] -> nothing reduced."""
    if axes is None:
        return tuple(range(rank))
    return tuple(axes)


def reduce_ref(op, x, axes=None, keep=False):
    """x: numpy array (float64 for float types, int64/object for integer types)."""
    ax = _norm_axes(x.ndim, axes)
    ints = x.dtype.kind != "f"  # integers: exact NumPy int64 or Python ints

    def total(v):  # exact for integers (Python ints) and floats (rounded once)
        return np.sum(v, axis=ax, keepdims=True) if ints else exact.sum(v, axis=ax, keepdims=True)

    def total_sq(v):
        if ints:
            return np.sum(v * v, axis=ax, keepdims=True)
        e = exact.Exact(v)
        return (e * e).sum(ax, keepdims=True).to_float()

    if op == "reduceL1":
        r = total(np.abs(x))
    elif op == "reduceL2":
        r = np.sqrt(total_sq(x))
    elif op == "reduceLogSum":
        with np.errstate(divide="ignore", invalid="ignore"):
            r = crmath.log(total(x))
    elif op == "reduceLogSumExp":
        if len(ax) == 0:
            r = x.copy()
        else:
            m = np.max(x, axis=ax, keepdims=True)
            mf = np.where(np.isfinite(m), m, 0.0)
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                r = mf + crmath.log(total(crmath.exp(x - mf)))
    elif op == "reduceMax":
        r = np.max(x, axis=ax, keepdims=True) if x.size else x
    elif op == "reduceMin":
        r = np.min(x, axis=ax, keepdims=True) if x.size else x
    elif op == "reduceMean":
        n = 1
        for a in ax:
            n *= x.shape[a]
        r = np.sum(x, axis=ax, keepdims=True) / n if ints else exact.mean(x, axis=ax, keepdims=True)
    elif op == "reduceProduct":
        r = np.prod(x, axis=ax, keepdims=True) if ints else exact.prod(x, axis=ax, keepdims=True)
    elif op == "reduceSum":
        r = total(x)
    elif op == "reduceSumSquare":
        r = total_sq(x)
    else:
        raise ValueError(op)
    r = np.asarray(r, dtype=object) if x.dtype == object else np.asarray(r)
    if not keep:
        shape = [d for i, d in enumerate(x.shape) if i not in ax]
        r = r.reshape(shape)
    return r


def arg_ref(op, x, axis, keep=False):
    r = np.argmin(x, axis=axis) if op == "argMin" else np.argmax(x, axis=axis)
    if keep:
        r = np.expand_dims(r, axis)
    return r.astype(np.int64)


def arg_has_tie(op, x, axis):
    """True if the extreme value along `axis` occurs more than once somewhere."""
    ext = np.min(x, axis=axis, keepdims=True) if op == "argMin" else np.max(x, axis=axis, keepdims=True)
    return bool(np.any(np.sum(x == ext, axis=axis) > 1))


def cumsum_ref(x, axis, exclusive=False, reversed_=False):
    y = np.flip(x, axis) if reversed_ else x
    c = exact.cumsum(y, axis) if y.dtype.kind == "f" else np.cumsum(y, axis=axis)
    if exclusive:
        # first element 0, then the inclusive sums shifted by one
        c = np.concatenate([np.zeros_like(np.take(c, [0], axis=axis)),
                            np.take(c, range(c.shape[axis] - 1), axis=axis)], axis=axis)
    return np.flip(c, axis) if reversed_ else c


# ---------------------------------------------------------------------------------------------
# cases
# ---------------------------------------------------------------------------------------------

import common as C  # noqa: E402

REDUCE_OPS = ["reduceL1", "reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceMax", "reduceMean",
              "reduceMin", "reduceProduct", "reduceSum", "reduceSumSquare"]
ALL_REDUCE = ["argMin", "argMax", "cumulativeSum"] + REDUCE_OPS

SHAPES = {0: (), 1: (5,), 2: (3, 4), 3: (2, 3, 4), 4: (2, 3, 2, 3), 5: (2, 1, 3, 2, 2)}
AXES = {0: [None, []], 1: [None, [], [0]], 2: [None, [], [0], [1], [1, 0]],
        3: [None, [], [0], [1], [2], [0, 2], [2, 1, 0]],
        4: [None, [], [1], [3], [1, 2], [0, 2, 3]],
        5: [None, [], [2], [0, 4], [1, 2, 3], [4, 3, 2, 1, 0]]}


def _input_range(op, dt):
    """Value ranges per op: positive for sums (no cancellation), >= 2 under a log, near 1 for
    products, small integers where integer results could overflow."""
    if C.is_float(dt):
        return {"reduceLogSum": (2.0, 4.0), "reduceLogSumExp": (0.5, 2.0), "reduceProduct": (0.5, 2.0),
                "reduceMax": (-10.0, 10.0), "reduceMin": (-10.0, 10.0), "reduceL2": (-2.0, 2.0),
                "reduceL1": (-2.0, 2.0)}.get(op, (0.0, 2.0))
    lo, hi = C.int_range(dt)
    if op == "reduceProduct":
        return (0, 3) if lo == 0 else (-3, 3)
    if op == "reduceSumSquare":
        return (0, 10) if lo == 0 else (-10, 10)
    if op in ("reduceMax", "reduceMin"):
        return (lo, hi)
    if dt in ("int8", "uint8"):
        return (lo, hi)
    return (0, 1000) if lo == 0 else (-1000, 1000)


def _as_exact(dt, x):
    """Input ndarray -> array for the reference math: float64, or int64 (object for uint64)."""
    if C.is_float(dt):
        return x.astype(np.float64)
    if dt == "uint64":
        return x.astype(object)
    return x.astype(np.int64)


def _reduced_count(shape, axes):
    ax = range(len(shape)) if axes is None else axes
    n = 1
    for a in ax:
        n *= shape[a]
    return max(n, 1)


def _reduce_case(opname, dt, shape, axes, keep, x=None, name=None, impl=False, tag="", x_tensor=None):
    """A reduction case; x_tensor (with x: its values) says how the file holds a given input."""
    shape = tuple(shape)
    name = name or "%s %s %s axes=%s keep=%s%s" % (opname, dt, C.shape_str(shape),
                                                  "absent" if axes is None else list(axes), keep, tag)
    if x is None:
        r = C.rng(name)
        lo, hi = _input_range(opname, dt)
        x = C.rand(r, dt, shape, lo, hi)
        if opname == "reduceProduct" and C.is_float(dt):
            n = _reduced_count(shape, axes)
            if n > 16:  # keep big products finite: values close to 1
                x = C.round_to(dt, r.uniform(1 - 2.0 / n, 1 + 2.0 / n, size=shape))
    y = reduce_ref(opname, _as_exact(dt, x), axes, keep)
    opts = {}
    if axes is not None:
        opts["axes"] = list(axes)
    if keep or "keepfalse" in tag:
        opts["keepDimensions"] = bool(keep)
    n = _reduced_count(shape, axes)
    out = C.expected(dt, y) if C.is_float(dt) else C.expected(dt, np.asarray(y, dtype=object))
    m = None
    if opname in ("reduceSum", "reduceMean") and C.is_float(dt):
        # the floor's M: sum of |x| over the reduced axes (/ N for the mean)
        m = C.magnitude(reduce_ref(opname, np.abs(x.astype(np.float64)), axes, keep))
    return C.case(name, {"input": x_tensor or C.tensor(dt, shape, x)},
                  [C.op(opname, [("input", "input")], opts)], {"output": out}, N=n,
                  implementation_defined=impl, magnitude=m)


def _specials(opname, dt):
    """Explicit special-value cases: (tag, values, axes, implementationDefined)."""
    nan, inf = float("nan"), float("inf")
    res = []
    if not C.is_float(dt):
        lo, hi = C.int_range(dt)
        if opname in ("reduceMax", "reduceMin"):
            res.append(("type limits", [lo, hi, 0, lo + 1, hi - 1, 1], None, False))
        if opname == "reduceSum" and dt in ("int64", "uint64"):
            big = 1 << 60
            vals = [big, 3, big, 5] if dt == "uint64" else [big, -3, big, -(big // 2)]
            res.append(("beyond 2^53", vals, None, False))
        if opname == "reduceSum" and dt in ("int32",):
            res.append(("near limits", [hi - 5, 3, lo + 10, -7], None, False))
        return res
    tiny = float(np.finfo(C.NP[dt]).tiny)
    sub = tiny / 4
    if opname in ("reduceSum", "reduceMean", "reduceL1"):
        res += [("inf", [inf, 1.0, 2.0, 0.5], None, False), ("inf-inf is NaN", [inf, 1.0, -inf, 0.5], None, False),
                ("NaN propagates", [1.0, nan, 2.0, 0.5], None, False),
                ("subnormals", [sub, sub, sub, tiny], None, False),
                ("-0 + -0", ["-0", "-0"], None, False)]
    if opname == "reduceSum" and dt == "float16":
        res.append(("float16 overflow", [60000.0, 60000.0], None, False))
    if opname == "reduceProduct":
        res += [("inf times 0 is NaN", [inf, 0.0, 2.0], None, False), ("NaN propagates", [1.0, nan, 2.0], None, False),
                ("signs", [-1.5, -2.0, -0.5], None, False), ("-0 times positive", ["-0", 2.0], None, False)]
    if opname in ("reduceMax", "reduceMin"):
        res += [("infinities", [inf, -inf, 1.0, -2.0], None, False),
                ("NaN implementation-defined", [1.0, nan, 2.0, -1.0], None, True),
                ("subnormals", [sub, -sub, tiny, -tiny], None, False)]
    if opname in ("reduceL2", "reduceSumSquare"):
        res += [("inf", [-inf, 1.0], None, False), ("NaN propagates", [nan, 1.0], None, False)]
    if opname == "reduceLogSum":
        res += [("sum 0 gives -inf", [0.0, 0.0, 0.0], None, False), ("negative sum gives NaN", [-2.0, 1.0], None, False),
                ("inf", [inf, 3.0], None, False)]
    if opname == "reduceLogSumExp":
        res += [("+inf", [inf, 1.0], None, False), ("all -inf gives -inf", [-inf, -inf], None, False),
                ("large inputs do not overflow", [80.0, 79.0, 78.5] if dt == "float32" else [11.0, 10.5, 10.0], None, False),
                ("NaN propagates", [nan, 1.0], None, False)]
    return res


def _gen_reduce(opname):
    cases = []
    types = C.allowed_types(opname, "input")
    for dt in types:
        for rank in range(6):
            shape = SHAPES[rank]
            for i, axes in enumerate(AXES[rank]):
                keep = bool((i + rank) % 2)
                cases.append(_reduce_case(opname, dt, shape, axes, keep))
                if axes is None or (axes and len(axes) == 1 and rank == 3):
                    cases.append(_reduce_case(opname, dt, shape, axes, not keep,
                                              tag=" keepfalse" if keep else ""))
        # a shape with a size-1 dim and an odd extent
        cases.append(_reduce_case(opname, dt, (7, 1, 9), [0, 2], False))
        for tag, vals, axes, impl in _specials(opname, dt):
            x = C.round_to(dt, np.array([np.float64(v) if not isinstance(v, int) else v for v in vals], dtype=object
                                         if not C.is_float(dt) else np.float64)) if not isinstance(vals[0], str) or True else None
            if C.is_float(dt):
                x = C.round_to(dt, np.array([float(v) for v in vals]))
            else:
                x = C.round_to(dt, np.array([int(v) for v in vals], dtype=object))
            cases.append(_reduce_case(opname, dt, (len(vals),), axes, False, x=x,
                                      name="%s %s special: %s" % (opname, dt, tag), impl=impl))
    # accumulation stress: 10^5 elements
    big = {"float32": {"reduceSum": [0, 1], "reduceMean": [0], "reduceL2": [1], "reduceLogSumExp": [0],
                       "reduceMax": [1]},
           "float16": {"reduceSum": [0, 1], "reduceMean": [1], "reduceL1": [0], "reduceMin": [1]}}
    for dt, ops in big.items():
        for which in ops.get(opname, []):
            if which == 0:
                cases.append(_reduce_case(opname, dt, (100000,), None, False, tag=" accumulation"))
            else:
                cases.append(_reduce_case(opname, dt, (4, 25000), [1], False, tag=" accumulation"))
    if opname == "reduceProduct":
        cases.append(_reduce_case(opname, "float32", (1000,), None, False, tag=" accumulation"))
    if opname == "reduceSum":
        cases.append(_reduce_case(opname, "int32", (100000,), None, False, tag=" accumulation"))
    return cases


def _distinct(r, dt, shape):
    """Values with no repeats (so argMin/argMax have no ties)."""
    n = int(np.prod(shape)) if shape else 1
    if C.is_float(dt):
        while True:
            x = C.rand(r, dt, shape, -10.0, 10.0)
            if len(np.unique(x)) == n:
                return x
    lo, hi = C.int_range(dt)
    span = min(hi - lo + 1, 4096)
    start = lo if lo == 0 else -span // 2
    vals = r.permutation(span)[:n] + start
    return C.round_to(dt, np.array([int(v) for v in vals], dtype=object).reshape(shape))


def _gen_arg(opname):
    cases = []
    shapes = {1: (6,), 2: (3, 5), 3: (2, 3, 4), 4: (2, 3, 2, 3), 5: (2, 2, 3, 2, 2)}
    k = 0
    for dt in C.allowed_types(opname, "input"):
        for rank in range(1, 6):
            shape = shapes[rank]
            for axis in range(rank):
                k += 1
                keep = bool(k % 2)
                odt = [None, "int32", "int64"][k % 3]
                name = "%s %s %s axis=%d keep=%s out=%s" % (opname, dt, C.shape_str(shape), axis, keep, odt or "default")
                r = C.rng(name)
                x = _distinct(r, dt, shape)
                y = arg_ref(opname, _as_exact(dt, x), axis, keep)
                opts = {}
                if keep or k % 4 == 0:
                    opts["keepDimensions"] = keep
                if odt:
                    opts["outputDataType"] = odt
                cases.append(C.case(name, {"input": C.tensor(dt, shape, x)},
                                    [C.op(opname, [("input", "input"), ("axis", axis)], opts)],
                                    {"output": C.expected(odt or "int32", np.asarray(y, dtype=object))}))
        # specials / ties
        if C.is_float(dt):
            nan, inf = float("nan"), float("inf")
            spec = [("infinities", [1.0, inf, -inf, 2.0], False), ("tie implementation-defined", [3.0, 1.0, 3.0, 1.0], True),
                    ("NaN implementation-defined", [1.0, nan, 2.0, 0.0], True),
                    ("-0 and +0 tie implementation-defined", ["-0", 0.0], True)]
        else:
            lo, hi = C.int_range(dt)
            spec = [("type limits", [0, lo, hi, 1] if lo < 0 else [1, hi, lo, 2], False),
                    ("tie implementation-defined", [5, 5, 5], True)]
        for tag, vals, impl in spec:
            x = C.round_to(dt, np.array([float(v) for v in vals]) if C.is_float(dt) else np.array(vals, dtype=object))
            name = "%s %s special: %s" % (opname, dt, tag)
            y = arg_ref(opname, _as_exact(dt, x), 0, False)
            cases.append(C.case(name, {"input": C.tensor(dt, x.shape, x)},
                                [C.op(opname, [("input", "input"), ("axis", 0)])],
                                {"output": C.expected("int32", np.asarray(y, dtype=object))},
                                implementation_defined=impl))
    return cases


def _gen_cumsum():
    cases = []
    shapes = {1: (7,), 2: (3, 5), 3: (2, 3, 4), 4: (2, 3, 2, 3), 5: (2, 2, 3, 2, 2)}
    for dt in C.allowed_types("cumulativeSum", "input"):
        k = 0
        for rank in range(1, 6):
            shape = shapes[rank]
            for axis in range(rank):
                combos = [(False, False), (True, False), (False, True), (True, True)]
                if rank not in (1, 3):
                    combos = [combos[k % 4]]
                for exc, rev in combos:
                    k += 1
                    name = "cumulativeSum %s %s axis=%d exclusive=%s reversed=%s" % (dt, C.shape_str(shape), axis, exc, rev)
                    r = C.rng(name)
                    if C.is_float(dt):
                        x = C.rand(r, dt, shape, 0.0, 2.0)
                    else:
                        lo = 0 if C.int_range(dt)[0] == 0 else -1000
                        x = C.rand(r, dt, shape, lo, 1000)
                    y = cumsum_ref(_as_exact(dt, x), axis, exc, rev)
                    opts = {}
                    if exc or k % 3 == 0:
                        opts["exclusive"] = exc
                    if rev or k % 3 == 1:
                        opts["reversed"] = rev
                    out = C.expected(dt, y) if C.is_float(dt) else C.expected(dt, np.asarray(y, dtype=object))
                    cases.append(C.case(name, {"input": C.tensor(dt, shape, x)},
                                        [C.op("cumulativeSum", [("input", "input"), ("axis", axis)], opts)],
                                        {"output": out}, N=shape[axis]))
    for dt in ("float32", "float16"):
        nan, inf = float("nan"), float("inf")
        for tag, vals in [("inf then -inf", [1.0, inf, 2.0, -inf, 1.0]), ("NaN propagates forward", [1.0, 2.0, nan, 1.0])]:
            x = C.round_to(dt, np.array(vals))
            name = "cumulativeSum %s special: %s" % (dt, tag)
            with np.errstate(invalid="ignore"):
                y = cumsum_ref(x.astype(np.float64), 0)
            cases.append(C.case(name, {"input": C.tensor(dt, x.shape, x)},
                                [C.op("cumulativeSum", [("input", "input"), ("axis", 0)])],
                                {"output": C.expected(dt, y)}, N=len(vals)))
        # accumulation
        name = "cumulativeSum %s 2x2048 axis=1 accumulation" % dt
        x = C.rand(C.rng(name), dt, (2, 2048), 0.0, 1.0)
        cases.append(C.case(name, {"input": C.tensor(dt, x.shape, x)},
                            [C.op("cumulativeSum", [("input", "input"), ("axis", 1)])],
                            {"output": C.expected(dt, cumsum_ref(x.astype(np.float64), 1))}, N=2048))
    return cases


def generate():
    files = {}
    for o in ("argMin", "argMax"):
        files[o] = _gen_arg(o)
    files["cumulativeSum"] = _gen_cumsum()
    for o in REDUCE_OPS:
        with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
            files[o] = _gen_reduce(o)
    return files
