/* batchNormalization, instanceNormalization, layerNormalization:
 *   scale * (x - mean) / sqrt(variance + epsilon) + bias,
 * epsilon first cast to the input's type. Expected values: by hand where exact, otherwise
 * numpy in double (population variance) rounded once to the output type. */
#include <stdio.h>

#include "support.h"

/* `inputs` is the body of graph.inputs, `args` the operator's argument list after
 * {'input':'x'}; the output y has x's descriptor `out_desc`. */
static void check_norm(const char *op, const char *inputs, const char *args, const char *out_desc,
                       const char *out_data)
{
    char json[4096];
    snprintf(json, sizeof json,
             "{'tests':[{'name':'%s','graph':{'inputs':{%s},"
             "'operators':[{'name':'%s','arguments':[{'input':'x'}%s],'outputs':'y'}],"
             "'expectedOutputs':{'y':{'descriptor':%s,'data':%s}}}}]}",
             op, inputs, op, args, out_desc, out_data);
    wt_check_case(json);
}

static void reject_norm(const char *op, const char *inputs, const char *args)
{
    char json[4096];
    snprintf(json, sizeof json,
             "{'tests':[{'name':'bad','graph':{'inputs':{%s},"
             "'operators':[{'name':'%s','arguments':[{'input':'x'}%s],'outputs':'y'}]},"
             "'expectedError':'TypeError'}]}",
             inputs, op, args);
    wt_check_rejected(json, WN_TYPE_ERROR);
}

/* ---- batchNormalization ---- */

#define BN_X "'x':{'descriptor':{'dataType':'float32','shape':[1,2,2,2]},'data':[1,2,3,4,5,6,7,8]}"
#define VEC2(name, a, b) "'" name "':{'descriptor':{'dataType':'float32','shape':[2]},'data':[" a "," b "]}"
#define BN_MV VEC2("m", "2.5", "6") "," VEC2("v", "1.25", "4")

static void batch_normalization_nchw_with_scale_and_bias(void **state)
{
    (void)state;
    check_norm("batchNormalization", BN_X "," BN_MV "," VEC2("s", "2", "0.5") "," VEC2("b", "1", "-1"),
               ",{'mean':'m'},{'variance':'v'},{'options':{'scale':'s','bias':'b'}}",
               "{'dataType':'float32','shape':[1,2,2,2]}",
               "[-1.683270812034607,0.10557638853788376,1.8944236040115356,3.6832709312438965,"
               "-1.2499996423721313,-1.0,-0.7500002980232239,-0.5000005960464478]");
}

static void batch_normalization_last_axis_without_scale_or_bias(void **state)
{
    (void)state;
    /* axis 2 of [1,3,2]: features (mean 3, var 3.5) and (mean 4, var 0.5); epsilon 0.5 makes
     * the divisors sqrt(4) = 2 and sqrt(1) = 1, so every result is exact */
    check_norm("batchNormalization",
               "'x':{'descriptor':{'dataType':'float32','shape':[1,3,2]},'data':[1,2,3,4,5,6]},"
               VEC2("m", "3", "4") "," VEC2("v", "3.5", "0.5"),
               ",{'mean':'m'},{'variance':'v'},{'options':{'axis':2,'epsilon':0.5}}",
               "{'dataType':'float32','shape':[1,3,2]}", "[-1,-2,0,0,1,2]");
}

static void batch_normalization_rank1_and_rank5(void **state)
{
    (void)state;
    check_norm("batchNormalization",
               "'x':{'descriptor':{'dataType':'float32','shape':[2]},'data':[5,-5]}," VEC2("m", "1", "-1") ","
               VEC2("v", "3.75", "15.75"),
               ",{'mean':'m'},{'variance':'v'},{'options':{'axis':0,'epsilon':0.25}}",
               "{'dataType':'float32','shape':[2]}", "[2,-1]");
    /* shape [1,2,1,1,2], default axis 1: (x - m) / sqrt(v + 0.25) */
    check_norm("batchNormalization",
               "'x':{'descriptor':{'dataType':'float32','shape':[1,2,1,1,2]},'data':[1,3,0,8]},"
               VEC2("m", "1", "2") "," VEC2("v", "0.75", "3.75"),
               ",{'mean':'m'},{'variance':'v'},{'options':{'epsilon':0.25}}",
               "{'dataType':'float32','shape':[1,2,1,1,2]}", "[0,2,-1,3]");
}

