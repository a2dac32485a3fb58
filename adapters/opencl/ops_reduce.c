/* Reductions, argMin/argMax, cumulativeSum, softmax and the three normalizations: the host side splits the
 * input's axes into kept and reduced ones (metadata for cl/reduce.cl and cl/norm.cl). */
#include <string.h>

#include "ocl.h"
#include "opcodes.h"

/* Marks the axes of a list argument (all axes when absent, or `dflt_from` onwards when
 * dflt_from >= 0: layerNormalization). Returns -1 on a bad axis. */
static int axes_of(const wna_operation *op, const char *name, uint32_t rank, int dflt_from, int *red, int64_t *order,
                   int *n_order)
{
    int64_t ax[WNA_MAX_RANK];
    int n = ocl_arg_ints(op, name, ax, WNA_MAX_RANK);
    memset(red, 0, WNA_MAX_RANK * sizeof *red);
    if (n < 0) {
        if (ocl_arg(op, name)) return -1;
        n = 0;
        for (uint32_t i = dflt_from > 0 ? (uint32_t)dflt_from : 0; i < rank; i++) ax[n++] = i;
    }
    for (int i = 0; i < n; i++) {
        if (ax[i] < 0 || ax[i] >= rank || red[ax[i]]) return -1;
        red[ax[i]] = 1;
        order[i] = ax[i];
    }
    *n_order = n;
    return 0;
}

/* kept rank, dims, strides; reduced rank, dims, strides -> m; returns its length. */
static size_t split_meta(const wna_desc *d, const int *red, int32_t *m, size_t *kept_n, size_t *count)
{
    int64_t s[WNA_MAX_RANK];
    ocl_strides(d, s);
    int k = 0, r = 0;
    for (uint32_t i = 0; i < d->rank; i++) k += !red[i];
    r = (int)d->rank - k;
    m[0] = k;
    int ki = 0, ri = 0;
    *kept_n = *count = 1;
    for (uint32_t i = 0; i < d->rank; i++) {
        if (red[i]) {
            m[2 + 2 * k + ri] = (int32_t)d->dims[i];
            m[2 + 2 * k + r + ri] = (int32_t)s[i];
            ri++;
            *count *= d->dims[i];
        } else {
            m[1 + ki] = (int32_t)d->dims[i];
            m[1 + k + ki] = (int32_t)s[i];
            ki++;
            *kept_n *= d->dims[i];
        }
    }
    m[1 + 2 * k] = r;
    return 2 + 2 * (size_t)k + 2 * (size_t)r;
}

int ocl_build_reduce(ocl_build *b, const wna_operation *op, int code)
{
    int64_t xi = ocl_arg_operand(op, "input");
    if (xi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi);
    int red[WNA_MAX_RANK], n_order;
    int64_t order[WNA_MAX_RANK];
    int arg = code == R_ARGMAX || code == R_ARGMIN;
    if (arg) {
        int64_t axis = ocl_arg_int(op, "axis", 0);
        if (axis < 0 || axis >= X->rank) return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad axis");
        memset(red, 0, sizeof red);
        red[axis] = 1;
    } else if (axes_of(op, "axes", X->rank, -1, red, order, &n_order) != 0) {
        return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad axes");
    }
    int32_t m[2 + 4 * WNA_MAX_RANK];
    size_t n, count, len = split_meta(X, red, m, &n, &count);
    ocl_launch *l = ocl_launch_new(b, X->dtype, arg ? "wn_argreduce" : "wn_reduce");
    if (!l) return -1;
    if (arg) {
        int is64 = ocl_desc(b, op->outputs[0])->dtype == WNA_INT64;
        if (ocl_set_operand(b, l, 0, is64 ? -1 : (int64_t)op->outputs[0]) ||
            ocl_set_operand(b, l, 1, is64 ? (int64_t)op->outputs[0] : -1) || ocl_set_operand(b, l, 2, xi) ||
            ocl_set_meta(b, l, 3, m, len) || ocl_set_u32(b, l, 4, n) || ocl_set_u32(b, l, 5, count) ||
            ocl_set_i32(b, l, 6, code) || ocl_set_i32(b, l, 7, is64))
            return -1;
    } else if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) ||
               ocl_set_meta(b, l, 2, m, len) || ocl_set_u32(b, l, 3, n) || ocl_set_u32(b, l, 4, count) ||
               ocl_set_i32(b, l, 5, code)) {
        return -1;
    }
    ocl_range(l, n);
    return 0;
}

