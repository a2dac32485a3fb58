/* where (#api-mlgraphbuilder-where): out = condition != 0 ? trueValue : falseValue, the
 * three operands broadcast bidirectionally together. Elements are copied bit for bit. */
#include <string.h>

#include "webnn/op.h"

#include "ops_index.h"

/* Builder steps: condition is uint8 and falseValue has trueValue's type (registry rules);
 * outputShape = broadcast(trueValue, falseValue), then broadcast(condition, outputShape),
 * each failure a TypeError; the output takes trueValue's data type. */
static int build_where(wn_call *c)
{
    const wn_desc *cond = wn_arg_desc(c, "condition");
    const wn_desc *tv = wn_arg_desc(c, "trueValue");
    const wn_desc *fv = wn_arg_desc(c, "falseValue");
    wn_desc values = *tv, out = *tv;
    if (wn_broadcast_bidirectional(tv, fv, &values, c->err) != 0) return -1;
    if (wn_broadcast_bidirectional(cond, &values, &out, c->err) != 0) return -1;
    out.dtype = tv->dtype;
    return wn_add_output(c, &out);
}

static int compute_where(wn_call *c)
{
    const wn_tensor *cond = wn_in(c, "condition");
    const wn_tensor *tv = wn_in(c, "trueValue");
    const wn_tensor *fv = wn_in(c, "falseValue");
    wn_tensor *out = wn_out(c, 0);
    size_t size = wn_dtype_size(out->desc.dtype);
    uint32_t coords[WN_MAX_RANK];
    size_t n = wn_desc_count(&out->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&out->desc, i, coords);
        bool take_true = wn_get_u64(cond, wn_broadcast_index(&cond->desc, &out->desc, coords)) != 0;
        const wn_tensor *src = take_true ? tv : fv;
        size_t j = wn_broadcast_index(&src->desc, &out->desc, coords);
        memcpy((char *)out->data + i * size, (const char *)src->data + j * size, size);
    }
    return 0;
}

const wn_op_impl wn_ops_where[] = {
    {"where", build_where, compute_where},
    {NULL, NULL, NULL},
};
