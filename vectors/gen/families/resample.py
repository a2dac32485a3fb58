"""resample2d (spec: resample2d). Coordinates computed exactly (rationals) as the spec says:
scale = outputSize / inputSize; c = clamp((o + 0.5) / scale - 0.5, 0, inputSize - 1);
nearest: ceil(c - 0.5); linear: bilinear between floor(c) and ceil(c)."""

import math
from fractions import Fraction

import numpy as np


def resample_size(in_size, scale_f32):
    return math.floor(in_size * float(scale_f32))


def _coords(in_size, out_size):
    res = []
    for o in range(out_size):
        c = (Fraction(2 * o + 1, 2)) * Fraction(in_size, out_size) - Fraction(1, 2)
        c = min(max(c, Fraction(0)), Fraction(in_size - 1))
        res.append(c)
    return res


def _coords_float(in_size, out_size):
    scale = out_size / in_size
    return [min(max((o + 0.5) / scale - 0.5, 0.0), in_size - 1.0) for o in range(out_size)]


def coord_fragile(in_size, out_size, mode):
    """True when a float64 evaluation of the formula picks a different source than exact math
    (a nearest-neighbor tie that rounding can flip)."""
    ex, fl = _coords(in_size, out_size), _coords_float(in_size, out_size)
    for a, b in zip(ex, fl):
        if mode == "nearest-neighbor":
            if math.ceil(a - Fraction(1, 2)) != math.ceil(b - 0.5):
                return True
        else:
            if math.floor(a) != math.floor(b) or math.ceil(a) != math.ceil(b):
                return True
    return False


def resample_ref(x, out_sizes, axes=(2, 3), mode="nearest-neighbor"):
    y = x
    # separable: both modes factor per axis (bilinear = linear along one axis then the other)
    for ax, osz in zip(axes, out_sizes):
        isz = y.shape[ax]
        cs = _coords(isz, osz)
        if mode == "nearest-neighbor":
            idx = [int(math.ceil(c - Fraction(1, 2))) for c in cs]
            y = np.take(y, idx, axis=ax)
        else:
            i0 = [int(math.floor(c)) for c in cs]
            i1 = [int(math.ceil(c)) for c in cs]
            t = np.array([float(c - math.floor(c)) for c in cs])
            shp = [1] * y.ndim
            shp[ax] = osz
            t = t.reshape(shp)
            y = np.take(y, i0, axis=ax) * (1 - t) + np.take(y, i1, axis=ax) * t
    return y
