/* quantizeLinear and dequantizeLinear: per-tensor, per-axis and blockwise scale/zeroPoint,
 * every allowed type, saturation to the output type, and exact single rounding. Expected
 * values are worked out by hand; the two "rounded once" cases were found and checked with
 * Python's exact fractions (independently of the kernel). */
#include <stdio.h>

#include "support.h"

#define IN(name, type, shape, data) \
    "'" name "':{'descriptor':{'dataType':'" type "','shape':" shape "},'data':" data "}"
#define DECL(name, type, shape) "'" name "':{'descriptor':{'dataType':'" type "','shape':" shape "}}"
#define OUT(name, type, shape, data) IN(name, type, shape, data)
#define ARGS "[{'input':'x'},{'scale':'s'},{'zeroPoint':'z'}]"

static void check_op(const char *inputs, const char *op, const char *expected)
{
    char buf[8192];
    int n = snprintf(buf, sizeof buf,
                     "{'tests':[{'name':'%s','graph':{'inputs':{%s},'operators':[{'name':'%s','arguments':" ARGS
                     ",'outputs':'y'}],'expectedOutputs':{%s}}}]}",
                     op, inputs, op, expected);
    assert_true(n > 0 && (size_t)n < sizeof buf);
    wt_check_case(buf);
}

/* ---- quantizeLinear ---- */

static void quantize_uint8_per_tensor_rounds_half_to_even(void **state)
{
    (void)state;
    /* x/0.5 = 0, 2, 2.5, 3.5, -0.5, 1000, -200 -> roundEven 0, 2, 2, 4, -0, 1000, -200; + 128, saturate */
    check_op(IN("x", "float32", "[7]", "[0,1,1.25,1.75,-0.25,500,-100]") "," IN("s", "float32", "[1]", "[0.5]") ","
             IN("z", "uint8", "[1]", "[128]"),
             "quantizeLinear", OUT("y", "uint8", "[7]", "[128,130,130,132,128,255,0]"));
}

static void quantize_int8_saturates_to_int8_not_0_255(void **state)
{
    (void)state;
    /* -210 -> -128; -6 - 10 = -16; 4 - 10 = -6; 138 - 10 = 128 -> 127; 137 - 10 = 127 */
    check_op(IN("x", "float32", "[5]", "[-200,-5.5,4.5,137.5,137.4]") "," IN("s", "float32", "[1]", "[1]") ","
             IN("z", "int8", "[1]", "[-10]"),
             "quantizeLinear", OUT("y", "int8", "[5]", "[-128,-16,-6,127,127]"));
}

static void quantize_int32_and_uint32_outputs(void **state)
{
    (void)state;
    check_op(IN("x", "float32", "[3]", "[2147483520,-2147483648,1e10]") "," IN("s", "float32", "[1]", "[1]") ","
             IN("z", "int32", "[1]", "[5]"),
             "quantizeLinear", OUT("y", "int32", "[3]", "[2147483525,-2147483643,2147483647]"));
    check_op(IN("x", "float32", "[3]", "[-1,4294967296,3e9]") "," IN("s", "float32", "[1]", "[1]") ","
             IN("z", "uint32", "[1]", "[0]"),
             "quantizeLinear", OUT("y", "uint32", "[3]", "[0,4294967295,3000000000]"));
}

static void quantize_rounds_the_exact_quotient(void **state)
{
    (void)state;
    /* 4282384896 / (1 + 2^-23) is just below 4282384385.5, but its double quotient is exactly
     * 4282384385.5, which roundEven would take to ...386 */
    check_op(IN("x", "float32", "[1]", "[4282384896]") "," IN("s", "float32", "[1]", "[1.00000011920928955078125]") ","
             IN("z", "uint32", "[1]", "[0]"),
             "quantizeLinear", OUT("y", "uint32", "[1]", "[4282384385]"));
}

