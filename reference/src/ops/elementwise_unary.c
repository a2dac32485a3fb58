/* Element-wise unary operations (#api-mlgraphbuilder-unary). */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_elementwise_unary[] = {
    {NULL, NULL, NULL},
};
