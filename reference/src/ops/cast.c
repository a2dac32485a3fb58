/* cast (#api-mlgraphbuilder-cast). */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_cast[] = {
    {NULL, NULL, NULL},
};
