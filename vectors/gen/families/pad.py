"""pad (spec: pad): constant / edge / reflection."""

import numpy as np


def pad_ref(x, begin, end, mode="constant", value=0):
    pw = list(zip(begin, end))
    if x.ndim == 0:
        return x.copy()
    if mode == "constant":
        return np.pad(x, pw, mode="constant", constant_values=value)
    if mode == "edge":
        return np.pad(x, pw, mode="edge")
    if mode == "reflection":
        return np.pad(x, pw, mode="reflect")
    raise ValueError(mode)
