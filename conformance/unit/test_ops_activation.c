/* Activations: clamp, elu, gelu, hardSigmoid, hardSwish, leakyRelu, linear, prelu, relu,
 * sigmoid, softplus, softsign, tanh. Expected values: the function in double (Python
 * math), after the spec's cast of the options to the input type, rounded once. The float16
 * cases with options use inputs where the cast of the option changes the result. */
#include <stdio.h>

#include "support.h"

/* Runs op on input x with the given options JSON ("" = none). */
static void check_act(const char *op, const char *x, const char *options, const char *expected)
{
    char inputs[4096], args[512];
    snprintf(inputs, sizeof inputs, "'x':%s", x);
    if (*options) snprintf(args, sizeof args, "[{'input':'x'},{'options':%s}]", options);
    else snprintf(args, sizeof args, "[{'input':'x'}]");
    wt_check_op(op, inputs, args, expected);
}

static void check_act_rejected(const char *op, const char *x, const char *options)
{
    char inputs[4096], args[512];
    snprintf(inputs, sizeof inputs, "'x':%s", x);
    if (*options) snprintf(args, sizeof args, "[{'input':'x'},{'options':%s}]", options);
    else snprintf(args, sizeof args, "[{'input':'x'}]");
    wt_check_op_rejected(op, inputs, args);
}

/* ---- clamp ---- */

static void clamp_float32_both_bounds_and_specials(void **state)
{
    (void)state;
    check_act("clamp", WT_T("float32", "[2,3]", "[-2,0.5,3,'NaN','-Infinity','Infinity']"),
              "{'minValue':-1,'maxValue':1}", WT_T("float32", "[2,3]", "[-1,0.5,1,'NaN',-1,1]"));
}

static void clamp_absent_bounds_do_not_clamp(void **state)
{
    (void)state;
    /* spec defect (part1.md): an absent bound means no clamping on that side */
    check_act("clamp", WT_T("float32", "[3]", "['-Infinity',0,'Infinity']"), "",
              WT_T("float32", "[3]", "['-Infinity',0,'Infinity']"));
    check_act("clamp", WT_T("float32", "[3]", "['-Infinity',0,'Infinity']"), "{'minValue':-1}",
              WT_T("float32", "[3]", "[-1,0,'Infinity']"));
    check_act("clamp", WT_T("float32", "[3]", "['-Infinity',0,'Infinity']"), "{'maxValue':-1}",
              WT_T("float32", "[3]", "['-Infinity',-1,-1]"));
    /* our choice (part1.md): a NaN bound clamps nothing */
    check_act("clamp", WT_T("float32", "[2]", "[-5,5]"), "{'minValue':'NaN','maxValue':1}", WT_T("float32", "[2]", "[-5,1]"));
}

static void clamp_float16_casts_bounds(void **state)
{
    (void)state;
    /* minValue 0.1 is cast to float16 first: 0.0999755859375 */
    check_act("clamp", WT_T("float16", "[3]", "[0,0.05,0.5]"), "{'minValue':0.1,'maxValue':0.2}",
              WT_T("float16", "[3]", "[0.0999755859375,0.0999755859375,0.199951171875]"));
}

static void clamp_integers_cast_bounds_with_saturation_and_half_even(void **state)
{
    (void)state;
    /* int8: -300 / 300 saturate to -128 / 127 */
    check_act("clamp", WT_T("int8", "[3]", "[-128,0,127]"), "{'minValue':-300,'maxValue':300}",
              WT_T("int8", "[3]", "[-128,0,127]"));
    /* 1.5 and 2.5 both round half to even: 2 */
    check_act("clamp", WT_T("int32", "[4]", "[0,1,2,3]"), "{'minValue':1.5,'maxValue':2.5}", WT_T("int32", "[4]", "[2,2,2,2]"));
    /* uint8: -5 saturates to 0 */
    check_act("clamp", WT_T("uint8", "[2]", "[3,0]"), "{'maxValue':-5}", WT_T("uint8", "[2]", "[0,0]"));
    check_act("clamp", WT_T("uint32", "[2]", "[4294967295,0]"), "{'minValue':-1,'maxValue':4294967294}",
              WT_T("uint32", "[2]", "[4294967294,0]"));
}

