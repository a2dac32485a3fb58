"""averagePool2d, l2Pool2d, maxPool2d (spec: "Pooling operations").
Output size: calculate conv2d output sizes (dilated window), then floor/ceil by
outputShapeRounding, or outputSizes (padding forced to 0) when given."""

import math

import numpy as np

import exact


def pool_out_size(in_size, win, pb, pe, stride, dil, rounding):
    eff = (win - 1) * dil + 1
    v = (in_size - eff + pb + pe) / stride + 1
    return math.floor(v) if rounding == "floor" else math.ceil(v)


def pool_ref(op, x, window=None, padding=None, strides=(1, 1), dilations=(1, 1), layout="nchw",
             rounding="floor", output_sizes=None):
    """Returns (y, touches_pad): touches_pad is True when some window covers a cell outside the
    input (padding or ceil overhang), where averagePool2d's divisor is implementation-defined."""
    if layout == "nhwc":
        x = np.transpose(x, (0, 3, 1, 2))
    n, c, ih, iw = x.shape
    if window is None:
        window = (ih, iw)
    if output_sizes is not None or padding is None:
        padding = (0, 0, 0, 0)
    wh, ww = window
    sh, sw = strides
    dh, dw = dilations
    if output_sizes is not None:
        oh, ow = output_sizes
    else:
        oh = pool_out_size(ih, wh, padding[0], padding[1], sh, dh, rounding)
        ow = pool_out_size(iw, ww, padding[2], padding[3], sw, dw, rounding)
    y = np.zeros((n, c, oh, ow), dtype=x.dtype)
    touches = False
    for i in range(oh):
        rows = [i * sh - padding[0] + k * dh for k in range(wh)]
        vr = [r for r in rows if 0 <= r < ih]
        for j in range(ow):
            cols = [j * sw - padding[2] + k * dw for k in range(ww)]
            vc = [q for q in cols if 0 <= q < iw]
            if len(vr) != len(rows) or len(vc) != len(cols):
                touches = True
            win = x[:, :, vr][:, :, :, vc].reshape(n, c, -1)
            if win.shape[2] == 0:
                raise ValueError("window entirely outside the input")
            if op == "maxPool2d":
                y[:, :, i, j] = np.max(win, axis=2)
            elif op == "averagePool2d":
                y[:, :, i, j] = exact.mean(win, axis=2)
            elif op == "l2Pool2d":
                w = exact.Exact(win)
                y[:, :, i, j] = np.sqrt((w * w).sum(2).to_float())
            else:
                raise ValueError(op)
    if layout == "nhwc":
        y = np.transpose(y, (0, 2, 3, 1))
    return y, touches


import common as C  # noqa: E402

# (input nchw shape, options) — options use the IDL names; "implementation-defined" marks are
# derived per case (averagePool2d windows that cover padding or the ceil overhang)
CONFIGS = [
    ((1, 2, 4, 4), {}),                                                   # global (window absent)
    ((2, 3, 5, 5), {"windowDimensions": [3, 3]}),
    ((1, 2, 6, 5), {"windowDimensions": [2, 3], "strides": [2, 1]}),
    ((1, 1, 7, 7), {"windowDimensions": [3, 3], "strides": [2, 2], "padding": [1, 1, 1, 1]}),
    ((1, 2, 6, 6), {"windowDimensions": [2, 2], "dilations": [2, 2]}),
    ((1, 1, 8, 7), {"windowDimensions": [3, 2], "dilations": [2, 3], "strides": [2, 1]}),
    ((1, 2, 5, 5), {"windowDimensions": [2, 2], "strides": [2, 2], "outputShapeRounding": "ceil"}),
    ((1, 2, 5, 5), {"windowDimensions": [2, 2], "strides": [2, 2], "outputShapeRounding": "floor"}),
    ((1, 1, 7, 7), {"windowDimensions": [3, 3], "strides": [4, 4], "outputSizes": [2, 2]}),
    ((1, 1, 9, 9), {"windowDimensions": [3, 3], "strides": [4, 4], "outputSizes": [3, 3]}),   # ceil size
    ((1, 1, 9, 9), {"windowDimensions": [3, 3], "strides": [4, 4], "outputSizes": [2, 2]}),   # floor size
    ((1, 2, 4, 6), {"windowDimensions": [2, 2], "padding": [0, 1, 1, 0]}),
    ((1, 1, 1, 1), {"windowDimensions": [1, 1]}),
    ((3, 1, 3, 4), {"windowDimensions": [3, 4], "strides": [1, 1]}),
]


