/* cast (#api-mlgraphbuilder-cast): converts every element to the dataType argument's
 * type, per the spec's cast() behaviour table (not the scalar "cast" algorithm):
 *   float -> float: nearest representable, +-Inf when out of range;
 *   float -> int:   truncated toward zero when in range; out of range and NaN are
 *                   implementation-defined: we saturate and map NaN to 0 (part1.md);
 *   int -> float:   nearest representable (rounded once from the exact integer), +-Inf
 *                   when out of range;
 *   int -> int:     same value when in range, else the low N bits (two's complement).
 * 64-bit integers never pass through double. */
#include "webnn/op.h"

#include "ops_index.h"

/* Builder steps: every data type is an allowed output type (the table says "any"), so the
 * dataType check cannot fail once the IDL enum conversion passed. The output is a copy of
 * the input operand with its data type set to dataType (spec defect: the algorithm
 * copies the input and never sets the type, part1.md). */
static int build_cast(wn_call *c)
{
    wn_desc out = *wn_arg_desc(c, "input");
    out.dtype = wn_arg_dtype(c, "dataType", out.dtype);
    return wn_add_output(c, &out);
}

static int compute_cast(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    wn_dtype from = x->desc.dtype;
    size_t n = wn_desc_count(&y->desc);
    for (size_t i = 0; i < n; i++) {
        if (wn_dtype_is_float(from))
            wn_put_f64(y, i, wn_get_f64(x, i)); /* rounds once; to integers: truncate, saturate, NaN -> 0 */
        else if (wn_dtype_is_signed_int(from))
            wn_put_i64(y, i, wn_get_i64(x, i)); /* to integers: low bits; to floats: rounds once */
        else
            wn_put_u64(y, i, wn_get_u64(x, i));
    }
    return 0;
}

const wn_op_impl wn_ops_cast[] = {
    {"cast", build_cast, compute_cast},
    {NULL, NULL, NULL},
};