static void batch_normalization_casts_epsilon_to_float16(void **state)
{
    (void)state;
    /* variance 0: the result is 1/sqrt(eps). eps = 1e-5 cast to float16 is 1.0013580322265625e-5
     * and 1/sqrt of it is 316.01 -> 316; with the uncast 1e-5 it would be 316.23 -> 316.25 */
    check_norm("batchNormalization",
               "'x':{'descriptor':{'dataType':'float16','shape':[1,1,1]},'data':[1]},"
               "'m':{'descriptor':{'dataType':'float16','shape':[1]},'data':[0]},"
               "'v':{'descriptor':{'dataType':'float16','shape':[1]},'data':[0]}",
               ",{'mean':'m'},{'variance':'v'}", "{'dataType':'float16','shape':[1,1,1]}", "[316]");
}

static void batch_normalization_special_values(void **state)
{
    (void)state;
    /* float16 overflow: 2 * 65504 / sqrt(1 + eps) = 131006.7 -> Infinity */
    check_norm("batchNormalization",
               "'x':{'descriptor':{'dataType':'float16','shape':[1,1]},'data':[2]},"
               "'m':{'descriptor':{'dataType':'float16','shape':[1]},'data':[0]},"
               "'v':{'descriptor':{'dataType':'float16','shape':[1]},'data':[1]},"
               "'s':{'descriptor':{'dataType':'float16','shape':[1]},'data':[65504]}",
               ",{'mean':'m'},{'variance':'v'},{'options':{'scale':'s'}}", "{'dataType':'float16','shape':[1,1]}",
               "['Infinity']");
    check_norm("batchNormalization",
               "'x':{'descriptor':{'dataType':'float32','shape':[1,2,2]},'data':['Infinity','NaN',1,1]},"
               VEC2("m", "0", "1") "," VEC2("v", "0.75", "-0.25"),
               ",{'mean':'m'},{'variance':'v'},{'options':{'epsilon':0.25}}",
               "{'dataType':'float32','shape':[1,2,2]}", "['Infinity','NaN','NaN','NaN']");
}

#define BN_X3 "'x':{'descriptor':{'dataType':'float32','shape':[1,2,3]}}"
#define BN_OK2 "'m':{'descriptor':{'dataType':'float32','shape':[2]}},'v':{'descriptor':{'dataType':'float32','shape':[2]}}"
#define F32(name, shape) "'" name "':{'descriptor':{'dataType':'float32','shape':" shape "}}"

static void batch_normalization_rejections(void **state)
{
    (void)state;
    const char *mv = ",{'mean':'m'},{'variance':'v'}";
    reject_norm("batchNormalization", BN_X3 "," BN_OK2, ",{'mean':'m'},{'variance':'v'},{'options':{'axis':3}}");
    reject_norm("batchNormalization", BN_X3 "," F32("m", "[3]") "," F32("v", "[2]"), mv);
    reject_norm("batchNormalization", BN_X3 "," F32("m", "[2]") "," F32("v", "[3]"), mv);
    reject_norm("batchNormalization", BN_X3 "," F32("m", "[1,2]") "," F32("v", "[2]"), mv);
    reject_norm("batchNormalization", BN_X3 "," BN_OK2 "," F32("s", "[3]"),
                ",{'mean':'m'},{'variance':'v'},{'options':{'scale':'s'}}");
    reject_norm("batchNormalization", BN_X3 "," BN_OK2 "," F32("b", "[1]"),
                ",{'mean':'m'},{'variance':'v'},{'options':{'bias':'b'}}");
    /* axis 2 makes the feature size 3, so [2]-shaped mean no longer fits */
    reject_norm("batchNormalization", BN_X3 "," BN_OK2, ",{'mean':'m'},{'variance':'v'},{'options':{'axis':2}}");
    reject_norm("batchNormalization",
                BN_X3 ",'m':{'descriptor':{'dataType':'float16','shape':[2]}}," F32("v", "[2]"), mv);
    reject_norm("batchNormalization",
                "'x':{'descriptor':{'dataType':'int32','shape':[1,2,3]}},"
                "'m':{'descriptor':{'dataType':'int32','shape':[2]}},'v':{'descriptor':{'dataType':'int32','shape':[2]}}",
                mv);
    reject_norm("batchNormalization", BN_X3 "," BN_OK2,
                ",{'mean':'m'},{'variance':'v'},{'options':{'epsilon':'NaN'}}");
}

