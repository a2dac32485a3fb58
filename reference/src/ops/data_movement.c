/* concat, expand, reshape, reverse, slice, split, tile, transpose, triangular. */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_data_movement[] = {
    {NULL, NULL, NULL},
};
