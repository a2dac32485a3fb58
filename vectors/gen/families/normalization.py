"""batchNormalization, instanceNormalization, layerNormalization (spec: the three sections).
epsilon is cast to the input data type before use, as the builder steps say."""

import numpy as np

import exact


def batchnorm_ref(x, mean, var, scale, bias, axis, eps):
    shp = [1] * x.ndim
    shp[axis] = x.shape[axis]
    r = lambda v: v.reshape(shp)
    y = (x - r(mean)) / np.sqrt(r(var) + eps)
    if scale is not None:
        y = y * r(scale)
    if bias is not None:
        y = y + r(bias)
    return y


def instancenorm_ref(x, scale, bias, eps, layout="nchw"):
    sp = (2, 3) if layout == "nchw" else (1, 2)
    caxis = 1 if layout == "nchw" else 3
    mean = exact.mean(x, axis=sp, keepdims=True)
    var = exact.mean((x - mean) ** 2, axis=sp, keepdims=True)
    y = (x - mean) / np.sqrt(var + eps)
    shp = [1, 1, 1, 1]
    shp[caxis] = x.shape[caxis]
    if scale is not None:
        y = y * scale.reshape(shp)
    if bias is not None:
        y = y + bias.reshape(shp)
    return y


def _place(v, axes, rank):
    """scale/bias have shape [input.shape[axes[0]], input.shape[axes[1]], ...]: move their dims
    to the positions named by axes, size 1 elsewhere."""
    if len(axes) == 0:
        return v.reshape([1] * rank) if rank else v
    order = sorted(range(len(axes)), key=lambda i: axes[i])
    vt = np.transpose(v, order)
    shp = [1] * rank
    for a in axes:
        shp[a] = v.shape[list(axes).index(a)]
    return vt.reshape(shp)


def layernorm_ref(x, scale, bias, axes, eps):
    ax = tuple(axes)
    if len(ax):
        mean = exact.mean(x, axis=ax, keepdims=True)
        var = exact.mean((x - mean) ** 2, axis=ax, keepdims=True)
    else:
        mean = x
        var = np.zeros_like(x)
    y = (x - mean) / np.sqrt(var + eps)
    if scale is not None:
        y = y * _place(scale, axes, x.ndim)
    if bias is not None:
        y = y + _place(bias, axes, x.ndim)
    return y


import common as C  # noqa: E402


def _eps(dt, eps):
    return float(C.round_to(dt, np.float64(eps)))


