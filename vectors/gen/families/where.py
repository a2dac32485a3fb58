"""where(condition, trueValue, falseValue): condition uint8 (non-zero = true), the three operands
broadcast bidirectionally, result type = trueValue's type. Values are copied, not computed."""
import numpy as np

from common import ALL_TYPES, RANK_SHAPES, case, expected, is_float, op, rand, rng, shape_str, special_values, tensor
from families._unary import round_list

TRIPLES = [((2, 3), (2, 3), ()), ((3,), (2, 3), (2, 1)), ((2, 1, 4), (3, 1), (4,)), ((), (2, 2), (2, 2)),
           ((1, 4), (3, 1), (1,)), ((2, 1, 2, 1, 3), (2, 1, 3), (1, 1, 1, 2, 1, 1))]


def mk(dt, name, c, t, f, const=False):
    inputs = {"c": tensor("uint8", c.shape, c, constant=const), "t": tensor(dt, t.shape, t), "f": tensor(dt, f.shape, f)}
    cb, tb, fb = np.broadcast_arrays(c, t, f)
    out = np.where(cb != 0, tb, fb)
    vals = out.astype(np.float64) if is_float(dt) else out
    return case(name, inputs, op("where", [("condition", "c"), ("trueValue", "t"), ("falseValue", "f")]),
                {"output": expected(dt, vals)})


def gen():
    cases = []
    for dt in ALL_TYPES:
        for rank in range(6):
            shape = RANK_SHAPES[rank]
            r = rng("where/%s/%d" % (dt, rank))
            c = r.integers(0, 2, size=shape).astype(np.uint8) * r.integers(1, 256, size=shape).astype(np.uint8)
            c = np.asarray(c, dtype=np.uint8).reshape(shape)
            cases.append(mk(dt, "where %s rank %d %s" % (dt, rank, shape_str(shape)), c,
                            rand(r, dt, shape, -100, 100), rand(r, dt, shape, -100, 100)))
        for sc, st, sf in TRIPLES:
            r = rng("where/%s/%s/%s/%s" % (dt, shape_str(sc), shape_str(st), shape_str(sf)))
            c = np.asarray(r.integers(0, 3, size=sc), dtype=np.uint8).reshape(sc)
            cases.append(mk(dt, "where %s broadcast condition %s true %s false %s" % (dt, shape_str(sc), shape_str(st),
                                                                                      shape_str(sf)),
                            c, rand(r, dt, st, -100, 100), rand(r, dt, sf, -100, 100)))
        r = rng("where/%s/large" % dt)
        c = np.asarray(r.integers(0, 2, size=(8, 64)), dtype=np.uint8)
        cases.append(mk(dt, "where %s large 8x64 constant condition" % dt, c, rand(r, dt, (8, 64), -100, 100),
                        rand(r, dt, (8, 64), -100, 100), const=True))
        sv = special_values(dt)
        t = round_list(dt, sv)
        f = round_list(dt, list(reversed(sv)))
        c = np.array([(i * 37) % 3 for i in range(len(t))], dtype=np.uint8) * 100
        cases.append(mk(dt, "where %s special values are copied (NaN, -0, subnormals)" % dt, c, t, f))
    return cases


def generate():
    return {"where": gen()}
