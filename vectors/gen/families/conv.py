"""conv2d and convTranspose2d (spec: conv2d, convTranspose2d). Each expected element is the exact
sum of its products and bias, rounded once to float64 (exact.py)."""

import numpy as np

import exact

CONV_FILTER_TO_OIHW = {"oihw": (0, 1, 2, 3), "hwio": (3, 2, 0, 1), "ohwi": (0, 3, 1, 2), "ihwo": (3, 0, 1, 2)}
OIHW_TO_CONV_FILTER = {k: tuple(int(i) for i in np.argsort(v)) for k, v in CONV_FILTER_TO_OIHW.items()}
CT_FILTER_TO_IOHW = {"iohw": (0, 1, 2, 3), "hwoi": (3, 2, 0, 1), "ohwi": (3, 0, 1, 2)}
IOHW_TO_CT_FILTER = {k: tuple(int(i) for i in np.argsort(v)) for k, v in CT_FILTER_TO_IOHW.items()}


def conv2d_ref(x, w, bias=None, padding=(0, 0, 0, 0), strides=(1, 1), dilations=(1, 1), groups=1,
               input_layout="nchw", filter_layout="oihw"):
    if input_layout == "nhwc":
        x = np.transpose(x, (0, 3, 1, 2))
    w = np.transpose(w, CONV_FILTER_TO_OIHW[filter_layout])
    n, c, ih, iw = x.shape
    o, cg, kh, kw = w.shape
    assert cg * groups == c and o % groups == 0
    og = o // groups
    pb, pe, qb, qe = padding
    sh, sw = strides
    dh, dw = dilations
    oh = (ih - ((kh - 1) * dh + 1) + pb + pe) // sh + 1
    ow = (iw - ((kw - 1) * dw + 1) + qb + qe) // sw + 1
    xp = np.zeros((n, c, ih + pb + pe, iw + qb + qe), dtype=np.float64)
    xp[:, :, pb:pb + ih, qb:qb + iw] = x
    y = np.zeros((n, o, oh, ow), dtype=np.float64)
    for g in range(groups):
        xg = xp[:, g * cg:(g + 1) * cg]
        wg = w[g * og:(g + 1) * og]
        # gather all window taps: [n, cg, kh, kw, oh, ow]
        taps = np.empty((n, cg, kh, kw, oh, ow))
        for a in range(kh):
            for b in range(kw):
                taps[:, :, a, b] = xg[:, :, a * dh:a * dh + (oh - 1) * sh + 1:sh,
                                      b * dw:b * dw + (ow - 1) * sw + 1:sw]
        acc = exact.tensordot(taps, wg, ([1, 2, 3], [1, 2, 3])).transpose((0, 3, 1, 2))  # [n, og, oh, ow]
        if bias is not None:
            acc = acc + bias[g * og:(g + 1) * og].reshape(1, og, 1, 1)
        y[:, g * og:(g + 1) * og] = acc.to_float()
    if input_layout == "nhwc":
        y = np.transpose(y, (0, 2, 3, 1))
    return y


def conv_transpose_out_size(in_size, k, pb, pe, s, d):
    return (in_size - 1) * s + (k - 1) * d + 1 - pb - pe


