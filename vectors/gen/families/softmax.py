"""softmax: exp(x - max) / sum(exp(x - max)) along an axis (spec: softmax)."""

import numpy as np

import crmath
import exact


def softmax_ref(x, axis):
    m = np.max(x, axis=axis, keepdims=True)
    e = crmath.exp(x - m)
    return e / exact.sum(e, axis=axis, keepdims=True)


import common as C  # noqa: E402

SHAPES = {1: (6,), 2: (3, 5), 3: (2, 3, 4), 4: (2, 3, 2, 3), 5: (2, 2, 3, 2, 2)}


def _case(name, dt, x, axis, impl=False):
    with np.errstate(invalid="ignore", over="ignore"):
        y = softmax_ref(x.astype(np.float64), axis)
    return C.case(name, {"input": C.tensor(dt, x.shape, x)},
                  [C.op("softmax", [("input", "input"), ("axis", axis)])],
                  {"output": C.expected(dt, y)}, N=x.shape[axis], implementation_defined=impl)


def generate():
    cases = []
    for dt in ("float32", "float16"):
        for rank in range(1, 6):
            shape = SHAPES[rank]
            for axis in range(rank):
                name = "softmax %s %s axis=%d" % (dt, C.shape_str(shape), axis)
                cases.append(_case(name, dt, C.rand(C.rng(name), dt, shape, -4.0, 4.0), axis))
        for shape, axis in [((1, 1), 1), ((4, 1), 1), ((2, 1024), 1), ((3, 257), 1), ((7, 2), 0)]:
            name = "softmax %s %s axis=%d%s" % (dt, C.shape_str(shape), axis, " accumulation" if shape[axis] > 100 else "")
            cases.append(_case(name, dt, C.rand(C.rng(name), dt, shape, -4.0, 4.0), axis))
        big = 1000.0 if dt == "float32" else 60000.0
        nan, inf = float("nan"), float("inf")
        for tag, vals in [("large inputs need the max subtraction", [big, big - 1, big - 3]),
                          ("very negative inputs", [-big, -big + 1, -big + 0.5]),
                          ("-inf entry gives 0", [-inf, 1.0, 2.0]),
                          ("equal inputs", [0.5, 0.5, 0.5, 0.5]),
                          ("NaN propagates", [1.0, nan, 2.0])]:
            x = C.round_to(dt, np.array(vals, dtype=np.float64)).reshape(1, -1)
            cases.append(_case("softmax %s special: %s" % (dt, tag), dt, x, 1))
    return {"softmax": cases}
