/* quantizeLinear, dequantizeLinear. */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_quantization[] = {
    {NULL, NULL, NULL},
};
