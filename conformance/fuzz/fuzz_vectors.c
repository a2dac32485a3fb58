/* libFuzzer target: a vector file's bytes through loading, builder validation and (for small
 * valid graphs) the reference interpreter. Whatever the bytes, nothing may crash, leak or
 * trip a sanitizer. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "webnn/interp.h"
#include "webnn/tensor.h"
#include "webnn/vector_file.h"

/* Graphs whose tensors are small enough to evaluate quickly. */
#define FUZZ_BYTE_CAP ((size_t)1 << 20)

static void run_case(wn_vec_case *vc)
{
    wn_error err;
    /* validation cases are never computed (their inputs may have no data) */
    if (vc->format_error.kind != WN_OK || !vc->graph || vc->expected_error != WN_OK) return;
    if (wn_graph_validate(vc->graph, &err) != 0) return;
    if (wn_vec_case_expand(vc, &err) != 0) return;
    wn_tensor inputs[64];
    if (vc->n_inputs > 64) return;
    for (uint32_t k = 0; k < vc->n_inputs; k++) inputs[k] = vc->inputs[k].tensor;
    wn_tensor *outputs = calloc(vc->graph->n_outputs, sizeof *outputs);
    if (!outputs) return;
    if (wn_interp_run(vc->graph, inputs, vc->n_inputs, outputs, &err) == 0)
        for (uint32_t k = 0; k < vc->graph->n_outputs; k++) wn_tensor_free(&outputs[k]);
    free(outputs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wn_vec_file f;
    wn_set_tensor_byte_cap(FUZZ_BYTE_CAP);
    if (wn_vec_load_buffer((const char *)data, size, "fuzz.json", &f) == 0)
        for (uint32_t i = 0; i < f.n_cases; i++) run_case(&f.cases[i]);
    wn_vec_file_free(&f);
    return 0;
}