/* ---- instanceNormalization ---- */

/* x [2,2,1,2] nchw; per (n,c): [1,3] mean 2 var 1, [10,20] mean 15 var 25, [-1,1], [0,0] var 0 */
#define IN_X "'x':{'descriptor':{'dataType':'float32','shape':[2,2,1,2]},'data':[1,3,10,20,-1,1,0,0]}"
#define IN_X_NHWC "'x':{'descriptor':{'dataType':'float32','shape':[2,1,2,2]},'data':[1,10,3,20,-1,0,1,0]}"
#define IN_SB VEC2("s", "2", "0.5") "," VEC2("b", "1", "-1")

static void instance_normalization_nchw(void **state)
{
    (void)state;
    check_norm("instanceNormalization", IN_X "," IN_SB, ",{'options':{'scale':'s','bias':'b'}}",
               "{'dataType':'float32','shape':[2,2,1,2]}",
               "[-0.9999899864196777,2.9999899864196777,-1.4999998807907104,-0.5000001192092896,"
               "-0.9999899864196777,2.9999899864196777,-1.0,-1.0]");
}

static void instance_normalization_nhwc(void **state)
{
    (void)state;
    /* the same tensor transposed to nhwc gives the transposed result */
    check_norm("instanceNormalization", IN_X_NHWC "," IN_SB,
               ",{'options':{'scale':'s','bias':'b','layout':'nhwc'}}", "{'dataType':'float32','shape':[2,1,2,2]}",
               "[-0.9999899864196777,-1.4999998807907104,2.9999899864196777,-0.5000001192092896,"
               "-0.9999899864196777,-1.0,2.9999899864196777,-1.0]");
}

static void instance_normalization_float16_defaults(void **state)
{
    (void)state;
    /* no scale/bias: +-1/sqrt(1 + eps) rounds to +-1 in float16; constant channel gives 0 */
    check_norm("instanceNormalization",
               "'x':{'descriptor':{'dataType':'float16','shape':[2,2,1,2]},'data':[1,3,10,20,-1,1,0,0]}", "",
               "{'dataType':'float16','shape':[2,2,1,2]}", "[-1,1,-1,1,-1,1,0,0]");
}

static void instance_normalization_rejections(void **state)
{
    (void)state;
    const char *x = "'x':{'descriptor':{'dataType':'float32','shape':[1,2,3,3]}}";
    char inputs[512];
    snprintf(inputs, sizeof inputs, "%s,%s", x, F32("s", "[3]"));
    reject_norm("instanceNormalization", inputs, ",{'options':{'scale':'s'}}");
    /* [3] is the channel count only in nhwc: reject in nchw, and [2] in nhwc */
    snprintf(inputs, sizeof inputs, "%s,%s", x, F32("b", "[2]"));
    reject_norm("instanceNormalization", inputs, ",{'options':{'bias':'b','layout':'nhwc'}}");
    snprintf(inputs, sizeof inputs, "%s,%s", x, F32("s", "[2,1]"));
    reject_norm("instanceNormalization", inputs, ",{'options':{'scale':'s'}}");
    reject_norm("instanceNormalization", F32("x", "[1,2,3]"), "");
    reject_norm("instanceNormalization", F32("x", "[1,2,3,3,1]"), "");
    reject_norm("instanceNormalization", x, ",{'options':{'layout':'nwhc'}}");
    reject_norm("instanceNormalization", "'x':{'descriptor':{'dataType':'int32','shape':[1,2,3,3]}}", "");
    snprintf(inputs, sizeof inputs, "%s,'s':{'descriptor':{'dataType':'float16','shape':[2]}}", x);
    reject_norm("instanceNormalization", inputs, ",{'options':{'scale':'s'}}");
}

/* ---- layerNormalization ---- */

