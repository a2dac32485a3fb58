/* Element-wise logical operations (#api-mlgraphbuilder-logical). */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_logical[] = {
    {NULL, NULL, NULL},
};