static void clamp_64_bit_bounds_are_exact(void **state)
{
    (void)state;
    check_act("clamp", WT_T("int64", "[2]", "['9007199254740992','-9223372036854775808']"),
              "{'minValue':'9007199254740993'}", WT_T("int64", "[2]", "['9007199254740993','9007199254740993']"));
    check_act("clamp", WT_T("uint64", "[2]", "['18446744073709551615',5]"),
              "{'minValue':10,'maxValue':'18446744073709551614'}", WT_T("uint64", "[2]", "['18446744073709551614',10]"));
}

static void clamp_rejects_min_greater_than_max(void **state)
{
    (void)state;
    check_act_rejected("clamp", WT_D("float32", "[2]"), "{'minValue':2,'maxValue':1}");
    check_act_rejected("clamp", WT_D("float32", "[2]"), "{'minValue':1.4,'maxValue':1.2}");
    check_act_rejected("clamp", WT_D("uint64", "[2]"), "{'minValue':'18446744073709551615','maxValue':'18446744073709551614'}");
    check_act_rejected("clamp", WT_D("int64", "[2]"), "{'minValue':'9007199254740993','maxValue':'9007199254740992'}");
}

static void clamp_compares_bounds_after_casting(void **state)
{
    (void)state;
    /* 1.4 > 1.2, but both cast to 1 in int8: accepted */
    check_act("clamp", WT_T("int8", "[2]", "[0,5]"), "{'minValue':1.4,'maxValue':1.2}", WT_T("int8", "[2]", "[1,1]"));
    /* 0.1 > 0.09999, but both cast to 0.0999755859375 in float16: accepted */
    check_act("clamp", WT_T("float16", "[1]", "[1]"), "{'minValue':0.1,'maxValue':0.09999}",
              WT_T("float16", "[1]", "[0.0999755859375]"));
}

/* ---- elu ---- */

static void elu_float32_default_and_alpha(void **state)
{
    (void)state;
    check_act("elu", WT_T("float32", "[5]", "[-1,-0.5,2,'-Infinity','NaN']"), "",
              WT_T("float32", "[5]", "[-0.6321205496788025,-0.39346933364868164,2,-1,'NaN']"));
    check_act("elu", WT_T("float32", "[2]", "[-2,'Infinity']"), "{'alpha':0.5}",
              WT_T("float32", "[2]", "[-0.4323323667049408,'Infinity']"));
}

static void elu_float16_casts_alpha(void **state)
{
    (void)state;
    check_act("elu", WT_T("float16", "[2]", "[-1,-0.1]"), "", WT_T("float16", "[2]", "[-0.63232421875,-0.09515380859375]"));
    /* alpha 0.3 -> 0.300048828125: elu(-8.15625) = -0.300048828125 (uncast: -0.2998046875) */
    check_act("elu", WT_T("float16", "[1]", "[-8.15625]"), "{'alpha':0.3}", WT_T("float16", "[1]", "[-0.300048828125]"));
}

/* ---- gelu ---- */

static void gelu_float32_float16_specials(void **state)
{
    (void)state;
    /* gelu(-10) = -7.6e-23: 1 + erf(x/sqrt 2) would cancel to 0 */
    check_act("gelu", WT_T("float32", "[4]", "[-1,0.5,2,-10]"), "",
              WT_T("float32", "[4]", "[-0.15865525603294373,0.3457312285900116,1.9544997215270996,-7.619852977043458e-23]"));
    check_act("gelu", WT_T("float16", "[2]", "[-1,0.1]"), "", WT_T("float16", "[2]", "[-0.15869140625,0.053955078125]"));
    /* limits at the infinities (part1.md) */
    check_act("gelu", WT_T("float32", "[3]", "['Infinity','-Infinity','NaN']"), "", WT_T("float32", "[3]", "['Infinity',0,'NaN']"));
}

/* ---- hardSigmoid ---- */

static void hard_sigmoid_float32_default_and_options(void **state)
{
    (void)state;
    check_act("hardSigmoid", WT_T("float32", "[6]", "[-3,-1,0.3,1,3,'NaN']"), "",
              WT_T("float32", "[6]", "[0,0.30000001192092896,0.5600000023841858,0.699999988079071,1,'NaN']"));
    check_act("hardSigmoid", WT_T("float32", "[3]", "[-1,0.3,'Infinity']"), "{'alpha':0.5,'beta':0.1}",
              WT_T("float32", "[3]", "[0,0.25,1]"));
}

static void hard_sigmoid_float16_casts_options(void **state)
{
    (void)state;
    /* alpha 0.2 -> 0.199951171875, beta 0.5: at x = -2.240234375 the result is
     * 0.05206298828125 (with an uncast alpha: 0.05194091796875) */
    check_act("hardSigmoid", WT_T("float16", "[2]", "[-2.240234375,0.3]"), "",
              WT_T("float16", "[2]", "[0.05206298828125,0.56005859375]"));
}

