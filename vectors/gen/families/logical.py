"""equal notEqual greater greaterOrEqual lesser lesserOrEqual logicalNot logicalAnd logicalOr
logicalXor isNaN isInfinite (spec: element-wise logical operations). Output uint8 0/1; comparisons
follow IEEE 754 (NaN compares unordered, -0 == +0); logical ops treat any non-zero as true."""
import numpy as np

from common import (ALL_TYPES, BROADCAST_PAIRS, RANK_SHAPES, case, expected, int_range, is_float, op, rng,
                    shape_str, special_values, tensor)
from families._unary import round_list, standard_cases

CMP = {"equal": np.equal, "notEqual": np.not_equal, "greater": np.greater, "greaterOrEqual": np.greater_equal,
       "lesser": np.less, "lesserOrEqual": np.less_equal}
LOGIC = {"logicalAnd": np.logical_and, "logicalOr": np.logical_or, "logicalXor": np.logical_xor}


def draw(r, dt, shape):
    """Values from a small pool so that equal elements are common."""
    if is_float(dt):
        pool = np.array([-2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 3.25, 7.0], dtype=np.float64)
    else:
        lo, hi = int_range(dt)
        pool = np.array(sorted({max(lo, -3), max(lo, -1), 0, 1, 2, 7, hi, lo}), dtype=object)
    idx = r.integers(0, len(pool), size=tuple(shape))
    return round_list(dt, np.asarray(pool[idx], dtype=pool.dtype).reshape(-1).tolist()).reshape(tuple(shape))


def binary(o, dt, name, a, b, f, b_const=False):
    inputs = {"a": tensor(dt, a.shape, a), "b": tensor(dt, b.shape, b, constant=b_const)}
    if is_float(dt):
        av, bv = a.astype(np.float64), b.astype(np.float64)
    else:
        av, bv = np.asarray(a.tolist(), dtype=object).reshape(a.shape), np.asarray(b.tolist(), dtype=object).reshape(b.shape)
    with np.errstate(invalid="ignore"):
        r = f(av, bv).astype(np.uint8)
    return case(name, inputs, op(o, [("a", "a"), ("b", "b")], outputs="output"), {"output": expected("uint8", r)})


def gen_binary(o, f, types):
    cases = []
    for dt in types:
        for rank in range(6):
            shape = RANK_SHAPES[rank]
            r = rng("%s/%s/rank%d" % (o, dt, rank))
            cases.append(binary(o, dt, "%s %s rank %d %s" % (o, dt, rank, shape_str(shape)),
                                draw(r, dt, shape), draw(r, dt, shape), f))
        for sa, sb in BROADCAST_PAIRS[:6]:
            r = rng("%s/%s/bcast/%s/%s" % (o, dt, shape_str(sa), shape_str(sb)))
            cases.append(binary(o, dt, "%s %s broadcast %s with %s" % (o, dt, shape_str(sa), shape_str(sb)),
                                draw(r, dt, sa), draw(r, dt, sb), f))
        r = rng("%s/%s/large" % (o, dt))
        cases.append(binary(o, dt, "%s %s large 8x64" % (o, dt), draw(r, dt, (8, 64)), draw(r, dt, (8, 64)), f))
        r = rng("%s/%s/const" % (o, dt))
        cases.append(binary(o, dt, "%s %s b constant" % (o, dt), draw(r, dt, (2, 3)), draw(r, dt, (3,)), f,
                            b_const=True))
        if dt in ALL_TYPES and o in CMP:
            sv = special_values(dt)
            n = len(sv)
            a = round_list(dt, [x for x in sv for _ in range(n)]).reshape(n, n)
            b = round_list(dt, [y for _ in range(n) for y in sv]).reshape(n, n)
            cases.append(binary(o, dt, "%s %s special values all pairs%s" % (o, dt, " (IEEE: NaN unordered, -0 == +0)"
                                                                           if is_float(dt) else ""), a, b, f))
            if is_float(dt):
                # adjacent values: one ULP apart must compare unequal
                one = np.array([1.0], dtype=np.dtype(dt))[0]
                nxt = np.nextafter(one, np.dtype(dt).type(2))
                a = np.array([one, nxt, one, -nxt], dtype=np.dtype(dt))
                b = np.array([nxt, one, one, -one], dtype=np.dtype(dt))
                cases.append(binary(o, dt, "%s %s one ULP apart" % (o, dt), a, b, f))
    return cases


def gen_uint8_logic(o, f):
    cases = gen_binary(o, lambda a, b: f(a != 0, b != 0), ["uint8"])
    a = np.array([x for x in (0, 1, 2, 255) for _ in range(4)], dtype=np.uint8).reshape(4, 4)
    b = np.array([y for _ in range(4) for y in (0, 1, 2, 255)], dtype=np.uint8).reshape(4, 4)
    cases.append(binary(o, "uint8", "%s uint8 non-zero values are true" % o, a, b, lambda x, y: f(x != 0, y != 0)))
    return cases


def generate():
    files = {}
    for o, f in CMP.items():
        files[o] = gen_binary(o, f, ALL_TYPES)
    for o, f in LOGIC.items():
        files[o] = gen_uint8_logic(o, f)
    files["logicalNot"] = standard_cases("logicalNot", "uint8", lambda x: np.array([int(v == 0) for v in x.reshape(-1).tolist()]).reshape(x.shape),
                                         0, 255, out_dt="uint8", arg="a", extra=[2, 128]) + \
        standard_cases("logicalNot", "uint8", lambda x: np.array([int(v == 0) for v in x.reshape(-1).tolist()]).reshape(x.shape),
                       0, 1, out_dt="uint8", arg="a", opt_label="zeros and ones")
    for o, pred in (("isNaN", np.isnan), ("isInfinite", np.isinf)):
        cs = []
        for dt in ALL_TYPES:
            if is_float(dt):
                fn = (lambda p: lambda x: p(x).astype(np.uint8))(pred)
                cs += standard_cases(o, dt, fn, -1e4, 1e4, out_dt="uint8", arg="a",
                                     extra=[float(np.finfo(np.dtype(dt)).max) * 1.0])
            # integer inputs: the algorithm throws (validation vectors)
        files[o] = cs
    return files
