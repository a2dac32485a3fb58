/* matmul and gemm (the tiled kernel of cl/matmul.cl), conv2d and convTranspose2d, pools. */
#include <stdlib.h>
#include <string.h>

#include "ocl.h"
#include "opcodes.h"

#define TS 16

static size_t round_up(size_t n, size_t m) { return (n + m - 1) / m * m; }

/* One matmul launch: meta (M N K strides...) plus per-batch offsets. */
static int matmul_launch(ocl_build *b, const wna_operation *op, int64_t a, int64_t bb, int64_t c, int32_t *m,
                         size_t n_meta, uint32_t batches, double alpha, double beta)
{
    const wna_desc *out = ocl_desc(b, op->outputs[0]);
    ocl_launch *l = ocl_launch_new(b, out->dtype, "wn_matmul");
    if (!l) return -1;
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, a) || ocl_set_operand(b, l, 2, bb) ||
        ocl_set_operand(b, l, 3, c) || ocl_set_meta(b, l, 4, m, n_meta) || ocl_set_f32(b, l, 5, alpha) ||
        ocl_set_f32(b, l, 6, beta))
        return -1;
    l->dims = 3;
    l->global[0] = round_up((size_t)m[1], TS);
    l->global[1] = round_up((size_t)m[0], TS);
    l->global[2] = batches;
    l->local[0] = l->local[1] = TS;
    l->local[2] = 1;
    l->has_local = 1;
    return 0;
}

int ocl_build_matmul(ocl_build *b, const wna_operation *op)
{
    int64_t ai = ocl_arg_operand(op, "a"), bi = ocl_arg_operand(op, "b");
    if (ai < 0 || bi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *A = ocl_desc(b, (uint32_t)ai), *B = ocl_desc(b, (uint32_t)bi), *C = ocl_desc(b, op->outputs[0]);
    if (A->rank < 2 || B->rank < 2 || C->rank < 2)
        return ocl_fail(b->err, WNA_NOT_SUPPORTED_ERROR, "matmul needs rank 2 or more");
    uint32_t M = A->dims[A->rank - 2], K = A->dims[A->rank - 1], N = B->dims[B->rank - 1];
    size_t batches = ocl_count(C) / ((size_t)M * N);
    int32_t *m = calloc(10 + 2 * batches, sizeof *m);
    if (!m) return ocl_fail(b->err, WNA_OPERATION_ERROR, "out of memory");
    m[0] = (int32_t)M, m[1] = (int32_t)N, m[2] = (int32_t)K;
    m[3] = (int32_t)K, m[4] = 1, m[5] = (int32_t)N, m[6] = 1;
    /* batch offsets: the output's batch index broadcast onto a's and b's batch axes */
    uint32_t br = C->rank - 2;
    wna_desc cb = *C, ab = *A, bb = *B;
    cb.rank = br, ab.rank = A->rank - 2, bb.rank = B->rank - 2;
    int32_t sa[WNA_MAX_RANK], sb[WNA_MAX_RANK];
    ocl_bcast_strides(&ab, br, &cb, sa);
    ocl_bcast_strides(&bb, br, &cb, sb);
    for (size_t t = 0; t < batches; t++) {
        size_t lin = t, oa = 0, ob = 0;
        for (uint32_t d = br; d-- > 0;) {
            size_t i = lin % cb.dims[d];
            lin /= cb.dims[d];
            oa += i * (size_t)sa[d];
            ob += i * (size_t)sb[d];
        }
        m[10 + 2 * t] = (int32_t)(oa * M * K);
        m[11 + 2 * t] = (int32_t)(ob * K * N);
    }
    int rc = matmul_launch(b, op, ai, bi, -1, m, 10 + 2 * batches, (uint32_t)batches, 1.0, 0.0);
    free(m);
    return rc;
}

int ocl_build_gemm(ocl_build *b, const wna_operation *op)
{
    int64_t ai = ocl_arg_operand(op, "a"), bi = ocl_arg_operand(op, "b"), ci = ocl_arg_operand(op, "c");
    if (ai < 0 || bi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *A = ocl_desc(b, (uint32_t)ai), *C = ocl_desc(b, op->outputs[0]);
    int at = ocl_arg_bool(op, "aTranspose", 0), bt = ocl_arg_bool(op, "bTranspose", 0);
    uint32_t M = C->dims[0], N = C->dims[1], K = at ? A->dims[0] : A->dims[1];
    int32_t m[12] = {(int32_t)M, (int32_t)N, (int32_t)K};
    m[3] = at ? 1 : (int32_t)K, m[4] = at ? (int32_t)M : 1; /* A(i, k) */
    m[5] = bt ? 1 : (int32_t)N, m[6] = bt ? (int32_t)K : 1; /* B(k, j) */
    if (ci >= 0) {
        int32_t s[2];
        ocl_bcast_strides(ocl_desc(b, (uint32_t)ci), 2, C, s);
        m[7] = 1, m[8] = s[0], m[9] = s[1];
    }
    return matmul_launch(b, op, ai, bi, ci, m, 12, 1, ocl_arg_double(op, "alpha", 1.0),
                         ocl_arg_double(op, "beta", 1.0));
}

/* A list of n sizes, or the defaults when absent. */
static int sizes(ocl_build *b, const wna_operation *op, const char *name, int32_t *out, uint32_t n, int32_t dflt)
{
    int64_t v[8];
    int got = ocl_arg_ints(op, name, v, 8);
    for (uint32_t i = 0; i < n; i++) out[i] = dflt;
    if (got < 0) return ocl_arg(op, name) ? ocl_fail(b->err, WNA_OPERATION_ERROR, "%s is malformed", name) : 0;
    if ((uint32_t)got != n) return ocl_fail(b->err, WNA_OPERATION_ERROR, "%s must have %u items", name, n);
    for (uint32_t i = 0; i < n; i++) {
        if (v[i] < 0 || v[i] > INT32_MAX) return ocl_fail(b->err, WNA_NOT_SUPPORTED_ERROR, "%s out of range", name);
        out[i] = (int32_t)v[i];
    }
    return 0;
}

/* Input and output (n, c, h, w) strides and sizes for a 4-D activation layout. */
static void act_layout(const wna_desc *d, int nhwc, int32_t *nchw_dims, int32_t *strides)
{
    const char *lay = nhwc ? "nhwc" : "nchw";
    const char letters[4] = {'n', 'c', 'h', 'w'};
    for (int i = 0; i < 4; i++) {
        nchw_dims[i] = (int32_t)ocl_layout_dim(lay, d->dims, letters[i]);
        strides[i] = (int32_t)ocl_layout_stride(lay, d->dims, letters[i]);
    }
}

int ocl_build_conv(ocl_build *b, const wna_operation *op, int transposed)
{
    int64_t xi = ocl_arg_operand(op, "input"), fi = ocl_arg_operand(op, "filter"), bi = ocl_arg_operand(op, "bias");
    if (xi < 0 || fi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi), *F = ocl_desc(b, (uint32_t)fi), *Y = ocl_desc(b, op->outputs[0]);
    int nhwc = strcmp(ocl_arg_string(op, "inputLayout", "nchw"), "nhwc") == 0;
    const char *fl = ocl_arg_string(op, "filterLayout", transposed ? "iohw" : "oihw");
    if (X->rank != 4 || F->rank != 4 || Y->rank != 4 || strlen(fl) != 4)
        return ocl_fail(b->err, WNA_NOT_SUPPORTED_ERROR, "conv needs 4-D operands");
    int32_t m[29] = {0}, xd[4], yd[4];
    act_layout(X, nhwc, xd, m + 16);
    act_layout(Y, nhwc, yd, m + 24);
    m[0] = xd[0], m[1] = xd[1], m[2] = xd[2], m[3] = xd[3];
    m[4] = yd[1], m[5] = yd[2], m[6] = yd[3];
    m[7] = (int32_t)ocl_layout_dim(fl, F->dims, 'h');
    m[8] = (int32_t)ocl_layout_dim(fl, F->dims, 'w');
    m[9] = (int32_t)ocl_arg_int(op, "groups", 1);
    int32_t pad[4], st[2], dil[2];
    if (sizes(b, op, "padding", pad, 4, 0) || sizes(b, op, "strides", st, 2, 1) || sizes(b, op, "dilations", dil, 2, 1))
        return -1;
    if (m[9] < 1 || st[0] < 1 || st[1] < 1) return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad groups or strides");
    m[10] = pad[0], m[11] = pad[2], m[12] = st[0], m[13] = st[1], m[14] = dil[0], m[15] = dil[1];
    /* filter strides: conv2d (o, i, h, w); convTranspose2d (i, o, h, w) */
    const char order[4] = {transposed ? 'i' : 'o', transposed ? 'o' : 'i', 'h', 'w'};
    for (int i = 0; i < 4; i++) m[20 + i] = (int32_t)ocl_layout_stride(fl, F->dims, order[i]);
    m[28] = bi >= 0;
    ocl_launch *l = ocl_launch_new(b, Y->dtype, "wn_conv2d");
    if (!l) return -1;
    size_t n = ocl_count(Y);
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) || ocl_set_operand(b, l, 2, fi) ||
        ocl_set_operand(b, l, 3, bi) || ocl_set_meta(b, l, 4, m, 29) || ocl_set_u32(b, l, 5, n) ||
        ocl_set_i32(b, l, 6, transposed))
        return -1;
    ocl_range(l, n);
    return 0;
}

