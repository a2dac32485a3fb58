/* Element-wise logical operations: equal, notEqual, greater, greaterOrEqual, lesser,
 * lesserOrEqual, logicalNot, logicalAnd, logicalOr, logicalXor, isNaN, isInfinite
 * (#api-mlgraphbuilder-logical). Results are uint8 0 or 1. Comparisons are exact in each
 * type's own domain: floats as doubles (IEEE: any comparison with NaN is false except
 * notEqual), signed integers as int64, unsigned integers as uint64 -- never through
 * double, so 64-bit values beyond 2^53 compare exactly. */
#include <math.h>

#include "webnn/op.h"

#include "ops_index.h"

/* "create an element-wise logical operation" given a and b: the uint8-only rule of the
 * logical* ops, the float-only rule of isNaN/isInfinite and b's type equal to a's are
 * registry rules checked before this runs; the output shape is the bidirectional
 * broadcast of a and b (failure -> TypeError), data type uint8. */
static int build_logical_binary(wn_call *c)
{
    const wn_desc *a = wn_arg_desc(c, "a");
    const wn_desc *b = wn_arg_desc(c, "b");
    wn_desc out = *a;
    if (wn_broadcast_bidirectional(a, b, &out, c->err) != 0) return -1;
    out.dtype = WN_UINT8;
    return wn_add_output(c, &out);
}

/* ... given a only: the output shape is a clone of a's shape, data type uint8. */
static int build_logical_unary(wn_call *c)
{
    wn_desc out = *wn_arg_desc(c, "a");
    out.dtype = WN_UINT8;
    return wn_add_output(c, &out);
}

/* The three orderings a comparison can see, plus "unordered" (a NaN operand). */
typedef enum order { LESS, EQUAL, GREATER, UNORDERED } order;

static order compare_at(const wn_tensor *a, size_t ia, const wn_tensor *b, size_t ib)
{
    wn_dtype t = a->desc.dtype;
    if (wn_dtype_is_float(t)) {
        double x = wn_get_f64(a, ia), y = wn_get_f64(b, ib);
        if (isnan(x) || isnan(y)) return UNORDERED;
        return x < y ? LESS : x > y ? GREATER : EQUAL; /* -0 == +0 */
    }
    if (wn_dtype_is_signed_int(t)) {
        int64_t x = wn_get_i64(a, ia), y = wn_get_i64(b, ib);
        return x < y ? LESS : x > y ? GREATER : EQUAL;
    }
    uint64_t x = wn_get_u64(a, ia), y = wn_get_u64(b, ib);
    return x < y ? LESS : x > y ? GREATER : EQUAL;
}

/* For every output element: compare a and b at their broadcast positions. */
static int compute_comparison(wn_call *c, bool (*holds)(order))
{
    const wn_tensor *a = wn_in(c, "a");
    const wn_tensor *b = wn_in(c, "b");
    wn_tensor *out = wn_out(c, 0);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        size_t ia = wn_broadcast_index(&a->desc, &out->desc, coords);
        size_t ib = wn_broadcast_index(&b->desc, &out->desc, coords);
        wn_put_u64(out, i, holds(compare_at(a, ia, b, ib)) ? 1u : 0u);
    }
    return 0;
}

static bool is_equal(order o) { return o == EQUAL; }
static bool is_not_equal(order o) { return o != EQUAL; }
static bool is_greater(order o) { return o == GREATER; }
/* defined directly (not as logicalNot(lesser)), so an unordered pair gives 0 */
static bool is_greater_or_equal(order o) { return o == GREATER || o == EQUAL; }
static bool is_lesser(order o) { return o == LESS; }
static bool is_lesser_or_equal(order o) { return o == LESS || o == EQUAL; }

static int compute_equal(wn_call *c) { return compute_comparison(c, is_equal); }
static int compute_notEqual(wn_call *c) { return compute_comparison(c, is_not_equal); }
static int compute_greater(wn_call *c) { return compute_comparison(c, is_greater); }
static int compute_greaterOrEqual(wn_call *c) { return compute_comparison(c, is_greater_or_equal); }
static int compute_lesser(wn_call *c) { return compute_comparison(c, is_lesser); }
static int compute_lesserOrEqual(wn_call *c) { return compute_comparison(c, is_lesser_or_equal); }

/* logicalAnd / Or / Xor: uint8 operands, any non-zero value is true. */
static int compute_logical_binary(wn_call *c, bool (*fn)(bool, bool))
{
    const wn_tensor *a = wn_in(c, "a");
    const wn_tensor *b = wn_in(c, "b");
    wn_tensor *out = wn_out(c, 0);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        bool x = wn_get_u64(a, wn_broadcast_index(&a->desc, &out->desc, coords)) != 0;
        bool y = wn_get_u64(b, wn_broadcast_index(&b->desc, &out->desc, coords)) != 0;
        wn_put_u64(out, i, fn(x, y) ? 1u : 0u);
    }
    return 0;
}

static bool and_fn(bool x, bool y) { return x && y; }
static bool or_fn(bool x, bool y) { return x || y; }
static bool xor_fn(bool x, bool y) { return x != y; }
static int compute_logicalAnd(wn_call *c) { return compute_logical_binary(c, and_fn); }
static int compute_logicalOr(wn_call *c) { return compute_logical_binary(c, or_fn); }
static int compute_logicalXor(wn_call *c) { return compute_logical_binary(c, xor_fn); }

/* logicalNot (uint8, non-zero -> 0, zero -> 1), isNaN, isInfinite: one operand. */
static int compute_logical_unary(wn_call *c, bool (*fn)(const wn_tensor *, size_t))
{
    const wn_tensor *a = wn_in(c, "a");
    wn_tensor *out = wn_out(c, 0);
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) wn_put_u64(out, i, fn(a, i) ? 1u : 0u);
    return 0;
}

static bool not_fn(const wn_tensor *a, size_t i) { return wn_get_u64(a, i) == 0; }
static bool nan_fn(const wn_tensor *a, size_t i) { return isnan(wn_get_f64(a, i)); }
static bool inf_fn(const wn_tensor *a, size_t i) { return isinf(wn_get_f64(a, i)); }
static int compute_logicalNot(wn_call *c) { return compute_logical_unary(c, not_fn); }
static int compute_isNaN(wn_call *c) { return compute_logical_unary(c, nan_fn); }
static int compute_isInfinite(wn_call *c) { return compute_logical_unary(c, inf_fn); }

const wn_op_impl wn_ops_logical[] = {
    {"equal", build_logical_binary, compute_equal},
    {"notEqual", build_logical_binary, compute_notEqual},
    {"greater", build_logical_binary, compute_greater},
    {"greaterOrEqual", build_logical_binary, compute_greaterOrEqual},
    {"lesser", build_logical_binary, compute_lesser},
    {"lesserOrEqual", build_logical_binary, compute_lesserOrEqual},
    {"logicalNot", build_logical_unary, compute_logicalNot},
    {"logicalAnd", build_logical_binary, compute_logicalAnd},
    {"logicalOr", build_logical_binary, compute_logicalOr},
    {"logicalXor", build_logical_binary, compute_logicalXor},
    {"isNaN", build_logical_unary, compute_isNaN},
    {"isInfinite", build_logical_unary, compute_isInfinite},
    {NULL, NULL, NULL},
};
