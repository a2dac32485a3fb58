/* Data movement: every op here is one or more strided copies of element bits (wn_copy), plus
 * pad, gather, tile, triangular and cast. */
#include <string.h>

#include "ocl.h"
#include "opcodes.h"

/* One wn_copy: out[out_off + sum(i_d * os_d)] = in[in_off + sum(i_d * is_d)] over dims. */
static int copy_launch(ocl_build *b, uint32_t out, int64_t in, uint32_t rank, const uint32_t *dims, const int64_t *is,
                       const int64_t *os, int64_t in_off, int64_t out_off)
{
    int32_t m[3 + 3 * WNA_MAX_RANK];
    size_t n = 1;
    m[0] = (int32_t)rank;
    for (uint32_t i = 0; i < rank; i++) {
        m[1 + i] = (int32_t)dims[i];
        m[1 + rank + i] = (int32_t)is[i];
        m[1 + 2 * rank + i] = (int32_t)os[i];
        n *= dims[i];
    }
    m[1 + 3 * rank] = (int32_t)in_off;
    m[2 + 3 * rank] = (int32_t)out_off;
    ocl_launch *l = ocl_launch_new(b, ocl_desc(b, out)->dtype, "wn_copy");
    if (!l) return -1;
    if (ocl_set_operand(b, l, 0, out) || ocl_set_operand(b, l, 1, in) || ocl_set_meta(b, l, 2, m, 3 + 3 * (size_t)rank) ||
        ocl_set_u32(b, l, 3, n))
        return -1;
    ocl_range(l, n);
    return 0;
}

/* identity, reshape, transpose, expand, slice, reverse: the output read from the input
 * through per-axis strides. */
int ocl_build_copy_op(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input");
    if (xi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi), *Y = ocl_desc(b, op->outputs[0]);
    int64_t xs[WNA_MAX_RANK], ys[WNA_MAX_RANK], is[WNA_MAX_RANK], off = 0;
    ocl_strides(X, xs);
    ocl_strides(Y, ys);
    const char *name = op->op;
    if (strcmp(name, "identity") == 0 || strcmp(name, "reshape") == 0) {
        uint32_t n = (uint32_t)ocl_count(Y);
        int64_t one = 1;
        return copy_launch(b, op->outputs[0], xi, 1, &n, &one, &one, 0, 0);
    }
    if (strcmp(name, "transpose") == 0) {
        int64_t perm[WNA_MAX_RANK];
        int n = ocl_arg_ints(op, "permutation", perm, WNA_MAX_RANK);
        if (n < 0)
            for (uint32_t i = 0; i < X->rank; i++) perm[i] = X->rank - 1 - i;
        for (uint32_t i = 0; i < Y->rank; i++) {
            if (perm[i] < 0 || perm[i] >= X->rank) return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad permutation");
            is[i] = xs[perm[i]];
        }
    } else if (strcmp(name, "expand") == 0) {
        int32_t s[WNA_MAX_RANK];
        ocl_bcast_strides(X, Y->rank, Y, s);
        for (uint32_t i = 0; i < Y->rank; i++) is[i] = s[i];
    } else if (strcmp(name, "slice") == 0) {
        int64_t starts[WNA_MAX_RANK], steps[WNA_MAX_RANK];
        if (ocl_arg_ints(op, "starts", starts, WNA_MAX_RANK) != (int)X->rank)
            return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad starts");
        if (ocl_arg_ints(op, "strides", steps, WNA_MAX_RANK) < 0)
            for (uint32_t i = 0; i < X->rank; i++) steps[i] = 1;
        for (uint32_t i = 0; i < X->rank; i++) {
            is[i] = xs[i] * steps[i];
            off += starts[i] * xs[i];
        }
    } else if (strcmp(name, "reverse") == 0) {
        int red[WNA_MAX_RANK] = {0};
        int64_t ax[WNA_MAX_RANK];
        int n = ocl_arg_ints(op, "axes", ax, WNA_MAX_RANK);
        for (int i = 0; i < (n < 0 ? (int)X->rank : n); i++) {
            int64_t a = n < 0 ? i : ax[i];
            if (a < 0 || a >= X->rank) return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad axes");
            red[a] = 1;
        }
        for (uint32_t i = 0; i < X->rank; i++) {
            is[i] = red[i] ? -xs[i] : xs[i];
            if (red[i]) off += (int64_t)(X->dims[i] - 1) * xs[i];
        }
    } else {
        return ocl_fail(b->err, WNA_NOT_SUPPORTED_ERROR, "internal: %s is no copy op", name);
    }
    return copy_launch(b, op->outputs[0], xi, Y->rank, Y->dims, is, ys, off, 0);
}

