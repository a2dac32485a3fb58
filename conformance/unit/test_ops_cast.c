/* cast (#api-mlgraphbuilder-cast): the spec's behaviour table for every pair of the
 * eight data types, the output descriptor (input shape, dataType's type) and the choices
 * for the implementation-defined float -> integer cases (part1.md: saturate, NaN -> 0). */
#include <stdio.h>

#include "support.h"

static void check_cast(const char *x, const char *type, const char *expected)
{
    char inputs[4096], args[256];
    snprintf(inputs, sizeof inputs, "'x':%s", x);
    snprintf(args, sizeof args, "[{'input':'x'},{'dataType':'%s'}]", type);
    wt_check_op("cast", inputs, args, expected);
}

/* ---- float -> float ---- */

static void float32_to_float16_rounds_once_and_overflows(void **state)
{
    (void)state;
    /* 0.1f = 0.10000000149 -> 0.0999755859375; 65519 -> 65504; 65520 (tie) -> Inf;
     * 1e-7 -> the subnormal 2^-23 = 1.1920928955078125e-07; 1e-9 -> 0 */
    check_cast(WT_T("float32", "[2,4]", "[0.1,65519,65520,-1e6,1e-7,1e-9,'NaN','-0']"), "float16",
               WT_T("float16", "[2,4]", "[0.0999755859375,65504,'Infinity','-Infinity',1.1920928955078125e-7,0,'NaN',0]"));
}

static void float16_to_float32_is_exact(void **state)
{
    (void)state;
    check_cast(WT_T("float16", "[4]", "[0.1,65504,'-Infinity','NaN']"), "float32",
               WT_T("float32", "[4]", "[0.0999755859375,65504,'-Infinity','NaN']"));
    check_cast(WT_T("float32", "[]", "1.5"), "float32", WT_T("float32", "[]", "1.5"));
}

/* ---- float -> integer ---- */

static void float_to_int_truncates_toward_zero(void **state)
{
    (void)state;
    check_cast(WT_T("float32", "[4]", "[1.9,-1.9,-0.5,100.99]"), "int32", WT_T("int32", "[4]", "[1,-1,0,100]"));
    check_cast(WT_T("float32", "[3]", "[-9.5,1e18,255.9]"), "int64", WT_T("int64", "[3]", "[-9,'999999984306749440',255]"));
    check_cast(WT_T("float16", "[3]", "[2.9,-2.9,65504]"), "int32", WT_T("int32", "[3]", "[2,-2,65504]"));
    check_cast(WT_T("float32", "[2]", "[255.9,127.5]"), "uint8", WT_T("uint8", "[2]", "[255,127]"));
    check_cast(WT_T("float32", "[1]", "[1.8e19]"), "uint64", WT_T("uint64", "[1]", "['18000000404716257280']"));
}

static void float_to_int_out_of_range_saturates(void **state)
{
    (void)state;
    /* implementation-defined (part1.md): saturate, NaN -> 0 */
    check_cast(WT_T("float32", "[6]", "[3e9,-3e9,'NaN','Infinity','-Infinity',2147483520]"), "int32",
               WT_T("int32", "[6]", "[2147483647,-2147483648,0,2147483647,-2147483648,2147483520]"));
    check_cast(WT_T("float32", "[3]", "[-1,256,'NaN']"), "uint8", WT_T("uint8", "[3]", "[0,255,0]"));
    check_cast(WT_T("float32", "[2]", "[-200,200]"), "int8", WT_T("int8", "[2]", "[-128,127]"));
    check_cast(WT_T("float32", "[2]", "[1e19,-1e19]"), "int64", WT_T("int64", "[2]", "['9223372036854775807','-9223372036854775808']"));
    check_cast(WT_T("float16", "[2]", "['Infinity',-1]"), "uint64", WT_T("uint64", "[2]", "['18446744073709551615',0]"));
    check_cast(WT_T("float32", "[1]", "[5e9]"), "uint32", WT_T("uint32", "[1]", "[4294967295]"));
}

/* ---- integer -> float ---- */

static void int_to_float_rounds_once_from_the_exact_value(void **state)
{
    (void)state;
    /* 2^53 + 2^29 + 1 lies just above the float32 midpoint 2^53 + 2^29: it rounds up to
     * 2^53 + 2^30. Through double it would first become 2^53 + 2^29 and then tie to 2^53. */
    check_cast(WT_T("int64", "[2]", "['9007199791611905','-9007199791611905']"), "float32",
               WT_T("float32", "[2]", "[9007200328482816,-9007200328482816]"));
    check_cast(WT_T("uint64", "[1]", "['18446744073709551615']"), "float32", WT_T("float32", "[1]", "[18446744073709551616]"));
    check_cast(WT_T("int32", "[2]", "[16777217,-16777219]"), "float32", WT_T("float32", "[2]", "[16777216,-16777220]"));
}