def conv_transpose2d_ref(x, w, bias=None, padding=(0, 0, 0, 0), strides=(1, 1), dilations=(1, 1),
                         output_padding=(0, 0), output_sizes=None, groups=1, input_layout="nchw",
                         filter_layout="iohw"):
    if input_layout == "nhwc":
        x = np.transpose(x, (0, 3, 1, 2))
    w = np.transpose(w, CT_FILTER_TO_IOHW[filter_layout])
    n, c, ih, iw = x.shape
    ci, og, kh, kw = w.shape
    assert ci == c
    o = og * groups
    cg = c // groups
    pb, pe, qb, qe = padding
    sh, sw = strides
    dh, dw = dilations
    ch = conv_transpose_out_size(ih, kh, pb, pe, sh, dh)
    cw = conv_transpose_out_size(iw, kw, qb, qe, sw, dw)
    if output_sizes is not None:
        oh, ow = output_sizes
    else:
        oh, ow = ch + output_padding[0], cw + output_padding[1]
    fh = max((ih - 1) * sh + (kh - 1) * dh + 1, oh + pb)
    fw = max((iw - 1) * sw + (kw - 1) * dw + 1, ow + qb)
    # every product has the scale of x's times w's, so the exact sums accumulate as integers;
    # the shadow starts from -0, the IEEE additive identity (-0 + -0 = -0, -0 + 0 = 0)
    ex, ew = exact.Exact(x), exact.Exact(w)
    full = np.zeros((n, o, fh, fw), dtype=object)
    shadow = np.full((n, o, fh, fw), -0.0)
    hit = np.zeros((n, o, fh, fw), dtype=bool)
    for g in range(groups):
        xg = ex[:, g * cg:(g + 1) * cg]
        wg = ew[g * cg:(g + 1) * cg]          # [cg, og, kh, kw]
        for a in range(kh):
            for b in range(kw):
                contrib = exact.tensordot(xg, wg[:, :, a, b], ([1], [0])).transpose((0, 3, 1, 2))  # [n, og, ih, iw]
                at = (slice(None), slice(g * og, (g + 1) * og), slice(a * dh, a * dh + (ih - 1) * sh + 1, sh),
                      slice(b * dw, b * dw + (iw - 1) * sw + 1, sw))
                full[at] = full[at] + contrib.ints
                with np.errstate(invalid="ignore"):
                    shadow[at] = shadow[at] + contrib.shadow
                hit[at] = True
    shadow = np.where(hit, shadow, 0.0)  # an output no product reaches is +0
    acc = exact.Exact(None, (full[:, :, pb:pb + oh, qb:qb + ow], ex.s + ew.s, shadow[:, :, pb:pb + oh, qb:qb + ow]))
    if bias is not None:
        acc = acc + bias.reshape(1, o, 1, 1)
    y = acc.to_float()
    if input_layout == "nhwc":
        y = np.transpose(y, (0, 2, 3, 1))
    return y


import common as C  # noqa: E402


def _nchw_to(layout, shape):
    n, c, h, w = shape
    return shape if layout == "nchw" else (n, h, w, c)


def conv2d_case(dt, in_nchw, filt_oihw, opts, tag="", bias=False, flo=0.0, name=None, x=None, x_tensor=None,
                r=None):
    """A conv2d case; in_nchw / filt_oihw are logical shapes, permuted per the layouts in opts.
    A given input x (its values, and x_tensor: how the file holds them, e.g. generated) and
    random stream r replace the ones drawn from the name."""
    il = opts.get("inputLayout", "nchw")
    fl = opts.get("filterLayout", "oihw")
    ishape = _nchw_to(il, in_nchw)
    fshape = tuple(filt_oihw[i] for i in OIHW_TO_CONV_FILTER[fl])
    o = dict(opts)
    name = name or "conv2d %s in=%s filter=%s %s%s%s" % (dt, C.shape_str(ishape), C.shape_str(fshape), _opts_str(o),
                                                         " bias" if bias else "", tag)
    r = r or C.rng(name)
    if x is None:
        x = C.rand(r, dt, ishape, 0.0, 1.0)
    w = C.rand(r, dt, fshape, flo, 1.0)
    inputs = {"input": x_tensor or C.tensor(dt, ishape, x), "filter": C.tensor(dt, fshape, w, constant=True)}
    b = None
    if bias:
        b = C.rand(r, dt, (filt_oihw[0],), 0.0, 1.0)
        inputs["bias"] = C.tensor(dt, b.shape, b, constant=True)
        o["bias"] = "bias"
    y = conv2d_ref(x.astype(np.float64), w.astype(np.float64), None if b is None else b.astype(np.float64),
                   o.get("padding", (0, 0, 0, 0)), o.get("strides", (1, 1)), o.get("dilations", (1, 1)),
                   o.get("groups", 1), il, fl)
    n = filt_oihw[1] * filt_oihw[2] * filt_oihw[3]
    m = C.magnitude(conv2d_ref(np.abs(x.astype(np.float64)), np.abs(w.astype(np.float64)),
                               None if b is None else np.abs(b.astype(np.float64)),
                               o.get("padding", (0, 0, 0, 0)), o.get("strides", (1, 1)), o.get("dilations", (1, 1)),
                               o.get("groups", 1), il, fl))
    return C.case(name, inputs, [C.op("conv2d", [("input", "input"), ("filter", "filter")], o)],
                  {"output": C.expected(dt, y)}, N=n + (1 if bias else 0), magnitude=m)


def _opts_str(o):
    return " ".join("%s=%s" % (k, v if not isinstance(v, list) else ",".join(map(str, v)))
                    for k, v in sorted(o.items()) if k != "bias") or "defaults"


