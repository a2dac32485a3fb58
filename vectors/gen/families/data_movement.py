"""concat expand reshape reverse slice split tile transpose triangular (pad and resample2d are in
their own families). Values are copied, never computed, so float data includes NaN, -0, Inf and
subnormals to catch conversions on the way."""
import itertools

import numpy as np

from common import ALL_TYPES, RANK_SHAPES, case, expected, is_float, op, rand, rng, shape_str, special_values, tensor


def vals(r, dt, shape):
    x = rand(r, dt, shape, -100, 100)
    if is_float(dt) and x.size >= 4:
        sv = [v for v in special_values(dt)]
        flat = x.reshape(-1)
        pos = r.choice(flat.size, size=min(len(sv), flat.size // 3), replace=False)
        for i, p in enumerate(sorted(pos.tolist())):
            flat[p] = np.dtype(dt).type(sv[i])
        x = flat.reshape(shape)
    return x


def out(dt, y):
    y = np.array(y, copy=True)
    return expected(dt, y.astype(np.float64) if is_float(dt) else y)


def one(name, dt, x, opname, args, options, y, const=False, outputs="output"):
    o = op(opname, [("input", "x")] + list(args), options, outputs=outputs)
    if isinstance(outputs, list):
        outs = {n: out(dt, v) for n, v in zip(outputs, y)}
    else:
        outs = {"output": out(dt, y)}
    return case(name, {"x": tensor(dt, x.shape, x, constant=const)}, o, outs)


def gen_concat():
    cases = []
    for dt in ALL_TYPES:
        for rank in range(1, 6):
            base = RANK_SHAPES[rank]
            for axis in range(rank):
                if rank >= 4 and axis not in (0, rank - 1):
                    continue
                r = rng("concat/%s/%d/%d" % (dt, rank, axis))
                n = 1 + (axis + rank) % 3 + (1 if axis == 0 else 0)
                parts = []
                for i in range(n):
                    s = list(base)
                    s[axis] = 1 + (i + axis) % 3
                    parts.append(vals(r, dt, tuple(s)))
                names = ["x%d" % i for i in range(n)]
                inputs = {nm: tensor(dt, p.shape, p, constant=(i == 1)) for i, (nm, p) in enumerate(zip(names, parts))}
                y = np.concatenate(parts, axis=axis)
                cases.append(case("concat %s rank %d axis %d %d inputs" % (dt, rank, axis, n), inputs,
                                  op("concat", [("inputs", names), ("axis", axis)]), {"output": out(dt, y)}))
        r = rng("concat/%s/same" % dt)
        p = vals(r, dt, (2, 3))
        cases.append(case("concat %s the same operand twice" % dt, {"x": tensor(dt, (2, 3), p)},
                          op("concat", [("inputs", ["x", "x"]), ("axis", 1)]), {"output": out(dt, np.concatenate([p, p], 1))}))
    return cases


EXPAND = [((), (2, 3)), ((1,), (5,)), ((3, 1), (2, 3, 4)), ((2, 3), (2, 3)), ((1, 3), (4, 3)), ((2, 1, 3), (1, 2, 4, 3)),
          ((1, 1, 1, 1, 2), (2, 3, 1, 4, 2)), ((4,), (2, 1, 4)), ((2, 1), (2, 1))]
RESHAPE = [((), (1,)), ((1,), ()), ((6,), (2, 3)), ((2, 3), (6,)), ((2, 3, 4), (4, 6)), ((2, 3, 4), (1, 2, 1, 12)),
           ((24,), (2, 3, 2, 2)), ((2, 1, 3, 4), (2, 3, 1, 2, 2)), ((2, 3, 1, 2, 3), (36,)), ((1, 1), ())]


def gen_expand():
    cases = []
    for dt in ALL_TYPES:
        for sx, sn in EXPAND:
            r = rng("expand/%s/%s/%s" % (dt, shape_str(sx), shape_str(sn)))
            x = vals(r, dt, sx)
            cases.append(one("expand %s %s to %s" % (dt, shape_str(sx), shape_str(sn)), dt, x, "expand",
                             [("newShape", list(sn))], None, np.broadcast_to(x, sn)))
    return cases


def gen_reshape():
    cases = []
    for dt in ALL_TYPES:
        for sx, sn in RESHAPE:
            r = rng("reshape/%s/%s/%s" % (dt, shape_str(sx), shape_str(sn)))
            x = vals(r, dt, sx)
            cases.append(one("reshape %s %s to %s" % (dt, shape_str(sx), shape_str(sn)), dt, x, "reshape",
                             [("newShape", list(sn))], None, x.reshape(sn), const=(sx == (6,))))
    return cases


def gen_reverse():
    cases = []
    for dt in ALL_TYPES:
        for rank in range(0, 6):
            shape = RANK_SHAPES[rank]
            axes_list = [None, []] + [[a] for a in range(rank)] + ([[0, rank - 1]] if rank >= 2 else [])
            if rank >= 4:
                axes_list = [None, [], [1], [0, rank - 1], [rank - 1, 0, 2]]
            for axes in axes_list:
                r = rng("reverse/%s/%d/%s" % (dt, rank, axes))
                x = vals(r, dt, shape)
                y = x if axes == [] else np.flip(x, axis=tuple(axes) if axes is not None else None)
                label = "default axes" if axes is None else "axes %s" % axes
                cases.append(one("reverse %s rank %d %s" % (dt, rank, label), dt, x, "reverse", [],
                                 None if axes is None else {"axes": axes}, y))
    return cases


SLICES = [((5,), [1], [3], None), ((5,), [0], [5], [2]), ((3, 4), [1, 0], [2, 4], None), ((3, 4), [0, 1], [3, 3], [2, 2]),
          ((2, 3, 4), [1, 1, 1], [1, 2, 3], None), ((2, 3, 4), [0, 0, 0], [2, 3, 4], [1, 3, 2]),
          ((2, 1, 3, 4), [0, 0, 1, 0], [2, 1, 2, 4], [2, 1, 1, 3]), ((2, 3, 1, 2, 3), [1, 1, 0, 0, 2], [1, 2, 1, 2, 1], None),
          ((), [], [], None), ((7,), [6], [1], [4]), ((6,), [1], [5], [4])]


def gen_slice():
    cases = []
    for dt in ALL_TYPES:
        for sx, st, sz, strides in SLICES:
            r = rng("slice/%s/%s/%s/%s/%s" % (dt, shape_str(sx), st, sz, strides))
            x = vals(r, dt, sx)
            idx = tuple(slice(s, s + z, (strides[i] if strides else 1)) for i, (s, z) in enumerate(zip(st, sz)))
            y = x[idx] if idx else x
            cases.append(one("slice %s %s starts %s sizes %s%s" % (dt, shape_str(sx), st, sz,
                                                                   " strides %s" % strides if strides else ""),
                             dt, x, "slice", [("starts", st), ("sizes", sz)], {"strides": strides} if strides else None, y))
    return cases


SPLITS = [((6,), 3, None), ((6,), [1, 2, 3], None), ((6,), 1, None), ((2, 6), 2, 1), ((2, 6), [4, 2], 1), ((4, 3), [1, 3], 0),
          ((2, 3, 4), 2, 2), ((2, 3, 4), [1, 1, 1], 1), ((2, 1, 3, 4), [2], 0), ((2, 3, 1, 2, 3), 3, 4), ((5,), [5], 0)]


def gen_split():
    cases = []
    for dt in ALL_TYPES:
        for sx, splits, axis in SPLITS:
            ax = axis or 0
            r = rng("split/%s/%s/%s/%s" % (dt, shape_str(sx), splits, axis))
            x = vals(r, dt, sx)
            if isinstance(splits, int):
                ys = np.split(x, splits, axis=ax)
            else:
                ys = np.split(x, np.cumsum(splits)[:-1].tolist(), axis=ax)
            names = ["out%d" % i for i in range(len(ys))]
            cases.append(one("split %s %s splits %s axis %s" % (dt, shape_str(sx), splits, "default" if axis is None else axis),
                             dt, x, "split", [("splits", splits)], None if axis is None else {"axis": axis}, ys,
                             outputs=names))
    return cases


TILES = [((), []), ((3,), [2]), ((3,), [1]), ((2, 3), [2, 1]), ((2, 3), [1, 3]), ((2, 1, 2), [2, 2, 2]),
         ((2, 1, 3, 1), [1, 2, 1, 3]), ((1, 2, 1, 2, 1), [2, 1, 3, 1, 2])]


def gen_tile():
    cases = []
    for dt in ALL_TYPES:
        for sx, reps in TILES:
            r = rng("tile/%s/%s/%s" % (dt, shape_str(sx), reps))
            x = vals(r, dt, sx)
            cases.append(one("tile %s %s repetitions %s" % (dt, shape_str(sx), reps), dt, x, "tile",
                             [("repetitions", reps)], None, np.tile(x, reps) if reps else x))
    return cases


def gen_transpose():
    cases = []
    for dt in ALL_TYPES:
        for rank in range(0, 6):
            shape = RANK_SHAPES[rank]
            perms = [None]
            allp = list(itertools.permutations(range(rank)))
            perms += [list(p) for p in (allp if rank <= 3 else [allp[1], allp[len(allp) // 2], allp[-1]])]
            for perm in perms:
                r = rng("transpose/%s/%d/%s" % (dt, rank, perm))
                x = vals(r, dt, shape)
                y = np.transpose(x, perm) if perm is not None else np.transpose(x)
                cases.append(one("transpose %s rank %d %s" % (dt, rank, "default permutation" if perm is None else
                                                              "permutation %s" % perm), dt, x, "transpose", [],
                                 None if perm is None else {"permutation": perm}, y))
    return cases


def gen_triangular():
    cases = []
    for dt in ALL_TYPES:
        for rank, shape in ((2, (3, 4)), (2, (4, 3)), (3, (2, 3, 4)), (4, (2, 1, 3, 3)), (5, (1, 2, 1, 2, 4))):
            for upper in (None, True, False):
                for diag in ((None, 0, 1, -1, 2, -3, 5) if rank == 2 else (None, 1, -1)):
                    r = rng("triangular/%s/%s/%s/%s" % (dt, shape_str(shape), upper, diag))
                    x = vals(r, dt, shape)
                    up = True if upper is None else upper
                    k = 0 if diag is None else diag
                    h, w = shape[-2], shape[-1]
                    i = np.arange(h)[:, None]
                    j = np.arange(w)[None, :]
                    keep = (j - i >= k) if up else (j - i <= k)
                    y = np.where(keep, x, np.zeros_like(x))
                    opts = {}
                    if upper is not None:
                        opts["upper"] = upper
                    if diag is not None:
                        opts["diagonal"] = diag
                    cases.append(one("triangular %s %s upper %s diagonal %s" % (dt, shape_str(shape),
                                                                               "default" if upper is None else upper,
                                                                               "default" if diag is None else diag),
                                     dt, x, "triangular", [], opts or None, y))
    return cases


def generate():
    return {"concat": gen_concat(), "expand": gen_expand(), "reshape": gen_reshape(), "reverse": gen_reverse(),
            "slice": gen_slice(), "split": gen_split(), "tile": gen_tile(), "transpose": gen_transpose(),
            "triangular": gen_triangular()}