static void int_to_float16_rounds_and_overflows(void **state)
{
    (void)state;
    /* 2049 ties to 2048 (even), 2051 ties to 2052, 65519 -> 65504, 65520 -> Inf */
    check_cast(WT_T("int32", "[5]", "[2049,2051,65519,65520,-70000]"), "float16",
               WT_T("float16", "[5]", "[2048,2052,65504,'Infinity','-Infinity']"));
    check_cast(WT_T("uint64", "[1]", "['18446744073709551615']"), "float16", WT_T("float16", "[1]", "['Infinity']"));
    check_cast(WT_T("int8", "[2]", "[-128,127]"), "float16", WT_T("float16", "[2]", "[-128,127]"));
    check_cast(WT_T("uint8", "[1]", "[255]"), "float32", WT_T("float32", "[1]", "[255]"));
}

/* ---- integer -> integer ---- */

static void int_to_int_keeps_the_low_bits(void **state)
{
    (void)state;
    /* the spec's example: int8 -1 -> uint8 255 */
    check_cast(WT_T("int8", "[2]", "[-1,-128]"), "uint8", WT_T("uint8", "[2]", "[255,128]"));
    check_cast(WT_T("uint8", "[2]", "[200,127]"), "int8", WT_T("int8", "[2]", "[-56,127]"));
    check_cast(WT_T("int32", "[3]", "[200,256,-129]"), "int8", WT_T("int8", "[3]", "[-56,0,127]"));
    check_cast(WT_T("uint32", "[1]", "[4294967295]"), "int32", WT_T("int32", "[1]", "[-1]"));
    check_cast(WT_T("int64", "[2]", "['4294967297','-4294967297']"), "int32", WT_T("int32", "[2]", "[1,-1]"));
    check_cast(WT_T("int32", "[1]", "[-1]"), "uint32", WT_T("uint32", "[1]", "[4294967295]"));
}

static void int64_uint64_convert_exactly(void **state)
{
    (void)state;
    check_cast(WT_T("int64", "[2]", "[-1,'9007199254740993']"), "uint64",
               WT_T("uint64", "[2]", "['18446744073709551615','9007199254740993']"));
    check_cast(WT_T("uint64", "[2]", "['18446744073709551615','9223372036854775808']"), "int64",
               WT_T("int64", "[2]", "[-1,'-9223372036854775808']"));
    check_cast(WT_T("int32", "[1]", "[-2147483648]"), "int64", WT_T("int64", "[1]", "[-2147483648]"));
    check_cast(WT_T("uint64", "[1]", "['18446744073709551615']"), "uint8", WT_T("uint8", "[1]", "[255]"));
    check_cast(WT_T("int8", "[1]", "[-1]"), "uint64", WT_T("uint64", "[1]", "['18446744073709551615']"));
}

/* ---- descriptor and errors ---- */

static void output_has_input_shape_and_the_target_type(void **state)
{
    (void)state;
    /* spec defect (part1.md): the algorithm never sets the output type */
    check_cast(WT_T("float32", "[1,2,1,1,2]", "[1,2,3,4]"), "uint8", WT_T("uint8", "[1,2,1,1,2]", "[1,2,3,4]"));
    check_cast(WT_T("int32", "[]", "7"), "float16", WT_T("float16", "[]", "7"));
}

static void cast_rejects_unknown_data_type(void **state)
{
    (void)state;
    wt_check_op_rejected("cast", "'x':" WT_D("float32", "[2]"), "[{'input':'x'},{'dataType':'bool'}]");
    wt_check_op_rejected("cast", "'x':" WT_D("float32", "[2]"), "[{'input':'x'},{'dataType':'float64'}]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(float32_to_float16_rounds_once_and_overflows),
        cmocka_unit_test(float16_to_float32_is_exact),
        cmocka_unit_test(float_to_int_truncates_toward_zero),
        cmocka_unit_test(float_to_int_out_of_range_saturates),
        cmocka_unit_test(int_to_float_rounds_once_from_the_exact_value),
        cmocka_unit_test(int_to_float16_rounds_and_overflows),
        cmocka_unit_test(int_to_int_keeps_the_low_bits),
        cmocka_unit_test(int64_uint64_convert_exactly),
        cmocka_unit_test(output_has_input_shape_and_the_target_type),
        cmocka_unit_test(cast_rejects_unknown_data_type),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
