/* TEMPORARY: empty kernel sets for the files helper B writes (binary.c, unary.c, reduce.c,
 * softmax.c, norm.c), so the adapter links before they exist. Delete once they are merged. */
#include "obl.h"

const obl_kernel_set obl_set_binary = {0, 0};
const obl_kernel_set obl_set_unary = {0, 0};
const obl_kernel_set obl_set_reduce = {0, 0};
const obl_kernel_set obl_set_softmax = {0, 0};
const obl_kernel_set obl_set_norm = {0, 0};