int ocl_build_pool(ocl_build *b, const wna_operation *op, int code)
{
    int64_t xi = ocl_arg_operand(op, "input");
    if (xi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi), *Y = ocl_desc(b, op->outputs[0]);
    if (X->rank != 4 || Y->rank != 4) return ocl_fail(b->err, WNA_NOT_SUPPORTED_ERROR, "pools need 4-D operands");
    int nhwc = strcmp(ocl_arg_string(op, "layout", "nchw"), "nhwc") == 0;
    int32_t m[21] = {0}, xd[4], yd[4];
    act_layout(X, nhwc, xd, m + 13);
    act_layout(Y, nhwc, yd, m + 17);
    m[0] = xd[1], m[1] = xd[2], m[2] = xd[3], m[3] = yd[2], m[4] = yd[3];
    int32_t win[2], pad[4], st[2], dil[2];
    if (sizes(b, op, "windowDimensions", win, 2, 0) || sizes(b, op, "padding", pad, 4, 0) ||
        sizes(b, op, "strides", st, 2, 1) || sizes(b, op, "dilations", dil, 2, 1))
        return -1;
    if (!ocl_arg(op, "windowDimensions")) win[0] = xd[2], win[1] = xd[3];
    /* as the reference reads the spec: outputSizes, when given, sets the padding to zeros */
    if (ocl_arg(op, "outputSizes")) memset(pad, 0, sizeof pad);
    m[5] = win[0], m[6] = win[1], m[7] = pad[0], m[8] = pad[2], m[9] = st[0], m[10] = st[1], m[11] = dil[0],
    m[12] = dil[1];
    ocl_launch *l = ocl_launch_new(b, Y->dtype, "wn_pool");
    if (!l) return -1;
    size_t n = ocl_count(Y);
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) || ocl_set_meta(b, l, 2, m, 21) ||
        ocl_set_u32(b, l, 3, n) || ocl_set_i32(b, l, 4, code))
        return -1;
    ocl_range(l, n);
    return 0;
}