#define LN_X "'x':{'descriptor':{'dataType':'float32','shape':[2,3]},'data':[1,2,3,4,4,4]}"

static void layer_normalization_default_axes(void **state)
{
    (void)state;
    /* axes [1]: row 1 mean 2 var 2/3; row 2 constant -> 0 */
    check_norm("layerNormalization", LN_X, "", "{'dataType':'float32','shape':[2,3]}",
               "[-1.2247357368469238,0,1.2247357368469238,0,0,0]");
    check_norm("layerNormalization",
               "'x':{'descriptor':{'dataType':'float16','shape':[2,3]},'data':[1,2,3,4,4,4]}", "",
               "{'dataType':'float16','shape':[2,3]}", "[-1.224609375,0,1.224609375,0,0,0]");
}

static void layer_normalization_scale_and_bias(void **state)
{
    (void)state;
    check_norm("layerNormalization",
               LN_X ",'s':{'descriptor':{'dataType':'float32','shape':[3]},'data':[1,2,-1]},"
                    "'b':{'descriptor':{'dataType':'float32','shape':[3]},'data':[0.5,0,0.25]}",
               ",{'options':{'scale':'s','bias':'b'}}", "{'dataType':'float32','shape':[2,3]}",
               "[-0.724735677242279,0,-0.974735677242279,0.5,0,0.25]");
}

static void layer_normalization_first_axis(void **state)
{
    (void)state;
    /* axes [0]: columns (1,4), (2,4), (3,4); scale of shape [2] */
    check_norm("layerNormalization", LN_X ",'s':{'descriptor':{'dataType':'float32','shape':[2]},'data':[2,3]}",
               ",{'options':{'axes':[0],'scale':'s'}}", "{'dataType':'float32','shape':[2,3]}",
               "[-1.9999955892562866,-1.9999899864196777,-1.999959945678711,"
               "2.999993324279785,2.9999849796295166,2.9999399185180664]");
}

static void layer_normalization_non_trailing_axes_in_given_order(void **state)
{
    (void)state;
    /* x [2,1,3], axes [2,0]: scale/bias have shape [3,2] = (dim 2, dim 0), indexed [k2][k0] */
    check_norm("layerNormalization",
               "'x':{'descriptor':{'dataType':'float32','shape':[2,1,3]},'data':[1,2,4,-3,0,5]},"
               "'s':{'descriptor':{'dataType':'float32','shape':[3,2]},'data':[1,2,3,4,5,6]},"
               "'b':{'descriptor':{'dataType':'float32','shape':[3,2]},'data':[0,0.5,1,1.5,2,2.5]}",
               ",{'options':{'axes':[2,0],'scale':'s','bias':'b'}}", "{'dataType':'float32','shape':[2,1,3]}",
               "[-0.19011713564395905,1.5703513622283936,6.752928256988525,"
               "-2.9221084117889404,-0.7814056277275085,10.484919548034668]");
}

static void layer_normalization_empty_axes_gives_bias(void **state)
{
    (void)state;
    /* each element is its own mean with variance 0: output = bias, or 0 without bias */
    check_norm("layerNormalization",
               LN_X ",'s':{'descriptor':{'dataType':'float32','shape':[]},'data':[3]},"
                    "'b':{'descriptor':{'dataType':'float32','shape':[]},'data':[-1.5]}",
               ",{'options':{'axes':[],'scale':'s','bias':'b'}}", "{'dataType':'float32','shape':[2,3]}",
               "[-1.5,-1.5,-1.5,-1.5,-1.5,-1.5]");
    check_norm("layerNormalization", LN_X, ",{'options':{'axes':[]}}", "{'dataType':'float32','shape':[2,3]}",
               "[0,0,0,0,0,0]");
}

static void layer_normalization_rank0_and_rank5(void **state)
{
    (void)state;
    /* rank 0: the default axes are empty */
    check_norm("layerNormalization",
               "'x':{'descriptor':{'dataType':'float32','shape':[]},'data':[7]},"
               "'b':{'descriptor':{'dataType':'float32','shape':[]},'data':[0.5]}",
               ",{'options':{'bias':'b'}}", "{'dataType':'float32','shape':[]}", "[0.5]");
    /* shape [2,1,2,1,2], default axes [1,2,3,4]: squares 0..49 */
    check_norm("layerNormalization",
               "'x':{'descriptor':{'dataType':'float32','shape':[2,1,2,1,2]},'data':[0,1,4,9,16,25,36,49]}", "",
               "{'dataType':'float32','shape':[2,1,2,1,2]}",
               "[-0.9999995827674866,-0.7142854332923889,0.14285708963871002,1.5714279413223267,"
               "-1.256183385848999,-0.5267865657806396,0.3646983802318573,1.418271541595459]");
}

