/* Element-wise binary operations (#api-mlgraphbuilder-binary): add, sub, mul, div, max,
 * min, pow. Expected values are worked out by hand (comments) or with numpy in double,
 * rounded once to the output type. */
#include <stdio.h>

#include "support.h"

#define AB "[{'a':'a'},{'b':'b'}]"
static void check_binary(const char *op, const char *a, const char *b, const char *expected)
{
    char inputs[4096];
    snprintf(inputs, sizeof inputs, "'a':%s,'b':%s", a, b);
    wt_check_op(op, inputs, AB, expected);
}

/* ---- add ---- */

static void add_broadcasts_and_rounds_once_in_float16(void **state)
{
    (void)state;
    /* 0.1 and 0.2 are not float16 values: the inputs round first (0.0999755859375 and
     * 0.199951171875), the sum 0.2999267578125 then rounds once to 0.2998046875;
     * 16 + 65504 = 65520 is the tie between 65504 and 2^16, which rounds to Inf. */
    check_binary("add", WT_T("float16", "[2,1]", "[0.1,16]"), WT_T("float16", "[2]", "[0.2,65504]"),
                 WT_T("float16", "[2,2]", "[0.2998046875,65504,16.203125,'Infinity']"));
}

static void add_float32_specials(void **state)
{
    (void)state;
    /* Inf + -Inf = NaN, NaN propagates, -0 + -0 = -0 (compared as 0). */
    check_binary("add", WT_T("float32", "[4]", "['Infinity','NaN','-0',1.5]"),
                 WT_T("float32", "[4]", "['-Infinity',1,'-0',0.25]"), WT_T("float32", "[4]", "['NaN','NaN',0,1.75]"));
}

static void add_wraps_int8_and_int64(void **state)
{
    (void)state;
    check_binary("add", WT_T("int8", "[3]", "[127,-128,5]"), WT_T("int8", "[]", "1"), WT_T("int8", "[3]", "[-128,-127,6]"));
    check_binary("add", WT_T("int64", "[2]", "['9223372036854775807','9007199254740993']"), WT_T("int64", "[]", "1"),
                 WT_T("int64", "[2]", "['-9223372036854775808','9007199254740994']"));
}

static void add_rank5_broadcast_with_scalar(void **state)
{
    (void)state;
    check_binary("add", WT_T("int32", "[1,1,1,1,2]", "[1,2]"), WT_T("int32", "[]", "10"),
                 WT_T("int32", "[1,1,1,1,2]", "[11,12]"));
}

/* ---- sub ---- */

static void sub_float32_broadcasts_both_ways(void **state)
{
    (void)state;
    /* [2,1] - [3] -> [2,3] */
    check_binary("sub", WT_T("float32", "[2,1]", "[10,20]"), WT_T("float32", "[3]", "[1,2.5,-3]"),
                 WT_T("float32", "[2,3]", "[9,7.5,13,19,17.5,23]"));
}

static void sub_float16_rounds_once(void **state)
{
    (void)state;
    /* 1 - 0.0001 (0.0001 rounds to 0.00010001659393310547) = 0.99989998... rounds to 1
     * in float16 (spacing below 1 is 2^-11); 0.3 - 0.1 = 0.300048828125 - 0.0999755859375
     * = 0.2000732421875, exactly a float16 value. */
    check_binary("sub", WT_T("float16", "[2]", "[1,0.3]"), WT_T("float16", "[2]", "[0.0001,0.1]"),
                 WT_T("float16", "[2]", "[1,0.2000732421875]"));
}

static void sub_wraps_unsigned(void **state)
{
    (void)state;
    check_binary("sub", WT_T("uint8", "[2]", "[0,5]"), WT_T("uint8", "[2]", "[1,3]"), WT_T("uint8", "[2]", "[255,2]"));
    check_binary("sub", WT_T("uint64", "[1]", "[0]"), WT_T("uint64", "[1]", "[1]"),
                 WT_T("uint64", "[1]", "['18446744073709551615']"));
    check_binary("sub", WT_T("int32", "[1]", "[-2147483648]"), WT_T("int32", "[1]", "[1]"), WT_T("int32", "[1]", "[2147483647]"));
}

static void sub_specials(void **state)
{
    (void)state;
    check_binary("sub", WT_T("float32", "[3]", "['Infinity','Infinity','NaN']"),
                 WT_T("float32", "[3]", "['Infinity','-Infinity',0]"), WT_T("float32", "[3]", "['NaN','Infinity','NaN']"));
}

