#if IS_FLOAT /* float types only */
/* conv.cl: conv2d and convTranspose2d, one work item per output element. Layouts are strides:
 * the input as (n, c, h, w), the filter as (o, i, h, w) for conv2d and (i, o, h, w) for
 * convTranspose2d, the output as (n, c, h, w); so every layout runs the same loop. */

/* m: N, C, H, W, O, OH, OW, KH, KW, groups, padTop, padLeft, strideH, strideW, dilH, dilW,
 *    input strides n c h w (16..19), filter strides (20..23), output strides (24..27), has_bias */
__kernel void wn_conv2d(__global ST *out, __global const ST *in, __global const ST *f, __global const ST *bias,
                        __global const int *m, uint n, int transposed)
{
    uint idx = get_global_id(0);
    if (idx >= n) return;
    int C = m[1], H = m[2], W = m[3], O = m[4], OH = m[5], OW = m[6], KH = m[7], KW = m[8], G = m[9];
    int pt = m[10], pl = m[11], sh = m[12], sw = m[13], dh = m[14], dw = m[15];
    int ow = idx % OW, t = idx / OW, oh = t % OH;
    t /= OH;
    int o = t % O, nb = t / O;
    int Cg = C / G, Og = O / G, g = o / Og;
    ACC acc = 0;
    for (int ci = 0; ci < Cg; ci++) {
        int c = g * Cg + ci;
        uint ibase = nb * m[16] + c * m[17];
        /* filter: conv2d (o, ci, kh, kw); convTranspose2d (c, o mod Og, kh, kw) */
        uint fbase = transposed ? c * m[20] + (o - g * Og) * m[21] : o * m[20] + ci * m[21];
        for (int kh = 0; kh < KH; kh++) {
            int ih;
            if (transposed) {
                int v = oh + pt - kh * dh;
                if (v < 0 || v % sh) continue;
                ih = v / sh;
            } else {
                ih = oh * sh - pt + kh * dh;
            }
            if (ih < 0 || ih >= H) continue;
            for (int kw = 0; kw < KW; kw++) {
                int iw;
                if (transposed) {
                    int v = ow + pl - kw * dw;
                    if (v < 0 || v % sw) continue;
                    iw = v / sw;
                } else {
                    iw = ow * sw - pl + kw * dw;
                }
                if (iw < 0 || iw >= W) continue;
                acc += (ACC)LD(in, ibase + ih * m[18] + iw * m[19]) * (ACC)LD(f, fbase + kh * m[22] + kw * m[23]);
            }
        }
    }
    if (m[28]) acc += (ACC)LD(bias, o);
    SV(out, nb * m[24] + o * m[25] + oh * m[26] + ow * m[27], acc);
}
#endif
