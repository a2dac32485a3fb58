/* Element-wise logical operations (#api-mlgraphbuilder-logical): the six comparisons,
 * logicalNot/And/Or/Xor (uint8, non-zero = true) and isNaN/isInfinite. Outputs are uint8
 * 0 or 1. */
#include <stdio.h>

#include "support.h"

#define AB "[{'a':'a'},{'b':'b'}]"
#define A "[{'a':'a'}]"
static void check_binary(const char *op, const char *a, const char *b, const char *expected)
{
    char inputs[4096];
    snprintf(inputs, sizeof inputs, "'a':%s,'b':%s", a, b);
    wt_check_op(op, inputs, AB, expected);
}
static void check_unary(const char *op, const char *a, const char *expected)
{
    char inputs[4096];
    snprintf(inputs, sizeof inputs, "'a':%s", a);
    wt_check_op(op, inputs, A, expected);
}

/* One float32 operand pair covering ordinary values, -0 vs +0, infinities and NaN:
 * a = [1, 2, 3, -0, Inf, NaN, NaN, -Inf], b = [2, 2, 2, 0, Inf, 1, NaN, 1] */
#define FA WT_T("float32", "[8]", "[1,2,3,'-0','Infinity','NaN','NaN','-Infinity']")
#define FB WT_T("float32", "[8]", "[2,2,2,0,'Infinity',1,'NaN',1]")

static void comparisons_float32_with_specials(void **state)
{
    (void)state;
    check_binary("equal", FA, FB, WT_T("uint8", "[8]", "[0,1,0,1,1,0,0,0]"));
    check_binary("notEqual", FA, FB, WT_T("uint8", "[8]", "[1,0,1,0,0,1,1,1]"));
    check_binary("greater", FA, FB, WT_T("uint8", "[8]", "[0,0,1,0,0,0,0,0]"));
    check_binary("lesser", FA, FB, WT_T("uint8", "[8]", "[1,0,0,0,0,0,0,1]"));
    /* defined directly: NaN gives 0 here, not logicalNot(lesser) = 1 */
    check_binary("greaterOrEqual", FA, FB, WT_T("uint8", "[8]", "[0,1,1,1,1,0,0,0]"));
    check_binary("lesserOrEqual", FA, FB, WT_T("uint8", "[8]", "[1,1,0,1,1,0,0,1]"));
}

static void comparisons_broadcast(void **state)
{
    (void)state;
    /* [2,1] against [3] -> [2,3]: rows 1 and 3 against [1,2,3] */
    check_binary("greater", WT_T("int32", "[2,1]", "[1,3]"), WT_T("int32", "[3]", "[1,2,3]"),
                 WT_T("uint8", "[2,3]", "[0,0,0,1,1,0]"));
    check_binary("equal", WT_T("float32", "[]", "2"), WT_T("float32", "[1,1,1,1,3]", "[1,2,3]"),
                 WT_T("uint8", "[1,1,1,1,3]", "[0,1,0]"));
    check_binary("lesserOrEqual", WT_T("int8", "[2,1]", "[-128,127]"), WT_T("int8", "[2]", "[0,127]"),
                 WT_T("uint8", "[2,2]", "[1,1,0,1]"));
}

static void comparisons_float16_compare_rounded_inputs(void **state)
{
    (void)state;
    /* 0.1 and 0.09997558 are the same float16 value; 70000 and 1e6 both become Inf */
    check_binary("equal", WT_T("float16", "[3]", "[0.1,70000,1]"), WT_T("float16", "[3]", "[0.0999755859375,1000000,1.0001]"),
                 WT_T("uint8", "[3]", "[1,1,1]"));
    check_binary("greater", WT_T("float16", "[2]", "[1.001,-0.1]"), WT_T("float16", "[2]", "[1,-0.1]"),
                 WT_T("uint8", "[2]", "[1,0]"));
}

static void comparisons_64_bit_are_exact(void **state)
{
    (void)state;
    /* 2^53 + 1 vs 2^53: equal as doubles, different as integers */
    check_binary("equal", WT_T("int64", "[2]", "['9007199254740993',-1]"), WT_T("int64", "[2]", "['9007199254740992',-1]"),
                 WT_T("uint8", "[2]", "[0,1]"));
    check_binary("greater", WT_T("int64", "[2]", "['9007199254740993','-9223372036854775808']"),
                 WT_T("int64", "[2]", "['9007199254740992','9223372036854775807']"), WT_T("uint8", "[2]", "[1,0]"));
    check_binary("lesser", WT_T("uint64", "[2]", "['18446744073709551614',0]"),
                 WT_T("uint64", "[2]", "['18446744073709551615',1]"), WT_T("uint8", "[2]", "[1,1]"));
    /* unsigned: 2^64 - 1 is large, not -1 */
    check_binary("greaterOrEqual", WT_T("uint64", "[2]", "['18446744073709551615',0]"), WT_T("uint64", "[]", "1"),
                 WT_T("uint8", "[2]", "[1,0]"));
    check_binary("notEqual", WT_T("uint32", "[2]", "[4294967295,7]"), WT_T("uint32", "[2]", "[4294967295,8]"),
                 WT_T("uint8", "[2]", "[0,1]"));
    check_binary("lesserOrEqual", WT_T("uint8", "[2]", "[200,100]"), WT_T("uint8", "[2]", "[100,100]"),
                 WT_T("uint8", "[2]", "[0,1]"));
}

