/* argMin, argMax, cumulativeSum and the ten reduce* operations. Expected values are worked
 * out by hand in the comments, or (logs, exps, square roots) computed in double with numpy
 * and rounded once to the output type. */
#include <stdio.h>

#include "support.h"

/* One operation on one input "x" giving "y". `args` are the operator arguments after the
 * input, already in JSON (e.g. "{'axis':1},{'options':{'keepDimensions':true}}"), or "". */
static void check_op(const char *op, const char *in_type, const char *in_shape, const char *in_data,
                     const char *args, const char *out_type, const char *out_shape, const char *out_data)
{
    char json[4096];
    snprintf(json, sizeof json,
             "{'tests':[{'name':'%s','graph':{'inputs':{"
             "'x':{'descriptor':{'dataType':'%s','shape':%s},'data':%s}},"
             "'operators':[{'name':'%s','arguments':[{'input':'x'}%s%s],'outputs':'y'}],"
             "'expectedOutputs':{'y':{'descriptor':{'dataType':'%s','shape':%s},'data':%s}}}}]}",
             op, in_type, in_shape, in_data, op, *args ? "," : "", args, out_type, out_shape, out_data);
    wt_check_case(json);
}

static void reject_op(const char *op, const char *in_type, const char *in_shape, const char *args)
{
    char json[2048];
    snprintf(json, sizeof json,
             "{'tests':[{'name':'%s','graph':{'inputs':{"
             "'x':{'descriptor':{'dataType':'%s','shape':%s}}},"
             "'operators':[{'name':'%s','arguments':[{'input':'x'}%s%s],'outputs':'y'}]},"
             "'expectedError':'TypeError'}]}",
             op, in_type, in_shape, op, *args ? "," : "", args);
    wt_check_rejected(json, WN_TYPE_ERROR);
}

/* x = [[[1,2],[3,4],[5,6]],[[7,8],[9,10],[11,12]]], shape [2,3,2] */
#define X232 "[1,2,3,4,5,6,7,8,9,10,11,12]"

/* ---- axes handling (shared by all reduce*) ---- */

static void reduce_sum_without_axes_reduces_everything(void **state)
{
    (void)state;
    check_op("reduceSum", "float32", "[2,3,2]", X232, "", "float32", "[]", "[78]");
    check_op("reduceSum", "float32", "[2,3,2]", X232, "{'options':{'keepDimensions':true}}", "float32",
             "[1,1,1]", "[78]");
}

static void reduce_sum_over_a_subset_of_axes(void **state)
{
    (void)state;
    /* axes [0,2]: j=0: 1+2+7+8=18, j=1: 3+4+9+10=26, j=2: 5+6+11+12=34 */
    check_op("reduceSum", "float32", "[2,3,2]", X232, "{'options':{'axes':[0,2]}}", "float32", "[3]", "[18,26,34]");
    check_op("reduceSum", "float32", "[2,3,2]", X232, "{'options':{'axes':[2,0],'keepDimensions':true}}",
             "float32", "[1,3,1]", "[18,26,34]");
    /* axes [1]: [[9,12],[27,30]] */
    check_op("reduceSum", "float32", "[2,3,2]", X232, "{'options':{'axes':[1]}}", "float32", "[2,2]",
             "[9,12,27,30]");
}

static void reduce_sum_with_empty_axes_reduces_nothing(void **state)
{
    (void)state;
    check_op("reduceSum", "float32", "[2,3,2]", X232, "{'options':{'axes':[]}}", "float32", "[2,3,2]", X232);
    check_op("reduceSum", "float32", "[2,3,2]", X232, "{'options':{'axes':[],'keepDimensions':true}}", "float32",
             "[2,3,2]", X232);
}

static void reduce_of_a_scalar_is_a_scalar(void **state)
{
    (void)state;
    check_op("reduceSum", "float32", "[]", "[-2.5]", "", "float32", "[]", "[-2.5]");
    check_op("reduceSum", "float32", "[]", "[-2.5]", "{'options':{'axes':[],'keepDimensions':true}}", "float32",
             "[]", "[-2.5]");
    check_op("reduceL1", "float32", "[]", "[-2.5]", "", "float32", "[]", "[2.5]");
    check_op("reduceSumSquare", "int32", "[]", "[-3]", "", "int32", "[]", "[9]");
    check_op("reduceMax", "uint8", "[]", "[200]", "", "uint8", "[]", "[200]");
}

