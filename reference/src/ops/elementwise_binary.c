/* Element-wise binary operations: add, sub, mul, div, max, min, pow
 * (#api-mlgraphbuilder-binary). Operands broadcast bidirectionally; the output has a's
 * data type. Floats compute in double and round once; integers compute exactly in 64 bits
 * and wrap to the element width on store. */
#include "webnn/op.h"

#include "ops_index.h"

/* Builder steps shared by the family: b's type equals a's (registry rule), then the
 * output shape is the bidirectional broadcast of the two shapes. */
static int build_binary(wn_call *c)
{
    const wn_desc *a = wn_arg_desc(c, "a");
    const wn_desc *b = wn_arg_desc(c, "b");
    wn_desc out = *a;
    if (wn_broadcast_bidirectional(a, b, &out, c->err) != 0) return -1;
    return wn_add_output(c, &out);
}

typedef struct binary_fns {
    double (*f)(double, double);
    int64_t (*i)(int64_t, int64_t);     /* signed types */
    uint64_t (*u)(uint64_t, uint64_t);  /* unsigned types */
} binary_fns;

/* For every output element: read a and b at their broadcast positions, apply, store. */
static int compute_binary(wn_call *c, const binary_fns *fn)
{
    const wn_tensor *a = wn_in(c, "a");
    const wn_tensor *b = wn_in(c, "b");
    wn_tensor *out = wn_out(c, 0);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    wn_dtype t = out->desc.dtype;
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        size_t ia = wn_broadcast_index(&a->desc, &out->desc, coords);
        size_t ib = wn_broadcast_index(&b->desc, &out->desc, coords);
        if (wn_dtype_is_float(t))
            wn_put_f64(out, i, fn->f(wn_get_f64(a, ia), wn_get_f64(b, ib)));
        else if (wn_dtype_is_signed_int(t))
            wn_put_i64(out, i, fn->i(wn_get_i64(a, ia), wn_get_i64(b, ib)));
        else
            wn_put_u64(out, i, fn->u(wn_get_u64(a, ia), wn_get_u64(b, ib)));
    }
    return 0;
}

/* add: a + b. Signed sums are formed in uint64 so that int64 overflow wraps instead of
 * being undefined behaviour. */
static double add_f(double x, double y) { return x + y; }
static int64_t add_i(int64_t x, int64_t y) { return (int64_t)((uint64_t)x + (uint64_t)y); }
static uint64_t add_u(uint64_t x, uint64_t y) { return x + y; }
static const binary_fns add_fns = {add_f, add_i, add_u};
static int compute_add(wn_call *c) { return compute_binary(c, &add_fns); }

const wn_op_impl wn_ops_elementwise_binary[] = {
    {"add", build_binary, compute_add},
    {NULL, NULL, NULL},
};
