"""Sensitivity vectors (issue 21): cases that make a wrong port fail.

Each group (one file each) targets a class of bug a real backend could have and that the
per-op families did not judge, found by mutation testing (`make mutate`). The expected
values come from the same spec-literal NumPy math as the op families.

  saturation   scalar options cast to the input type: integer types beyond both ends, on both
               sides of a bound, fractional halves (clamp bounds, pad value); float bounds given
               as integers that round together or overflow float16; cast of exact small
               integers and their neighbours (truncation toward zero)
  negzero_int  integer options (axes, permutations) written as -0: WebIDL converts -0 to 0, so
               a port that treats -0 as "not an integer" or as a sign rejects a valid graph
  count_wrap   shapes whose element count wraps around 2^32 or 2^64 to exactly the input's
               count: a port that multiplies dimensions without an overflow check accepts them
  boundaries   builder checks at their exact boundary, on each axis separately (a port that
               compares with the wrong operator or the other axis's value accepts or rejects);
               dilated pooling windows that start in the padding, the largest unsigned long as a
               stride, a float32 pad value that float16 cannot hold
  max_rank     ranks 6 to 8 (8 is the reference's limit, DEVIATIONS.md) for the ops that index
               per-dimension arrays: an off-by-one over the dimensions, or an array sized for
               rank 5 or 6, reads or writes past its end (caught by ASan, or by the values)
  generated    generated data (vectors/FORMAT.md) in every data type, as an input and as a
               constant, over full and narrow ranges, with literal expected values: a loader that
               draws, maps or stores elements wrongly (or one too many) shows
  blocks       shapes that cross the blocks and tiles a fast backend cuts its work into: a row of
               more than 2^15 elements in both operands, a conv2d output row whose im2col holds
               more than 2^17 floats, more output channels than one 64-wide register panel;
               and the edge windows a blocked path treats apart: a kernel wider than the input
               (some taps only ever see padding), dilated rows crossing the bottom padding;
               kernel rows long enough to be read in place from a padded copy of the input
               (padding on all four sides, strides leaving input rows unread, two batches,
               fewer pixels than channels), 1x1 convs read in place with batches and groups,
               depthwise taps past the right edge under a stride; a reduction down more
               columns than one band (reduceSum, and reduceLogSumExp's second pass), softmax
               whose maximum is only in the last row of an axis with inner elements (inputs past
               exp's double range), gemm with alpha 0 and c
  fills        inputs and constants given as one value that fills the shape (vectors/FORMAT.md),
               for every data type and element size, with a value whose every byte is non-zero
               and an odd element count: a fill that stops short, skips or drops a byte shows
"""
import numpy as np

import generated

from common import (case, desc_only, descriptor, expected, invalid_case, int_range, is_float, op, rand, rng,
                    shape_str, tensor)