static void reduce_sum_rank5(void **state)
{
    (void)state;
    /* shape [1,2,1,2,2] = values 1..8; axes [1,4]: (a,b)->sum over i,k of x[0,i,0,b?]...
     * element [0,i,0,j,k] = 1 + 4i + 2j + k. Sum over i,k for j: j=0: 1+2+5+6=14, j=1: 3+4+7+8=22 */
    check_op("reduceSum", "float32", "[1,2,1,2,2]", "[1,2,3,4,5,6,7,8]",
             "{'options':{'axes':[1,4],'keepDimensions':true}}", "float32", "[1,1,1,2,1]", "[14,22]");
    check_op("reduceMax", "int32", "[1,2,1,2,2]", "[1,2,3,4,5,6,7,8]", "{'options':{'axes':[0,1,2,3]}}", "int32",
             "[2]", "[7,8]");
}

static void reduce_rejects_bad_axes(void **state)
{
    (void)state;
    reject_op("reduceSum", "float32", "[2,3]", "{'options':{'axes':[2]}}");
    reject_op("reduceSum", "float32", "[2,3]", "{'options':{'axes':[1,1]}}");
    reject_op("reduceMean", "float32", "[2,3]", "{'options':{'axes':[0,1,0]}}");
    reject_op("reduceMax", "float32", "[]", "{'options':{'axes':[0]}}");
    reject_op("reduceL2", "float32", "[2]", "{'options':{'axes':[0,0,0,0,0,0,0,0,0,0,0]}}");
}

static void reduce_rejects_disallowed_types(void **state)
{
    (void)state;
    reject_op("reduceSum", "int8", "[2]", "");
    reject_op("reduceL1", "uint8", "[2]", "");
    reject_op("reduceSumSquare", "int8", "[2]", "");
    reject_op("reduceProduct", "uint8", "[2]", "");
    reject_op("reduceL2", "int32", "[2]", "");
    reject_op("reduceLogSum", "int64", "[2]", "");
    reject_op("reduceLogSumExp", "uint32", "[2]", "");
    reject_op("reduceMean", "int32", "[2]", "");
}

/* ---- per-function values ---- */

static void reduce_sum_float16_rounds_once(void **state)
{
    (void)state;
    /* 2048+1+1 = 2050 exactly (float16 step at 2048 is 2); summing in float16 would stick at 2048 */
    check_op("reduceSum", "float16", "[3]", "[2048,1,1]", "", "float16", "[]", "[2050]");
    /* subnormals add exactly: 2^-24 + 2^-24 = 2^-23 (float16), 2^-149 * 3 (float32) */
    check_op("reduceSum", "float16", "[2]", "[5.960464477539063e-08,5.960464477539063e-08]", "", "float16", "[]",
             "[1.1920928955078125e-07]");
    check_op("reduceSum", "float32", "[3]", "[1.401298464324817e-45,1.401298464324817e-45,1.401298464324817e-45]",
             "", "float32", "[]", "[4.203895392974451e-45]");
    /* 60000 + 8000 overflows float16 -> Infinity */
    check_op("reduceSum", "float16", "[2]", "[60000,8000]", "", "float16", "[]", "['Infinity']");
}

static void reduce_sum_special_values(void **state)
{
    (void)state;
    check_op("reduceSum", "float32", "[2,2]", "['Infinity','-Infinity','Infinity',1]", "{'options':{'axes':[1]}}",
             "float32", "[2]", "['NaN','Infinity']");
    check_op("reduceSum", "float32", "[2,2]", "['NaN',1,'-0','-0']", "{'options':{'axes':[1]}}", "float32", "[2]",
             "['NaN','-0']");
}

static void reduce_sum_integers_wrap(void **state)
{
    (void)state;
    check_op("reduceSum", "int32", "[2]", "[2147483647,1]", "", "int32", "[]", "[-2147483648]");
    check_op("reduceSum", "uint32", "[2]", "[4294967295,2]", "", "uint32", "[]", "[1]");
    check_op("reduceSum", "int64", "[2,2]",
             "['9007199254740993','1','9223372036854775807','1']", "{'options':{'axes':[1]}}", "int64", "[2]",
             "['9007199254740994','-9223372036854775808']");
    check_op("reduceSum", "uint64", "[2]", "['18446744073709551615','3']", "", "uint64", "[]", "['2']");
}

