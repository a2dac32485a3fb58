/* Integer arguments (unsigned long / long) given as a double-kind MLNumber, as JavaScript
 * passes every number and as the ABI allows (WNA_NUM_FLOAT, only .f set): the kernels must
 * read the value, not the unset integer member. Found by webnn-fuzz against OpenBLAS
 * (triangular diagonal -2.0 kept the diagonal; softmax axis 1.0 normalized axis 0). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "support.h"
#include "webnn/graph.h"
#include "webnn/interp.h"

/* Loads json's first test, sets argument `name` of its first operation to the double v,
 * validates and runs it into *out (one output). */
static void run_with_double_arg(const char *json, const char *name, double v, wn_tensor *out)
{
    char text[2048];
    snprintf(text, sizeof text, "%s", json);
    for (char *p = text; *p; p++)
        if (*p == '\'') *p = '"';
    wn_vec_file f;
    assert_int_equal(wn_vec_load_buffer(text, strlen(text), "test", &f), 0);
    wn_vec_case *vc = &f.cases[0];
    assert_int_equal(vc->format_error.kind, WN_OK);
    wn_operation *op = &vc->graph->ops[0];
    int i = wn_param_index(op->spec, name);
    assert_true(i >= 0);
    op->args[i].kind = WN_V_NUMBER;
    op->args[i].u.number = wn_number_from_double(v);
    wn_error err;
    assert_int_equal(wn_graph_set_unread_outputs(vc->graph, &err), 0);
    if (wn_graph_validate(vc->graph, &err) != 0) fail_msg("%s", err.message);
    wn_tensor ins[4];
    for (uint32_t k = 0; k < vc->n_inputs; k++) ins[k] = vc->inputs[k].tensor;
    assert_int_equal(wn_interp_run(vc->graph, ins, vc->n_inputs, out, &err), 0);
    wn_vec_file_free(&f);
}

static void triangular_diagonal_as_double(void **state)
{
    (void)state;
    wn_tensor y;
    run_with_double_arg("{'tests':[{'name':'t','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32','shape':[2,2]},"
                        "'data':[1,2,3,4]}},'operators':[{'name':'triangular','arguments':[{'input':'x'},"
                        "{'options':{'upper':false,'diagonal':0}}],'outputs':'y'}],'expectedOutputs':{}}}]}",
                        "diagonal", -1.0, &y);
    /* lower with diagonal -1 keeps only [1][0] */
    const double want[4] = {0, 0, 3, 0};
    for (size_t i = 0; i < 4; i++) assert_true(wn_get_f64(&y, i) == want[i]);
    wn_tensor_free(&y);
}

static void softmax_axis_as_double(void **state)
{
    (void)state;
    wn_tensor y;
    run_with_double_arg("{'tests':[{'name':'t','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32','shape':[2,1]},"
                        "'data':[-1.75,0]}},'operators':[{'name':'softmax','arguments':[{'input':'x'},{'axis':0}],"
                        "'outputs':'y'}],'expectedOutputs':{}}}]}",
                        "axis", 1.0, &y);
    /* axis 1 has one element per line: every result is 1 */
    for (size_t i = 0; i < 2; i++) assert_true(wn_get_f64(&y, i) == 1.0);
    wn_tensor_free(&y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(triangular_diagonal_as_double),
        cmocka_unit_test(softmax_axis_as_double),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
