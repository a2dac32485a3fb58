/* gru, gruCell, lstm, lstmCell. */
#include "webnn/op.h"

#include "ops_index.h"

const wn_op_impl wn_ops_recurrent[] = {
    {NULL, NULL, NULL},
};