static void reduce_l1_values(void **state)
{
    (void)state;
    check_op("reduceL1", "float32", "[2,2]", "[-1.5,2,'-Infinity',-0.25]", "{'options':{'axes':[1]}}", "float32",
             "[2]", "[3.5,'Infinity']");
    check_op("reduceL1", "float16", "[3]", "[-0.1,0.2,-0.3]", "{'options':{'axes':[]}}", "float16", "[3]",
             "[0.0999755859375,0.199951171875,0.300048828125]");
    /* |-2^31| does not fit int32 and wraps back to -2^31 */
    check_op("reduceL1", "int32", "[3]", "[-2147483648,-5,5]", "{'options':{'axes':[]}}", "int32", "[3]",
             "[-2147483648,5,5]");
    check_op("reduceL1", "int64", "[2]", "['-9007199254740993','-2']", "", "int64", "[]", "['9007199254740995']");
    check_op("reduceL1", "uint32", "[2]", "[4294967295,1]", "", "uint32", "[]", "[0]");
}

static void reduce_l2_values(void **state)
{
    (void)state;
    check_op("reduceL2", "float32", "[2]", "[3,-4]", "", "float32", "[]", "[5]");
    /* sqrt(1+16)=4.1231..., sqrt(4+25), sqrt(9+36) (numpy, rounded once) */
    check_op("reduceL2", "float32", "[2,3]", "[1,2,3,4,5,6]", "{'options':{'axes':[0]}}", "float32", "[3]",
             "[4.123105525970459,5.385164737701416,6.7082037925720215]");
    check_op("reduceL2", "float16", "[2,3]", "[1,2,3,4,5,6]", "{'options':{'axes':[0]}}", "float16", "[3]",
             "[4.125,5.38671875,6.70703125]");
    check_op("reduceL2", "float32", "[3]", "[-2,'-Infinity','NaN']", "{'options':{'axes':[]}}", "float32", "[3]",
             "[2,'Infinity','NaN']");
}

static void reduce_log_sum_values(void **state)
{
    (void)state;
    /* log(6), log(15) */
    check_op("reduceLogSum", "float32", "[2,3]", "[1,2,3,4,5,6]", "{'options':{'axes':[1]}}", "float32", "[2]",
             "[1.7917594909667969,2.70805025100708]");
    check_op("reduceLogSum", "float16", "[2,3]", "[1,2,3,4,5,6]", "{'options':{'axes':[1]}}", "float16", "[2]",
             "[1.7919921875,2.708984375]");
    /* per element: log 1 = 0, log 0 = -Inf, log -1 = NaN */
    check_op("reduceLogSum", "float32", "[3]", "[1,0,-1]", "{'options':{'axes':[]}}", "float32", "[3]",
             "[0,'-Infinity','NaN']");
}

static void reduce_log_sum_exp_is_stable(void **state)
{
    (void)state;
    /* log(e^1000 + e^1000) = 1000 + log 2; a naive exp would overflow */
    check_op("reduceLogSumExp", "float32", "[2]", "[1000,1000]", "", "float32", "[]", "[1000.6931762695312]");
    check_op("reduceLogSumExp", "float32", "[2,3]", "[0.5,-1,2,3,3,-2]", "{'options':{'axes':[1]}}", "float32",
             "[2]", "[2.2413113117218018,3.6965105533599854]");
    check_op("reduceLogSumExp", "float16", "[2,3]", "[0.5,-1,2,3,3,-2]", "{'options':{'axes':[1]}}", "float16",
             "[2]", "[2.2421875,3.697265625]");
    /* axes [] gives x itself, exactly */
    check_op("reduceLogSumExp", "float32", "[3]", "[0.1,-7.25,88]", "{'options':{'axes':[]}}", "float32", "[3]",
             "[0.1,-7.25,88]");
}