static void quantize_float16_input_scalar_and_rank5(void **state)
{
    (void)state;
    check_op(IN("x", "float16", "[4]", "[0.5,1.5,2.5,-2.5]") "," IN("s", "float16", "[1]", "[1]") ","
             IN("z", "int8", "[1]", "[0]"),
             "quantizeLinear", OUT("y", "int8", "[4]", "[0,2,2,-2]"));
    check_op(IN("x", "float32", "[]", "2.5") "," IN("s", "float32", "[]", "1") "," IN("z", "uint8", "[]", "0"),
             "quantizeLinear", OUT("y", "uint8", "[]", "2"));
    /* last axis blockwise: column 0 scale 1 zp 0, column 1 scale 2 zp -1 */
    check_op(IN("x", "float16", "[1,1,1,2,2]", "[1,2,3,4]") "," IN("s", "float16", "[1,1,1,1,2]", "[1,2]") ","
             IN("z", "int8", "[1,1,1,1,2]", "[0,-1]"),
             "quantizeLinear", OUT("y", "int8", "[1,1,1,2,2]", "[1,0,3,1]"));
}

static void quantize_per_axis(void **state)
{
    (void)state;
    /* columns scale 1, 2, 4 and zero points 0, 10, 20 */
    check_op(IN("x", "float32", "[2,3]", "[1,2,3,4,5,6]") "," IN("s", "float32", "[1,3]", "[1,2,4]") ","
             IN("z", "uint8", "[1,3]", "[0,10,20]"),
             "quantizeLinear", OUT("y", "uint8", "[2,3]", "[1,11,21,4,12,22]"));
}

static void quantize_blockwise_repeats_contiguous_blocks(void **state)
{
    (void)state;
    /* scale [1,10] over 4 elements covers [0,1] and [2,3] (contiguous, not tiled) */
    check_op(IN("x", "float32", "[4]", "[10,20,30,40]") "," IN("s", "float32", "[2]", "[1,10]") ","
             IN("z", "int8", "[2]", "[0,0]"),
             "quantizeLinear", OUT("y", "int8", "[4]", "[10,20,3,4]"));
    /* rows 0-1 scale 1 zp 0; rows 2-3 scale 2 zp 1 */
    check_op(IN("x", "float32", "[4,2]", "[1,2,3,4,5,6,7,8]") "," IN("s", "float32", "[2,1]", "[1,2]") ","
             IN("z", "uint8", "[2,1]", "[0,1]"),
             "quantizeLinear", OUT("y", "uint8", "[4,2]", "[1,2,3,4,3,4,5,5]"));
}

static void quantize_nan_and_infinities(void **state)
{
    (void)state;
    /* implementation-defined NaN: ours gives 0; infinities saturate */
    check_op(IN("x", "float32", "[3]", "['NaN','Infinity','-Infinity']") "," IN("s", "float32", "[1]", "[1]") ","
             IN("z", "uint8", "[1]", "[3]"),
             "quantizeLinear", OUT("y", "uint8", "[3]", "[0,255,0]"));
    check_op(IN("x", "float32", "[3]", "['NaN','Infinity','-Infinity']") "," IN("s", "float32", "[1]", "[1]") ","
             IN("z", "int8", "[1]", "[3]"),
             "quantizeLinear", OUT("y", "int8", "[3]", "[0,127,-128]"));
}

static void quantize_non_positive_scale_applies_the_formula(void **state)
{
    (void)state;
    /* implementation-defined; ours: x/0 = +-Inf saturates, 0/0 = NaN gives 0; negative scale divides */
    check_op(IN("x", "float32", "[3]", "[1,-1,0]") "," IN("s", "float32", "[1]", "[0]") ","
             IN("z", "uint8", "[1]", "[0]"),
             "quantizeLinear", OUT("y", "uint8", "[3]", "[255,0,0]"));
    check_op(IN("x", "float32", "[2]", "[2,-3]") "," IN("s", "float32", "[1]", "[-1]") ","
             IN("z", "int8", "[1]", "[10]"),
             "quantizeLinear", OUT("y", "int8", "[2]", "[8,13]"));
}

