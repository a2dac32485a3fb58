/* Element-wise unary operations (#api-mlgraphbuilder-unary): abs, ceil, cos, erf, exp,
 * floor, identity, log, neg, reciprocal, roundEven, sin, sign, sqrt, tan. Transcendental
 * expectations are the double result (Python math) rounded once to the output type. */
#include <stdio.h>

#include "support.h"

#define X "[{'input':'x'}]"
static void check_unary(const char *op, const char *x, const char *expected)
{
    char inputs[4096];
    snprintf(inputs, sizeof inputs, "'x':%s", x);
    wt_check_op(op, inputs, X, expected);
}

/* ---- abs, neg, sign: floats and int32 / int64 / int8 ---- */

static void abs_float32_and_specials(void **state)
{
    (void)state;
    check_unary("abs", WT_T("float32", "[2,3]", "[-1.5,2,'-0','-Infinity','NaN',0]"),
                WT_T("float32", "[2,3]", "[1.5,2,0,'Infinity','NaN',0]"));
}

static void abs_float16(void **state)
{
    (void)state;
    /* -0.1 rounds to -0.0999755859375 on input */
    check_unary("abs", WT_T("float16", "[2]", "[-0.1,-70000]"), WT_T("float16", "[2]", "[0.0999755859375,'Infinity']"));
}

static void abs_integers_and_minimum_wraps(void **state)
{
    (void)state;
    /* implementation-defined (part1.md): abs of the minimum wraps to itself */
    check_unary("abs", WT_T("int8", "[3]", "[-5,127,-128]"), WT_T("int8", "[3]", "[5,127,-128]"));
    check_unary("abs", WT_T("int32", "[2]", "[-2147483647,-2147483648]"), WT_T("int32", "[2]", "[2147483647,-2147483648]"));
    check_unary("abs", WT_T("int64", "[2]", "['-9007199254740993','-9223372036854775808']"),
                WT_T("int64", "[2]", "['9007199254740993','-9223372036854775808']"));
}

static void neg_floats_and_integers(void **state)
{
    (void)state;
    check_unary("neg", WT_T("float32", "[4]", "[1.5,'-Infinity','NaN',0]"), WT_T("float32", "[4]", "[-1.5,'Infinity','NaN',0]"));
    check_unary("neg", WT_T("float16", "[1]", "[0.3]"), WT_T("float16", "[1]", "[-0.300048828125]"));
    check_unary("neg", WT_T("int8", "[3]", "[5,-127,-128]"), WT_T("int8", "[3]", "[-5,127,-128]"));
    check_unary("neg", WT_T("int64", "[2]", "['9007199254740993','-9223372036854775808']"),
                WT_T("int64", "[2]", "['-9007199254740993','-9223372036854775808']"));
    check_unary("neg", WT_T("int32", "[]", "-2147483648"), WT_T("int32", "[]", "-2147483648"));
}

static void sign_floats_and_integers(void **state)
{
    (void)state;
    /* 1 if > 0, -1 if < 0, 0 otherwise: NaN gives 0 by the letter of the spec (part1.md) */
    check_unary("sign", WT_T("float32", "[6]", "[-2.5,0,'-0',3,'NaN','-Infinity']"),
                WT_T("float32", "[6]", "[-1,0,0,1,0,-1]"));
    check_unary("sign", WT_T("float16", "[2]", "[0.00001,-70000]"), WT_T("float16", "[2]", "[1,-1]"));
    check_unary("sign", WT_T("int8", "[3]", "[-128,0,127]"), WT_T("int8", "[3]", "[-1,0,1]"));
    check_unary("sign", WT_T("int64", "[2]", "['-9223372036854775808','9223372036854775807']"), WT_T("int64", "[2]", "[-1,1]"));
    check_unary("sign", WT_T("int32", "[2]", "[-7,7]"), WT_T("int32", "[2]", "[-1,1]"));
}

/* ---- ceil, floor, roundEven ---- */

static void ceil_floor_float32(void **state)
{
    (void)state;
    check_unary("ceil", WT_T("float32", "[6]", "[1.2,-1.5,-0.5,2,'Infinity','NaN']"),
                WT_T("float32", "[6]", "[2,-1,0,2,'Infinity','NaN']"));
    check_unary("floor", WT_T("float32", "[6]", "[1.2,-1.5,-0.5,2,'-Infinity','NaN']"),
                WT_T("float32", "[6]", "[1,-2,-1,2,'-Infinity','NaN']"));
}

static void ceil_floor_float16(void **state)
{
    (void)state;
    /* 1.1 -> 1.099609375, 2.3 -> 2.30078125, -2.7 -> -2.69921875 on input */
    check_unary("ceil", WT_T("float16", "[3]", "[1.1,2.3,-2.7]"), WT_T("float16", "[3]", "[2,3,-2]"));
    check_unary("floor", WT_T("float16", "[3]", "[1.1,2.3,-2.7]"), WT_T("float16", "[3]", "[1,2,-3]"));
}

