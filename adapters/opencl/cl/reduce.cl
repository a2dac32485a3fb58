/* reduce.cl: the reduce* ops and argMin/argMax. One work item per output element walks the
 * reduced elements. Float sums accumulate in UT (double with cl_khr_fp64). NaN propagates
 * through max/min; ties in argMin/argMax keep the first index and a NaN counts as the extreme,
 * as the reference chooses (both implementation-defined). */

/* m: kept rank k, kept dims[k], kept strides[k], reduced rank r, reduced dims[r],
 *    reduced strides[r] (input strides of each axis). */
inline uint wn_red_base(uint o, __global const int *m)
{
    int k = m[0];
    return wn_offset(o, k, m + 1, m + 1 + k);
}

__kernel void wn_reduce(__global ST *out, __global const ST *in, __global const int *m, uint n, uint count, int op)
{
    uint o = get_global_id(0);
    if (o >= n) return;
    uint base = wn_red_base(o, m);
    int k = m[0], r = m[1 + 2 * k];
    __global const int *rd = m + 2 + 2 * k, *rs = rd + r;
#if IS_FLOAT
    UT acc = op == R_PRODUCT ? 1 : 0, mx = -INFINITY;
    if (op == R_MAX || op == R_MIN || op == R_LOGSUMEXP) {
        mx = (UT)LD(in, base);
        for (uint j = 1; j < count; j++) {
            UT v = (UT)LD(in, base + wn_offset(j, r, rd, rs));
            if (isnan(mx)) break;
            if (isnan(v)) mx = v;
            else if (op == R_MIN ? (v < mx || (v == 0 && mx == 0 && signbit(v))) : (v > mx || (v == 0 && mx == 0 && !signbit(v)))) mx = v;
        }
        if (op != R_LOGSUMEXP) {
            SV(out, o, mx);
            return;
        }
        if (isnan(mx) || isinf(mx)) {
            SV(out, o, mx);
            return;
        }
    }
    for (uint j = 0; j < count; j++) {
        UT v = (UT)LD(in, base + wn_offset(j, r, rd, rs));
        switch (op) {
        case R_PRODUCT: acc *= v; break;
        case R_L1: acc += fabs(v); break;
        case R_L2: case R_SUMSQUARE: acc += v * v; break;
        case R_LOGSUMEXP: acc += exp(v - mx); break;
        default: acc += v;
        }
    }
    switch (op) {
    case R_MEAN: acc /= (UT)count; break;
    case R_L2: acc = sqrt(acc); break;
    case R_LOGSUM: acc = log(acc); break;
    case R_LOGSUMEXP: acc = mx + log(acc); break;
    default: break;
    }
    SV(out, o, acc);
#else
    ST first = in[base];
    UST acc = op == R_PRODUCT ? 1 : 0;
    ST mx = first;
    for (uint j = 0; j < count; j++) {
        ST v = in[base + wn_offset(j, r, rd, rs)];
        UST a = v < 0 ? (UST)0 - (UST)v : (UST)v;
        switch (op) {
        case R_MAX: mx = v > mx ? v : mx; break;
        case R_MIN: mx = v < mx ? v : mx; break;
        case R_PRODUCT: acc *= (UST)v; break;
        case R_L1: acc += a; break;
        case R_SUMSQUARE: acc += (UST)v * (UST)v; break;
        default: acc += (UST)v;
        }
    }
    out[o] = op == R_MAX || op == R_MIN ? mx : AS_ST(acc);
#endif
}

/* argMin / argMax along one axis (m as above with r == 1); out64: int64 output, else int32. */
__kernel void wn_argreduce(__global int *out32, __global long *out64, __global const ST *in, __global const int *m,
                           uint n, uint count, int op, int is64)
{
    uint o = get_global_id(0);
    if (o >= n) return;
    uint base = wn_red_base(o, m);
    int k = m[0];
    int stride = m[2 + 2 * k + 1];
    CT best = LD(in, base);
    uint bi = 0;
    for (uint j = 1; j < count; j++) {
        CT v = LD(in, base + j * (uint)stride);
#if IS_FLOAT
        if (isnan(best)) break;
        if (isnan(v)) {
            best = v;
            bi = j;
            continue;
        }
#endif
        if (op == R_ARGMAX ? v > best : v < best) {
            best = v;
            bi = j;
        }
    }
    if (is64) out64[o] = bi;
    else out32[o] = bi;
}

/* cumulativeSum along one axis: the tensor as [outer, len, inner], one work item per line;
 * floats keep the running sum in UT, integers in the unsigned type (wrapping). */
__kernel void wn_cumsum(__global ST *out, __global const ST *in, uint outer, uint len, uint inner, int exclusive,
                        int reversed)
{
    uint id = get_global_id(0);
    if (id >= outer * inner) return;
    uint base = (id / inner) * len * inner + id % inner;
#if IS_FLOAT
    UT s = 0;
#else
    UST s = 0;
#endif
    for (uint step = 0; step < len; step++) {
        uint i = base + (reversed ? len - 1 - step : step) * inner;
#if IS_FLOAT
        UT before = s;
        s += (UT)LD(in, i);
        SV(out, i, exclusive ? before : s);
#else
        UST before = s;
        s += (UST)in[i];
        out[i] = AS_ST(exclusive ? before : s);
#endif
    }
}