/* ---- hardSwish ---- */

static void hard_swish_float32_float16_specials(void **state)
{
    (void)state;
    check_act("hardSwish", WT_T("float32", "[5]", "[-4,-1,0.5,3,4]"), "",
              WT_T("float32", "[5]", "[0,-0.3333333432674408,0.2916666567325592,3,4]"));
    check_act("hardSwish", WT_T("float16", "[2]", "[-1.1,0.1]"), "", WT_T("float16", "[2]", "[-0.348388671875,0.051666259765625]"));
    /* -Inf: the limit 0 rather than -Inf * 0 = NaN (part1.md) */
    check_act("hardSwish", WT_T("float32", "[3]", "['-Infinity','Infinity','NaN']"), "", WT_T("float32", "[3]", "[0,'Infinity','NaN']"));
}

/* ---- leakyRelu ---- */

static void leaky_relu_float32_default_and_alpha(void **state)
{
    (void)state;
    check_act("leakyRelu", WT_T("float32", "[5]", "[-1,-3,2,'-Infinity','NaN']"), "",
              WT_T("float32", "[5]", "[-0.009999999776482582,-0.029999999329447746,2,'-Infinity','NaN']"));
    check_act("leakyRelu", WT_T("float32", "[3]", "[-2,0,5]"), "{'alpha':-0.5}", WT_T("float32", "[3]", "[1,0,5]"));
}

static void leaky_relu_float16_casts_alpha(void **state)
{
    (void)state;
    /* alpha 0.01 -> 0.01000213623046875: leakyRelu(-20) = -0.2000732421875 (uncast: -0.199951171875) */
    check_act("leakyRelu", WT_T("float16", "[2]", "[-20,-1]"), "", WT_T("float16", "[2]", "[-0.2000732421875,-0.01000213623046875]"));
}

/* ---- linear ---- */

static void linear_float32_default_and_options(void **state)
{
    (void)state;
    check_act("linear", WT_T("float32", "[3]", "[-1.5,'Infinity','NaN']"), "", WT_T("float32", "[3]", "[-1.5,'Infinity','NaN']"));
    check_act("linear", WT_T("float32", "[3]", "[1,3,-2]"), "{'alpha':0.1,'beta':0.2}",
              WT_T("float32", "[3]", "[0.30000001192092896,0.5,0]"));
    check_act("linear", WT_T("float32", "[1]", "['Infinity']"), "{'alpha':0,'beta':1}", WT_T("float32", "[1]", "['NaN']"));
}

static void linear_float16_casts_options(void **state)
{
    (void)state;
    /* alpha 0.1 -> 0.0999755859375, beta 0.2 -> 0.199951171875: at -19.625 the result is
     * -1.76171875 (uncast: -1.7626953125) */
    check_act("linear", WT_T("float16", "[2]", "[-19.625,1]"), "{'alpha':0.1,'beta':0.2}",
              WT_T("float16", "[2]", "[-1.76171875,0.2998046875]"));
}

/* ---- prelu ---- */

static void prelu_float32_slope_broadcast(void **state)
{
    (void)state;
    wt_check_op("prelu", "'x':" WT_T("float32", "[2,3]", "[-2,0,3,-1,'-Infinity','NaN']") ",'s':" WT_T("float32", "[3]", "[0.5,2,0.1]"),
             "[{'input':'x'},{'slope':'s'}]", WT_T("float32", "[2,3]", "[-1,0,3,-0.5,'-Infinity','NaN']"));
}

static void prelu_broadcasts_bidirectionally(void **state)
{
    (void)state;
    /* slope [2,1] against input [3]: the output is [2,3] (the spec broadcasts both ways) */
    wt_check_op("prelu", "'x':" WT_T("float32", "[3]", "[-1.5,0,2]") ",'s':" WT_T("float32", "[2,1]", "[0.1,-2]"),
             "[{'input':'x'},{'slope':'s'}]", WT_T("float32", "[2,3]", "[-0.15000000596046448,0,2,3,0,2]"));
}

