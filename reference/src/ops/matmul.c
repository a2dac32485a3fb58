/* matmul, gemm. Products are summed in double and the result is rounded once to the
 * output type. */
#include "webnn/op.h"

#include "ops_index.h"

/* The shape with its last two dimensions removed (the "batch shape"). */
static wn_desc batch_shape(const wn_desc *d)
{
    wn_desc b = *d;
    b.rank = d->rank - 2;
    return b;
}

/* matmul (#api-mlgraphbuilder-matmul): both operands have rank >= 2; the batch shapes
 * broadcast bidirectionally and the output ends with [rowsA, colsB]. */
static int build_matmul(wn_call *c)
{
    const wn_desc *a = wn_arg_desc(c, "a");
    const wn_desc *b = wn_arg_desc(c, "b");
    if (a->rank < 2 || b->rank < 2)
        return wn_fail(c, WN_TYPE_ERROR, "a and b must have rank >= 2 (got %u and %u)", a->rank, b->rank);
    uint32_t cols_a = a->dims[a->rank - 1], rows_a = a->dims[a->rank - 2];
    uint32_t cols_b = b->dims[b->rank - 1], rows_b = b->dims[b->rank - 2];
    if (cols_a != rows_b)
        return wn_fail(c, WN_TYPE_ERROR, "columns of a (%u) differ from rows of b (%u)", cols_a, rows_b);
    wn_desc ba = batch_shape(a), bb = batch_shape(b);
    wn_desc out = *a;
    if (wn_broadcast_bidirectional(&ba, &bb, &out, c->err) != 0) return -1;
    out.dims[out.rank++] = rows_a;
    out.dims[out.rank++] = cols_b;
    return wn_add_output(c, &out);
}

/* out[..., i, j] = sum over k of a[..., i, k] * b[..., k, j], where each operand's
 * batch position is its broadcast position in the output's batch shape. */
static int compute_matmul(wn_call *c)
{
    const wn_tensor *a = wn_in(c, "a");
    const wn_tensor *b = wn_in(c, "b");
    wn_tensor *out = wn_out(c, 0);
    wn_desc ba = batch_shape(&a->desc), bb = batch_shape(&b->desc), bo = batch_shape(&out->desc);
    size_t m = a->desc.dims[a->desc.rank - 2];
    size_t k_len = a->desc.dims[a->desc.rank - 1];
    size_t n = b->desc.dims[b->desc.rank - 1];
    size_t batches = wn_desc_count(&bo);
    uint32_t coords[WN_MAX_RANK];
    for (size_t batch = 0; batch < batches; batch++) {
        wn_unravel(&bo, batch, coords);
        size_t a_base = wn_broadcast_index(&ba, &bo, coords) * m * k_len;
        size_t b_base = wn_broadcast_index(&bb, &bo, coords) * k_len * n;
        size_t o_base = batch * m * n;
        for (size_t i = 0; i < m; i++) {
            for (size_t j = 0; j < n; j++) {
                double sum = 0.0;
                for (size_t k = 0; k < k_len; k++)
                    sum += wn_get_f64(a, a_base + i * k_len + k) * wn_get_f64(b, b_base + k * n + j);
                wn_put_f64(out, o_base + i * n + j, sum);
            }
        }
    }
    return 0;
}

/* gemm (#api-mlgraphbuilder-gemm): alpha * A' * B' + beta * C with A' = A or A^T and
 * B' = B or B^T; C is unidirectionally broadcastable to [M, N]. */
static int build_gemm(wn_call *c)
{
    const wn_desc *a = wn_arg_desc(c, "a");
    const wn_desc *b = wn_arg_desc(c, "b");
    const wn_desc *cc = wn_arg_desc(c, "c");
    uint32_t shape_a[2] = {a->dims[0], a->dims[1]};
    uint32_t shape_b[2] = {b->dims[0], b->dims[1]};
    if (wn_arg_bool(c, "aTranspose", false)) { shape_a[0] = a->dims[1]; shape_a[1] = a->dims[0]; }
    if (wn_arg_bool(c, "bTranspose", false)) { shape_b[0] = b->dims[1]; shape_b[1] = b->dims[0]; }
    if (shape_a[1] != shape_b[0])
        return wn_fail(c, WN_TYPE_ERROR, "inner dimensions differ: A' is [%u, %u], B' is [%u, %u]", shape_a[0],
                       shape_a[1], shape_b[0], shape_b[1]);
    wn_desc out = {.dtype = a->dtype, .rank = 2, .dims = {shape_a[0], shape_b[1]}};
    if (cc && !wn_broadcastable_unidirectional(cc, &out))
        return wn_fail(c, WN_TYPE_ERROR, "c is not unidirectionally broadcastable to [%u, %u]", out.dims[0],
                       out.dims[1]);
    return wn_add_output(c, &out);
}

static int compute_gemm(wn_call *c)
{
    const wn_tensor *a = wn_in(c, "a");
    const wn_tensor *b = wn_in(c, "b");
    const wn_tensor *cc = wn_in(c, "c");
    wn_tensor *out = wn_out(c, 0);
    wn_dtype t = a->desc.dtype;
    /* the builder casts alpha and beta to a's data type */
    double alpha = wn_round_to_dtype(wn_arg_double(c, "alpha", 1.0), t);
    double beta = wn_round_to_dtype(wn_arg_double(c, "beta", 1.0), t);
    bool a_t = wn_arg_bool(c, "aTranspose", false), b_t = wn_arg_bool(c, "bTranspose", false);
    size_t m = out->desc.dims[0], n = out->desc.dims[1];
    size_t k_len = a_t ? a->desc.dims[0] : a->desc.dims[1];
    size_t a_cols = a->desc.dims[1], b_cols = b->desc.dims[1];
    uint32_t coords[2];
    for (size_t i = 0; i < m; i++) {
        for (size_t j = 0; j < n; j++) {
            double sum = 0.0;
            for (size_t k = 0; k < k_len; k++) {
                size_t ia = a_t ? k * a_cols + i : i * a_cols + k;
                size_t ib = b_t ? j * b_cols + k : k * b_cols + j;
                sum += wn_get_f64(a, ia) * wn_get_f64(b, ib);
            }
            double v = alpha * sum;
            if (cc) {
                coords[0] = (uint32_t)i;
                coords[1] = (uint32_t)j;
                v += beta * wn_get_f64(cc, wn_broadcast_index(&cc->desc, &out->desc, coords));
            }
            wn_put_f64(out, i * n + j, v);
        }
    }
    return 0;
}

const wn_op_impl wn_ops_matmul[] = {
    {"matmul", build_matmul, compute_matmul},
    {"gemm", build_gemm, compute_gemm},
    {NULL, NULL, NULL},
};
