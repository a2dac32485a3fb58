/* pool.cl: averagePool2d (padded cells not counted), maxPool2d, l2Pool2d; one work item per
 * output element; layouts are strides as in conv.cl. */

/* m: C, H, W, OH, OW, KH, KW, padTop, padLeft, strideH, strideW, dilH, dilW,
 *    input strides n c h w (13..16), output strides (17..20) */
__kernel void wn_pool(__global ST *out, __global const ST *in, __global const int *m, uint n, int op)
{
    uint idx = get_global_id(0);
    if (idx >= n) return;
    int C = m[0], H = m[1], W = m[2], OH = m[3], OW = m[4], KH = m[5], KW = m[6];
    int ow = idx % OW, t = idx / OW, oh = t % OH;
    t /= OH;
    int c = t % C, nb = t / C;
    uint base = nb * m[13] + c * m[14];
#if IS_FLOAT
    ACC acc = op == P_MAX ? -INFINITY : 0;
#else
    ST acc = 0;
    int first = 1;
#endif
    int count = 0;
    for (int kh = 0; kh < KH; kh++) {
        int ih = oh * m[9] - m[7] + kh * m[11];
        if (ih < 0 || ih >= H) continue;
        for (int kw = 0; kw < KW; kw++) {
            int iw = ow * m[10] - m[8] + kw * m[12];
            if (iw < 0 || iw >= W) continue;
#if IS_FLOAT
            ACC v = (ACC)LD(in, base + ih * m[15] + iw * m[16]);
            if (op == P_MAX) acc = isnan(v) || isnan(acc) ? v + acc : fmax(acc, v);
            else if (op == P_L2) acc += v * v;
            else acc += v;
#else
            ST v = in[base + ih * m[15] + iw * m[16]];
            acc = first || v > acc ? v : acc;
            first = 0;
#endif
            count++;
        }
    }
#if IS_FLOAT
    if (op == P_AVG) acc = count ? acc / (ACC)count : (ACC)NAN;
    else if (op == P_L2) acc = sqrt(acc);
#endif
    SV(out, nb * m[17] + c * m[18] + oh * m[19] + ow * m[20], acc);
}
