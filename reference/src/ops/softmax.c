/* softmax (#api-mlgraphbuilder-softmax-method). */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_softmax[] = {
    {NULL, NULL, NULL},
};
