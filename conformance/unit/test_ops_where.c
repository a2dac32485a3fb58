/* where (#api-mlgraphbuilder-where): condition (uint8, non-zero = true) selects trueValue
 * or falseValue; the three broadcast together; the output has trueValue's type. */
#include <stdio.h>

#include "support.h"

#define CTF "[{'condition':'c'},{'trueValue':'t'},{'falseValue':'f'}]"
static void check_where(const char *c, const char *t, const char *f, const char *expected)
{
    char inputs[4096];
    snprintf(inputs, sizeof inputs, "'c':%s,'t':%s,'f':%s", c, t, f);
    wt_check_op("where", inputs, CTF, expected);
}
static void check_where_rejected(const char *c, const char *t, const char *f)
{
    char inputs[4096];
    snprintf(inputs, sizeof inputs, "'c':%s,'t':%s,'f':%s", c, t, f);
    wt_check_op_rejected("where", inputs, CTF);
}

static void where_float32_any_non_zero_is_true(void **state)
{
    (void)state;
    check_where(WT_T("uint8", "[5]", "[0,1,2,255,0]"), WT_T("float32", "[5]", "[1,2,3,4,5]"),
                WT_T("float32", "[5]", "[-1,-2,-3,-4,'NaN']"), WT_T("float32", "[5]", "[-1,2,3,4,'NaN']"));
}

static void where_broadcasts_all_three(void **state)
{
    (void)state;
    /* condition [2,1], trueValue [3], falseValue scalar -> [2,3] */
    check_where(WT_T("uint8", "[2,1]", "[1,0]"), WT_T("float32", "[3]", "[1,2,3]"), WT_T("float32", "[]", "-1"),
                WT_T("float32", "[2,3]", "[1,2,3,-1,-1,-1]"));
    /* condition [3] against values [2,1] and [1,1]: the condition alone sets the last dim */
    check_where(WT_T("uint8", "[3]", "[1,0,1]"), WT_T("int32", "[2,1]", "[10,20]"), WT_T("int32", "[1,1]", "[0]"),
                WT_T("int32", "[2,3]", "[10,0,10,20,0,20]"));
    check_where(WT_T("uint8", "[]", "1"), WT_T("int8", "[1,1,1,1,2]", "[-128,127]"), WT_T("int8", "[2]", "[0,0]"),
                WT_T("int8", "[1,1,1,1,2]", "[-128,127]"));
}

static void where_float16_and_64_bit_values_are_copied_exactly(void **state)
{
    (void)state;
    check_where(WT_T("uint8", "[3]", "[1,0,1]"), WT_T("float16", "[3]", "[0.1,1,'-Infinity']"), WT_T("float16", "[3]", "[2,70000,3]"),
                WT_T("float16", "[3]", "[0.0999755859375,'Infinity','-Infinity']"));
    check_where(WT_T("uint8", "[2]", "[1,0]"), WT_T("int64", "[2]", "['9007199254740993',0]"),
                WT_T("int64", "[2]", "[0,'-9223372036854775807']"), WT_T("int64", "[2]", "['9007199254740993','-9223372036854775807']"));
    check_where(WT_T("uint8", "[2]", "[0,7]"), WT_T("uint64", "[]", "'18446744073709551615'"), WT_T("uint64", "[]", "1"),
                WT_T("uint64", "[2]", "[1,'18446744073709551615']"));
    check_where(WT_T("uint8", "[2]", "[0,7]"), WT_T("uint8", "[2]", "[9,9]"), WT_T("uint8", "[2]", "[3,3]"), WT_T("uint8", "[2]", "[3,9]"));
    check_where(WT_T("uint8", "[1]", "[0]"), WT_T("uint32", "[1]", "[1]"), WT_T("uint32", "[1]", "[4294967295]"),
                WT_T("uint32", "[1]", "[4294967295]"));
}

static void where_rejects_bad_operands(void **state)
{
    (void)state;
    /* condition must be uint8 */
    check_where_rejected(WT_D("float32", "[2]"), WT_D("float32", "[2]"), WT_D("float32", "[2]"));
    check_where_rejected(WT_D("int8", "[2]"), WT_D("float32", "[2]"), WT_D("float32", "[2]"));
    /* falseValue must have trueValue's type */
    check_where_rejected(WT_D("uint8", "[2]"), WT_D("float32", "[2]"), WT_D("float16", "[2]"));
    check_where_rejected(WT_D("uint8", "[2]"), WT_D("int64", "[2]"), WT_D("uint64", "[2]"));
    /* trueValue and falseValue not broadcastable */
    check_where_rejected(WT_D("uint8", "[2]"), WT_D("float32", "[2,3]"), WT_D("float32", "[2]"));
    /* condition not broadcastable with their broadcast */
    check_where_rejected(WT_D("uint8", "[4]"), WT_D("float32", "[2,3]"), WT_D("float32", "[3]"));
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