def _gen_batchnorm():
    cases = []
    shapes = {1: (5,), 2: (3, 4), 3: (2, 3, 4), 4: (2, 3, 4, 3), 5: (2, 3, 2, 2, 3)}
    k = 0
    for dt in ("float32", "float16"):
        for rank in range(1, 6):
            shape = shapes[rank]
            axes = [0] if rank == 1 else sorted({1, 0, rank - 1})
            for axis in axes:
                for sb in ("none", "scale", "bias", "both"):
                    k += 1
                    eps = [None, 1e-3, 1e-5, 0.5][k % 4]
                    name = "batchNormalization %s %s axis=%d %s eps=%s" % (dt, C.shape_str(shape), axis, sb, eps or "default")
                    r = C.rng(name)
                    c = shape[axis]
                    x = C.rand(r, dt, shape, -1.0, 1.0)
                    mean = C.rand(r, dt, (c,), -0.2, 0.2)
                    var = C.rand(r, dt, (c,), 0.5, 1.5)
                    inputs = {"input": C.tensor(dt, shape, x), "mean": C.tensor(dt, (c,), mean, constant=True),
                              "variance": C.tensor(dt, (c,), var, constant=True)}
                    opts = {}
                    if axis != 1:
                        opts["axis"] = axis
                    if eps is not None:
                        opts["epsilon"] = eps
                    scale = bias = None
                    if sb in ("scale", "both"):
                        scale = C.rand(r, dt, (c,), 0.5, 1.0)
                        inputs["scale"] = C.tensor(dt, (c,), scale, constant=bool(k % 2))
                        opts["scale"] = "scale"
                    if sb in ("bias", "both"):
                        # |scale*normalized| < 1.7, bias in [4, 5): no cancellation in the last add
                        bias = C.rand(r, dt, (c,), 4.0, 5.0) * (1 if k % 3 else -1)
                        inputs["bias"] = C.tensor(dt, (c,), bias)
                        opts["bias"] = "bias"
                    f = lambda a: None if a is None else a.astype(np.float64)
                    y = batchnorm_ref(f(x), f(mean), f(var), f(scale), f(bias), axis,
                                      _eps(dt, 1e-5 if eps is None else eps))
                    cases.append(C.case(name, inputs, [C.op("batchNormalization",
                                                            [("input", "input"), ("mean", "mean"), ("variance", "variance")], opts)],
                                        {"output": C.expected(dt, y)}))
        # specials
        nan, inf = float("nan"), float("inf")
        x = C.round_to(dt, np.array([[1.0, nan], [inf, -inf], ["-0", 0.0]], dtype=np.float64))
        name = "batchNormalization %s special values" % dt
        mean = C.round_to(dt, np.array([0.0, 0.25])); var = C.round_to(dt, np.array([1.0, 4.0]))
        y = batchnorm_ref(x.astype(np.float64), mean.astype(np.float64), var.astype(np.float64), None, None, 1, _eps(dt, 1e-5))
        cases.append(C.case(name, {"input": C.tensor(dt, x.shape, x), "mean": C.tensor(dt, (2,), mean),
                                   "variance": C.tensor(dt, (2,), var)},
                            [C.op("batchNormalization", [("input", "input"), ("mean", "mean"), ("variance", "variance")])],
                            {"output": C.expected(dt, y)}))
    return cases


def _conditioned(r, dt, shape, axes, lo=-1.0, hi=1.0):
    """Input whose elements stay >= 0.25 standard deviations away from their group mean, so the
    normalised values are not dominated by cancellation."""
    for _ in range(200):
        x = C.rand(r, dt, shape, lo, hi)
        xf = x.astype(np.float64)
        if len(axes) == 0:
            return x
        m = exact.mean(xf, axis=tuple(axes), keepdims=True)
        s = np.sqrt(exact.mean((xf - m) ** 2, axis=tuple(axes), keepdims=True))
        if np.all(np.abs(xf - m) >= 0.25 * s):
            return x
    # fall back: push values away from the mean
    return x


def _gen_instancenorm():
    cases = []
    k = 0
    for dt in ("float32", "float16"):
        for layout in ("nchw", "nhwc"):
            for shape_nchw in ((1, 2, 3, 3), (2, 3, 4, 5), (1, 1, 1, 1), (2, 2, 1, 6)):
                for sb in ("none", "scale", "bias", "both"):
                    k += 1
                    eps = [None, 1e-3, 1e-5][k % 3]
                    n, c, h, w = shape_nchw
                    shape = shape_nchw if layout == "nchw" else (n, h, w, c)
                    name = "instanceNormalization %s %s %s %s eps=%s" % (dt, layout, C.shape_str(shape), sb, eps or "default")
                    r = C.rng(name)
                    sp = (2, 3) if layout == "nchw" else (1, 2)
                    x = _conditioned(r, dt, shape, sp)
                    inputs = {"input": C.tensor(dt, shape, x)}
                    opts = {}
                    if layout != "nchw" or k % 5 == 0:
                        opts["layout"] = layout
                    if eps is not None:
                        opts["epsilon"] = eps
                    scale = bias = None
                    if sb in ("scale", "both"):
                        scale = C.rand(r, dt, (c,), 0.5, 1.5)
                        inputs["scale"] = C.tensor(dt, (c,), scale, constant=True)
                        opts["scale"] = "scale"
                    if sb in ("bias", "both"):
                        bias = C.rand(r, dt, (c,), -1.0, 1.0)
                        inputs["bias"] = C.tensor(dt, (c,), bias, constant=True)
                        opts["bias"] = "bias"
                    f = lambda a: None if a is None else a.astype(np.float64)
                    y = instancenorm_ref(f(x), f(scale), f(bias), _eps(dt, 1e-5 if eps is None else eps), layout)
                    cases.append(C.case(name, inputs, [C.op("instanceNormalization", [("input", "input")], opts)],
                                        {"output": C.expected(dt, y)}, N=h * w))
        name = "instanceNormalization %s nchw 1x2x64x64 accumulation" % dt
        x = _conditioned(C.rng(name), dt, (1, 2, 64, 64), (2, 3))
        y = instancenorm_ref(x.astype(np.float64), None, None, _eps(dt, 1e-5))
        cases.append(C.case(name, {"input": C.tensor(dt, x.shape, x)}, [C.op("instanceNormalization", [("input", "input")])],
                            {"output": C.expected(dt, y)}, N=4096))
    return cases