static void round_even_spec_example(void **state)
{
    (void)state;
    check_unary("roundEven", WT_T("float32", "[10]", "[0.1,0.9,1.1,1.9,-3.5,-2.5,-1.5,1.5,2.5,3.5]"),
                WT_T("float32", "[10]", "[0,1,1,2,-4,-2,-2,2,2,4]"));
}

static void round_even_float16_and_specials(void **state)
{
    (void)state;
    /* 1000.5 is a float16 value: tie, to even 1000; 0.5 -> 0 */
    check_unary("roundEven", WT_T("float16", "[4]", "[1000.5,1001.5,0.5,-0.5]"), WT_T("float16", "[4]", "[1000,1002,0,0]"));
    check_unary("roundEven", WT_T("float32", "[4]", "['NaN','Infinity','-Infinity',8388609]"),
                WT_T("float32", "[4]", "['NaN','Infinity','-Infinity',8388609]"));
}

/* ---- transcendental functions ---- */

static void cos_sin_tan_float32(void **state)
{
    (void)state;
    check_unary("cos", WT_T("float32", "[3]", "[0.5,1,2]"),
                WT_T("float32", "[3]", "[0.8775825500488281,0.5403022766113281,-0.416146844625473]"));
    check_unary("sin", WT_T("float32", "[3]", "[0.5,1,2]"),
                WT_T("float32", "[3]", "[0.4794255495071411,0.8414709568023682,0.9092974066734314]"));
    check_unary("tan", WT_T("float32", "[3]", "[0.5,1,2]"),
                WT_T("float32", "[3]", "[0.5463024973869324,1.5574077367782593,-2.185039758682251]"));
}

static void cos_sin_tan_float16(void **state)
{
    (void)state;
    /* inputs 0.5 (exact) and 1.1 -> 1.099609375 */
    check_unary("cos", WT_T("float16", "[2]", "[0.5,1.1]"), WT_T("float16", "[2]", "[0.87744140625,0.453857421875]"));
    check_unary("sin", WT_T("float16", "[2]", "[0.5,1.1]"), WT_T("float16", "[2]", "[0.4794921875,0.89111328125]"));
    check_unary("tan", WT_T("float16", "[2]", "[0.5,1.1]"), WT_T("float16", "[2]", "[0.54638671875,1.962890625]"));
}

static void cos_sin_tan_specials(void **state)
{
    (void)state;
    check_unary("cos", WT_T("float32", "[3]", "['Infinity','NaN','-0']"), WT_T("float32", "[3]", "['NaN','NaN',1]"));
    check_unary("sin", WT_T("float32", "[3]", "['-Infinity','NaN','-0']"), WT_T("float32", "[3]", "['NaN','NaN',0]"));
    check_unary("tan", WT_T("float32", "[2]", "['Infinity',0]"), WT_T("float32", "[2]", "['NaN',0]"));
}

static void erf_float32_float16_specials(void **state)
{
    (void)state;
    check_unary("erf", WT_T("float32", "[3]", "[0.5,1,2]"),
                WT_T("float32", "[3]", "[0.5204998850822449,0.8427007794380188,0.9953222870826721]"));
    check_unary("erf", WT_T("float16", "[2]", "[0.5,1.1]"), WT_T("float16", "[2]", "[0.5205078125,0.8798828125]"));
    check_unary("erf", WT_T("float32", "[4]", "['Infinity','-Infinity','NaN',-1]"),
                WT_T("float32", "[4]", "[1,-1,'NaN',-0.8427007794380188]"));
}

static void exp_float32_float16_specials(void **state)
{
    (void)state;
    check_unary("exp", WT_T("float32", "[3]", "[0.5,1,2]"),
                WT_T("float32", "[3]", "[1.6487212181091309,2.7182817459106445,7.389056205749512]"));
    /* e^1.099609375 = 3.00287... -> 3.00390625; e^12 = 162754.8 overflows float16 */
    check_unary("exp", WT_T("float16", "[3]", "[0.5,1.1,12]"), WT_T("float16", "[3]", "[1.6484375,3.00390625,'Infinity']"));
    check_unary("exp", WT_T("float32", "[4]", "['-Infinity','Infinity','NaN',100]"),
                WT_T("float32", "[4]", "[0,'Infinity','NaN','Infinity']"));
}

static void log_float32_float16_specials(void **state)
{
    (void)state;
    check_unary("log", WT_T("float32", "[3]", "[0.5,1,2]"),
                WT_T("float32", "[3]", "[-0.6931471824645996,0,0.6931471824645996]"));
    check_unary("log", WT_T("float16", "[2]", "[0.5,1.1]"), WT_T("float16", "[2]", "[-0.693359375,0.094970703125]"));
    check_unary("log", WT_T("float32", "[5]", "[0,'-0',-1,'Infinity','NaN']"),
                WT_T("float32", "[5]", "['-Infinity','-Infinity','NaN','Infinity','NaN']"));
}

