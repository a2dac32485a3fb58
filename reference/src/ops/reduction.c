/* Reductions: argMin, argMax, cumulativeSum, reduce* (#api-mlgraphbuilder-reduce). */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_reduction[] = {
    {NULL, NULL, NULL},
};