static void reduce_log_sum_exp_infinities(void **state)
{
    (void)state;
    check_op("reduceLogSumExp", "float32", "[3,2]", "['-Infinity','-Infinity','Infinity',1,'NaN',1]",
             "{'options':{'axes':[1]}}", "float32", "[3]", "['-Infinity','Infinity','NaN']");
}

static void reduce_mean_values(void **state)
{
    (void)state;
    check_op("reduceMean", "float32", "[2,3]", "[1,2,3,4,5,6]", "{'options':{'axes':[0]}}", "float32", "[3]",
             "[2.5,3.5,4.5]");
    check_op("reduceMean", "float32", "[2,3]", "[1,2,3,4,5,6]", "", "float32", "[]", "[3.5]");
    /* (1+2+2)/3 = 1.66667: float16 neighbours 1+682/1024 and 1+683/1024; the latter is nearer */
    check_op("reduceMean", "float16", "[3]", "[1,2,2]", "{'options':{'keepDimensions':true}}", "float16", "[1]",
             "[1.6669921875]");
    /* 65504 + 65504 overflows float16 but not the double accumulator: the mean is 65504 */
    check_op("reduceMean", "float16", "[2]", "[65504,65504]", "", "float16", "[]", "[65504]");
    check_op("reduceMean", "float32", "[3]", "[-1.5,'NaN',2]", "{'options':{'axes':[]}}", "float32", "[3]",
             "[-1.5,'NaN',2]");
}

static void reduce_max_min_floats(void **state)
{
    (void)state;
    check_op("reduceMax", "float32", "[2,3]", "[1,-2,3,-4,-5,-0.5]", "{'options':{'axes':[1]}}", "float32", "[2]",
             "[3,-0.5]");
    check_op("reduceMin", "float32", "[2,3]", "[1,-2,3,-4,-5,-0.5]", "{'options':{'axes':[0]}}", "float32", "[3]",
             "[-4,-5,-0.5]");
    check_op("reduceMax", "float16", "[3]", "['-Infinity',65504,'Infinity']", "", "float16", "[]", "['Infinity']");
    check_op("reduceMin", "float16", "[3]", "['-Infinity',-65504,1]", "", "float16", "[]", "['-Infinity']");
}

static void reduce_max_min_propagate_nan(void **state)
{
    (void)state;
    /* our choice (the spec leaves it open): any NaN makes the result NaN */
    check_op("reduceMax", "float32", "[2,3]", "[1,'NaN',3,4,5,6]", "{'options':{'axes':[1]}}", "float32", "[2]",
             "['NaN',6]");
    check_op("reduceMin", "float32", "[2,3]", "['NaN',1,3,4,5,6]", "{'options':{'axes':[1]}}", "float32", "[2]",
             "['NaN',4]");
}

static void reduce_max_min_integers(void **state)
{
    (void)state;
    check_op("reduceMax", "int8", "[4]", "[-128,127,0,-1]", "", "int8", "[]", "[127]");
    check_op("reduceMin", "int8", "[4]", "[-128,127,0,-1]", "", "int8", "[]", "[-128]");
    check_op("reduceMax", "uint8", "[2,2]", "[0,255,7,3]", "{'options':{'axes':[0]}}", "uint8", "[2]", "[7,255]");
    check_op("reduceMin", "uint32", "[2]", "[4294967295,4294967294]", "", "uint32", "[]", "[4294967294]");
    /* values 2^53+1 and 2^53+2 differ only beyond double precision */
    check_op("reduceMax", "int64", "[3]", "['9007199254740993','9007199254740994','-9223372036854775808']", "",
             "int64", "[]", "['9007199254740994']");
    check_op("reduceMin", "int64", "[3]", "['9007199254740993','9007199254740994','-9223372036854775808']", "",
             "int64", "[]", "['-9223372036854775808']");
    /* above INT64_MAX: compared as unsigned */
    check_op("reduceMax", "uint64", "[2]", "['18446744073709551615','1']", "", "uint64", "[]",
             "['18446744073709551615']");
    check_op("reduceMin", "uint64", "[2]", "['18446744073709551615','9223372036854775808']", "", "uint64", "[]",
             "['9223372036854775808']");
    check_op("reduceMax", "int32", "[2,2]", "[-7,-3,5,-9]", "{'options':{'axes':[]}}", "int32", "[2,2]",
             "[-7,-3,5,-9]");
}

