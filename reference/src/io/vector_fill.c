/* Expanding a case's filled and generated inputs and constants before it runs, and shrinking
 * them back (vector_file.h). The parent of run-conformance's workers never expands anything,
 * so its memory is the corpus text, not its tensors. */
#include "webnn/vector_file.h"

int wn_vec_case_expand(wn_vec_case *vc, wn_error *err)
{
    if (!vc->graph) return 0;
    if (wn_graph_expand_fills(vc->graph, err) != 0) return -1;
    for (uint32_t k = 0; k < vc->n_inputs; k++) {
        wn_named_tensor *in = &vc->inputs[k];
        if (!in->fill || in->tensor.data) continue;
        wn_tensor full;
        if (wn_tensor_alloc_fill(&full, &in->tensor.desc, &in->fill_how, err) != 0) {
            wn_error_prefix(err, "input \"%s\"", in->name);
            wn_vec_case_shrink(vc);
            return -1;
        }
        in->tensor = full;
    }
    return 0;
}

void wn_vec_case_shrink_constants(wn_vec_case *vc)
{
    if (vc->graph) wn_graph_shrink_fills(vc->graph);
}

void wn_vec_case_shrink(wn_vec_case *vc)
{
    wn_vec_case_shrink_constants(vc);
    for (uint32_t k = 0; k < vc->n_inputs; k++)
        if (vc->inputs[k].fill) wn_tensor_free(&vc->inputs[k].tensor); /* keeps the descriptor */
}
