/* pad (#api-mlgraphbuilder-pad). */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_pad[] = {
    {NULL, NULL, NULL},
};
