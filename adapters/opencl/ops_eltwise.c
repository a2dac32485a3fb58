/* Element-wise ops: unary math and activations, binary arithmetic with broadcasting,
 * comparisons and logical ops, isNaN/isInfinite, where. */
#include <math.h>
#include <string.h>

#include "ocl.h"
#include "opcodes.h"

/* The single result of an operation. */
static uint32_t result(const wna_operation *op) { return op->outputs[0]; }

/* First operand argument among the names (the IDL calls it input or a). */
static int64_t first_operand(const wna_operation *op)
{
    int64_t x = ocl_arg_operand(op, "input");
    return x >= 0 ? x : ocl_arg_operand(op, "a");
}

typedef struct param_default {
    int code;
    const char *p0, *p1;
    double d0, d1;
} param_default;

static const param_default params[] = {
    {U_ELU, "alpha", NULL, 1.0, 0},
    {U_HARDSIGMOID, "alpha", "beta", 0.2, 0.5},
    {U_LEAKYRELU, "alpha", NULL, 0.01, 0},
    {U_LINEAR, "alpha", "beta", 1.0, 0.0},
    {U_CLAMP, "minValue", "maxValue", -INFINITY, INFINITY},
};

/* A number argument as given, or the default (for integer clamp the defaults saturate to the
 * type's range in ocl_set_number). */
static wna_number number_arg(const wna_operation *op, const char *name, double dflt)
{
    const wna_arg *a = name ? ocl_arg(op, name) : NULL;
    if (a && a->kind == WNA_ARG_NUMBER) return a->u.number;
    wna_number n = {WNA_NUM_FLOAT, dflt, 0, 0};
    return n;
}

int ocl_build_unary(ocl_build *b, const wna_operation *op, int code)
{
    int64_t x = first_operand(op);
    if (x < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "no input");
    const wna_desc *d = ocl_desc(b, (uint32_t)x);
    wna_number p0 = {WNA_NUM_FLOAT, 0, 0, 0}, p1 = p0;
    for (size_t i = 0; i < sizeof params / sizeof params[0]; i++)
        if (params[i].code == code) {
            p0 = number_arg(op, params[i].p0, params[i].d0);
            p1 = number_arg(op, params[i].p1, params[i].d1);
        }
    ocl_launch *l = ocl_launch_new(b, d->dtype, "wn_unary");
    if (!l) return -1;
    size_t n = ocl_count(d);
    if (ocl_set_operand(b, l, 0, result(op)) || ocl_set_operand(b, l, 1, x) || ocl_set_u32(b, l, 2, n) ||
        ocl_set_i32(b, l, 3, code) || ocl_set_number(b, l, 4, d->dtype, &p0) || ocl_set_number(b, l, 5, d->dtype, &p1))
        return -1;
    ocl_range(l, n);
    return 0;
}

static int same_shape(const wna_desc *a, const wna_desc *b)
{
    if (a->rank != b->rank) return 0;
    for (uint32_t i = 0; i < a->rank; i++)
        if (a->dims[i] != b->dims[i]) return 0;
    return 1;
}

/* Broadcast metadata for operands ops[0..k) against out: rank, dims, strides per operand.
 * Operands of the output's shape (or single elements) collapse to one axis. */
static int bcast_meta(ocl_build *b, ocl_launch *l, uint32_t arg, const wna_desc *out, const uint32_t *ops, int k)
{
    int32_t m[1 + 5 * WNA_MAX_RANK];
    int simple = 1;
    for (int j = 0; j < k; j++) {
        const wna_desc *d = ocl_desc(b, ops[j]);
        simple &= same_shape(d, out) || ocl_count(d) == 1;
    }
    if (simple) {
        m[0] = 1;
        m[1] = (int32_t)ocl_count(out);
        for (int j = 0; j < k; j++) m[2 + j] = ocl_count(ocl_desc(b, ops[j])) == 1 && m[1] != 1 ? 0 : 1;
        return ocl_set_meta(b, l, arg, m, 2 + (size_t)k);
    }
    uint32_t r = out->rank;
    m[0] = (int32_t)r;
    for (uint32_t i = 0; i < r; i++) m[1 + i] = (int32_t)out->dims[i];
    for (int j = 0; j < k; j++) ocl_bcast_strides(ocl_desc(b, ops[j]), r, out, m + 1 + (1 + j) * r);
    return ocl_set_meta(b, l, arg, m, 1 + (1 + (size_t)k) * r);
}

static int two_operand(ocl_build *b, const wna_operation *op, const char *kernel, int code, int dtype, uint32_t x,
                       uint32_t y)
{
    const wna_desc *out = ocl_desc(b, result(op));
    ocl_launch *l = ocl_launch_new(b, dtype, kernel);
    if (!l) return -1;
    uint32_t ops[2] = {x, y};
    size_t n = ocl_count(out);
    if (ocl_set_operand(b, l, 0, result(op)) || ocl_set_operand(b, l, 1, x) || ocl_set_operand(b, l, 2, y) ||
        bcast_meta(b, l, 3, out, ops, 2) || ocl_set_u32(b, l, 4, n) || ocl_set_i32(b, l, 5, code))
        return -1;
    ocl_range(l, n);
    return 0;
}

int ocl_build_binary(ocl_build *b, const wna_operation *op, int code)
{
    int64_t x = first_operand(op), y = ocl_arg_operand(op, code == B_PRELU ? "slope" : "b");
    if (x < 0 || y < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    return two_operand(b, op, "wn_binary", code, ocl_desc(b, (uint32_t)x)->dtype, (uint32_t)x, (uint32_t)y);
}

int ocl_build_compare(ocl_build *b, const wna_operation *op, int code)
{
    int64_t x = first_operand(op), y = code >= C_ISNAN ? x : ocl_arg_operand(op, "b");
    if (x < 0 || y < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    return two_operand(b, op, "wn_compare", code, ocl_desc(b, (uint32_t)x)->dtype, (uint32_t)x, (uint32_t)y);
}

int ocl_build_where(ocl_build *b, const wna_operation *op)
{
    int64_t c = ocl_arg_operand(op, "condition"), t = ocl_arg_operand(op, "trueValue"),
            f = ocl_arg_operand(op, "falseValue");
    if (c < 0 || t < 0 || f < 0) return ocl_fail(b->err, WNA_OPERATION_ERROR, "missing operand");
    const wna_desc *out = ocl_desc(b, result(op));
    ocl_launch *l = ocl_launch_new(b, out->dtype, "wn_where");
    if (!l) return -1;
    uint32_t ops[3] = {(uint32_t)c, (uint32_t)t, (uint32_t)f};
    size_t n = ocl_count(out);
    if (ocl_set_operand(b, l, 0, result(op)) || ocl_set_operand(b, l, 1, c) || ocl_set_operand(b, l, 2, t) ||
        ocl_set_operand(b, l, 3, f) || bcast_meta(b, l, 4, out, ops, 3) || ocl_set_u32(b, l, 5, n))
        return -1;
    ocl_range(l, n);
    return 0;
}