int ocl_build_split(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input");
    if (xi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi);
    int64_t axis = ocl_arg_int(op, "axis", 0), xs[WNA_MAX_RANK], start = 0;
    if (axis < 0 || axis >= X->rank) return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad axis");
    ocl_strides(X, xs);
    for (uint32_t k = 0; k < op->n_outputs; k++) {
        const wna_desc *Y = ocl_desc(b, op->outputs[k]);
        int64_t ys[WNA_MAX_RANK];
        ocl_strides(Y, ys);
        if (copy_launch(b, op->outputs[k], xi, Y->rank, Y->dims, xs, ys, start * xs[axis], 0) != 0) return -1;
        start += Y->dims[axis];
    }
    return 0;
}

int ocl_build_concat(ocl_build *b, const wna_operation *op)
{
    const wna_arg *a = ocl_arg(op, "inputs");
    if (!a || a->kind != WNA_ARG_OPERAND_LIST) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing inputs");
    const wna_desc *Y = ocl_desc(b, op->outputs[0]);
    int64_t axis = ocl_arg_int(op, "axis", 0), ys[WNA_MAX_RANK], start = 0;
    if (axis < 0 || axis >= Y->rank) return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad axis");
    ocl_strides(Y, ys);
    for (uint32_t k = 0; k < a->count; k++) {
        const wna_desc *X = ocl_desc(b, a->u.operands[k]);
        int64_t xs[WNA_MAX_RANK];
        ocl_strides(X, xs);
        if (copy_launch(b, op->outputs[0], a->u.operands[k], X->rank, X->dims, xs, ys, 0, start * ys[axis]) != 0)
            return -1;
        start += X->dims[axis];
    }
    return 0;
}

int ocl_build_pad(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input");
    if (xi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi), *Y = ocl_desc(b, op->outputs[0]);
    int64_t begin[WNA_MAX_RANK], xs[WNA_MAX_RANK];
    if (ocl_arg_ints(op, "beginningPadding", begin, WNA_MAX_RANK) != (int)X->rank)
        return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad beginningPadding");
    ocl_strides(X, xs);
    const char *mode = ocl_arg_string(op, "mode", "constant");
    int code = strcmp(mode, "edge") == 0 ? PAD_EDGE : strcmp(mode, "reflection") == 0 ? PAD_REFLECTION : PAD_CONSTANT;
    if (strcmp(mode, "constant") != 0 && code == PAD_CONSTANT)
        return ocl_fail(b->err, WNA_NOT_SUPPORTED_ERROR, "padding mode %s", mode);
    uint32_t r = X->rank;
    int32_t m[1 + 4 * WNA_MAX_RANK];
    m[0] = (int32_t)r;
    for (uint32_t i = 0; i < r; i++) {
        m[1 + i] = (int32_t)Y->dims[i];
        m[1 + r + i] = (int32_t)X->dims[i];
        m[1 + 2 * r + i] = (int32_t)begin[i];
        m[1 + 3 * r + i] = (int32_t)xs[i];
    }
    const wna_arg *va = ocl_arg(op, "value");
    wna_number zero = {WNA_NUM_FLOAT, 0, 0, 0};
    ocl_launch *l = ocl_launch_new(b, X->dtype, "wn_pad");
    if (!l) return -1;
    size_t n = ocl_count(Y);
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) ||
        ocl_set_meta(b, l, 2, m, 1 + 4 * (size_t)r) || ocl_set_u32(b, l, 3, n) || ocl_set_i32(b, l, 4, code) ||
        ocl_set_number(b, l, 5, X->dtype, va && va->kind == WNA_ARG_NUMBER ? &va->u.number : &zero))
        return -1;
    ocl_range(l, n);
    return 0;
}

