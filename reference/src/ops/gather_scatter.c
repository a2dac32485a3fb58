/* gather, gatherElements, gatherND, scatterElements, scatterND. */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_gather_scatter[] = {
    {NULL, NULL, NULL},
};
