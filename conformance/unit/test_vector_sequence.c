/* Tensor sequences in vector files (vectors/FORMAT.md, "Tensor sequences"): what the loader
 * builds from a good one, and the message (file and JSON path) for each kind of malformed one. */
#include <stdio.h>
#include <string.h>

#include "support.h"

/* One graph z = a * b and the steps given. */
#define SEQ(STEPS)                                                                                             \
    "{'tests':[{'name':'s','graphs':[{'inputs':{'a':{'descriptor':{'dataType':'float32','shape':[2]}},"      \
    "'b':{'descriptor':{'dataType':'float32','shape':[2]}}},"                                                 \
    "'operators':[{'name':'mul','arguments':[{'a':'a'},{'b':'b'}],'outputs':'z'}],'outputs':['z']}],"        \
    "'steps':[" STEPS "]}]}"
#define CREATE(T) "{'createTensor':'" T "','descriptor':{'dataType':'float32','shape':[2]},'readable':true,'writable':true}"

static wn_vec_file load(const char *json)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", json);
    for (char *p = buf; *p; p++)
        if (*p == '\'') *p = '"';
    wn_vec_file f;
    assert_int_equal(wn_vec_load_buffer(buf, strlen(buf), "seq.json", &f), 0);
    assert_int_equal(f.n_cases, 1);
    return f;
}

static void a_good_sequence_loads(void **state)
{
    (void)state;
    wn_vec_file f = load(SEQ(CREATE("x") "," CREATE("y") "," CREATE("z") ",{'writeTensor':'x','data':[1,2]},"
                             "{'dispatch':0,'inputs':{'a':'x','b':'y'},'outputs':{'z':'z'}},"
                             "{'readTensor':'z','expected':[0,0]},{'destroyTensor':'x'},"
                             "{'dispatch':0,'inputs':{'a':'x','b':'y'},'outputs':{'z':'z'},'expectedError':'TypeError'}"));
    const wn_vec_case *vc = &f.cases[0];
    assert_int_equal(vc->format_error.kind, WN_OK);
    assert_null(vc->graph);
    assert_non_null(vc->sequence);
    const wn_vec_sequence *s = vc->sequence;
    assert_int_equal(s->n_graphs, 1);
    assert_int_equal(s->graphs[0]->n_outputs, 1);
    assert_int_equal(s->n_tensors, 3);
    assert_int_equal(s->n_steps, 8);
    assert_int_equal(s->steps[3].kind, WN_SEQ_WRITE);
    assert_int_equal(s->steps[3].data.nbytes, 8);
    assert_int_equal(s->steps[4].kind, WN_SEQ_DISPATCH);
    assert_int_equal(s->steps[4].n_inputs, 2);
    assert_string_equal(s->steps[4].inputs[1].name, "b");
    assert_int_equal(s->steps[4].inputs[1].tensor, 1);
    assert_int_equal(s->steps[5].kind, WN_SEQ_READ);
    assert_int_equal(s->steps[6].kind, WN_SEQ_DESTROY);
    assert_int_equal(s->steps[7].expected_error, WN_TYPE_ERROR);
    assert_true(s->steps[0].readable && s->steps[0].writable);
    wn_vec_file_free(&f);
}

typedef struct bad {
    const char *json;
    const char *message;
} bad;

static const bad bads[] = {
    {SEQ("{'writeTensor':'x','data':[1,2]}"), "seq.json: tests[0].steps[0]: tensor \"x\" is not created by an earlier step"},
    {SEQ(CREATE("x") "," CREATE("x")), "tests[0].steps[1]: tensor \"x\" is created twice"},
    {SEQ(CREATE("x") ",{'dispatch':1,'inputs':{},'outputs':{}}"), "tests[0].steps[1]: dispatch must be the index of a graph (0..0)"},
    {SEQ(CREATE("x") ",{'dispatch':0,'inputs':{'a':'q'},'outputs':{}}"), "tests[0].steps[1].inputs.a: tensor \"q\" is not created"},
    {SEQ(CREATE("x") ",{'dispatch':0,'inputs':[],'outputs':{}}"), "tests[0].steps[1].inputs: must be an object"},
    {SEQ(CREATE("x") ",{'writeTensor':'x','data':[1,2,3]}"), "tests[0].steps[1].data: data has 3 elements, shape needs 2"},
    {SEQ(CREATE("x") ",{'readTensor':'x'}"), "tests[0].steps[1]: \"expected\" is missing"},
    {SEQ(CREATE("x") ",{'readTensor':'x','expected':[1,2],'expectedError':'Oops'}"), "expectedError \"Oops\" is not an error kind"},
    {SEQ("{'frobnicate':'x'}"), "tests[0].steps[0]: a step must have one of createTensor"},
    {SEQ("{'createTensor':'x'}"), "tests[0].steps[0].descriptor: \"descriptor\" is missing"},
    {SEQ(""), "tests[0].steps: must be a non-empty array"},
    {"{'tests':[{'name':'s','graphs':[],'steps':[]}]}", "tests[0].graphs: must be a non-empty array"},
    {"{'tests':[{'name':'s','graphs':[{'operators':[{'name':'relu','arguments':[{'input':'x'}],'outputs':'y'}],"
     "'outputs':['y']}],'steps':[" CREATE("x") "]}]}", "tests[0].graphs[0].operators[0].arguments[0].input: unknown operand \"x\""},
    {"{'tests':[{'name':'s','graphs':[{'inputs':{'x':{'descriptor':{'dataType':'float32','shape':[2]}}},"
     "'operators':[{'name':'relu','arguments':[{'input':'x'}],'outputs':'y'}],'outputs':['x']}],'steps':[" CREATE("x") "]}]}",
     "tests[0].graphs[0].outputs: [0] is not the name of an operation's result"},
    {"{'tests':[{'name':'s','expectedError':'TypeError','graphs':[],'steps':[]}]}", "a tensor sequence gives expectedError on its steps"},
};

static void each_malformed_sequence_gets_its_message(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++) {
        wn_vec_file f = load(bads[i].json);
        if (!strstr(f.cases[0].format_error.message, bads[i].message))
            fail_msg("bads[%zu]: got \"%s\", expected it to contain \"%s\"", i, f.cases[0].format_error.message,
                     bads[i].message);
        assert_int_equal(f.cases[0].format_error.kind, WN_FORMAT_ERROR);
        assert_null(f.cases[0].sequence); /* cleared: nothing half-loaded is kept */
        wn_vec_file_free(&f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_good_sequence_loads),
        cmocka_unit_test(each_malformed_sequence_gets_its_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