def _case(opname, dt, shape_nchw, opts, layout, tag="", lo=None, hi=None):
    shape = shape_nchw if layout == "nchw" else (shape_nchw[0], shape_nchw[2], shape_nchw[3], shape_nchw[1])
    o = dict(opts)
    if layout == "nhwc":
        o["layout"] = "nhwc"
    name = "%s %s %s %s%s" % (opname, dt, C.shape_str(shape), json_opts(o), tag)
    r = C.rng(name)
    if C.is_float(dt):
        # positive for sums (no cancellation) and for max (so a zero-padded max is the same)
        x = C.rand(r, dt, shape, 0.0 if lo is None else lo, 4.0 if hi is None else hi)
    else:
        ilo, ihi = C.int_range(dt)
        x = C.rand(r, dt, shape, 0 if "padding" in o else max(ilo, -100000), min(ihi, 100000))
    y, touches = pool_ref(opname, x.astype(np.float64) if C.is_float(dt) else x.astype(object if dt == "uint64" else np.int64),
                          o.get("windowDimensions"), o.get("padding"), o.get("strides", (1, 1)),
                          o.get("dilations", (1, 1)), layout, o.get("outputShapeRounding", "floor"), o.get("outputSizes"))
    win = o.get("windowDimensions", [shape_nchw[2], shape_nchw[3]])
    impl = opname == "averagePool2d" and touches
    out = C.expected(dt, y) if C.is_float(dt) else C.expected(dt, np.asarray(y, dtype=object))
    return C.case(name, {"input": C.tensor(dt, shape, x)}, [C.op(opname, [("input", "input")], o)],
                  {"output": out}, N=win[0] * win[1], implementation_defined=impl)


def json_opts(o):
    return " ".join("%s=%s" % (k, v if not isinstance(v, list) else ",".join(map(str, v))) for k, v in sorted(o.items())) or "defaults"


def generate():
    files = {}
    for opname in ("averagePool2d", "l2Pool2d", "maxPool2d"):
        cases = []
        for dt in C.allowed_types(opname, "input"):
            for i, (shape, opts) in enumerate(CONFIGS):
                for layout in ("nchw", "nhwc"):
                    if not C.is_float(dt) and (i + (layout == "nhwc")) % 2:
                        continue
                    cases.append(_case(opname, dt, shape, opts, layout))
            if C.is_float(dt):
                # accumulation: a 16x16 window
                cases.append(_case(opname, dt, (1, 2, 16, 16), {"windowDimensions": [16, 16]}, "nchw", " accumulation"))
                cases.append(_case(opname, dt, (1, 3, 32, 32), {}, "nhwc", " accumulation"))
                if opname == "maxPool2d":
                    cases.append(_case(opname, dt, (1, 2, 4, 4), {"windowDimensions": [2, 2]}, "nchw", " negative values",
                                       lo=-4.0, hi=-1.0))
                nan, inf = float("nan"), float("inf")
                x = C.round_to(dt, np.array([1.0, inf, 2.0, 3.0, 4.0, 5.0, 0.5, 0.25, 6.0], dtype=np.float64).reshape(1, 1, 3, 3))
                name = "%s %s special: inf" % (opname, dt)
                y, _ = pool_ref(opname, x.astype(np.float64), (2, 2))
                cases.append(C.case(name, {"input": C.tensor(dt, x.shape, x)},
                                    [C.op(opname, [("input", "input")], {"windowDimensions": [2, 2]})],
                                    {"output": C.expected(dt, y)}, N=4))
                if opname != "maxPool2d":
                    x2 = C.round_to(dt, np.array([1.0, nan, 2.0, 3.0], dtype=np.float64).reshape(1, 1, 2, 2))
                    y2, _ = pool_ref(opname, x2.astype(np.float64))
                    cases.append(C.case("%s %s special: NaN" % (opname, dt), {"input": C.tensor(dt, x2.shape, x2)},
                                        [C.op(opname, [("input", "input")])], {"output": C.expected(dt, y2)}, N=4))
                if opname == "l2Pool2d" and dt == "float16":
                    x3 = C.round_to(dt, np.array([300.0, 300.0, 300.0, 300.0]).reshape(1, 1, 2, 2))
                    y3, _ = pool_ref(opname, x3.astype(np.float64))
                    cases.append(C.case("l2Pool2d float16 special: squares overflow float16, result does not",
                                        {"input": C.tensor(dt, x3.shape, x3)}, [C.op(opname, [("input", "input")])],
                                        {"output": C.expected(dt, y3)}, N=4, implementation_defined=True))
        files[opname] = cases
    return files
