/* matmul, gemm. */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_matmul[] = {
    {NULL, NULL, NULL},
};
