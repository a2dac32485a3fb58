/* resample2d (#api-mlgraphbuilder-resample2d-method). */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_resample[] = {
    {NULL, NULL, NULL},
};