static void layer_normalization_special_values(void **state)
{
    (void)state;
    /* an Inf makes its group's mean and variance non-finite: the whole row is NaN */
    check_norm("layerNormalization",
               "'x':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':['Infinity',1,'NaN',2]}", "",
               "{'dataType':'float32','shape':[2,2]}", "['NaN','NaN','NaN','NaN']");
}

static void layer_normalization_rejections(void **state)
{
    (void)state;
    const char *x = F32("x", "[2,3,4]");
    char inputs[512];
    reject_norm("layerNormalization", x, ",{'options':{'axes':[3]}}");
    reject_norm("layerNormalization", x, ",{'options':{'axes':[1,1]}}");
    reject_norm("layerNormalization", F32("x", "[]"), ",{'options':{'axes':[0]}}");
    /* default axes [1,2]: scale must have rank 2 and shape [3,4] */
    snprintf(inputs, sizeof inputs, "%s,%s", x, F32("s", "[12]"));
    reject_norm("layerNormalization", inputs, ",{'options':{'scale':'s'}}");
    snprintf(inputs, sizeof inputs, "%s,%s", x, F32("s", "[4,3]"));
    reject_norm("layerNormalization", inputs, ",{'options':{'scale':'s'}}");
    snprintf(inputs, sizeof inputs, "%s,%s", x, F32("b", "[3,5]"));
    reject_norm("layerNormalization", inputs, ",{'options':{'bias':'b'}}");
    snprintf(inputs, sizeof inputs, "%s,%s", x, F32("b", "[3]"));
    reject_norm("layerNormalization", inputs, ",{'options':{'bias':'b','axes':[2]}}");
    /* axes [2,1]: shape must be [4,3], so [3,4] is wrong */
    snprintf(inputs, sizeof inputs, "%s,%s", x, F32("s", "[3,4]"));
    reject_norm("layerNormalization", inputs, ",{'options':{'scale':'s','axes':[2,1]}}");
    snprintf(inputs, sizeof inputs, "%s,%s", x, F32("s", "[]"));
    reject_norm("layerNormalization", inputs, ",{'options':{'scale':'s','axes':[0]}}");
    snprintf(inputs, sizeof inputs, "%s,'s':{'descriptor':{'dataType':'float16','shape':[3,4]}}", x);
    reject_norm("layerNormalization", inputs, ",{'options':{'scale':'s'}}");
    reject_norm("layerNormalization", "'x':{'descriptor':{'dataType':'int64','shape':[2,3]}}", "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(batch_normalization_nchw_with_scale_and_bias),
        cmocka_unit_test(batch_normalization_last_axis_without_scale_or_bias),
        cmocka_unit_test(batch_normalization_rank1_and_rank5),
        cmocka_unit_test(batch_normalization_casts_epsilon_to_float16),
        cmocka_unit_test(batch_normalization_special_values),
        cmocka_unit_test(batch_normalization_rejections),
        cmocka_unit_test(instance_normalization_nchw),
        cmocka_unit_test(instance_normalization_nhwc),
        cmocka_unit_test(instance_normalization_float16_defaults),
        cmocka_unit_test(instance_normalization_rejections),
        cmocka_unit_test(layer_normalization_default_axes),
        cmocka_unit_test(layer_normalization_scale_and_bias),
        cmocka_unit_test(layer_normalization_first_axis),
        cmocka_unit_test(layer_normalization_non_trailing_axes_in_given_order),
        cmocka_unit_test(layer_normalization_empty_axes_gives_bias),
        cmocka_unit_test(layer_normalization_rank0_and_rank5),
        cmocka_unit_test(layer_normalization_special_values),
        cmocka_unit_test(layer_normalization_rejections),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
