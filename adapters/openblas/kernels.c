/* The kernel table of the OpenBLAS adapter: every op it implements, found by name. An op not
 * listed here is absent from opSupportLimits, so the runner never hands it to this adapter. */
#include <string.h>

#include "obl.h"

static const obl_kernel_set *const sets[] = {
    &obl_set_gemm, &obl_set_conv,   &obl_set_pool,    &obl_set_binary,
    &obl_set_unary, &obl_set_reduce, &obl_set_softmax, &obl_set_norm,
    &obl_set_movement,
};
#define N_SETS (sizeof sets / sizeof sets[0])

uint32_t obl_kernel_count(void)
{
    uint32_t n = 0;
    for (size_t s = 0; s < N_SETS; s++) n += sets[s]->n;
    return n;
}

const obl_kernel *obl_kernel_at(uint32_t i)
{
    for (size_t s = 0; s < N_SETS; s++) {
        if (i < sets[s]->n) return &sets[s]->kernels[i];
        i -= sets[s]->n;
    }
    return NULL;
}

const obl_kernel *obl_find_kernel(const char *op)
{
    for (uint32_t i = 0, n = obl_kernel_count(); i < n; i++) {
        const obl_kernel *k = obl_kernel_at(i);
        if (strcmp(k->op, op) == 0) return k;
    }
    return NULL;
}
