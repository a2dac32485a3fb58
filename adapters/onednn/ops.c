/* The oneDNN adapter's op table: every op set (one per source file), looked up by name. The
 * limits of each entry are its opSupportLimits; adapters/onednn/README.md lists them. */
#include <string.h>

#include "dnn.h"

static const dnn_op_set *const sets[] = {
    &dnn_set_eltwise, &dnn_set_binary, &dnn_set_matmul, &dnn_set_conv,
    &dnn_set_reduce,  &dnn_set_norm,   &dnn_set_movement, &dnn_set_resample, &dnn_set_rnn,
};
#define N_SETS (sizeof sets / sizeof sets[0])

uint32_t dnn_op_count(void)
{
    uint32_t n = 0;
    for (size_t s = 0; s < N_SETS; s++) n += sets[s]->n;
    return n;
}

const dnn_op *dnn_op_at(uint32_t i)
{
    for (size_t s = 0; s < N_SETS; s++) {
        if (i < sets[s]->n) return &sets[s]->ops[i];
        i -= sets[s]->n;
    }
    return NULL;
}

const dnn_op *dnn_find_op(const char *op)
{
    for (uint32_t i = 0, n = dnn_op_count(); i < n; i++)
        if (strcmp(dnn_op_at(i)->op, op) == 0) return dnn_op_at(i);
    return NULL;
}
