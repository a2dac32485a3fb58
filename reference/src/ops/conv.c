/* conv2d, convTranspose2d. */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_conv[] = {
    {NULL, NULL, NULL},
};