static void sqrt_float32_float16_specials(void **state)
{
    (void)state;
    check_unary("sqrt", WT_T("float32", "[3]", "[0.5,4,2]"), WT_T("float32", "[3]", "[0.7071067690849304,2,1.4142135381698608]"));
    check_unary("sqrt", WT_T("float16", "[2]", "[0.5,1.1]"), WT_T("float16", "[2]", "[0.70703125,1.048828125]"));
    check_unary("sqrt", WT_T("float32", "[4]", "[-1,'-0','Infinity','NaN']"), WT_T("float32", "[4]", "['NaN',0,'Infinity','NaN']"));
}

static void reciprocal_float32_float16_specials(void **state)
{
    (void)state;
    check_unary("reciprocal", WT_T("float32", "[3]", "[3,-4,0.5]"), WT_T("float32", "[3]", "[0.3333333432674408,-0.25,2]"));
    check_unary("reciprocal", WT_T("float16", "[2]", "[3,7]"), WT_T("float16", "[2]", "[0.333251953125,0.142822265625]"));
    /* 1/65504 = 1.52664e-5 is in float16's subnormal range (multiples of 2^-24): it
     * rounds to 256 * 2^-24 = 2^-16 = 0.0000152587890625 */
    check_unary("reciprocal", WT_T("float16", "[1]", "[65504]"), WT_T("float16", "[1]", "[0.0000152587890625]"));
    check_unary("reciprocal", WT_T("float32", "[4]", "[0,'-0','Infinity','NaN']"),
                WT_T("float32", "[4]", "['Infinity','-Infinity',0,'NaN']"));
}

/* ---- identity: every data type, bit for bit ---- */

static void identity_copies_every_type(void **state)
{
    (void)state;
    check_unary("identity", WT_T("float32", "[3]", "['NaN','-Infinity',1.5]"), WT_T("float32", "[3]", "['NaN','-Infinity',1.5]"));
    check_unary("identity", WT_T("float16", "[2]", "[0.1,65504]"), WT_T("float16", "[2]", "[0.0999755859375,65504]"));
    check_unary("identity", WT_T("int32", "[]", "-2147483648"), WT_T("int32", "[]", "-2147483648"));
    check_unary("identity", WT_T("uint32", "[1]", "[4294967295]"), WT_T("uint32", "[1]", "[4294967295]"));
    check_unary("identity", WT_T("int64", "[1]", "['-9007199254740993']"), WT_T("int64", "[1]", "['-9007199254740993']"));
    check_unary("identity", WT_T("uint64", "[1]", "['18446744073709551615']"),
                WT_T("uint64", "[1]", "['18446744073709551615']"));
    check_unary("identity", WT_T("int8", "[2]", "[-128,127]"), WT_T("int8", "[2]", "[-128,127]"));
    check_unary("identity", WT_T("uint8", "[1,1,1,1,2]", "[0,255]"), WT_T("uint8", "[1,1,1,1,2]", "[0,255]"));
}

/* ---- builder errors: data types outside each op's allowed set ---- */

static void float_only_ops_reject_integers(void **state)
{
    (void)state;
    static const char *const ops[] = {"ceil", "cos", "erf", "exp", "floor", "log",
                                      "reciprocal", "roundEven", "sin", "sqrt", "tan"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        wt_check_op_rejected(ops[i], "'x':" WT_D("int32", "[2]"), X);
        wt_check_op_rejected(ops[i], "'x':" WT_D("uint8", "[2]"), X);
    }
}

static void abs_neg_sign_reject_unsigned(void **state)
{
    (void)state;
    static const char *const ops[] = {"abs", "neg", "sign"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        wt_check_op_rejected(ops[i], "'x':" WT_D("uint32", "[2]"), X);
        wt_check_op_rejected(ops[i], "'x':" WT_D("uint64", "[2]"), X);
        wt_check_op_rejected(ops[i], "'x':" WT_D("uint8", "[2]"), X);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(abs_float32_and_specials),
        cmocka_unit_test(abs_float16),
        cmocka_unit_test(abs_integers_and_minimum_wraps),
        cmocka_unit_test(neg_floats_and_integers),
        cmocka_unit_test(sign_floats_and_integers),
        cmocka_unit_test(ceil_floor_float32),
        cmocka_unit_test(ceil_floor_float16),
        cmocka_unit_test(round_even_spec_example),
        cmocka_unit_test(round_even_float16_and_specials),
        cmocka_unit_test(cos_sin_tan_float32),
        cmocka_unit_test(cos_sin_tan_float16),
        cmocka_unit_test(cos_sin_tan_specials),
        cmocka_unit_test(erf_float32_float16_specials),
        cmocka_unit_test(exp_float32_float16_specials),
        cmocka_unit_test(log_float32_float16_specials),
        cmocka_unit_test(sqrt_float32_float16_specials),
        cmocka_unit_test(reciprocal_float32_float16_specials),
        cmocka_unit_test(identity_copies_every_type),
        cmocka_unit_test(float_only_ops_reject_integers),
        cmocka_unit_test(abs_neg_sign_reject_unsigned),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
