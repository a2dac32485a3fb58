"""conv2d and convTranspose2d (spec: conv2d, convTranspose2d)."""

import numpy as np

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
        y[:, g * og:(g + 1) * og] = np.einsum("ncabhw,ocab->nohw", taps, wg, optimize=True)
    if bias is not None:
        y = y + bias.reshape(1, o, 1, 1)
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
    full = np.zeros((n, o, fh, fw))
    for g in range(groups):
        xg = x[:, g * cg:(g + 1) * cg]
        wg = w[g * cg:(g + 1) * cg]          # [cg, og, kh, kw]
        for a in range(kh):
            for b in range(kw):
                contrib = np.einsum("nchw,co->nohw", xg, wg[:, :, a, b])
                full[:, g * og:(g + 1) * og, a * dh:a * dh + (ih - 1) * sh + 1:sh,
                     b * dw:b * dw + (iw - 1) * sw + 1:sw] += contrib
    y = full[:, :, pb:pb + oh, qb:qb + ow]
    if bias is not None:
        y = y + bias.reshape(1, o, 1, 1)
    if input_layout == "nhwc":
        y = np.transpose(y, (0, 2, 3, 1))
    return y
