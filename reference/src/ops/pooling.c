/* averagePool2d, l2Pool2d, maxPool2d (#api-mlgraphbuilder-pool2d). */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_pooling[] = {
    {NULL, NULL, NULL},
};
