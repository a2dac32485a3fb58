#if IS_FLOAT /* float types only */
/* matmul.cl: batched C = alpha * op(A) @ op(B) + beta * C0, tiled through local memory.
 * One work-group computes a TS x TS block of C; each step stages a TS x TS tile of A and of B
 * in local memory. Transposes and broadcast batches are strides and per-batch offsets. */
#define TS 16

/* m: M, N, K, a_row, a_col, b_row, b_col, has_c, c_row, c_col (C0 strides, 0 on broadcast
 * axes), then per batch b: a offset m[10 + 2b], b offset m[11 + 2b]. */
__kernel __attribute__((reqd_work_group_size(TS, TS, 1)))
void wn_matmul(__global ST *c, __global const ST *a, __global const ST *b, __global const ST *c0,
               __global const int *m, float alpha, float beta)
{
    uint j = get_global_id(0), i = get_global_id(1), bt = get_global_id(2);
    uint lj = get_local_id(0), li = get_local_id(1);
    uint M = m[0], N = m[1], K = m[2];
    uint ar = m[3], ac = m[4], br = m[5], bc = m[6];
    uint aoff = m[10 + 2 * bt], boff = m[11 + 2 * bt];
    __local ACC As[TS][TS + 1];
    __local ACC Bs[TS][TS + 1];
    ACC acc = 0;
    for (uint k0 = 0; k0 < K; k0 += TS) {
        uint ka = k0 + lj, kb = k0 + li;
        As[li][lj] = i < M && ka < K ? (ACC)LD(a, aoff + i * ar + ka * ac) : (ACC)0;
        Bs[li][lj] = kb < K && j < N ? (ACC)LD(b, boff + kb * br + j * bc) : (ACC)0;
        barrier(CLK_LOCAL_MEM_FENCE);
        for (uint k = 0; k < TS; k++) acc += As[li][k] * Bs[k][lj];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (i >= M || j >= N) return;
    ACC v = acc;
    if (alpha != 1.0f) v *= (ACC)alpha;
    if (m[7]) v += (ACC)beta * (ACC)LD(c0, i * (uint)m[8] + j * (uint)m[9]);
    SV(c, (bt * M + i) * N + j, v);
}
#endif
