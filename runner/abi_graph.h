/* The reference IR (wn_graph) seen through the adapter ABI (wna_graph). The ABI graph
 * points into the wn_graph (names, constant bytes, operand lists); free it first. */
#ifndef RUNNER_ABI_GRAPH_H
#define RUNNER_ABI_GRAPH_H

#include "webnn/graph.h"
#include "webnn_adapter.h"

typedef struct rn_abi_graph {
    wna_graph g;
    wna_operand *operands;
    wna_operation *ops;
    wna_arg *args;          /* all operations' arguments, one array */
    wna_number *numbers;    /* all number lists, one array */
    uint32_t *inputs;
} rn_abi_graph;

/* Works on a validated graph and on a raw one (result descriptors then marked unknown). */
int rn_abi_graph_build(const wn_graph *src, rn_abi_graph *out, wn_error *err);
void rn_abi_graph_free(rn_abi_graph *a);

wna_desc rn_desc_to_abi(const wn_desc *d);
wn_desc rn_desc_from_abi(const wna_desc *d);

#endif
