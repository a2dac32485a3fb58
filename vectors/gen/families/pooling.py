"""averagePool2d, l2Pool2d, maxPool2d (spec: "Pooling operations").
Output size: calculate conv2d output sizes (dilated window), then floor/ceil by
outputShapeRounding, or outputSizes (padding forced to 0) when given."""

import math

import numpy as np


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
                y[:, :, i, j] = np.mean(win, axis=2)
            elif op == "l2Pool2d":
                y[:, :, i, j] = np.sqrt(np.sum(win * win, axis=2))
            else:
                raise ValueError(op)
    if layout == "nhwc":
        y = np.transpose(y, (0, 2, 3, 1))
    return y, touches