static void prelu_float16_and_integers(void **state)
{
    (void)state;
    /* -1.1 -> -1.099609375, 0.3 -> 0.300048828125, product rounds to -0.329833984375 */
    wt_check_op("prelu", "'x':" WT_T("float16", "[2]", "[-1.1,1.1]") ",'s':" WT_T("float16", "[]", "0.3"),
             "[{'input':'x'},{'slope':'s'}]", WT_T("float16", "[2]", "[-0.329833984375,1.099609375]"));
    wt_check_op("prelu", "'x':" WT_T("int32", "[3]", "[-3,4,0]") ",'s':" WT_T("int32", "[1]", "[2]"),
             "[{'input':'x'},{'slope':'s'}]", WT_T("int32", "[3]", "[-6,4,0]"));
    /* int8: -128 * 2 = -256 wraps to 0; int64 exact beyond 2^53 */
    wt_check_op("prelu", "'x':" WT_T("int8", "[2]", "[-128,-3]") ",'s':" WT_T("int8", "[2]", "[2,-3]"),
             "[{'input':'x'},{'slope':'s'}]", WT_T("int8", "[2]", "[0,9]"));
    wt_check_op("prelu", "'x':" WT_T("int64", "[2]", "['-9007199254740993','9007199254740993']") ",'s':" WT_T("int64", "[]", "2"),
             "[{'input':'x'},{'slope':'s'}]", WT_T("int64", "[2]", "['-18014398509481986','9007199254740993']"));
}

static void prelu_rejects_bad_operands(void **state)
{
    (void)state;
    const char *args = "[{'input':'x'},{'slope':'s'}]";
    wt_check_op_rejected("prelu", "'x':" WT_D("float32", "[2,3]") ",'s':" WT_D("float32", "[2]"), args);
    wt_check_op_rejected("prelu", "'x':" WT_D("float32", "[3]") ",'s':" WT_D("float16", "[3]"), args);
    wt_check_op_rejected("prelu", "'x':" WT_D("uint8", "[3]") ",'s':" WT_D("uint8", "[3]"), args);
    wt_check_op_rejected("prelu", "'x':" WT_D("uint32", "[3]") ",'s':" WT_D("uint32", "[3]"), args);
}

/* ---- relu ---- */

static void relu_keeps_nan_and_clamps_negatives(void **state)
{
    (void)state;
    check_act("relu", WT_T("float32", "[5]", "[-2,'-Infinity','NaN',3.5,'Infinity']"), "",
              WT_T("float32", "[5]", "[0,0,'NaN',3.5,'Infinity']"));
    check_act("relu", WT_T("float16", "[2]", "[0.1,-0.1]"), "", WT_T("float16", "[2]", "[0.0999755859375,0]"));
}

static void relu_integers(void **state)
{
    (void)state;
    check_act("relu", WT_T("int8", "[3]", "[-128,0,127]"), "", WT_T("int8", "[3]", "[0,0,127]"));
    check_act("relu", WT_T("int64", "[2]", "['-9223372036854775808','9007199254740993']"), "",
              WT_T("int64", "[2]", "[0,'9007199254740993']"));
    check_act("relu", WT_T("int32", "[]", "-7"), "", WT_T("int32", "[]", "0"));
}

/* ---- sigmoid, softplus, softsign, tanh ---- */

static void sigmoid_float32_float16_specials(void **state)
{
    (void)state;
    check_act("sigmoid", WT_T("float32", "[4]", "[-1,0,2,20]"), "",
              WT_T("float32", "[4]", "[0.2689414322376251,0.5,0.8807970881462097,1]"));
    check_act("sigmoid", WT_T("float16", "[2]", "[-1,0.1]"), "", WT_T("float16", "[2]", "[0.26904296875,0.52490234375]"));
    check_act("sigmoid", WT_T("float32", "[3]", "['-Infinity','Infinity','NaN']"), "", WT_T("float32", "[3]", "[0,1,'NaN']"));
}

static void softplus_float32_float16_specials(void **state)
{
    (void)state;
    /* softplus(100) = 100 (exp(100) overflows float32 but not the result);
     * softplus(-100) = 3.7835e-44, a float32 subnormal */
    check_act("softplus", WT_T("float32", "[5]", "[-1,0,2,100,-100]"), "",
              WT_T("float32", "[5]", "[0.3132616877555847,0.6931471824645996,2.1269280910491943,100,3.783505853677006e-44]"));
    check_act("softplus", WT_T("float16", "[3]", "[-1,0.1,20]"), "", WT_T("float16", "[3]", "[0.313232421875,0.744140625,20]"));
    check_act("softplus", WT_T("float32", "[3]", "['-Infinity','Infinity','NaN']"), "", WT_T("float32", "[3]", "[0,'Infinity','NaN']"));
}

