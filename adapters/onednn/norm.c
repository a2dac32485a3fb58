#include "dnn.h"
static const dnn_op ops[1];
const dnn_op_set dnn_set_norm = {ops, 0};