/* The tensor as [outer, len, inner] around axis (default: the last). */
static int axis_split(ocl_build *b, const wna_operation *op, int64_t xi, int64_t dflt, size_t *outer, size_t *len,
                      size_t *inner)
{
    const wna_desc *X = ocl_desc(b, (uint32_t)xi);
    int64_t axis = ocl_arg_int(op, "axis", dflt);
    if (axis < 0 || axis >= X->rank) return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad axis");
    *outer = *inner = 1;
    for (uint32_t i = 0; i < X->rank; i++) {
        if (i < axis) *outer *= X->dims[i];
        if (i > axis) *inner *= X->dims[i];
    }
    *len = X->dims[axis];
    return 0;
}

int ocl_build_softmax(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input");
    size_t outer, len, inner;
    if (xi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    if (axis_split(b, op, xi, (int64_t)ocl_desc(b, (uint32_t)xi)->rank - 1, &outer, &len, &inner) != 0) return -1;
    ocl_launch *l = ocl_launch_new(b, ocl_desc(b, (uint32_t)xi)->dtype, "wn_softmax");
    if (!l) return -1;
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) || ocl_set_u32(b, l, 2, outer) ||
        ocl_set_u32(b, l, 3, len) || ocl_set_u32(b, l, 4, inner))
        return -1;
    ocl_range(l, outer * inner);
    return 0;
}

int ocl_build_cumsum(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input");
    size_t outer, len, inner;
    if (xi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    if (axis_split(b, op, xi, 0, &outer, &len, &inner) != 0) return -1;
    ocl_launch *l = ocl_launch_new(b, ocl_desc(b, (uint32_t)xi)->dtype, "wn_cumsum");
    if (!l) return -1;
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) || ocl_set_u32(b, l, 2, outer) ||
        ocl_set_u32(b, l, 3, len) || ocl_set_u32(b, l, 4, inner) ||
        ocl_set_i32(b, l, 5, ocl_arg_bool(op, "exclusive", 0)) || ocl_set_i32(b, l, 6, ocl_arg_bool(op, "reversed", 0)))
        return -1;
    ocl_range(l, outer * inner);
    return 0;
}

int ocl_build_batchnorm(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input"), mi = ocl_arg_operand(op, "mean"), vi = ocl_arg_operand(op, "variance"),
            si = ocl_arg_operand(op, "scale"), bi = ocl_arg_operand(op, "bias");
    if (xi < 0 || mi < 0 || vi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi);
    int64_t axis = ocl_arg_int(op, "axis", 1);
    if (axis < 0 || axis >= X->rank) return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad axis");
    size_t inner = 1, n = ocl_count(X);
    for (uint32_t i = (uint32_t)axis + 1; i < X->rank; i++) inner *= X->dims[i];
    ocl_launch *l = ocl_launch_new(b, X->dtype, "wn_batchnorm");
    if (!l) return -1;
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) || ocl_set_operand(b, l, 2, mi) ||
        ocl_set_operand(b, l, 3, vi) || ocl_set_operand(b, l, 4, si) || ocl_set_operand(b, l, 5, bi) ||
        ocl_set_u32(b, l, 6, n) || ocl_set_u32(b, l, 7, inner) || ocl_set_u32(b, l, 8, X->dims[axis]) ||
        ocl_set_i32(b, l, 9, (si >= 0) | (bi >= 0) << 1) || ocl_set_f32(b, l, 10, ocl_arg_double(op, "epsilon", 1e-5)))
        return -1;
    ocl_range(l, n);
    return 0;
}