/* ---- mul ---- */

static void mul_float32_broadcast(void **state)
{
    (void)state;
    check_binary("mul", WT_T("float32", "[3]", "[1.5,-2,0.5]"), WT_T("float32", "[2,1]", "[2,-4]"),
                 WT_T("float32", "[2,3]", "[3,-4,1,-6,8,-2]"));
}

static void mul_float16_rounds_once(void **state)
{
    (void)state;
    /* 0.0999755859375 * 3 = 0.2999267578125: a tie between 0.2998046875 and 0.30004882812
     * (spacing 2^-12), to even -> 0.2998046875. 300 * 300 = 90000 > 65504 -> Inf. */
    check_binary("mul", WT_T("float16", "[2]", "[0.1,300]"), WT_T("float16", "[2]", "[3,300]"),
                 WT_T("float16", "[2]", "[0.2998046875,'Infinity']"));
}

static void mul_wraps_int64_beyond_2_53(void **state)
{
    (void)state;
    /* 3037000500^2 = 9223372037000250000 > 2^63 - 1, wraps to -9223372036709301616;
     * (2^53 + 1) * 3 = 27021597764222979 must be exact (double would say ...976). */
    check_binary("mul", WT_T("int64", "[2]", "[3037000500,'9007199254740993']"), WT_T("int64", "[2]", "[3037000500,3]"),
                 WT_T("int64", "[2]", "['-9223372036709301616','27021597764222979']"));
    check_binary("mul", WT_T("int8", "[2]", "[64,-128]"), WT_T("int8", "[2]", "[2,-1]"), WT_T("int8", "[2]", "[-128,-128]"));
}

static void mul_specials(void **state)
{
    (void)state;
    check_binary("mul", WT_T("float32", "[3]", "['Infinity','-0','NaN']"), WT_T("float32", "[3]", "[0,5,1]"),
                 WT_T("float32", "[3]", "['NaN',0,'NaN']"));
}

/* ---- div ---- */

static void div_float32_and_float16_round_once(void **state)
{
    (void)state;
    check_binary("div", WT_T("float32", "[2]", "[1,7]"), WT_T("float32", "[]", "3"),
                 WT_T("float32", "[2]", "[0.3333333432674408,2.3333332538604736]"));
    /* 1/3 -> 0.333251953125 and 2/3 -> 0.66650390625 in float16 */
    check_binary("div", WT_T("float16", "[2]", "[1,2]"), WT_T("float16", "[1]", "[3]"),
                 WT_T("float16", "[2]", "[0.333251953125,0.66650390625]"));
}

static void div_float_specials(void **state)
{
    (void)state;
    check_binary("div", WT_T("float32", "[5]", "[1,-1,0,'Infinity',1]"), WT_T("float32", "[5]", "[0,0,0,'Infinity','-0']"),
                 WT_T("float32", "[5]", "['Infinity','-Infinity','NaN','NaN','-Infinity']"));
}

static void div_integers_truncate_toward_zero(void **state)
{
    (void)state;
    check_binary("div", WT_T("int32", "[4]", "[7,-7,7,-7]"), WT_T("int32", "[2,1]", "[2,-2]"),
                 WT_T("int32", "[2,4]", "[3,-3,3,-3,-3,3,-3,3]"));
    check_binary("div", WT_T("uint32", "[2]", "[4294967295,7]"), WT_T("uint32", "[2]", "[2,8]"),
                 WT_T("uint32", "[2]", "[2147483647,0]"));
    check_binary("div", WT_T("int64", "[1]", "['9007199254740993']"), WT_T("int64", "[1]", "[1]"),
                 WT_T("int64", "[1]", "['9007199254740993']"));
}

static void div_integer_edge_cases_are_defined(void **state)
{
    (void)state;
    /* implementation-defined (part1.md): x / 0 = 0, MIN / -1 wraps to MIN */
    check_binary("div", WT_T("int32", "[3]", "[5,-2147483648,0]"), WT_T("int32", "[3]", "[0,-1,0]"),
                 WT_T("int32", "[3]", "[0,-2147483648,0]"));
    check_binary("div", WT_T("int64", "[2]", "['-9223372036854775808',5]"), WT_T("int64", "[2]", "[-1,0]"),
                 WT_T("int64", "[2]", "['-9223372036854775808',0]"));
    check_binary("div", WT_T("uint64", "[1]", "[5]"), WT_T("uint64", "[1]", "[0]"), WT_T("uint64", "[1]", "[0]"));
    check_binary("div", WT_T("int8", "[1]", "[-128]"), WT_T("int8", "[1]", "[-1]"), WT_T("int8", "[1]", "[-128]"));
}

