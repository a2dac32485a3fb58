/* The reference interpreter: runs a validated graph's operations in order. */
#ifndef WEBNN_INTERP_H
#define WEBNN_INTERP_H

#include "webnn/graph.h"
#include "webnn/tensor.h"

/* inputs[k] is the tensor for the graph's k-th input operand (in operand order, see
 * wn_graph_input_index); outputs[k] receives graph output k (allocated here, caller frees
 * with wn_tensor_free). On failure nothing needs freeing. */
int wn_interp_run(const wn_graph *g, const wn_tensor *inputs, uint32_t n_inputs, wn_tensor *outputs,
                  wn_error *err);

/* The same, computing straight into the caller's buffers: outputs[k].data (capacity
 * outputs[k].nbytes) receives graph output k; on success outputs[k].desc and .nbytes are set.
 * Saves a copy and the memory of one more tensor per output (the reference adapter). */
int wn_interp_run_into(const wn_graph *g, const wn_tensor *inputs, uint32_t n_inputs, wn_tensor *outputs,
                       wn_error *err);

/* Number of input operands, and the operand index of the k-th. */
uint32_t wn_graph_input_count(const wn_graph *g);
uint32_t wn_graph_input_operand(const wn_graph *g, uint32_t k);

#endif
