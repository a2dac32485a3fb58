/* batchNormalization, instanceNormalization, layerNormalization. */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_normalization[] = {
    {NULL, NULL, NULL},
};