static void reduce_product_values(void **state)
{
    (void)state;
    check_op("reduceProduct", "float32", "[2,3]", "[1,2,3,4,5,-6]", "{'options':{'axes':[1]}}", "float32", "[2]",
             "[6,-120]");
    check_op("reduceProduct", "float16", "[3]", "[256,256,0.5]", "", "float16", "[]", "[32768]");
    check_op("reduceProduct", "float16", "[2]", "[256,256]", "", "float16", "[]", "['Infinity']");
    check_op("reduceProduct", "float32", "[2]", "['Infinity',0]", "", "float32", "[]", "['NaN']");
    /* 65536 * 65536 = 2^32 wraps to 0 in int32; 65536 * 32768 = 2^31 wraps to -2^31 */
    check_op("reduceProduct", "int32", "[2,2]", "[65536,65536,65536,32768]", "{'options':{'axes':[1]}}", "int32",
             "[2]", "[0,-2147483648]");
    check_op("reduceProduct", "uint32", "[2]", "[65536,65537]", "", "uint32", "[]", "[65536]");
    /* 3 * 3002399751580331 = 9007199254740993 = 2^53 + 1 */
    check_op("reduceProduct", "int64", "[2]", "['3002399751580331','3']", "", "int64", "[]", "['9007199254740993']");
    check_op("reduceProduct", "int64", "[2]", "['-4611686018427387904','2']", "", "int64", "[]",
             "['-9223372036854775808']");
    check_op("reduceProduct", "uint64", "[2]", "['9223372036854775809','2']", "", "uint64", "[]", "['2']");
}

static void reduce_sum_square_values(void **state)
{
    (void)state;
    check_op("reduceSumSquare", "float32", "[2,2]", "[1,-2,0.5,3]", "{'options':{'axes':[0]}}", "float32", "[2]",
             "[1.25,13]");
    check_op("reduceSumSquare", "float32", "[3]", "[-3,0.5,'-Infinity']", "{'options':{'axes':[]}}", "float32",
             "[3]", "[9,0.25,'Infinity']");
    /* 256^2 = 65536 > float16 max */
    check_op("reduceSumSquare", "float16", "[2]", "[255,1]", "", "float16", "[]", "[65024]");
    check_op("reduceSumSquare", "float16", "[1]", "[256]", "", "float16", "[]", "['Infinity']");
    /* 65536^2 = 2^32 wraps to 0; 46341^2 = 2147488281 wraps to -2147479015 */
    check_op("reduceSumSquare", "int32", "[2]", "[65536,46341]", "{'options':{'axes':[]}}", "int32", "[2]",
             "[0,-2147479015]");
    check_op("reduceSumSquare", "uint32", "[1]", "[65537]", "", "uint32", "[]", "[131073]");
    /* (2^32)^2 = 2^64 wraps to 0 in int64; 3037000500^2 = 9223372037000250000 wraps */
    check_op("reduceSumSquare", "int64", "[2]", "['4294967296','3037000500']", "{'options':{'axes':[]}}", "int64",
             "[2]", "['0','-9223372036709301616']");
    check_op("reduceSumSquare", "uint64", "[2]", "['4294967297','1']", "", "uint64", "[]", "['8589934594']");
}

/* ---- argMin / argMax ---- */

static void arg_max_and_arg_min_along_an_axis(void **state)
{
    (void)state;
    /* rows [1,5,3] [9,-2,9]; columns [1,9] [5,-2] [3,9] */
    check_op("argMax", "float32", "[2,3]", "[1,5,3,9,-2,9]", "{'axis':1}", "int32", "[2]", "[1,0]");
    check_op("argMin", "float32", "[2,3]", "[1,5,3,9,-2,9]", "{'axis':1}", "int32", "[2]", "[0,1]");
    check_op("argMax", "float32", "[2,3]", "[1,5,3,9,-2,9]", "{'axis':0}", "int32", "[3]", "[1,0,1]");
    check_op("argMin", "float16", "[2,3]", "[1,5,3,9,-2,9]",
             "{'axis':0},{'options':{'keepDimensions':true,'outputDataType':'int64'}}", "int64", "[1,3]",
             "['0','1','0']");
}