/* ---- max / min ---- */

static void max_min_float32_broadcast(void **state)
{
    (void)state;
    check_binary("max", WT_T("float32", "[2,2]", "[1,5,-3,0.5]"), WT_T("float32", "[2]", "[2,-1]"),
                 WT_T("float32", "[2,2]", "[2,5,2,0.5]"));
    check_binary("min", WT_T("float32", "[2,2]", "[1,5,-3,0.5]"), WT_T("float32", "[2]", "[2,-1]"),
                 WT_T("float32", "[2,2]", "[1,-1,-3,-1]"));
}

static void max_min_float16(void **state)
{
    (void)state;
    /* 0.1 rounds to 0.0999755859375 on input; the result is that value */
    check_binary("max", WT_T("float16", "[2]", "[0.1,-70000]"), WT_T("float16", "[2]", "[0.05,1]"),
                 WT_T("float16", "[2]", "[0.0999755859375,1]"));
    check_binary("min", WT_T("float16", "[2]", "[0.1,-70000]"), WT_T("float16", "[2]", "[0.05,1]"),
                 WT_T("float16", "[2]", "[0.04998779296875,'-Infinity']"));
}

static void max_min_nan_propagates(void **state)
{
    (void)state;
    /* implementation-defined (part1.md): a NaN operand gives NaN */
    check_binary("max", WT_T("float32", "[4]", "['NaN',1,'-Infinity','Infinity']"), WT_T("float32", "[4]", "[1,'NaN',0,0]"),
                 WT_T("float32", "[4]", "['NaN','NaN',0,'Infinity']"));
    check_binary("min", WT_T("float32", "[4]", "['NaN',1,'-Infinity','Infinity']"), WT_T("float32", "[4]", "[1,'NaN',0,0]"),
                 WT_T("float32", "[4]", "['NaN','NaN','-Infinity',0]"));
}

static void max_min_64_bit_exact(void **state)
{
    (void)state;
    /* 2^53 + 1 and 2^53 are the same double: the comparison must be exact */
    check_binary("max", WT_T("int64", "[2]", "['9007199254740993','-9007199254740993']"),
                 WT_T("int64", "[2]", "['9007199254740992','-9007199254740992']"),
                 WT_T("int64", "[2]", "['9007199254740993','-9007199254740992']"));
    check_binary("min", WT_T("int64", "[2]", "['9007199254740993','-9007199254740993']"),
                 WT_T("int64", "[2]", "['9007199254740992','-9007199254740992']"),
                 WT_T("int64", "[2]", "['9007199254740992','-9007199254740993']"));
    /* unsigned: 2^64 - 1 is the largest, not -1 */
    check_binary("max", WT_T("uint64", "[2]", "['18446744073709551615',0]"), WT_T("uint64", "[]", "1"),
                 WT_T("uint64", "[2]", "['18446744073709551615',1]"));
    check_binary("min", WT_T("uint8", "[2]", "[255,0]"), WT_T("uint8", "[]", "1"), WT_T("uint8", "[2]", "[1,0]"));
    check_binary("min", WT_T("int8", "[2]", "[-128,127]"), WT_T("int8", "[]", "0"), WT_T("int8", "[2]", "[-128,0]"));
}

/* ---- pow ---- */

static void pow_float32(void **state)
{
    (void)state;
    /* 2^0.5 = 1.41421356.. -> 1.4142135381698608; 10^-2 -> 0.009999999776482582 */
    check_binary("pow", WT_T("float32", "[4]", "[2,10,2,-2]"), WT_T("float32", "[4]", "[0.5,-2,10,3]"),
                 WT_T("float32", "[4]", "[1.4142135381698608,0.009999999776482582,1024,-8]"));
}

static void pow_float16_rounds_once(void **state)
{
    (void)state;
    /* 1.1 -> 1.099609375; squared 1.209141..., rounds to 1.208984375; 2^16 -> Inf */
    check_binary("pow", WT_T("float16", "[2]", "[1.1,2]"), WT_T("float16", "[2]", "[2,16]"),
                 WT_T("float16", "[2]", "[1.208984375,'Infinity']"));
}