/* wn_norm metadata: kept dims / input strides / scale strides, then the reduced ones. */
static int norm_launch(ocl_build *b, const wna_operation *op, const int *red, const int64_t *kept_scale,
                       const int64_t *red_scale)
{
    int64_t xi = ocl_arg_operand(op, "input"), si = ocl_arg_operand(op, "scale"), bi = ocl_arg_operand(op, "bias");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi);
    int64_t s[WNA_MAX_RANK];
    ocl_strides(X, s);
    int32_t m[2 + 6 * WNA_MAX_RANK];
    int k = 0, r = 0;
    for (uint32_t i = 0; i < X->rank; i++) k += !red[i];
    r = (int)X->rank - k;
    m[0] = k;
    int32_t *rm = m + 1 + 3 * k;
    rm[0] = r;
    size_t n = 1, count = 1;
    for (uint32_t i = 0, ki = 0, ri = 0; i < X->rank; i++) {
        if (red[i]) {
            rm[1 + ri] = (int32_t)X->dims[i], rm[1 + r + ri] = (int32_t)s[i], rm[1 + 2 * r + ri] = (int32_t)red_scale[i];
            ri++, count *= X->dims[i];
        } else {
            m[1 + ki] = (int32_t)X->dims[i], m[1 + k + ki] = (int32_t)s[i], m[1 + 2 * k + ki] = (int32_t)kept_scale[i];
            ki++, n *= X->dims[i];
        }
    }
    ocl_launch *l = ocl_launch_new(b, X->dtype, "wn_norm");
    if (!l) return -1;
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) || ocl_set_operand(b, l, 2, si) ||
        ocl_set_operand(b, l, 3, bi) || ocl_set_meta(b, l, 4, m, 2 + 3 * (size_t)k + 3 * (size_t)r) ||
        ocl_set_u32(b, l, 5, n) || ocl_set_u32(b, l, 6, count) || ocl_set_i32(b, l, 7, (si >= 0) | (bi >= 0) << 1) ||
        ocl_set_f32(b, l, 8, ocl_arg_double(op, "epsilon", 1e-5)))
        return -1;
    ocl_range(l, n);
    return 0;
}

int ocl_build_instancenorm(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input");
    if (xi < 0 || ocl_desc(b, (uint32_t)xi)->rank != 4)
        return ocl_fail(b->err, WNA_OPERATION_ERROR, "instanceNormalization needs a 4-D input");
    int nhwc = strcmp(ocl_arg_string(op, "layout", "nchw"), "nhwc") == 0;
    int c = nhwc ? 3 : 1;
    int red[WNA_MAX_RANK] = {0};
    int64_t ks[WNA_MAX_RANK] = {0}, rs[WNA_MAX_RANK] = {0};
    for (int i = 1; i < 4; i++) red[i] = i != c;
    ks[c] = 1; /* scale and bias index the channel */
    return norm_launch(b, op, red, ks, rs);
}

int ocl_build_layernorm(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input");
    if (xi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi);
    int red[WNA_MAX_RANK], n_order;
    int64_t order[WNA_MAX_RANK], ks[WNA_MAX_RANK] = {0}, rs[WNA_MAX_RANK] = {0};
    if (axes_of(op, "axes", X->rank, 1, red, order, &n_order) != 0)
        return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad axes");
    /* scale has shape [dims[axes[0]], dims[axes[1]], ...], in the order the axes are given */
    int64_t acc = 1;
    for (int i = n_order; i-- > 0;) {
        rs[order[i]] = acc;
        acc *= X->dims[order[i]];
    }
    return norm_launch(b, op, red, ks, rs);
}
