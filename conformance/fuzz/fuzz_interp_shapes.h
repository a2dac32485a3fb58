/* Shape-aware argument generation for fuzz_interp.c: for operations whose operand shapes
 * depend on their numeric arguments or on each other (recurrent networks, convolutions,
 * normalizations, gathers and scatters, ...), shapes drawn independently almost never
 * validate. These generators draw the free sizes from the fuzz bytes first and derive the
 * coupled shapes and arguments from them, so the fuzzer still chooses everything that is
 * free. Also the byte reader and operand maker both files share. */
#ifndef FUZZ_INTERP_SHAPES_H
#define FUZZ_INTERP_SHAPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "webnn/graph.h"
#include "webnn/registry.h"

#define FZ_MAX_RANK 4

typedef struct fz_bytes {
    const uint8_t *p;
    size_t n;
} fz_bytes;

/* The graph under construction and the bytes that drive it. */
typedef struct fz_builder {
    fz_bytes b;
    wn_graph *g;
    uint32_t base[FZ_MAX_RANK]; /* a shared shape: operands take its trailing dims, so they broadcast */
    uint32_t counter;           /* for unique operand names */
    bool counting;              /* statistics are kept on the first build of an input only */
} fz_builder;

/* The next byte; 0 once the bytes run out. */
uint8_t fz_take(fz_bytes *b);

/* A new operand with descriptor d: a graph input, or a constant whose data are the next
 * bytes. Its index in *index; -1 when the graph refuses it. */
int fz_new_operand(fz_builder *B, const wn_desc *d, bool constant, uint32_t *index);

/* Whether spec has a shape-aware generator. */
bool fz_has_shaped(const wn_op_spec *spec);

/* Fills args (spec->n_params entries, all absent on entry) so that the operand shapes fit
 * the numeric arguments and each other; optional members are set or left absent as the
 * bytes choose. Sets *n_outputs when the operation's output count follows from them.
 * 0 on success, -1 when an operand or allocation is refused. */
int fz_shaped_args(fz_builder *B, const wn_op_spec *spec, wn_value *args, uint32_t *n_outputs);

#endif