static void arg_max_ties_pick_the_first_index(void **state)
{
    (void)state;
    /* our choice (ties are implementation-defined): the first index */
    check_op("argMax", "float32", "[4]", "[2,7,7,1]", "{'axis':0}", "int32", "[]", "[1]");
    check_op("argMin", "int32", "[4]", "[3,0,5,0]", "{'axis':0}", "int32", "[]", "[1]");
    check_op("argMax", "float32", "[2]", "['-0',0]", "{'axis':0}", "int32", "[]", "[0]");
}

static void arg_max_nan_and_infinity(void **state)
{
    (void)state;
    /* our choice: NaN counts as the extreme, the first NaN wins */
    check_op("argMax", "float32", "[2,3]", "[1,'NaN','Infinity','NaN',5,'NaN']", "{'axis':1}", "int32", "[2]",
             "[1,0]");
    check_op("argMin", "float32", "[2,3]", "['-Infinity','NaN',2,3,'-Infinity',-1]", "{'axis':1}", "int32", "[2]",
             "[1,1]");
}

static void arg_max_integers_compare_exactly(void **state)
{
    (void)state;
    check_op("argMax", "int64", "[3]", "['9007199254740993','9007199254740994','9007199254740992']", "{'axis':0}",
             "int32", "[]", "[1]");
    check_op("argMax", "uint64", "[3]", "['1','18446744073709551615','9223372036854775808']",
             "{'axis':0},{'options':{'outputDataType':'int64'}}",
             "int64", "[]", "['1']");
    check_op("argMin", "uint32", "[2]", "[4294967295,4294967294]", "{'axis':0}", "int32", "[]", "[1]");
    check_op("argMin", "int8", "[3]", "[0,-128,127]", "{'axis':0}", "int32", "[]", "[1]");
    check_op("argMax", "uint8", "[3]", "[0,255,127]", "{'axis':0},{'options':{'keepDimensions':true}}", "int32",
             "[1]", "[1]");
}

static void arg_max_rank5(void **state)
{
    (void)state;
    /* shape [1,1,2,1,2]: [[a,b],[c,d]] over axis 2 -> column-wise argmax */
    check_op("argMax", "float32", "[1,1,2,1,2]", "[1,8,4,2]", "{'axis':2}", "int32", "[1,1,1,2]", "[1,0]");
}

static void arg_min_max_rejections(void **state)
{
    (void)state;
    reject_op("argMax", "float32", "[2,3]", "{'axis':2}");
    reject_op("argMin", "float32", "[2,3]", "{'axis':0},{'options':{'outputDataType':'float32'}}");
    reject_op("argMin", "float32", "[2,3]", "{'axis':0},{'options':{'outputDataType':'uint32'}}");
    reject_op("argMax", "float32", "[2,3]", "{'axis':0},{'options':{'outputDataType':'int8'}}");
    reject_op("argMax", "float32", "[]", "{'axis':0}"); /* rank 0 is not allowed */
    reject_op("argMax", "float32", "[2]", "");          /* axis is required */
    reject_op("argMax", "float32", "[2]", "{'axis':0},{'options':{'outputDataType':'int16'}}");
}

/* ---- cumulativeSum ---- */

static void cumulative_sum_four_modes(void **state)
{
    (void)state;
    check_op("cumulativeSum", "float32", "[4]", "[1,2,3,4]", "{'axis':0}", "float32", "[4]", "[1,3,6,10]");
    check_op("cumulativeSum", "float32", "[4]", "[1,2,3,4]", "{'axis':0},{'options':{'exclusive':true}}", "float32",
             "[4]", "[0,1,3,6]");
    check_op("cumulativeSum", "float32", "[4]", "[1,2,3,4]", "{'axis':0},{'options':{'reversed':true}}", "float32",
             "[4]", "[10,9,7,4]");
    check_op("cumulativeSum", "float32", "[4]", "[1,2,3,4]",
             "{'axis':0},{'options':{'exclusive':true,'reversed':true}}", "float32", "[4]", "[9,7,4,0]");
}