static void pow_float_specials(void **state)
{
    (void)state;
    /* C99/IEEE pow: x^0 = 1 even for NaN, (-8)^(1/3) = NaN, 0^-1 = Inf */
    check_binary("pow", WT_T("float32", "[5]", "['NaN',-8,0,'Infinity',1]"),
                 WT_T("float32", "[5]", "[0,0.3333333432674408,-1,-1,'NaN']"),
                 WT_T("float32", "[5]", "[1,'NaN','Infinity',0,1]"));
}

static void pow_integers_exact_and_wrapping(void **state)
{
    (void)state;
    /* 2^31 wraps to -2^31 in int32; 0^0 = 1 */
    check_binary("pow", WT_T("int32", "[5]", "[3,-2,2,0,-1]"), WT_T("int32", "[5]", "[4,3,31,0,7]"),
                 WT_T("int32", "[5]", "[81,-8,-2147483648,1,-1]"));
    /* 3^39 = 4052555153018976267 (beyond 2^53); 3^40 wraps to -6289078614652622815 */
    check_binary("pow", WT_T("int64", "[2]", "[3,3]"), WT_T("int64", "[2]", "[39,40]"),
                 WT_T("int64", "[2]", "['4052555153018976267','-6289078614652622815']"));
    check_binary("pow", WT_T("uint8", "[2]", "[2,3]"), WT_T("uint8", "[2]", "[7,6]"), WT_T("uint8", "[2]", "[128,217]"));
}

static void pow_integer_negative_exponents_are_defined(void **state)
{
    (void)state;
    /* implementation-defined (part1.md): the real result truncated toward zero; 0^-1 = 0 */
    check_binary("pow", WT_T("int32", "[5]", "[2,1,-1,-1,0]"), WT_T("int32", "[5]", "[-1,-5,-3,-2,-1]"),
                 WT_T("int32", "[5]", "[0,1,-1,1,0]"));
}

/* ---- builder errors, for every op of the family ---- */

static const char *const binary_ops[] = {"add", "sub", "mul", "div", "max", "min", "pow"};

static void binary_ops_reject_incompatible_shapes(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof binary_ops / sizeof *binary_ops; i++) {
        wt_check_op_rejected(binary_ops[i], "'a':" WT_D("float32", "[2,3]") ",'b':" WT_D("float32", "[2]"), AB);
        wt_check_op_rejected(binary_ops[i], "'a':" WT_D("int32", "[4,2,3]") ",'b':" WT_D("int32", "[3,1]"), AB);
    }
}

static void binary_ops_reject_mismatched_types(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof binary_ops / sizeof *binary_ops; i++) {
        wt_check_op_rejected(binary_ops[i], "'a':" WT_D("float32", "[2]") ",'b':" WT_D("float16", "[2]"), AB);
        wt_check_op_rejected(binary_ops[i], "'a':" WT_D("int64", "[2]") ",'b':" WT_D("uint64", "[2]"), AB);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(add_broadcasts_and_rounds_once_in_float16),
        cmocka_unit_test(add_float32_specials),
        cmocka_unit_test(add_wraps_int8_and_int64),
        cmocka_unit_test(add_rank5_broadcast_with_scalar),
        cmocka_unit_test(sub_float32_broadcasts_both_ways),
        cmocka_unit_test(sub_float16_rounds_once),
        cmocka_unit_test(sub_wraps_unsigned),
        cmocka_unit_test(sub_specials),
        cmocka_unit_test(mul_float32_broadcast),
        cmocka_unit_test(mul_float16_rounds_once),
        cmocka_unit_test(mul_wraps_int64_beyond_2_53),
        cmocka_unit_test(mul_specials),
        cmocka_unit_test(div_float32_and_float16_round_once),
        cmocka_unit_test(div_float_specials),
        cmocka_unit_test(div_integers_truncate_toward_zero),
        cmocka_unit_test(div_integer_edge_cases_are_defined),
        cmocka_unit_test(max_min_float32_broadcast),
        cmocka_unit_test(max_min_float16),
        cmocka_unit_test(max_min_nan_propagates),
        cmocka_unit_test(max_min_64_bit_exact),
        cmocka_unit_test(pow_float32),
        cmocka_unit_test(pow_float16_rounds_once),
        cmocka_unit_test(pow_float_specials),
        cmocka_unit_test(pow_integers_exact_and_wrapping),
        cmocka_unit_test(pow_integer_negative_exponents_are_defined),
        cmocka_unit_test(binary_ops_reject_incompatible_shapes),
        cmocka_unit_test(binary_ops_reject_mismatched_types),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