/* ---- logicalNot / And / Or / Xor: any non-zero byte is true ---- */

static void logical_ops_treat_non_zero_as_true(void **state)
{
    (void)state;
    check_unary("logicalNot", WT_T("uint8", "[4]", "[0,1,2,255]"), WT_T("uint8", "[4]", "[1,0,0,0]"));
    /* a = [0, 0, 7, 255] broadcast against b rows [0] and [3] */
    check_binary("logicalAnd", WT_T("uint8", "[4]", "[0,0,7,255]"), WT_T("uint8", "[2,1]", "[0,3]"),
                 WT_T("uint8", "[2,4]", "[0,0,0,0,0,0,1,1]"));
    check_binary("logicalOr", WT_T("uint8", "[4]", "[0,0,7,255]"), WT_T("uint8", "[2,1]", "[0,3]"),
                 WT_T("uint8", "[2,4]", "[0,0,1,1,1,1,1,1]"));
    check_binary("logicalXor", WT_T("uint8", "[4]", "[0,0,7,255]"), WT_T("uint8", "[2,1]", "[0,3]"),
                 WT_T("uint8", "[2,4]", "[0,0,1,1,1,1,0,0]"));
    check_unary("logicalNot", WT_T("uint8", "[]", "0"), WT_T("uint8", "[]", "1"));
}

/* ---- isNaN / isInfinite ---- */

static void is_nan_and_is_infinite(void **state)
{
    (void)state;
    check_unary("isNaN", WT_T("float32", "[5]", "['NaN',1,'Infinity','-Infinity','-0']"), WT_T("uint8", "[5]", "[1,0,0,0,0]"));
    check_unary("isInfinite", WT_T("float32", "[5]", "['NaN',1,'Infinity','-Infinity',3.4e38]"),
                WT_T("uint8", "[5]", "[0,0,1,1,0]"));
    /* in float16, 70000 rounds to Inf on input and 65504 is the largest finite value */
    check_unary("isInfinite", WT_T("float16", "[3]", "[70000,-65504,'-Infinity']"), WT_T("uint8", "[3]", "[1,0,1]"));
    check_unary("isNaN", WT_T("float16", "[2,1]", "['NaN',0.1]"), WT_T("uint8", "[2,1]", "[1,0]"));
}

/* ---- builder errors ---- */

static const char *const comparison_ops[] = {"equal", "notEqual", "greater", "greaterOrEqual", "lesser", "lesserOrEqual"};

static void comparisons_reject_mismatched_types_and_shapes(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof comparison_ops / sizeof *comparison_ops; i++) {
        wt_check_op_rejected(comparison_ops[i], "'a':" WT_D("float32", "[2]") ",'b':" WT_D("float16", "[2]"), AB);
        wt_check_op_rejected(comparison_ops[i], "'a':" WT_D("int64", "[2]") ",'b':" WT_D("int32", "[2]"), AB);
        wt_check_op_rejected(comparison_ops[i], "'a':" WT_D("float32", "[2,3]") ",'b':" WT_D("float32", "[2]"), AB);
    }
}

static void logical_ops_reject_non_uint8(void **state)
{
    (void)state;
    static const char *const ops[] = {"logicalAnd", "logicalOr", "logicalXor"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        wt_check_op_rejected(ops[i], "'a':" WT_D("float32", "[2]") ",'b':" WT_D("float32", "[2]"), AB);
        wt_check_op_rejected(ops[i], "'a':" WT_D("int8", "[2]") ",'b':" WT_D("int8", "[2]"), AB);
        wt_check_op_rejected(ops[i], "'a':" WT_D("uint8", "[2]") ",'b':" WT_D("int8", "[2]"), AB);
        wt_check_op_rejected(ops[i], "'a':" WT_D("uint8", "[3]") ",'b':" WT_D("uint8", "[2]"), AB);
    }
    wt_check_op_rejected("logicalNot", "'a':" WT_D("int8", "[2]"), A);
    wt_check_op_rejected("logicalNot", "'a':" WT_D("float16", "[2]"), A);
}

static void is_nan_is_infinite_reject_integers(void **state)
{
    (void)state;
    wt_check_op_rejected("isNaN", "'a':" WT_D("int32", "[2]"), A);
    wt_check_op_rejected("isNaN", "'a':" WT_D("uint8", "[2]"), A);
    wt_check_op_rejected("isInfinite", "'a':" WT_D("int64", "[2]"), A);
    wt_check_op_rejected("isInfinite", "'a':" WT_D("uint8", "[2]"), A);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(comparisons_float32_with_specials),
        cmocka_unit_test(comparisons_broadcast),
        cmocka_unit_test(comparisons_float16_compare_rounded_inputs),
        cmocka_unit_test(comparisons_64_bit_are_exact),
        cmocka_unit_test(logical_ops_treat_non_zero_as_true),
        cmocka_unit_test(is_nan_and_is_infinite),
        cmocka_unit_test(comparisons_reject_mismatched_types_and_shapes),
        cmocka_unit_test(logical_ops_reject_non_uint8),
        cmocka_unit_test(is_nan_is_infinite_reject_integers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