static void quantize_rejects_types(void **state)
{
    (void)state;
    wt_check_op_rejected("quantizeLinear", DECL("x", "float32", "[2]") "," DECL("s", "float16", "[1]") "," DECL("z", "uint8", "[1]"), ARGS);
    wt_check_op_rejected("quantizeLinear", DECL("x", "float32", "[2]") "," DECL("s", "float32", "[1]") "," DECL("z", "int64", "[1]"), ARGS);
    wt_check_op_rejected("quantizeLinear", DECL("x", "int8", "[2]") "," DECL("s", "float32", "[1]") "," DECL("z", "uint8", "[1]"), ARGS);
}

static void quantize_rejects_shapes(void **state)
{
    (void)state;
    /* scale and zeroPoint shapes differ */
    wt_check_op_rejected("quantizeLinear", DECL("x", "float32", "[4]") "," DECL("s", "float32", "[2]") "," DECL("z", "uint8", "[1]"), ARGS);
    /* 4 is not a multiple of 3 */
    wt_check_op_rejected("quantizeLinear", DECL("x", "float32", "[4]") "," DECL("s", "float32", "[3]") "," DECL("z", "uint8", "[3]"), ARGS);
    /* lower rank is not allowed */
    wt_check_op_rejected("quantizeLinear", DECL("x", "float32", "[4]") "," DECL("s", "float32", "[]") "," DECL("z", "uint8", "[]"), ARGS);
}

/* ---- dequantizeLinear ---- */

static void dequantize_uint8_per_tensor(void **state)
{
    (void)state;
    check_op(IN("x", "uint8", "[3]", "[0,128,255]") "," IN("s", "float32", "[1]", "[0.5]") ","
             IN("z", "uint8", "[1]", "[128]"),
             "dequantizeLinear", OUT("y", "float32", "[3]", "[-64,0,63.5]"));
}

static void dequantize_int8_per_axis_to_float16(void **state)
{
    (void)state;
    /* float16 0.1 is 0.0999755859375; 3 * that = 0.2999267578125, a float16 tie -> 0.2998046875 */
    check_op(IN("x", "int8", "[2,2]", "[-128,127,0,5]") "," IN("s", "float16", "[2,1]", "[0.5,0.1]") ","
             IN("z", "int8", "[2,1]", "[0,-3]"),
             "dequantizeLinear", OUT("y", "float16", "[2,2]", "[-64,63.5,0.2998046875,0.7998046875]"));
}

static void dequantize_int32_and_uint32(void **state)
{
    (void)state;
    check_op(IN("x", "int32", "[2]", "[2147483647,-2147483648]") "," IN("s", "float32", "[1]", "[1]") ","
             IN("z", "int32", "[1]", "[1]"),
             "dequantizeLinear", OUT("y", "float32", "[2]", "[2147483648,-2147483648]"));
    check_op(IN("x", "uint32", "[2]", "[4294967295,0]") "," IN("s", "float32", "[1]", "[0.25]") ","
             IN("z", "uint32", "[1]", "[4294967295]"),
             "dequantizeLinear", OUT("y", "float32", "[2]", "[0,-1073741824]"));
}

static void dequantize_rounds_the_exact_product_once(void **state)
{
    (void)state;
    /* 3229614079 * (1 + 2^-23) = 3229614464 - 2^-23: the double product is the float32 tie
     * 3229614464, which would round to even (...592); the exact product rounds down */
    check_op(IN("x", "uint32", "[1]", "[3229614079]") "," IN("s", "float32", "[1]", "[1.00000011920928955078125]") ","
             IN("z", "uint32", "[1]", "[0]"),
             "dequantizeLinear", OUT("y", "float32", "[1]", "[3229614336]"));
}

