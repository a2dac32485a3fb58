"""gather gatherElements gatherND scatterElements scatterND. Negative indices count from the end
(asserted for signed index types); out-of-range indices and duplicate scatter targets are
implementation-defined (run, not asserted)."""
import numpy as np

from common import ALL_TYPES, RANK_SHAPES, case, expected, is_float, op, rand, rng, shape_str, tensor
from families.data_movement import vals

IDX_TYPES = ["int32", "uint32", "int64"]


def out(dt, y):
    y = np.array(y, copy=True)
    return expected(dt, y.astype(np.float64) if is_float(dt) else y)


def idx_tensor(r, it, n, shape, negative):
    """Valid indices in [0, n) (or [-n, n) when negative and the type is signed)."""
    raw = r.integers(0, n, size=shape)
    if negative and it != "uint32":
        flip = r.integers(0, 2, size=shape).astype(bool)
        stored = np.where(flip, raw - n, raw)
    else:
        stored = raw
    return np.asarray(stored, dtype=np.dtype(it)).reshape(shape), np.asarray(raw).reshape(shape)


def mk(o, name, dt, x, it, ind, args, opts, y, impl=False, upd=None):
    inputs = {"x": tensor(dt, x.shape, x), "i": tensor(it, ind.shape, ind)}
    a = [("input", "x"), ("indices", "i")]
    if upd is not None:
        inputs["u"] = tensor(dt, upd.shape, upd)
        a.append(("updates", "u"))
    return case(name, inputs, op(o, a + args, opts), {"output": out(dt, y)}, implementation_defined=impl)


def gen_gather():
    cases = []
    for dt in ALL_TYPES:
        for it in IDX_TYPES:
            combos = [(1, 0, 0), (1, 0, 1), (2, 0, 1), (2, 1, 2), (3, 1, 0), (3, 2, 1), (4, 3, 1), (5, 0, 1), (2, None, 2),
                      (4, 1, 3)]
            if it != "int32" or dt not in ("float32", "int8"):
                combos = combos[::3]
            for rank, axis, irank in combos:
                shape = RANK_SHAPES[rank] if rank != 1 else (5,)
                ax = 0 if axis is None else axis
                r = rng("gather/%s/%s/%d/%s/%d" % (dt, it, rank, axis, irank))
                x = vals(r, dt, shape)
                ishape = RANK_SHAPES[irank] if irank != 1 else (3,)
                ind, raw = idx_tensor(r, it, shape[ax], ishape, negative=True)
                y = np.take(x, raw, axis=ax)
                cases.append(mk("gather", "gather %s indices %s input %s axis %s indices %s" %
                                (dt, it, shape_str(shape), "default" if axis is None else axis, shape_str(ishape)),
                                dt, x, it, ind, [], None if axis is None else {"axis": axis}, y))
        r = rng("gather/%s/oob" % dt)
        x = vals(r, dt, (4, 3))
        ind = np.array([0, 4, 100], dtype=np.int32)
        y = np.take(x, np.clip(ind, 0, 3), axis=0)
        cases.append(mk("gather", "gather %s out-of-range indices (implementation-defined)" % dt, dt, x, "int32", ind,
                        [], None, y, impl=True))
    return cases