static void cumulative_sum_along_inner_and_outer_axes(void **state)
{
    (void)state;
    check_op("cumulativeSum", "float32", "[2,3]", "[1,2,3,4,5,6]", "{'axis':1}", "float32", "[2,3]",
             "[1,3,6,4,9,15]");
    check_op("cumulativeSum", "float32", "[2,3]", "[1,2,3,4,5,6]", "{'axis':0},{'options':{'reversed':true}}",
             "float32", "[2,3]", "[5,7,9,4,5,6]");
    /* shape [2,1,1,1,2], axis 0, exclusive */
    check_op("cumulativeSum", "int32", "[2,1,1,1,2]", "[1,2,3,4]", "{'axis':0},{'options':{'exclusive':true}}",
             "int32", "[2,1,1,1,2]", "[0,0,1,2]");
}

static void cumulative_sum_rounds_once_and_wraps(void **state)
{
    (void)state;
    /* running sums 2048, 2049, 2050: each rounded once from the exact running sum */
    check_op("cumulativeSum", "float16", "[3]", "[2048,1,1]", "{'axis':0}", "float16", "[3]", "[2048,2048,2050]");
    check_op("cumulativeSum", "float32", "[3]", "['Infinity',1,'-Infinity']", "{'axis':0}", "float32", "[3]",
             "['Infinity','Infinity','NaN']");
    check_op("cumulativeSum", "int32", "[2]", "[2147483647,1]", "{'axis':0}", "int32", "[2]",
             "[2147483647,-2147483648]");
    check_op("cumulativeSum", "uint32", "[2]", "[4294967295,1]", "{'axis':0}", "uint32", "[2]", "[4294967295,0]");
    check_op("cumulativeSum", "int64", "[2]", "['9007199254740992','1']", "{'axis':0}", "int64", "[2]",
             "['9007199254740992','9007199254740993']");
    check_op("cumulativeSum", "uint64", "[2]", "['18446744073709551615','2']", "{'axis':0},{'options':{'reversed':true}}",
             "uint64", "[2]", "['1','2']");
}

static void cumulative_sum_rejections(void **state)
{
    (void)state;
    reject_op("cumulativeSum", "float32", "[2,3]", "{'axis':2}");
    reject_op("cumulativeSum", "int8", "[2]", "{'axis':0}");
    reject_op("cumulativeSum", "uint8", "[2]", "{'axis':0}");
    reject_op("cumulativeSum", "float32", "[]", "{'axis':0}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reduce_sum_without_axes_reduces_everything),
        cmocka_unit_test(reduce_sum_over_a_subset_of_axes),
        cmocka_unit_test(reduce_sum_with_empty_axes_reduces_nothing),
        cmocka_unit_test(reduce_of_a_scalar_is_a_scalar),
        cmocka_unit_test(reduce_sum_rank5),
        cmocka_unit_test(reduce_rejects_bad_axes),
        cmocka_unit_test(reduce_rejects_disallowed_types),
        cmocka_unit_test(reduce_sum_float16_rounds_once),
        cmocka_unit_test(reduce_sum_special_values),
        cmocka_unit_test(reduce_sum_integers_wrap),
        cmocka_unit_test(reduce_l1_values),
        cmocka_unit_test(reduce_l2_values),
        cmocka_unit_test(reduce_log_sum_values),
        cmocka_unit_test(reduce_log_sum_exp_is_stable),
        cmocka_unit_test(reduce_log_sum_exp_infinities),
        cmocka_unit_test(reduce_mean_values),
        cmocka_unit_test(reduce_max_min_floats),
        cmocka_unit_test(reduce_max_min_propagate_nan),
        cmocka_unit_test(reduce_max_min_integers),
        cmocka_unit_test(reduce_product_values),
        cmocka_unit_test(reduce_sum_square_values),
        cmocka_unit_test(arg_max_and_arg_min_along_an_axis),
        cmocka_unit_test(arg_max_ties_pick_the_first_index),
        cmocka_unit_test(arg_max_nan_and_infinity),
        cmocka_unit_test(arg_max_integers_compare_exactly),
        cmocka_unit_test(arg_max_rank5),
        cmocka_unit_test(arg_min_max_rejections),
        cmocka_unit_test(cumulative_sum_four_modes),
        cmocka_unit_test(cumulative_sum_along_inner_and_outer_axes),
        cmocka_unit_test(cumulative_sum_rounds_once_and_wraps),
        cmocka_unit_test(cumulative_sum_rejections),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