static void dequantize_blockwise_scalar_and_rank5(void **state)
{
    (void)state;
    /* columns 0-1 scale 1 zp 0; columns 2-3 scale 10 zp 4 */
    check_op(IN("x", "uint8", "[2,4]", "[1,2,3,4,5,6,7,8]") "," IN("s", "float32", "[1,2]", "[1,10]") ","
             IN("z", "uint8", "[1,2]", "[0,4]"),
             "dequantizeLinear", OUT("y", "float32", "[2,4]", "[1,2,-10,0,5,6,30,40]"));
    check_op(IN("x", "int8", "[]", "-3") "," IN("s", "float16", "[]", "0.5") "," IN("z", "int8", "[]", "1"),
             "dequantizeLinear", OUT("y", "float16", "[]", "-2"));
    /* float16 overflow to +-Inf */
    check_op(IN("x", "int32", "[1,1,1,1,2]", "[70000,-70000]") "," IN("s", "float16", "[1,1,1,1,1]", "[1]") ","
             IN("z", "int32", "[1,1,1,1,1]", "[0]"),
             "dequantizeLinear", OUT("y", "float16", "[1,1,1,1,2]", "['Infinity','-Infinity']"));
}

static void dequantize_non_positive_scale_applies_the_formula(void **state)
{
    (void)state;
    check_op(IN("x", "uint8", "[2]", "[1,3]") "," IN("s", "float32", "[2]", "[0,-2]") "," IN("z", "uint8", "[2]", "[0,1]"),
             "dequantizeLinear", OUT("y", "float32", "[2]", "[0,-4]"));
}

static void dequantize_rejects_types(void **state)
{
    (void)state;
    wt_check_op_rejected("dequantizeLinear", DECL("x", "uint8", "[2]") "," DECL("s", "float32", "[1]") "," DECL("z", "int8", "[1]"), ARGS);
    wt_check_op_rejected("dequantizeLinear", DECL("x", "float32", "[2]") "," DECL("s", "float32", "[1]") "," DECL("z", "float32", "[1]"), ARGS);
    wt_check_op_rejected("dequantizeLinear", DECL("x", "uint8", "[2]") "," DECL("s", "int32", "[1]") "," DECL("z", "uint8", "[1]"), ARGS);
}

static void dequantize_rejects_shapes(void **state)
{
    (void)state;
    wt_check_op_rejected("dequantizeLinear", DECL("x", "uint8", "[4]") "," DECL("s", "float32", "[2]") "," DECL("z", "uint8", "[1]"), ARGS);
    wt_check_op_rejected("dequantizeLinear", DECL("x", "uint8", "[4,4]") "," DECL("s", "float32", "[1,3]") "," DECL("z", "uint8", "[1,3]"), ARGS);
    wt_check_op_rejected("dequantizeLinear", DECL("x", "uint8", "[4]") "," DECL("s", "float32", "[1,1]") "," DECL("z", "uint8", "[1,1]"), ARGS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quantize_uint8_per_tensor_rounds_half_to_even),
        cmocka_unit_test(quantize_int8_saturates_to_int8_not_0_255),
        cmocka_unit_test(quantize_int32_and_uint32_outputs),
        cmocka_unit_test(quantize_rounds_the_exact_quotient),
        cmocka_unit_test(quantize_float16_input_scalar_and_rank5),
        cmocka_unit_test(quantize_per_axis),
        cmocka_unit_test(quantize_blockwise_repeats_contiguous_blocks),
        cmocka_unit_test(quantize_nan_and_infinities),
        cmocka_unit_test(quantize_non_positive_scale_applies_the_formula),
        cmocka_unit_test(quantize_rejects_types),
        cmocka_unit_test(quantize_rejects_shapes),
        cmocka_unit_test(dequantize_uint8_per_tensor),
        cmocka_unit_test(dequantize_int8_per_axis_to_float16),
        cmocka_unit_test(dequantize_int32_and_uint32),
        cmocka_unit_test(dequantize_rounds_the_exact_product_once),
        cmocka_unit_test(dequantize_blockwise_scalar_and_rank5),
        cmocka_unit_test(dequantize_non_positive_scale_applies_the_formula),
        cmocka_unit_test(dequantize_rejects_types),
        cmocka_unit_test(dequantize_rejects_shapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
