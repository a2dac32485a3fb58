#if IS_FLOAT /* float types only */
/* norm.cl: softmax, batchNormalization, and instance / layer normalization (mean and variance
 * over a set of axes, then scale and bias). Statistics accumulate in UT. */

/* softmax over one axis: the tensor as [outer, len, inner], one work item per (outer, inner). */
__kernel void wn_softmax(__global ST *out, __global const ST *in, uint outer, uint len, uint inner)
{
    uint id = get_global_id(0);
    if (id >= outer * inner) return;
    uint base = (id / inner) * len * inner + id % inner;
    UT mx = -INFINITY;
    for (uint j = 0; j < len; j++) {
        UT v = (UT)LD(in, base + j * inner);
        mx = isnan(v) ? v : fmax(mx, v);
    }
    UT s = 0;
    for (uint j = 0; j < len; j++) s += exp((UT)LD(in, base + j * inner) - mx);
    for (uint j = 0; j < len; j++) SV(out, base + j * inner, exp((UT)LD(in, base + j * inner) - mx) / s);
}

/* batchNormalization: channel c = (i / inner) % C; flags bit 0: scale given, bit 1: bias given. */
__kernel void wn_batchnorm(__global ST *out, __global const ST *in, __global const ST *mean, __global const ST *var,
                           __global const ST *scale, __global const ST *bias, uint n, uint inner, uint C, int flags,
                           float eps)
{
    uint i = get_global_id(0);
    if (i >= n) return;
    uint c = (i / inner) % C;
    UT y = ((UT)LD(in, i) - (UT)LD(mean, c)) / sqrt((UT)LD(var, c) + wn_param((UT)eps));
    if (flags & 1) y *= (UT)LD(scale, c);
    if (flags & 2) y += (UT)LD(bias, c);
    SV(out, i, y);
}

/* m: kept rank k, kept dims, kept input strides, kept scale strides; reduced rank r, reduced
 * dims, reduced input strides, reduced scale strides. Scale and bias share an index. */
__kernel void wn_norm(__global ST *out, __global const ST *in, __global const ST *scale, __global const ST *bias,
                      __global const int *m, uint n, uint count, int flags, float eps)
{
    uint o = get_global_id(0);
    if (o >= n) return;
    int k = m[0];
    uint base = wn_offset(o, k, m + 1, m + 1 + k), sbase = wn_offset(o, k, m + 1, m + 1 + 2 * k);
    __global const int *rm = m + 1 + 3 * k;
    int r = rm[0];
    __global const int *rd = rm + 1, *rs = rd + r, *rss = rs + r;
    UT sum = 0;
    for (uint j = 0; j < count; j++) sum += (UT)LD(in, base + wn_offset(j, r, rd, rs));
    UT mean = sum / (UT)count, sq = 0;
    for (uint j = 0; j < count; j++) {
        UT d = (UT)LD(in, base + wn_offset(j, r, rd, rs)) - mean;
        sq += d * d;
    }
    UT inv = sqrt(sq / (UT)count + wn_param((UT)eps));
    for (uint j = 0; j < count; j++) {
        uint off = base + wn_offset(j, r, rd, rs), s = sbase + wn_offset(j, r, rd, rss);
        UT y = ((UT)LD(in, off) - mean) / inv;
        if (flags & 1) y *= (UT)LD(scale, s);
        if (flags & 2) y += (UT)LD(bias, s);
        SV(out, off, y);
    }
}
#endif
