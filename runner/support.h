/* Is a graph inside an adapter's opSupportLimits, and inside the spec's required data types
 * and ranks (so that NOTSUPPORTED would be a conformance gap)? */
#ifndef RUNNER_SUPPORT_H
#define RUNNER_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "webnn/graph.h"
#include "webnn_adapter.h"

/* The ABI name of output position k of op ("output", "outputs", "output0", ...). */
const char *rn_output_position_name(const wn_op_spec *op, uint32_t k, char *buf, size_t cap);

/* Every op of the graph is in the limits (needs no descriptors). 0 or -1 with msg. */
int rn_support_ops_present(const wn_graph *g, const wna_support_limits *l, char *msg, size_t cap);
/* Every operand of every op (validated graph: descriptors known): data type, rank, byte
 * length; graph inputs, constants and outputs against the context-wide limits. */
int rn_support_check(const wn_graph *g, const wna_support_limits *l, char *msg, size_t cap);
/* Every operand within the registry's required data types and ranks (validated graph). */
bool rn_support_required(const wn_graph *g);

#endif