static void softsign_float32_float16_specials(void **state)
{
    (void)state;
    check_act("softsign", WT_T("float32", "[4]", "[-1,0.5,3,1e30]"), "", WT_T("float32", "[4]", "[-0.5,0.3333333432674408,0.75,1]"));
    check_act("softsign", WT_T("float16", "[2]", "[0.1,3]"), "", WT_T("float16", "[2]", "[0.09088134765625,0.75]"));
    /* limits at the infinities, not Inf/Inf = NaN (part1.md) */
    check_act("softsign", WT_T("float32", "[3]", "['-Infinity','Infinity','NaN']"), "", WT_T("float32", "[3]", "[-1,1,'NaN']"));
}

static void tanh_float32_float16_specials(void **state)
{
    (void)state;
    check_act("tanh", WT_T("float32", "[4]", "[-1,0.5,2,20]"), "",
              WT_T("float32", "[4]", "[-0.7615941762924194,0.46211716532707214,0.9640275835990906,1]"));
    check_act("tanh", WT_T("float16", "[2]", "[0.1,-1]"), "", WT_T("float16", "[2]", "[0.09967041015625,-0.76171875]"));
    check_act("tanh", WT_T("float32", "[3]", "['-Infinity','Infinity','NaN']"), "", WT_T("float32", "[3]", "[-1,1,'NaN']"));
}

/* ---- builder errors ---- */

static void float_only_activations_reject_integers(void **state)
{
    (void)state;
    static const char *const ops[] = {"elu", "gelu", "hardSigmoid", "hardSwish", "leakyRelu",
                                      "linear", "sigmoid", "softplus", "softsign", "tanh"};
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        check_act_rejected(ops[i], WT_D("int32", "[2]"), "");
        check_act_rejected(ops[i], WT_D("uint8", "[2]"), "");
    }
    check_act_rejected("relu", WT_D("uint32", "[2]"), "");
    check_act_rejected("relu", WT_D("uint8", "[2]"), "");
}

static void double_options_must_be_finite(void **state)
{
    (void)state;
    check_act_rejected("elu", WT_D("float32", "[2]"), "{'alpha':'Infinity'}");
    check_act_rejected("leakyRelu", WT_D("float32", "[2]"), "{'alpha':'NaN'}");
    check_act_rejected("hardSigmoid", WT_D("float32", "[2]"), "{'beta':'-Infinity'}");
    check_act_rejected("linear", WT_D("float32", "[2]"), "{'alpha':'NaN'}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clamp_float32_both_bounds_and_specials),
        cmocka_unit_test(clamp_absent_bounds_do_not_clamp),
        cmocka_unit_test(clamp_float16_casts_bounds),
        cmocka_unit_test(clamp_integers_cast_bounds_with_saturation_and_half_even),
        cmocka_unit_test(clamp_64_bit_bounds_are_exact),
        cmocka_unit_test(clamp_rejects_min_greater_than_max),
        cmocka_unit_test(clamp_compares_bounds_after_casting),
        cmocka_unit_test(elu_float32_default_and_alpha),
        cmocka_unit_test(elu_float16_casts_alpha),
        cmocka_unit_test(gelu_float32_float16_specials),
        cmocka_unit_test(hard_sigmoid_float32_default_and_options),
        cmocka_unit_test(hard_sigmoid_float16_casts_options),
        cmocka_unit_test(hard_swish_float32_float16_specials),
        cmocka_unit_test(leaky_relu_float32_default_and_alpha),
        cmocka_unit_test(leaky_relu_float16_casts_alpha),
        cmocka_unit_test(linear_float32_default_and_options),
        cmocka_unit_test(linear_float16_casts_options),
        cmocka_unit_test(prelu_float32_slope_broadcast),
        cmocka_unit_test(prelu_broadcasts_bidirectionally),
        cmocka_unit_test(prelu_float16_and_integers),
        cmocka_unit_test(prelu_rejects_bad_operands),
        cmocka_unit_test(relu_keeps_nan_and_clamps_negatives),
        cmocka_unit_test(relu_integers),
        cmocka_unit_test(sigmoid_float32_float16_specials),
        cmocka_unit_test(softplus_float32_float16_specials),
        cmocka_unit_test(softsign_float32_float16_specials),
        cmocka_unit_test(tanh_float32_float16_specials),
        cmocka_unit_test(float_only_activations_reject_integers),
        cmocka_unit_test(double_options_must_be_finite),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
