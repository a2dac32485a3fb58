/* where (#api-mlgraphbuilder-where): condition (uint8, non-zero = true) selects trueValue
 * or falseValue; the three broadcast together; the output has trueValue's type. */
#include <stdio.h>

#include "support.h"

/* A one-operator graph as a vector: `inputs` are the members of graph.inputs, `args` the
 * operator's argument list, `expected` the output tensor (descriptor and data). */
#define T(type, shape, data) "{'descriptor':{'dataType':'" type "','shape':" shape "},'data':" data "}"
#define D(type, shape) "{'descriptor':{'dataType':'" type "','shape':" shape "}}"

static void check_op(const char *op, const char *inputs, const char *args, const char *expected)
{
    char json[8192];
    int n = snprintf(json, sizeof json,
                     "{'tests':[{'name':'%s','graph':{'inputs':{%s},"
                     "'operators':[{'name':'%s','arguments':%s,'outputs':'y'}],"
                     "'expectedOutputs':{'y':%s}}}]}",
                     op, inputs, op, args, expected);
    assert_true(n > 0 && (size_t)n < sizeof json);
    wt_check_case(json);
}

static void check_op_rejected(const char *op, const char *inputs, const char *args)
{
    char json[8192];
    int n = snprintf(json, sizeof json,
                     "{'tests':[{'name':'%s','graph':{'inputs':{%s},"
                     "'operators':[{'name':'%s','arguments':%s,'outputs':'y'}]},"
                     "'expectedError':'TypeError'}]}",
                     op, inputs, op, args);
    assert_true(n > 0 && (size_t)n < sizeof json);
    wt_check_rejected(json, WN_TYPE_ERROR);
}

#define CTF "[{'condition':'c'},{'trueValue':'t'},{'falseValue':'f'}]"
static void check_where(const char *c, const char *t, const char *f, const char *expected)
{
    char inputs[4096];
    snprintf(inputs, sizeof inputs, "'c':%s,'t':%s,'f':%s", c, t, f);
    check_op("where", inputs, CTF, expected);
}
static void check_where_rejected(const char *c, const char *t, const char *f)
{
    char inputs[4096];
    snprintf(inputs, sizeof inputs, "'c':%s,'t':%s,'f':%s", c, t, f);
    check_op_rejected("where", inputs, CTF);
}

static void where_float32_any_non_zero_is_true(void **state)
{
    (void)state;
    check_where(T("uint8", "[5]", "[0,1,2,255,0]"), T("float32", "[5]", "[1,2,3,4,5]"),
                T("float32", "[5]", "[-1,-2,-3,-4,'NaN']"), T("float32", "[5]", "[-1,2,3,4,'NaN']"));
}

static void where_broadcasts_all_three(void **state)
{
    (void)state;
    /* condition [2,1], trueValue [3], falseValue scalar -> [2,3] */
    check_where(T("uint8", "[2,1]", "[1,0]"), T("float32", "[3]", "[1,2,3]"), T("float32", "[]", "-1"),
                T("float32", "[2,3]", "[1,2,3,-1,-1,-1]"));
    /* condition [3] against values [2,1] and [1,1]: the condition alone sets the last dim */
    check_where(T("uint8", "[3]", "[1,0,1]"), T("int32", "[2,1]", "[10,20]"), T("int32", "[1,1]", "[0]"),
                T("int32", "[2,3]", "[10,0,10,20,0,20]"));
    check_where(T("uint8", "[]", "1"), T("int8", "[1,1,1,1,2]", "[-128,127]"), T("int8", "[2]", "[0,0]"),
                T("int8", "[1,1,1,1,2]", "[-128,127]"));
}

static void where_float16_and_64_bit_values_are_copied_exactly(void **state)
{
    (void)state;
    check_where(T("uint8", "[3]", "[1,0,1]"), T("float16", "[3]", "[0.1,1,'-Infinity']"), T("float16", "[3]", "[2,70000,3]"),
                T("float16", "[3]", "[0.0999755859375,'Infinity','-Infinity']"));
    check_where(T("uint8", "[2]", "[1,0]"), T("int64", "[2]", "['9007199254740993',0]"),
                T("int64", "[2]", "[0,'-9223372036854775807']"), T("int64", "[2]", "['9007199254740993','-9223372036854775807']"));
    check_where(T("uint8", "[2]", "[0,7]"), T("uint64", "[]", "'18446744073709551615'"), T("uint64", "[]", "1"),
                T("uint64", "[2]", "[1,'18446744073709551615']"));
    check_where(T("uint8", "[2]", "[0,7]"), T("uint8", "[2]", "[9,9]"), T("uint8", "[2]", "[3,3]"), T("uint8", "[2]", "[3,9]"));
    check_where(T("uint8", "[1]", "[0]"), T("uint32", "[1]", "[1]"), T("uint32", "[1]", "[4294967295]"),
                T("uint32", "[1]", "[4294967295]"));
}

static void where_rejects_bad_operands(void **state)
{
    (void)state;
    /* condition must be uint8 */
    check_where_rejected(D("float32", "[2]"), D("float32", "[2]"), D("float32", "[2]"));
    check_where_rejected(D("int8", "[2]"), D("float32", "[2]"), D("float32", "[2]"));
    /* falseValue must have trueValue's type */
    check_where_rejected(D("uint8", "[2]"), D("float32", "[2]"), D("float16", "[2]"));
    check_where_rejected(D("uint8", "[2]"), D("int64", "[2]"), D("uint64", "[2]"));
    /* trueValue and falseValue not broadcastable */
    check_where_rejected(D("uint8", "[2]"), D("float32", "[2,3]"), D("float32", "[2]"));
    /* condition not broadcastable with their broadcast */
    check_where_rejected(D("uint8", "[4]"), D("float32", "[2,3]"), D("float32", "[3]"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(where_float32_any_non_zero_is_true),
        cmocka_unit_test(where_broadcasts_all_three),
        cmocka_unit_test(where_float16_and_64_bit_values_are_copied_exactly),
        cmocka_unit_test(where_rejects_bad_operands),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
