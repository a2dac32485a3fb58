/* Expanding a case's filled inputs and constants before it runs, and shrinking them back
 * (vector_file.h). The parent of run-conformance's workers never expands anything, so its
 * memory is the corpus text, not its tensors. */
#include <string.h>

#include "webnn/vector_file.h"

int wn_vec_case_expand(wn_vec_case *vc, wn_error *err)
{
    if (!vc->graph) return 0;
    if (wn_graph_expand_fills(vc->graph, err) != 0) return -1;
    for (uint32_t k = 0; k < vc->n_inputs; k++) {
        wn_named_tensor *in = &vc->inputs[k];
        if (!wn_tensor_is_fill(&in->tensor)) continue;
        wn_tensor full;
        if (wn_tensor_alloc_filled(&full, &in->tensor.desc, in->tensor.data, err) != 0) {
            wn_error_prefix(err, "input \"%s\"", in->name);
            wn_vec_case_shrink(vc);
            return -1;
        }
        in->fill = in->tensor;
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
    for (uint32_t k = 0; k < vc->n_inputs; k++) {
        wn_named_tensor *in = &vc->inputs[k];
        if (!in->fill.data) continue;
        wn_tensor_free(&in->tensor);
        in->tensor = in->fill;
        memset(&in->fill, 0, sizeof in->fill);
    }
}
