/* movement.cl: data movement on element bits (MT: an unsigned type of the element's size), so
 * one kernel serves every data type: strided copy (reshape, transpose, slice, expand, split,
 * concat, reverse), pad, gather; and cast, which converts. */

/* m: rank, dims[rank], input strides[rank], output strides[rank], input offset, output
 * offset (strides may be negative: reverse; offsets are elements). */
__kernel void wn_copy(__global MT *out, __global const MT *in, __global const int *m, uint n)
{
    uint i = get_global_id(0);
    if (i >= n) return;
    int r = m[0];
    uint src = (uint)m[1 + 3 * r] + wn_offset(i, r, m + 1, m + 1 + r);
    uint dst = (uint)m[2 + 3 * r] + wn_offset(i, r, m + 1, m + 1 + 2 * r);
    out[dst] = in[src];
}

/* m: rank, output dims, input dims, pads before each axis, input strides. */
__kernel void wn_pad(__global MT *out, __global const MT *in, __global const int *m, uint n, int mode, UT value)
{
    uint i = get_global_id(0);
    if (i >= n) return;
    int r = m[0];
    __global const int *od = m + 1, *id = od + r, *pb = id + r, *is = pb + r;
    uint lin = i, src = 0;
    for (int d = r - 1; d >= 0; d--) {
        int c = (int)(lin % (uint)od[d]) - pb[d];
        lin /= (uint)od[d];
        int L = id[d];
        if (c < 0 || c >= L) {
            if (mode == PAD_CONSTANT) {
                SV((__global ST *)out, i, wn_param(value));
                return;
            }
            if (mode == PAD_EDGE) c = c < 0 ? 0 : L - 1;
            else c = c < 0 ? -c : 2 * (L - 1) - c; /* reflection: pads are below L */
        }
        src += (uint)c * (uint)is[d];
    }
    out[i] = in[src];
}

/* gather: input as [outer, L, inner], indices (n_idx of them, itype 0 int32, 1 uint32,
 * 2 int64); a negative index counts from the end, then it is clamped to [0, L) (the spec
 * leaves out-of-range run-time indices open; this is the reference's choice). */
__kernel void wn_gather(__global MT *out, __global const MT *in, __global const void *idx, uint n, uint L,
                        uint inner, uint n_idx, int itype)
{
    uint i = get_global_id(0);
    if (i >= n) return;
    uint ii = i % inner, t = i / inner, k = t % n_idx, o = t / n_idx;
    long v = itype == 0 ? (long)((__global const int *)idx)[k]
             : itype == 1 ? (long)((__global const uint *)idx)[k] : ((__global const long *)idx)[k];
    if (v < 0) v += L;
    v = v < 0 ? 0 : v >= L ? (long)L - 1 : v;
    out[i] = in[(o * L + (uint)v) * inner + ii];
}

/* cast to data type `to` (wna_dtype order): float -> int truncates toward zero, saturates and
 * maps NaN to 0; int -> float rounds to nearest; int -> int keeps the low bits. */
#if IS_FLOAT
#define TO_INT(T, x) convert_##T##_sat_rtz(x)
#else
#define TO_INT(T, x) ((T)(x))
#endif
__kernel void wn_cast(__global void *out, __global const ST *in, uint n, int to)
{
    uint i = get_global_id(0);
    if (i >= n) return;
    CT x = LD(in, i);
    switch (to) {
    case 0: ((__global float *)out)[i] = convert_float_rte(x); break;
#if WN_HALF_NATIVE
    case 1: ((__global half *)out)[i] = convert_half_rte(x); break;
#else
    case 1: vstore_half_rte(convert_float_rte(x), i, (__global half *)out); break;
#endif
    case 2: ((__global int *)out)[i] = TO_INT(int, x); break;
    case 3: ((__global uint *)out)[i] = TO_INT(uint, x); break;
    case 4: ((__global long *)out)[i] = TO_INT(long, x); break;
    case 5: ((__global ulong *)out)[i] = TO_INT(ulong, x); break;
    case 6: ((__global char *)out)[i] = TO_INT(char, x); break;
    case 7: ((__global uchar *)out)[i] = TO_INT(uchar, x); break;
    }
}

/* tile: output coordinate o reads input coordinate o mod the input size on every axis.
 * m: rank, output dims, input dims, input strides. */
__kernel void wn_tile(__global MT *out, __global const MT *in, __global const int *m, uint n)
{
    uint i = get_global_id(0);
    if (i >= n) return;
    int r = m[0];
    __global const int *od = m + 1, *id = od + r, *is = id + r;
    uint lin = i, src = 0;
    for (int d = r - 1; d >= 0; d--) {
        uint c = lin % (uint)od[d];
        lin /= (uint)od[d];
        src += (c % (uint)id[d]) * (uint)is[d];
    }
    out[i] = in[src];
}

/* triangular: in the last two axes (rows, cols), upper keeps col - row >= diagonal, lower keeps
 * col - row <= diagonal; the rest becomes 0. */
__kernel void wn_triangular(__global MT *out, __global const MT *in, uint n, uint rows, uint cols, int upper,
                            long diagonal)
{
    uint i = get_global_id(0);
    if (i >= n) return;
    long col = i % cols, row = (i / cols) % rows, off = col - row;
    out[i] = (upper ? off >= diagonal : off <= diagonal) ? in[i] : (MT)0;
}