int ocl_build_gather(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input"), ii = ocl_arg_operand(op, "indices");
    if (xi < 0 || ii < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi), *I = ocl_desc(b, (uint32_t)ii), *Y = ocl_desc(b, op->outputs[0]);
    int64_t axis = ocl_arg_int(op, "axis", 0);
    if (axis < 0 || axis >= X->rank) return ocl_fail(b->err, WNA_OPERATION_ERROR, "bad axis");
    int itype = I->dtype == WNA_INT32 ? 0 : I->dtype == WNA_UINT32 ? 1 : I->dtype == WNA_INT64 ? 2 : -1;
    if (itype < 0) return ocl_fail(b->err, WNA_NOT_SUPPORTED_ERROR, "indices data type %d", (int)I->dtype);
    size_t inner = 1;
    for (uint32_t i = (uint32_t)axis + 1; i < X->rank; i++) inner *= X->dims[i];
    ocl_launch *l = ocl_launch_new(b, X->dtype, "wn_gather");
    if (!l) return -1;
    size_t n = ocl_count(Y);
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) || ocl_set_operand(b, l, 2, ii) ||
        ocl_set_u32(b, l, 3, n) || ocl_set_u32(b, l, 4, X->dims[axis]) || ocl_set_u32(b, l, 5, inner) ||
        ocl_set_u32(b, l, 6, ocl_count(I)) || ocl_set_i32(b, l, 7, itype))
        return -1;
    ocl_range(l, n);
    return 0;
}

int ocl_build_cast(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input");
    if (xi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi), *Y = ocl_desc(b, op->outputs[0]);
    ocl_launch *l = ocl_launch_new(b, X->dtype, "wn_cast");
    if (!l) return -1;
    size_t n = ocl_count(Y);
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) || ocl_set_u32(b, l, 2, n) ||
        ocl_set_i32(b, l, 3, Y->dtype))
        return -1;
    ocl_range(l, n);
    return 0;
}

int ocl_build_tile(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input");
    if (xi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi), *Y = ocl_desc(b, op->outputs[0]);
    int64_t xs[WNA_MAX_RANK];
    ocl_strides(X, xs);
    uint32_t r = X->rank;
    int32_t m[1 + 3 * WNA_MAX_RANK];
    m[0] = (int32_t)r;
    for (uint32_t i = 0; i < r; i++) {
        m[1 + i] = (int32_t)Y->dims[i];
        m[1 + r + i] = (int32_t)X->dims[i];
        m[1 + 2 * r + i] = (int32_t)xs[i];
    }
    ocl_launch *l = ocl_launch_new(b, X->dtype, "wn_tile");
    if (!l) return -1;
    size_t n = ocl_count(Y);
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) ||
        ocl_set_meta(b, l, 2, m, 1 + 3 * (size_t)r) || ocl_set_u32(b, l, 3, n))
        return -1;
    ocl_range(l, n);
    return 0;
}

int ocl_build_triangular(ocl_build *b, const wna_operation *op)
{
    int64_t xi = ocl_arg_operand(op, "input");
    if (xi < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *X = ocl_desc(b, (uint32_t)xi);
    if (X->rank < 2) return ocl_fail(b->err, WNA_NOT_SUPPORTED_ERROR, "triangular needs rank 2 or more");
    ocl_launch *l = ocl_launch_new(b, X->dtype, "wn_triangular");
    if (!l) return -1;
    size_t n = ocl_count(X);
    cl_long diagonal = ocl_arg_int(op, "diagonal", 0);
    if (ocl_set_operand(b, l, 0, op->outputs[0]) || ocl_set_operand(b, l, 1, xi) || ocl_set_u32(b, l, 2, n) ||
        ocl_set_u32(b, l, 3, X->dims[X->rank - 2]) || ocl_set_u32(b, l, 4, X->dims[X->rank - 1]) ||
        ocl_set_i32(b, l, 5, ocl_arg_bool(op, "upper", 1)) || ocl_set_scalar(b, l, 6, sizeof diagonal, &diagonal))
        return -1;
    ocl_range(l, n);
    return 0;
}