from families.activation import cast_scalar, clamp_ref, num
from families.cast import mk as cast_mk
from families.conv import conv2d_case, conv_t_case, conv_transpose_out_size
from families.normalization import _conditioned, _eps, layernorm_ref
from families.pad import pad_ref
from families.matmul import gemm_case
from families.pooling import _case as pool_case
from families.reduction import _reduce_case as reduce_case
from families.softmax import _case as softmax_case

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
                 ("both bounds at or beyond 2^63", 2 ** 63 + 5, 2 ** 64 - 1),
                 ("max at the minimum as a float", float(lo) * 2.0 - 2.0 if lo else -7.5, float(lo) - 0.25)]
        for label, mn, mx in pairs:
            if isinstance(mn, float) and abs(mn) < 2 ** 53 and mn != int(mn) and abs(mn) > 2 ** 52:
                continue  # not representable with a fraction: the label would lie
            f = clamp_ref(dt, mn, mx)
            name = "clamp %s %s min=%s max=%s" % (dt, label, mn, mx)
            cases.append(case(name, {"x": tensor(dt, x.shape, x)},
                              op("clamp", [("input", "x")], {"minValue": _json_big(mn), "maxValue": _json_big(mx)}),
                              {"output": _int_expected(dt, f(xv))}))
        # a min above the type's maximum with the max at it: both cast to the maximum, a valid pair
        f = clamp_ref(dt, hi + 1, hi)
        cases.append(case("clamp %s min one above the maximum, max at it (both cast to %d)" % (dt, hi),
                          {"x": tensor(dt, x.shape, x)},
                          op("clamp", [("input", "x")], {"minValue": _json_big(hi + 1), "maxValue": _json_big(hi)}),
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
    # float bounds given as integers: cast to the float type (rounded once), which can make a
    # min that looks larger equal to the max; and an integer bound beyond float16's range
    x16 = np.array([2046, 2048, 2050, 4096, -3, 65504, -65504, 0], dtype=np.float16)
    for mn, mx in [(2049, 2048), (65521, 65520), (-65521, -65520)]:
        if cast_scalar("float16", mn) > cast_scalar("float16", mx):
            continue
        f = clamp_ref("float16", mn, mx)
        cases.append(case("clamp float16 integer bounds min=%d max=%d (equal after the cast to float16)" % (mn, mx),
                          {"x": tensor("float16", x16.shape, x16)},
                          op("clamp", [("input", "x")], {"minValue": mn, "maxValue": mx}),
                          {"output": expected("float16", f(x16.astype(np.float64)))}))
    x32 = np.array([1e5, 7e4, 65520, 65519, -1e5, 0], dtype=np.float32)
    for mn, mx in [(-70000, 70000), (65521, 100000)]:
        f = clamp_ref("float32", mn, mx)
        cases.append(case("clamp float32 integer bounds min=%d max=%d beyond float16's range" % (mn, mx),
                          {"x": tensor("float32", x32.shape, x32)},
                          op("clamp", [("input", "x")], {"minValue": mn, "maxValue": mx}),
                          {"output": expected("float32", f(x32.astype(np.float64)))}))
    # neg of the values next to the signed minimum: defined (no overflow), unlike neg(min)
    for dt in ("int8", "int32", "int64"):
        lo, hi = int_range(dt)
        xn = np.array([lo + 1, hi, -1, 1, lo + 2, 0], dtype=np.dtype(dt))
        cases.append(case("neg %s of min + 1 and max (their negations fit)" % dt, {"x": tensor(dt, xn.shape, xn)},
                          op("neg", [("input", "x")]),
                          {"output": _int_expected(dt, [-int(v) for v in xn.tolist()])}))
    # cast of in-range floats that are exact small integers or just beside them: truncation
    for src in ("float32", "float16"):
        for dst in INT_TYPES:
            lo, hi = int_range(dst)
            vals = [0.0, 1.0, 2.0, 0.5, 1.5, 0.99951171875, 1.0009765625, 127.0, 126.5]
            if hi >= 255:
                vals += [255.0, 254.75]
            if lo < 0:
                vals += [-1.0, -0.5, -1.5, -128.0, -127.5]
            xc = np.array(vals, dtype=np.float64).astype(np.dtype(src))
            cases.append(cast_mk(src, dst, "cast %s to %s of exact small integers and their neighbours" % (src, dst),
                                 xc))
    return cases


# per data type: a fill value with no zero byte in its encoding
FILL_VALUES = {"float32": -3.1415927410125732, "float16": -3.138671875, "int32": -16843010, "uint32": 4294967041,
               "int64": -72340172838076674, "uint64": 18446744073709551363, "int8": -3, "uint8": 253}


def gen_fills():
    cases = []
    for dt, v in FILL_VALUES.items():
        for const in (False, True):
            for shape in ((7,), (3, 5), (1, 3, 1, 3)):
                n = int(np.prod(shape))
                kind = "constant" if const else "input"
                x = tensor(dt, shape, np.full(n, v, dtype=object if not is_float(dt) else np.float64), constant=const)
                x["data"] = num(v) if is_float(dt) else (v if abs(v) <= 2 ** 53 else str(v))
                out = expected(dt, np.full(shape, v, dtype=np.float64) if is_float(dt) else
                               np.full(shape, v, dtype=object))
                name = "identity of a filled %s %s %s value %s" % (dt, kind, shape_str(shape), v)
                cases.append(case(name, {"x": x}, op("identity", [("input", "x")]), {"output": out}))
    return cases


def gen_negzero_int():
    cases = []
    a = np.arange(12, dtype=np.int32).reshape(3, 4)
    b = (np.arange(8, dtype=np.int32) + 100).reshape(2, 4)
    cases.append(case("concat int32 axis -0 (= 0) 3x4 and 2x4",
                      {"a": tensor("int32", a.shape, a), "b": tensor("int32", b.shape, b)},
                      op("concat", [("inputs", ["a", "b"]), ("axis", "-0")]),
                      {"output": expected("int32", np.concatenate([a, b], 0).astype(object))}))
    cases.append(case("transpose int32 permutation [1, -0] 3x4", {"a": tensor("int32", a.shape, a)},
                      op("transpose", [("input", "a")], {"permutation": [1, "-0"]}),
                      {"output": expected("int32", a.T.astype(object))}))
    cases.append(case("reduceSum int32 axes [-0] keepDimensions 3x4", {"a": tensor("int32", a.shape, a)},
                      op("reduceSum", [("input", "a")], {"axes": ["-0"], "keepDimensions": True}),
                      {"output": expected("int32", a.sum(0, keepdims=True).astype(object))}))
    cases.append(case("cumulativeSum int32 axis -0 3x4", {"a": tensor("int32", a.shape, a)},
                      op("cumulativeSum", [("input", "a"), ("axis", "-0")]),
                      {"output": expected("int32", np.cumsum(a, 0).astype(object))}))
    return cases


def gen_count_wrap():
    # 2^64 + 4 = 4 * 5 * 429509837 * 2147418113 and 2^32 + 4 = 4 * 5 * 214748365, every factor a
    # valid dimension (<= 2^31 - 1)
    shapes = [[4, 5, 429509837, 2147418113], [2147418113, 429509837, 5, 4], [4, 5, 214748365],
              [2, 2, 5, 214748365, 1]]
    cases = []
    for dt in ("float32", "int8"):
        for ns in shapes:
            cases.append(invalid_case("reshape %s 2x2 to %s: the element count wraps to 4" % (dt, ns),
                                      {"input": desc_only(dt, (2, 2))},
                                      op("reshape", [("input", "input"), ("newShape", ns)])))
    return cases


def gen_boundaries():
    cases = []
    f32 = "float32"
    # convTranspose2d: outputPadding must be smaller than the stride of its own axis
    for op_pad, strides in [([2, 0], [2, 3]), ([0, 3], [2, 3]), ([1, 0], [1, 2]), ([0, 1], [2, 1])]:
        cases.append(invalid_case("convTranspose2d outputPadding %s equal to its axis's stride in %s" % (op_pad, strides),
                                  {"input": desc_only(f32, (1, 2, 3, 4)), "filter": desc_only(f32, (2, 2, 2, 3))},
                                  op("convTranspose2d", [("input", "input"), ("filter", "filter")],
                                     {"strides": strides, "outputPadding": op_pad})))
    # convTranspose2d outputSizes: valid from the calculated size up to calculated + stride - 1,
    # on each axis separately
    ih, iw, kh, kw, sh, sw = 3, 4, 2, 3, 2, 3
    ch, cw = conv_transpose_out_size(ih, kh, 0, 0, sh, 1), conv_transpose_out_size(iw, kw, 0, 0, sw, 1)
    for oh, ow in [(ch, cw), (ch + sh - 1, cw + sw - 1), (ch, cw + sw - 1), (ch + sh - 1, cw)]:
        cases.append(conv_t_case(f32, (1, 2, ih, iw), (2, 2, kh, kw), {"strides": [sh, sw], "outputSizes": [oh, ow]},
                                 tag=" (outputSizes at the ends of the valid range)"))
    for oh, ow in [(ch - 1, cw), (ch, cw - 1), (ch + sh, cw), (ch, cw + sw)]:
        cases.append(invalid_case("convTranspose2d outputSizes [%d, %d] outside [calculated, calculated + stride) "
                                  "with strides [%d, %d]" % (oh, ow, sh, sw),
                                  {"input": desc_only(f32, (1, 2, ih, iw)), "filter": desc_only(f32, (2, 2, kh, kw))},
                                  op("convTranspose2d", [("input", "input"), ("filter", "filter")],
                                     {"strides": [sh, sw], "outputSizes": [oh, ow]})))
    # batchNormalization: each of mean, variance, scale and bias must have input.shape[axis] items
    bn_in = (2, 3, 2, 2)
    for bad in ("mean", "variance", "scale", "bias"):
        for size in (2, 4):
            ins = {"input": desc_only(f32, bn_in)}
            args = [("input", "input")]
            opts = {}
            for name in ("mean", "variance", "scale", "bias"):
                ins[name] = desc_only(f32, (size if name == bad else 3,))
                if name in ("mean", "variance"):
                    args.append((name, name))
                else:
                    opts[name] = name
            cases.append(invalid_case("batchNormalization %s with %d items, input.shape[1] is 3" % (bad, size), ins,
                                      op("batchNormalization", args, opts)))
    # instanceNormalization: scale and bias must each have the channel count
    for bad in ("scale", "bias"):
        for layout, shape in (("nchw", (1, 3, 2, 2)), ("nhwc", (1, 2, 2, 3))):
            ins = {"input": desc_only(f32, shape)}
            opts = {"layout": layout} if layout != "nchw" else {}
            for name in ("scale", "bias"):
                ins[name] = desc_only(f32, (2 if name == bad else 3,))
                opts[name] = name
            cases.append(invalid_case("instanceNormalization %s %s with 2 items, 3 channels" % (layout, bad), ins,
                                      op("instanceNormalization", [("input", "input")], opts)))
    # gruCell: bias and recurrentBias must each have 3 * hiddenSize items
    for bad, size in (("bias", 11), ("bias", 13), ("recurrentBias", 11), ("recurrentBias", 13)):
        ins = {"input": desc_only(f32, (1, 3)), "weight": desc_only(f32, (12, 3)),
               "recurrentWeight": desc_only(f32, (12, 4)), "hiddenState": desc_only(f32, (1, 4)),
               "bias": desc_only(f32, (size if bad == "bias" else 12,)),
               "recurrentBias": desc_only(f32, (size if bad == "recurrentBias" else 12,))}
        cases.append(invalid_case("gruCell %s with %d items, 3 * hiddenSize is 12" % (bad, size), ins,
                                  op("gruCell", [("input", "input"), ("weight", "weight"),
                                                 ("recurrentWeight", "recurrentWeight"), ("hiddenState", "hiddenState"),
                                                 ("hiddenSize", 4)], {"bias": "bias", "recurrentBias": "recurrentBias"})))
    # pooling outputSizes must be the floor sizes or the ceil sizes on both axes, not a mix
    for sizes in ([2, 3], [3, 2]):
        cases.append(invalid_case("maxPool2d 1x1x5x5 window 2x2 strides 2 outputSizes %s mixes floor and ceil" % sizes,
                                  {"input": desc_only(f32, (1, 1, 5, 5))},
                                  op("maxPool2d", [("input", "input")],
                                     {"windowDimensions": [2, 2], "strides": [2, 2], "outputSizes": sizes})))
    # dilated windows that start inside the padding, with a different dilation per axis
    for o in ({"windowDimensions": [3, 3], "dilations": [2, 2], "padding": [1, 1, 1, 1]},
              {"windowDimensions": [2, 3], "dilations": [1, 2], "padding": [1, 1, 1, 2]},
              {"windowDimensions": [3, 2], "dilations": [2, 1], "padding": [2, 1, 1, 1], "strides": [2, 1]}):
        for opname in ("maxPool2d", "l2Pool2d"):
            for layout in ("nchw", "nhwc"):
                cases.append(pool_case(opname, f32, (1, 2, 7, 6), o, layout, tag=" (dilated window in the padding)"))
    # a float32 pad value that float16 cannot hold: only a float16 pad rounds its value
    x = rand(rng("pad float32 value 0.1"), f32, (2, 3), -1.0, 1.0)
    cases.append(case("pad float32 2x3 constant value 0.1 (not a float16 value)", {"input": tensor(f32, x.shape, x)},
                      op("pad", [("input", "input"), ("beginningPadding", [1, 0]), ("endingPadding", [0, 2])],
                         {"value": 0.1}),
                      {"output": expected(f32, pad_ref(x.astype(np.float64), [1, 0], [0, 2], "constant", 0.1))}))
    # a permutation item equal to the rank is out of range (one past the last axis)
    for perm, shape in [([0, 2], (2, 3)), ([4, 0, 1, 2], (2, 3, 2, 2)), ([1, 0, 3, 2, 5], (2, 3, 2, 2, 1)), ([8, 0, 1, 2, 3, 4, 5, 6], MAX_RANK_SHAPES[8])]:
        cases.append(invalid_case("transpose permutation %s of a rank-%d input: %d is one past the last axis"
                                  % (perm, len(shape), len(shape)) if len(shape) in perm else
                                  "transpose permutation %s of a rank-%d input: an item past the last axis"
                                  % (perm, len(shape)),
                                  {"input": desc_only(f32, shape)}, op("transpose", [("input", "input")],
                                                                        {"permutation": perm})))
    # the top of unsigned long is a valid stride: a port that checks "< 2^32 - 1" rejects it
    top = 4294967295
    x = np.arange(9, dtype=np.float32).reshape(1, 1, 3, 3) - 4
    w = np.array([2.0], dtype=np.float32).reshape(1, 1, 1, 1)
    for strides in ([top, top], [1, top], [top, 1]):
        ys = x[:, :, ::min(strides[0], 3), ::min(strides[1], 3)]
        cases.append(case("conv2d float32 1x1 filter strides %s (the largest unsigned long)" % strides,
                          {"x": tensor(f32, x.shape, x), "w": tensor(f32, w.shape, w, constant=True)},
                          op("conv2d", [("input", "x"), ("filter", "w")], {"strides": strides}),
                          {"output": expected(f32, ys.astype(np.float64) * 2.0)}, tol={"metricType": "EXACT", "value": 0}))
        cases.append(case("maxPool2d float32 window 1x1 strides %s (the largest unsigned long)" % strides,
                          {"x": tensor(f32, x.shape, x)},
                          op("maxPool2d", [("input", "x")], {"windowDimensions": [1, 1], "strides": strides}),
                          {"output": expected(f32, ys.astype(np.float64))}, tol={"metricType": "EXACT", "value": 0}))
    return cases


MAX_RANK_SHAPES = {6: (2, 1, 3, 1, 2, 2), 7: (1, 2, 2, 1, 3, 1, 2), 8: (2, 1, 2, 1, 1, 3, 1, 2)}


# every value is a small integer and every partial sum stays below 2^24: exact in any order
EXACT = {"metricType": "EXACT", "value": 0}


def _mr_case(name, dt, x, o, args, opts, y, extra_inputs=None):
    inputs = {"x": tensor(dt, x.shape, x)}
    inputs.update(extra_inputs or {})
    ys = y if isinstance(y, dict) else {"output": y}
    outs = {k: expected(dt, v if is_float(dt) else np.asarray(v).astype(object)) for k, v in ys.items()}
    return case(name, inputs, op(o, [("input", "x")] + args, opts, outputs=list(outs) if len(outs) > 1 else "output"),
                outs, tol=EXACT)


def gen_max_rank():
    cases = []
    for rank, shape in MAX_RANK_SHAPES.items():
        for dt in ("float32", "int32"):
            n = int(np.prod(shape))
            # integer values (exact in float32): sums and products below are exact too
            x = (np.arange(n) % 17 - 8).astype(np.dtype(dt)).reshape(shape)
            xe = x.astype(np.float64) if is_float(dt) else x.astype(np.int64)
            tag = "%s rank %d %s" % (dt, rank, shape_str(shape))
            last = rank - 1
            axes_odd = list(range(1, rank, 2))
            cases.append(_mr_case("reverse %s all axes" % tag, dt, x, "reverse", [], None, np.flip(xe)))
            every = list(range(rank))[::-1]
            cases.append(_mr_case("reverse %s axes %s (every axis, listed)" % (tag, every), dt, x, "reverse", [],
                                  {"axes": every}, np.flip(xe)))
            cases.append(_mr_case("reverse %s axes %s" % (tag, axes_odd), dt, x, "reverse", [], {"axes": axes_odd},
                                  np.flip(xe, axis=tuple(axes_odd))))
            perm = list(range(rank))[::-1][1:] + [rank - 1]
            cases.append(_mr_case("transpose %s permutation %s" % (tag, perm), dt, x, "transpose", [],
                                  {"permutation": perm}, np.transpose(xe, perm)))
            cases.append(_mr_case("transpose %s default (reversed)" % tag, dt, x, "transpose", [], None, xe.T))
            starts = [d - 1 if d > 1 else 0 for d in shape]
            sizes = [1] * rank
            starts[0], sizes[0] = 0, shape[0]
            cases.append(_mr_case("slice %s last element of each axis but the first" % tag, dt, x, "slice",
                                  [("starts", starts), ("sizes", sizes)], None,
                                  xe[tuple(slice(a, a + b) for a, b in zip(starts, sizes))]))
            strides = [2 if d > 2 else 1 for d in shape]
            full = [0] * rank
            cases.append(_mr_case("slice %s strides %s" % (tag, strides), dt, x, "slice",
                                  [("starts", full), ("sizes", list(shape))], {"strides": strides},
                                  xe[tuple(slice(0, d, st) for d, st in zip(shape, strides))]))
            reps = [1] * rank
            reps[last], reps[0] = 2, 2
            cases.append(_mr_case("tile %s repetitions %s" % (tag, reps), dt, x, "tile", [("repetitions", reps)], None,
                                  np.tile(xe, reps)))
            cat = np.concatenate([xe, xe], axis=last)
            cases.append(case("concat %s with itself on the last axis" % tag, {"x": tensor(dt, shape, x)},
                              op("concat", [("inputs", ["x", "x"]), ("axis", last)]),
                              {"output": expected(dt, cat if is_float(dt) else cat.astype(object))}))
            pb = [1 if i % 2 == 0 else 0 for i in range(rank)]
            pe = [0 if i % 2 == 0 else 1 for i in range(rank)]
            for mode in ("constant", "edge"):
                cases.append(_mr_case("pad %s mode %s begin %s end %s" % (tag, mode, pb, pe), dt, x, "pad",
                                      [("beginningPadding", pb), ("endingPadding", pe)], {"mode": mode},
                                      pad_ref(xe, pb, pe, mode, 0)))
            small = (1,) * (rank - 2) + (shape[-2], shape[-1])
            xs = x.reshape(-1)[:int(np.prod(small))].reshape(small)
            xse = xs.astype(np.float64) if is_float(dt) else xs.astype(np.int64)
            cases.append(_mr_case("expand %s from %s" % (tag, shape_str(small)), dt, xs, "expand",
                                  [("newShape", list(shape[:-2]) + list(small[-2:]))], None,
                                  np.broadcast_to(xse, shape[:-2] + small[-2:])))
            for ro, f in (("reduceSum", np.sum), ("reduceMax", np.max), ("reduceMin", np.min)):
                for ax in (axes_odd, [last], [0, last]):
                    cases.append(_mr_case("%s %s axes %s" % (ro, tag, ax), dt, x, ro, [],
                                          {"axes": ax, "keepDimensions": True}, f(xe, axis=tuple(ax), keepdims=True)))
            cases.append(_mr_case("cumulativeSum %s axis %d" % (tag, last), dt, x, "cumulativeSum", [("axis", last)],
                                  None, np.cumsum(xe, axis=last)))
            cases.append(_mr_case("cumulativeSum %s axis 0 reversed" % tag, dt, x, "cumulativeSum", [("axis", 0)],
                                  {"reversed": True}, np.flip(np.cumsum(np.flip(xe, 0), axis=0), 0)))
            idx = np.array([1, 0] if shape[last] >= 2 else [0, 0], dtype=np.int32)
            cases.append(_mr_case("gather %s axis %d indices [1, 0]" % (tag, last), dt, x, "gather",
                                  [("indices", "i")], {"axis": last}, np.take(xe, idx, axis=last),
                                  extra_inputs={"i": tensor("int32", (2,), idx)}))
            y = np.array([3], dtype=np.dtype(dt))
            cases.append(case("add %s and a [1] tensor (broadcast to rank %d)" % (tag, rank),
                              {"x": tensor(dt, shape, x), "y": tensor(dt, (1,), y)},
                              op("add", [("a", "x"), ("b", "y")]),
                              {"output": expected(dt, xe + 3 if is_float(dt) else (xe + 3).astype(object))}))
        # layerNormalization with the default axes (1 .. rank-1) at ranks 6-8
        xf = _conditioned(rng("max_rank/layerNormalization/%d" % rank), "float32", shape, list(range(1, rank)))
        eff = list(range(1, rank))
        y = layernorm_ref(xf.astype(np.float64), None, None, eff, _eps("float32", 1e-5))
        n = int(np.prod(shape[1:]))
        cases.append(case("layerNormalization float32 rank %d %s default axes" % (rank, shape_str(shape)),
                          {"x": tensor("float32", shape, xf)}, op("layerNormalization", [("input", "x")]),
                          {"output": expected("float32", y)}, N=n))
    return cases


def _generated_input(dt, shape, g):
    """A graph input whose data is the generated-data object g (vectors/FORMAT.md)."""
    return {"descriptor": descriptor(dt, shape), "data": g}


def _generated_values(dt, shape, g):
    """A generated float input: its values (float64, for the expectation) and its tensor."""
    return generated.generate(dt, shape, g).astype(np.float64), _generated_input(dt, shape, g)


def gen_generated():
    cases = []
    for dt in ("float32", "float16", "int32", "uint32", "int64", "uint64", "int8", "uint8"):
        if is_float(dt):
            ranges = [(-1.0, 1.0), (-65504.0, 65504.0) if dt == "float16" else (-1e30, 1e30), (0.25, 0.5)]
        else:
            lo, hi = int_range(dt)
            ranges = [(lo, hi), (-3 if lo < 0 else 0, 5), (hi - 2, hi)]
        for k, (lo_v, hi_v) in enumerate(ranges):
            for const in (False, True):
                shape = (3, 7)
                seed = 0x5EED0000 + 97 * k + (13 if const else 0) + 1009 * len(cases)
                g = generated.spec(seed, num(lo_v) if is_float(dt) else _json_big(lo_v),
                                   num(hi_v) if is_float(dt) else _json_big(hi_v))
                vals = generated.generate(dt, shape, g)
                x = _generated_input(dt, shape, g)
                if const:
                    x["constant"] = True
                out = expected(dt, vals.astype(np.float64) if is_float(dt) else np.asarray(vals.tolist(), dtype=object))
                name = "identity of generated %s %s in [%s, %s] %s" % (dt, "constant" if const else "input", lo_v, hi_v,
                                                                   shape_str(shape))
                cases.append(case(name, {"x": x}, op("identity", [("input", "x")]), {"output": out}))
    return cases


def _wide_row_conv(layout):
    """conv2d with one output row of 64 pixels over 256 channels and a 3x3 window: the row's
    im2col is 64 x 2304 floats (147456 > 2^17); the input is generated data."""
    c, h, w = 256, 3, 66
    ishape = (1, c, h, w) if layout == "nchw" else (1, h, w, c)
    x, x_tensor = _generated_values("float32", ishape, generated.spec(0xB10C0000 + (layout == "nhwc"), num(-1.0),
                                                                      num(1.0)))
    name = "conv2d float32 in=%s filter=1x256x3x3 %s: one output row of 64 pixels, 147456 im2col floats" % (
        shape_str(ishape), layout)
    return conv2d_case("float32", (1, c, h, w), (1, c, 3, 3), {"inputLayout": layout} if layout == "nhwc" else {},
                       flo=-1.0, name=name, x=x, x_tensor=x_tensor, r=rng("blocks/wide_row/" + layout))


def gen_blocks():
    cases = []
    # element-wise over one row longer than a 2^15-element chunk, both operands advancing
    # (generated data; the 40000 unrounded sums are left out of the file: "exact" is optional)
    n = 40000
    ga, gb = generated.spec(0xB10C1000, num(-1.0), num(1.0)), generated.spec(0xB10C2000, num(-1.0), num(1.0))
    a, b = generated.generate("float32", (n,), ga), generated.generate("float32", (n,), gb)
    for o, f in (("add", np.add), ("mul", np.multiply)):
        out = expected("float32", f(a.astype(np.float64), b.astype(np.float64)))
        del out["exact"]
        cases.append(case("%s float32 [%d] and [%d] (one row longer than 2^15 elements)" % (o, n, n),
                          {"a": _generated_input("float32", (n,), ga), "b": _generated_input("float32", (n,), gb)},
                          op(o, [("a", "a"), ("b", "b")]), {"output": out}))
    for layout in ("nchw", "nhwc"):
        cases.append(_wide_row_conv(layout))
    # nhwc, with at least as many output pixels as channels (a backend that splits by
    # channels when pixels are few takes another path): the in-place path is the one judged
    nhwc = {"inputLayout": "nhwc"}
    # a kernel wider than the input: the last taps of the window only ever see the right padding
    cases.append(conv2d_case("float32", (1, 4, 3, 2), (2, 4, 2, 4), dict(nhwc, padding=[0, 0, 0, 2]),
                             tag=" (kernel wider than the input)"))
    cases.append(conv2d_case("float32", (1, 4, 3, 2), (3, 4, 2, 5), dict(nhwc, padding=[0, 0, 1, 3]),
                             tag=" (kernel wider than the input)"))
    # vertical dilation: rows whose dilated window crosses the bottom padding
    cases.append(conv2d_case("float32", (1, 3, 5, 4), (2, 3, 3, 2), dict(nhwc, dilations=[2, 1], padding=[0, 2, 0, 0]),
                             tag=" (dilated rows crossing the bottom padding)"))
    cases.append(conv2d_case("float32", (1, 3, 6, 5), (2, 3, 3, 3), dict(nhwc, dilations=[2, 1], padding=[1, 3, 1, 1]),
                             tag=" (dilated rows crossing the padding)"))
    # more output channels than one 64-wide panel, on the in-place (interior) pixels too
    for o in (65, 80):
        cases.append(conv2d_case("float32", (1, 4, 10, 12), (o, 4, 3, 3), dict(nhwc), tag=" (%d output channels)" % o))
    cases.append(conv2d_case("float32", (1, 4, 8, 10), (80, 4, 3, 3), dict(nhwc, padding=[1, 1, 1, 1]), bias=True,
                             tag=" (80 output channels)"))
    # kernel rows of 24 taps (3 x 8 channels): a backend may read a zero-padded copy of the input
    # in place ("implicit GEMM") instead of an im2col; the padding's four sides, strides whose
    # output leaves the last input row or column unread, two batches through one padded copy,
    # and fewer pixels than channels (a split by channels), in both layouts
    for layout in ("nchw", "nhwc"):
        lo = {"inputLayout": layout} if layout == "nhwc" else {}
        tag = " (padded input read in place)"
        cases.append(conv2d_case("float32", (2, 8, 7, 8), (5, 8, 3, 3), dict(lo, padding=[1, 2, 0, 3], strides=[2, 1]),
                                 bias=True, tag=tag))
        cases.append(conv2d_case("float32", (1, 8, 9, 8), (6, 8, 3, 3), dict(lo, strides=[2, 2], dilations=[2, 1],
                                                                            padding=[2, 0, 1, 1]), tag=tag))
        cases.append(conv2d_case("float32", (1, 8, 3, 3), (70, 8, 3, 3), dict(lo, padding=[1, 1, 1, 1]), bias=True,
                                 tag=" (fewer pixels than channels, padded input read in place)"))
        # strides that leave the last input row and column unread (a buffer sized from the
        # windows' reach alone would be too small for the input)
        cases.append(conv2d_case("float32", (1, 8, 8, 8), (4, 8, 3, 3), dict(lo, strides=[2, 2]),
                                 tag=" (last input row and column unread, padded input read in place)"))
        # top padding taller than the input under a stride: the windows never reach the input
        # (the copy must still hold it below the padding)
        cases.append(conv2d_case("float32", (1, 8, 2, 5), (4, 8, 1, 3), dict(lo, strides=[4, 1], padding=[5, 0, 1, 1]),
                                 bias=True, tag=" (padding taller than the input, its rows never read)"))
        # 1x1 stride-1 convolutions read the input itself: batch and group offsets
        cases.append(conv2d_case("float32", (2, 4, 3, 3), (6, 2, 1, 1), dict(lo, groups=2),
                                 tag=" (1x1 read in place: two batches, two groups)"))
        # depthwise, a kernel wider than the input under a horizontal stride: the last taps lie
        # past the right edge for every output column (a bound computed by truncating division)
        cases.append(conv2d_case("float32", (1, 3, 3, 2), (3, 1, 2, 4), dict(lo, groups=3, strides=[1, 2],
                                                                            padding=[0, 0, 0, 3]),
                                 tag=" (depthwise, taps past the right edge under a stride)"))
    # a sum down the rows of 700 columns (more than one 256-column band; 140000 elements, so
    # a backend may split the columns over threads): the last band is narrower (generated data);
    # reduceLogSumExp down the same columns: a backend's second pass needs each band's own maxima
    shape = (200, 700)
    for opname, seed, lo in (("reduceSum", 0xB10C3000, -1.0), ("reduceLogSumExp", 0xB10C4000, -4.0)):
        x, x_tensor = _generated_values("float32", shape, generated.spec(seed, num(lo), num(-lo)))
        cases.append(reduce_case(opname, "float32", shape, [0], False, x=x, x_tensor=x_tensor,
                                 name="%s float32 [200,700] axes=[0] (columns in bands, the last one narrower)" % opname))
    # softmax down an axis with inner elements, where only the last row holds the maximum and
    # the inputs span more than exp's double range: the maximum subtracted must be the whole axis's
    x = np.array([[-1000.0, -900.0, -1000.0, 0.0], [0.0, -1000.0, 0.5, -1000.0], [1000.0, 800.0, 1.0, -2.0]])
    cases.append(softmax_case("softmax float32 3x4 axis=0 (the maximum in the last row, a range past 1400)",
                              "float32", x, 0))
    # gemm with alpha 0 and c: the product vanishes (a BLAS given alpha 0 skips it; the result is
    # beta * c)
    cases.append(gemm_case("float32", 3, 4, 5, alpha=0.0, beta=0.5, c_shape="MxN", tag=" (alpha 0: only beta * c)"))
    return cases


def generate():
    return {"blocks": gen_blocks(), "generated": gen_generated(), "max_rank": gen_max_rank(), "boundaries": gen_boundaries(), "count_wrap": gen_count_wrap(), "saturation": gen_saturation(), "fills": gen_fills(), "negzero_int": gen_negzero_int()}
