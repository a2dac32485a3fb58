"""batchNormalization, instanceNormalization, layerNormalization (spec: the three sections).
epsilon is cast to the input data type before use, as the builder steps say."""

import numpy as np


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
    mean = np.mean(x, axis=sp, keepdims=True)
    var = np.mean((x - mean) ** 2, axis=sp, keepdims=True)
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
        mean = np.mean(x, axis=ax, keepdims=True)
        var = np.mean((x - mean) ** 2, axis=ax, keepdims=True)
    else:
        mean = x
        var = np.zeros_like(x)
    y = (x - mean) / np.sqrt(var + eps)
    if scale is not None:
        y = y * _place(scale, axes, x.ndim)
    if bias is not None:
        y = y + _place(bias, axes, x.ndim)
    return y