def gen_gather_elements():
    cases = []
    for dt in ALL_TYPES:
        for it in IDX_TYPES:
            for rank in (1, 2, 3, 4, 5):
                for axis in sorted({0, rank - 1, rank // 2}):
                    if it != "int32" and axis != 0:
                        continue
                    shape = RANK_SHAPES[rank] if rank != 1 else (5,)
                    r = rng("gatherElements/%s/%s/%d/%d" % (dt, it, rank, axis))
                    x = vals(r, dt, shape)
                    ishape = list(shape)
                    ishape[axis] = max(1, shape[axis] - 1) if shape[axis] > 1 else 2
                    ind, raw = idx_tensor(r, it, shape[axis], tuple(ishape), negative=True)
                    y = np.take_along_axis(x, raw, axis=axis)
                    cases.append(mk("gatherElements", "gatherElements %s indices %s input %s axis %d indices %s" %
                                    (dt, it, shape_str(shape), axis, shape_str(ishape)), dt, x, it, ind, [],
                                    {"axis": axis} if axis else None, y))
    return cases


def gen_gather_nd():
    cases = []
    for dt in ALL_TYPES:
        for it in IDX_TYPES:
            for shape, ishape in (((5,), (3, 1)), ((3, 4), (2, 2)), ((3, 4), (2, 1)), ((2, 3, 4), (2, 2, 3)), ((2, 3, 4), (1,)),
                                  ((2, 1, 3, 4), (3, 2)), ((2, 3, 1, 2, 3), (2, 4)), ((3, 4), (2,))):
                if it != "int32" and shape not in ((3, 4), (2, 3, 4)):
                    continue
                r = rng("gatherND/%s/%s/%s/%s" % (dt, it, shape_str(shape), shape_str(ishape)))
                x = vals(r, dt, shape)
                k = ishape[-1]
                raws, stored = [], []
                for d in range(k):
                    s, rw = idx_tensor(r, it, shape[d], ishape[:-1], negative=True)
                    raws.append(rw)
                    stored.append(s)
                ind = np.stack(stored, axis=-1).astype(np.dtype(it)).reshape(ishape)
                y = x[tuple(raws)]
                cases.append(mk("gatherND", "gatherND %s indices %s input %s indices %s" % (dt, it, shape_str(shape),
                                                                                          shape_str(ishape)),
                                dt, x, it, ind, [], None, y))
    return cases


def gen_scatter_elements():
    cases = []
    for dt in ALL_TYPES:
        for it in IDX_TYPES:
            for rank in (1, 2, 3, 4, 5):
                for axis in sorted({0, rank - 1}):
                    if it != "int32" and (axis != 0 or rank > 3):
                        continue
                    shape = RANK_SHAPES[rank] if rank != 1 else (5,)
                    if shape[axis] == 1:
                        continue
                    r = rng("scatterElements/%s/%s/%d/%d" % (dt, it, rank, axis))
                    x = vals(r, dt, shape)
                    ishape = list(shape)
                    m = shape[axis] - 1
                    ishape[axis] = m
                    # distinct targets along the axis for each line
                    moved = np.moveaxis(np.zeros(ishape, dtype=np.int64), axis, -1)
                    flat = moved.reshape(-1, m)
                    for row in range(flat.shape[0]):
                        flat[row] = r.permutation(shape[axis])[:m]
                    raw = np.moveaxis(flat.reshape(moved.shape), -1, axis)
                    if it != "uint32":
                        flip = r.integers(0, 2, size=raw.shape).astype(bool)
                        stored = np.where(flip, raw - shape[axis], raw)
                    else:
                        stored = raw
                    ind = np.asarray(stored, dtype=np.dtype(it))
                    upd = vals(r, dt, tuple(ishape))
                    y = x.copy()
                    np.put_along_axis(y, raw, upd, axis=axis)
                    cases.append(mk("scatterElements", "scatterElements %s indices %s input %s axis %d" %
                                    (dt, it, shape_str(shape), axis), dt, x, it, ind, [], {"axis": axis} if axis else None,
                                    y, upd=upd))
        r = rng("scatterElements/%s/dup" % dt)
        x = vals(r, dt, (3,))
        upd = vals(r, dt, (2,))
        y = x.copy()
        y[1] = upd[1]
        cases.append(mk("scatterElements", "scatterElements %s duplicate targets (implementation-defined)" % dt, dt, x,
                        "int32", np.array([1, 1], dtype=np.int32), [], None, y, impl=True, upd=upd))
    return cases


def gen_scatter_nd():
    cases = []
    for dt in ALL_TYPES:
        for it in IDX_TYPES:
            for shape, ishape in (((5,), (3, 1)), ((3, 4), (2, 2)), ((3, 4), (2, 1)), ((2, 3, 4), (2, 3)), ((2, 3, 4), (1, 1)),
                                  ((2, 1, 3, 4), (2, 3)), ((2, 3, 1, 2, 3), (2, 4)), ((3, 4), (1, 2, 2))):
                if it != "int32" and shape not in ((3, 4), (2, 3, 4)):
                    continue
                r = rng("scatterND/%s/%s/%s/%s" % (dt, it, shape_str(shape), shape_str(ishape)))
                x = vals(r, dt, shape)
                k = ishape[-1]
                n_t = int(np.prod(ishape[:-1]))
                space = int(np.prod(shape[:k]))
                picks = r.permutation(space)[:n_t]
                coords = np.array(np.unravel_index(picks, shape[:k])).T.reshape(tuple(ishape[:-1]) + (k,))
                stored = coords.copy()
                if it != "uint32":
                    flip = r.integers(0, 2, size=coords.shape).astype(bool)
                    stored = np.where(flip, coords - np.array(shape[:k]), coords)
                ind = np.asarray(stored, dtype=np.dtype(it))
                ushape = tuple(ishape[:-1]) + tuple(shape[k:])
                upd = vals(r, dt, ushape)
                y = x.copy()
                cflat = coords.reshape(-1, k)
                uflat = upd.reshape((n_t,) + tuple(shape[k:]))
                for t in range(n_t):
                    y[tuple(cflat[t])] = uflat[t]
                cases.append(mk("scatterND", "scatterND %s indices %s input %s indices %s" % (dt, it, shape_str(shape),
                                                                                            shape_str(ishape)),
                                dt, x, it, ind, [], None, y, upd=upd))
    return cases


def generate():
    return {"gather": gen_gather(), "gatherElements": gen_gather_elements(), "gatherND": gen_gather_nd(),
            "scatterElements": gen_scatter_elements(), "scatterND": gen_scatter_nd()}