def _gen_layernorm():
    cases = []
    shapes = {0: (), 1: (6,), 2: (3, 5), 3: (2, 3, 4), 4: (2, 3, 2, 4), 5: (2, 2, 3, 2, 3)}
    axes_opts = {0: [None, []], 1: [None, [0], []], 2: [None, [0], [1], [0, 1], []],
                 3: [None, [2], [1, 2], [0, 1, 2], [2, 1]],
                 4: [None, [3], [2, 3], [1, 3], [3, 1]],
                 5: [None, [4], [3, 4], [1, 2, 3, 4]]}
    k = 0
    for dt in ("float32", "float16"):
        for rank in range(6):
            shape = shapes[rank]
            for axes in axes_opts[rank]:
                eff = list(range(1, rank)) if axes is None else axes
                for sb in (("none", "both") if rank != 3 else ("none", "scale", "bias", "both")):
                    k += 1
                    eps = [None, 1e-3, 1e-5][k % 3]
                    name = "layerNormalization %s %s axes=%s %s eps=%s" % (dt, C.shape_str(shape),
                                                                          "default" if axes is None else axes, sb, eps or "default")
                    r = C.rng(name)
                    x = _conditioned(r, dt, shape, eff)
                    inputs = {"input": C.tensor(dt, shape, x)}
                    opts = {}
                    if axes is not None:
                        opts["axes"] = list(axes)
                    if eps is not None:
                        opts["epsilon"] = eps
                    pshape = tuple(shape[a] for a in eff)
                    scale = bias = None
                    if sb in ("scale", "both"):
                        scale = C.rand(r, dt, pshape, 0.5, 1.5)
                        inputs["scale"] = C.tensor(dt, pshape, scale, constant=True)
                        opts["scale"] = "scale"
                    if sb in ("bias", "both"):
                        bias = C.rand(r, dt, pshape, -1.0, 1.0)
                        inputs["bias"] = C.tensor(dt, pshape, bias, constant=True)
                        opts["bias"] = "bias"
                    f = lambda a: None if a is None else a.astype(np.float64)
                    y = layernorm_ref(f(x), f(scale), f(bias), eff, _eps(dt, 1e-5 if eps is None else eps))
                    n = 1
                    for a in eff:
                        n *= shape[a]
                    cases.append(C.case(name, inputs, [C.op("layerNormalization", [("input", "input")], opts)],
                                        {"output": C.expected(dt, y)}, N=n))
        name = "layerNormalization %s 2x4096 accumulation" % dt
        x = _conditioned(C.rng(name), dt, (2, 4096), [1])
        y = layernorm_ref(x.astype(np.float64), None, None, [1], _eps(dt, 1e-5))
        cases.append(C.case(name, {"input": C.tensor(dt, x.shape, x)}, [C.op("layerNormalization", [("input", "input")])],
                            {"output": C.expected(dt, y)}, N=4096))
    return cases


def generate():
    return {"batchNormalization": _gen_batchnorm(), "instanceNormalization": _gen_instancenorm(),
            "layerNormalization": _gen_layernorm()}
