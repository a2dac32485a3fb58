/* Activations: clamp, elu, gelu, hardSigmoid, hardSwish, leakyRelu, linear, prelu, relu,
 * sigmoid, softplus, softsign, tanh. Element-wise on one input; output has the input's
 * descriptor. */
#include "webnn/op.h"

#include "ops_index.h"

/* Builder steps shared by single-input activations: the output copies the input's
 * descriptor (data types and ranks were checked against the registry). */
static int build_same_as_input(wn_call *c) { return wn_add_output(c, wn_arg_desc(c, "input")); }

/* relu (#api-mlgraphbuilder-relu-method): max(0, x). Integer types compare exactly. */
static int compute_relu(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    size_t n = wn_desc_count(&y->desc);
    for (size_t i = 0; i < n; i++) {
        if (wn_dtype_is_float(x->desc.dtype)) {
            double v = wn_get_f64(x, i);
            wn_put_f64(y, i, v > 0 ? v : (v != v ? v : 0.0)); /* NaN passes through */
        } else {
            int64_t v = wn_get_i64(x, i);
            wn_put_i64(y, i, v > 0 ? v : 0);
        }
    }
    return 0;
}

const wn_op_impl wn_ops_activation[] = {
    {"relu", build_same_as_input, compute_relu},
    {NULL, NULL, NULL},
};
