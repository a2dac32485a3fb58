/* One operation with arguments drawn from the bytes: the per-parameter registry rules of
 * fuzz_interp.c, or (three times in four, where one exists) a shape-aware generator of
 * fuzz_interp_shapes.c. Shared by fuzz_interp.c and the differential fuzzer (runner/fuzz/). */
#ifndef FUZZ_INTERP_OPS_H
#define FUZZ_INTERP_OPS_H

#include <stdbool.h>
#include <stdint.h>

#include "fuzz_interp_shapes.h"

/* Adds an operation of `spec` to B->g, its results named "op<op_no>_<k>". The graph is not
 * validated here. *shaped: whether the shape-aware generator was used; *n_outputs: the
 * number of results. 0 when added, -1 when an operand or an allocation was refused. */
int fz_add_op(fz_builder *B, const wn_op_spec *spec, uint32_t op_no, bool *shaped, uint32_t *n_outputs);

#endif