def conv_t_case(dt, in_nchw, filt_iohw, opts, tag="", bias=False):
    il = opts.get("inputLayout", "nchw")
    fl = opts.get("filterLayout", "iohw")
    ishape = _nchw_to(il, in_nchw)
    fshape = tuple(filt_iohw[i] for i in IOHW_TO_CT_FILTER[fl])
    o = dict(opts)
    name = "convTranspose2d %s in=%s filter=%s %s%s%s" % (dt, C.shape_str(ishape), C.shape_str(fshape), _opts_str(o),
                                                          " bias" if bias else "", tag)
    r = C.rng(name)
    x = C.rand(r, dt, ishape, 0.0, 1.0)
    w = C.rand(r, dt, fshape, 0.0, 1.0)
    inputs = {"input": C.tensor(dt, ishape, x), "filter": C.tensor(dt, fshape, w, constant=True)}
    groups = o.get("groups", 1)
    b = None
    if bias:
        b = C.rand(r, dt, (filt_iohw[1] * groups,), 0.0, 1.0)
        inputs["bias"] = C.tensor(dt, b.shape, b, constant=True)
        o["bias"] = "bias"
    y = conv_transpose2d_ref(x.astype(np.float64), w.astype(np.float64), None if b is None else b.astype(np.float64),
                             o.get("padding", (0, 0, 0, 0)), o.get("strides", (1, 1)), o.get("dilations", (1, 1)),
                             o.get("outputPadding", (0, 0)), o.get("outputSizes"), groups, il, fl)
    n = (filt_iohw[0] // groups) * filt_iohw[2] * filt_iohw[3]
    m = C.magnitude(conv_transpose2d_ref(np.abs(x.astype(np.float64)), np.abs(w.astype(np.float64)),
                                         None if b is None else np.abs(b.astype(np.float64)),
                                         o.get("padding", (0, 0, 0, 0)), o.get("strides", (1, 1)),
                                         o.get("dilations", (1, 1)), o.get("outputPadding", (0, 0)),
                                         o.get("outputSizes"), groups, il, fl))
    return C.case(name, inputs, [C.op("convTranspose2d", [("input", "input"), ("filter", "filter")], o)],
                  {"output": C.expected(dt, y)}, N=n + (1 if bias else 0), magnitude=m)


CONV_CONFIGS = [
    # (input nchw, filter oihw, options, bias)
    ((1, 1, 5, 5), (1, 1, 3, 3), {}, False),
    ((1, 2, 5, 5), (3, 2, 3, 3), {"padding": [1, 1, 1, 1]}, True),
    ((2, 3, 6, 7), (4, 3, 2, 3), {"strides": [2, 2]}, False),
    ((1, 2, 7, 7), (2, 2, 3, 3), {"dilations": [2, 2]}, True),
    ((1, 4, 6, 6), (6, 2, 3, 3), {"groups": 2, "padding": [0, 1, 2, 1]}, True),
    ((1, 4, 5, 5), (4, 1, 3, 3), {"groups": 4, "padding": [1, 1, 1, 1]}, True),            # depthwise
    ((1, 3, 5, 5), (6, 1, 3, 3), {"groups": 3, "strides": [2, 1]}, False),                 # depth multiplier 2
    ((1, 2, 9, 8), (3, 2, 3, 2), {"strides": [3, 2], "dilations": [2, 1], "padding": [2, 0, 1, 1]}, True),
    ((1, 3, 4, 4), (5, 3, 1, 1), {}, True),                                                 # pointwise
    ((1, 2, 3, 3), (2, 2, 3, 3), {"padding": [1, 1, 1, 1], "strides": [2, 2]}, False),
    ((1, 1, 1, 1), (1, 1, 1, 1), {}, False),
    ((1, 2, 4, 5), (2, 2, 4, 5), {}, True),                                                  # filter = input size
]

CT_CONFIGS = [
    # (input nchw, filter iohw, options, bias)
    ((1, 1, 3, 3), (1, 1, 3, 3), {}, False),
    ((1, 2, 3, 3), (2, 3, 3, 3), {"strides": [2, 2]}, True),
    ((1, 2, 3, 4), (2, 2, 2, 3), {"strides": [2, 3], "outputPadding": [1, 2]}, False),
    ((1, 2, 4, 4), (2, 2, 3, 3), {"strides": [2, 2], "padding": [1, 1, 1, 1]}, True),
    ((1, 2, 3, 3), (2, 1, 3, 3), {"dilations": [2, 2]}, False),
    ((1, 4, 3, 3), (4, 2, 2, 2), {"groups": 2, "strides": [2, 2]}, True),
    ((1, 3, 3, 3), (3, 1, 3, 3), {"groups": 3, "padding": [1, 1, 1, 1]}, False),          # depthwise
    ((2, 2, 2, 3), (2, 2, 3, 3), {"strides": [2, 2], "outputSizes": [6, 8]}, True),       # calc 5x7
    ((1, 1, 3, 3), (1, 2, 3, 3), {"strides": [3, 2], "padding": [1, 0, 0, 2], "outputSizes": [9, 6]}, False),
    ((1, 2, 2, 2), (2, 2, 1, 1), {"strides": [2, 2], "outputPadding": [1, 1]}, False),
    ((1, 1, 1, 1), (1, 1, 1, 1), {}, False),
    ((1, 2, 3, 3), (2, 2, 3, 3), {"strides": [2, 2], "dilations": [1, 2], "padding": [0, 1, 1, 0], "outputPadding": [1, 0]}, True),
]


def generate():
    conv = []
    k = 0
    for dt in ("float32", "float16"):
        for i, (ish, fsh, opts, bias) in enumerate(CONV_CONFIGS):
            for il in ("nchw", "nhwc"):
                for fl in ("oihw", "hwio", "ohwi", "ihwo"):
                    k += 1
                    o = dict(opts)
                    if il != "nchw" or k % 3 == 0:
                        o["inputLayout"] = il
                    if fl != "oihw" or k % 4 == 0:
                        o["filterLayout"] = fl
                    conv.append(conv2d_case(dt, ish, fsh, o, bias=bias))
        # accumulation: 3x3x256 windows
        conv.append(conv2d_case(dt, (1, 256, 5, 5), (4, 256, 3, 3), {}, " accumulation"))
        conv.append(conv2d_case(dt, (1, 256, 5, 5), (4, 256, 3, 3), {"inputLayout": "nhwc", "filterLayout": "ohwi"},
                                " accumulation", bias=True))
        # mixed signs, small (cancellation kept mild by small K)
        conv.append(conv2d_case(dt, (1, 1, 3, 3), (1, 1, 1, 1), {}, " negative filter", flo=-1.0))
        # specials
        nan, inf = float("nan"), float("inf")
        x = C.round_to(dt, np.array([1.0, 2.0, inf, 0.5, nan, 1.0, 0.25, 0.5, 1.0]).reshape(1, 1, 3, 3))
        w = C.round_to(dt, np.array([1.0, 0.5, 0.25, 2.0]).reshape(1, 1, 2, 2))
        y = conv2d_ref(x.astype(np.float64), w.astype(np.float64))
        with np.errstate(invalid="ignore"):
            m = C.magnitude(conv2d_ref(np.abs(x.astype(np.float64)), np.abs(w.astype(np.float64))))
        conv.append(C.case("conv2d %s special: inf and NaN" % dt, {"input": C.tensor(dt, x.shape, x), "filter": C.tensor(dt, w.shape, w)},
                           [C.op("conv2d", [("input", "input"), ("filter", "filter")])], {"output": C.expected(dt, y)}, N=4,
                           magnitude=m))
        if dt == "float16":
            x = C.round_to(dt, np.full((1, 1, 2, 2), 200.0))
            w = C.round_to(dt, np.full((1, 1, 2, 2), 100.0))
            y = conv2d_ref(x.astype(np.float64), w.astype(np.float64))
            conv.append(C.case("conv2d float16 special: result overflows to inf", {"input": C.tensor(dt, x.shape, x),
                                                                                  "filter": C.tensor(dt, w.shape, w)},
                               [C.op("conv2d", [("input", "input"), ("filter", "filter")])], {"output": C.expected(dt, y)}, N=4,
                               magnitude=C.magnitude(np.abs(y))))
    ct = []
    for dt in ("float32", "float16"):
        for i, (ish, fsh, opts, bias) in enumerate(CT_CONFIGS):
            for il in ("nchw", "nhwc"):
                for fl in ("iohw", "hwoi", "ohwi"):
                    k += 1
                    o = dict(opts)
                    if il != "nchw" or k % 3 == 0:
                        o["inputLayout"] = il
                    if fl != "iohw" or k % 4 == 0:
                        o["filterLayout"] = fl
                    ct.append(conv_t_case(dt, ish, fsh, o, bias=bias))
        ct.append(conv_t_case(dt, (1, 256, 3, 3), (256, 2, 3, 3), {"strides": [2, 2]}, " accumulation"))
    return {"conv2d": conv, "convTranspose2d": ct}
