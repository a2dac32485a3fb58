/* averagePool2d, l2Pool2d, maxPool2d: windows, padding (excluded from the average),
 * strides, dilations, floor/ceil rounding, outputSizes, both layouts, integer types,
 * special values and every builder error. Expected values: by hand or a naive loop. */
#include "support.h"

/* No windowDimensions: the window is the whole 3x3 plane -> max 9. */
static void max_pool_global_default_window(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_global_default_window','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,3,3]},'data':[1,2,3,4,5,6,7,8,9]}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,1,1,1]},'data':["
                  "9]}}}}]}");
}

/* Global average of 1..9 is 5. */
static void average_pool_global_default_window(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'average_pool_global_default_window','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,3,3]},'data':[1,2,3,4,5,6,7,8,9]}},'operators':[{'name':'averagePool2d','arguments':["
                  "{'input':'x'}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':["
                  "1,1,1,1]},'data':[5]}}}}]}");
}

/* sqrt(3^2 + 4^2) = 5 per window of 2 (not RMS, which would be 3.5355). */
static void l2_pool_is_sqrt_of_sum_of_squares(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'l2_pool_is_sqrt_of_sum_of_squares','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,4]},'data':[3,4,0,0]}},'operators':[{'name':'l2Pool2d','arguments':[{'input':'x'},"
                  "{'options':{'windowDimensions':[1,2],'strides':[1,2]}}],'outputs':'y'}],'expectedOutputs':{'y':{"
                  "'descriptor':{'dataType':'float32','shape':[1,1,1,2]},'data':[5,0]}}}}]}");
}

/* 2x2 windows on 1..16: means of each 2x2 block (by hand: 3.5, 4.5, ...). */
static void average_pool_2x2_stride1_nchw(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'average_pool_2x2_stride1_nchw','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,4,4]},'data':[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]}},'operators':[{'name':'averagePool2d',"
                  "'arguments':[{'input':'x'},{'options':{'windowDimensions':[2,2]}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'float32','shape':[1,1,3,3]},'data':[3.5,4.5,5.5,7.5,8.5,9.5,11.5,"
                  "12.5,13.5]}}}}]}");
}

/* Batch 2, 3 channels, asymmetric padding and strides (naive loop). */
static void max_pool_nchw_padding_strides(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_nchw_padding_strides','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3,4,5]},'data':[5,-7,-5,-4,-5,5,6,1,-8,-7,-3,-1,2,0,-4,-6,3,4,-8,-7,-1,-2,7,0,-1,-1,3,"
                  "1,-6,4,4,8,5,-4,-3,3,3,3,6,-4,7,-8,-7,8,8,-3,-6,-3,-8,7,3,1,-4,0,-5,5,0,-8,-4,4,0,-2,-4,-7,2,3,0,"
                  "7,7,-5,2,2,-4,-3,0,4,-4,4,3,-5,-2,6,6,3,-8,3,-5,5,7,-1,8,4,-3,6,-2,-7,2,6,3,-2,7,0,-2,-6,-5,3,5,"
                  "-4,2,6,-6,-4,0,1,-2,-2,-6,2,7,-5]}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},"
                  "{'options':{'windowDimensions':[2,3],'strides':[2,1],'padding':[1,0,0,2]}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'float32','shape':[2,3,2,5]},'data':[5,-4,-4,-4,-5,6,6,2,0,-4,7,7,"
                  "7,0,-1,8,8,5,4,4,7,8,8,8,8,3,1,7,7,7,0,-2,2,2,2,7,7,7,7,0,6,6,6,3,-8,8,7,7,7,-1,7,0,-2,-5,-5,5,5,"
                  "6,6,6]}}}}]}");
}

/* The previous case with the input and output transposed to nhwc. */
static void max_pool_nhwc_same_as_nchw(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_nhwc_same_as_nchw','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,4,5,3]},'data':[5,-1,7,-7,-2,-8,-5,7,-7,-4,0,8,-5,-1,8,5,-1,-3,6,3,-6,1,1,-3,-8,-6,-8,"
                  "-7,4,7,-3,4,3,-1,8,1,2,5,-4,0,-4,0,-4,-3,-5,-6,3,5,3,3,0,4,3,-8,-8,6,-4,-7,-4,4,0,-2,7,-2,6,0,-4,"
                  "6,-2,-7,3,-6,2,-8,-5,3,3,3,0,-5,5,7,5,-4,7,7,2,-5,-1,6,2,8,-6,2,4,-4,-4,-3,0,-3,6,1,0,-2,-2,4,-7,"
                  "-2,-4,2,-6,4,6,2,3,3,7,-5,-2,-5]}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{"
                  "'options':{'windowDimensions':[2,3],'strides':[2,1],'padding':[1,0,0,2],'layout':'nhwc'}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2,5,3]},'data':[5,7,7,-4,7,"
                  "8,-4,7,8,-4,0,8,-5,-1,8,6,8,3,6,8,1,2,5,7,0,4,7,-4,4,7,0,6,7,-2,6,0,2,6,-2,2,3,-5,2,-8,-5,7,8,5,"
                  "7,7,5,7,7,6,7,7,6,0,-1,6]}}}}]}");
}

/* Window 2x2, padding 1 all round on [[1,2],[3,4]]: the corner window holds
 * one real cell (1 -> 1), the centre all four (2.5); padded cells do not count. */
static void average_pool_excludes_padding(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'average_pool_excludes_padding','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,2,2]},'data':[1,2,3,4]}},'operators':[{'name':'averagePool2d','arguments':[{'input':'x'},"
                  "{'options':{'windowDimensions':[2,2],'padding':[1,1,1,1]}}],'outputs':'y'}],'expectedOutputs':{'y':{"
                  "'descriptor':{'dataType':'float32','shape':[1,1,3,3]},'data':[1,1.5,2,2,2.5,3,3,3.5,4]}}}}]}");
}

/* Same geometry, l2: corner sqrt(1)=1, centre sqrt(30). */
static void l2_pool_padding_contributes_nothing(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'l2_pool_padding_contributes_nothing','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,2,2]},'data':[1,2,3,4]}},'operators':[{'name':'l2Pool2d','arguments':[{'input':'x'},"
                  "{'options':{'windowDimensions':[2,2],'padding':[1,1,1,1]}}],'outputs':'y'}],'expectedOutputs':{'y':{"
                  "'descriptor':{'dataType':'float32','shape':[1,1,3,3]},'data':[1,2.2360680103302,2,3.1622776985168457,"
                  "5.4772257804870605,4.4721360206604,3,5,4]}}}}]}");
}

/* 5x5, window 2, stride 2: (5-2)/2+1 = 2.5 -> ceil 3; the last window
 * holds only the last row/column. */
static void max_pool_ceil_keeps_partial_window(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_ceil_keeps_partial_window','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,5,5]},'data':[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]}},"
                  "'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{'options':{'windowDimensions':[2,2],"
                  "'strides':[2,2],'outputShapeRounding':'ceil'}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float32','shape':[1,1,3,3]},'data':[7,9,10,17,19,20,22,24,25]}}}}]}");
}

/* Same with floor: 2x2. */
static void max_pool_floor_drops_partial_window(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_floor_drops_partial_window','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,5,5]},'data':[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]}},"
                  "'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{'options':{'windowDimensions':[2,2],"
                  "'strides':[2,2]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':["
                  "1,1,2,2]},'data':[7,9,17,19]}}}}]}");
}

/* ceil rounding: the partial windows average only their real cells. */
static void average_pool_ceil_partial_window_mean(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'average_pool_ceil_partial_window_mean','graph':{'inputs':{'x':{'descriptor':{"
                  "'dataType':'float32','shape':[1,1,5,5]},'data':[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,"
                  "20,21,22,23,24,25]}},'operators':[{'name':'averagePool2d','arguments':[{'input':'x'},{'options':{"
                  "'windowDimensions':[2,2],'strides':[2,2],'outputShapeRounding':'ceil'}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'float32','shape':[1,1,3,3]},'data':[4,6,7.5,14,16,17.5,21.5,23.5,"
                  "25]}}}}]}");
}

/* outputSizes [3, 3] equals the ceil sizes and overrides outputShapeRounding floor. */
static void output_sizes_select_ceil(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'output_sizes_select_ceil','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,5,5]},'data':[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]}},"
                  "'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{'options':{'windowDimensions':[2,2],"
                  "'strides':[2,2],'outputSizes':[3,3],'outputShapeRounding':'floor'}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'float32','shape':[1,1,3,3]},'data':[7,9,10,17,19,20,22,24,25]}}}}]}");
}

/* With outputSizes the spec sets padding to zeros: padding [1,1,1,1] is
 * ignored and [2, 2] (the floor sizes without padding) is accepted. */
static void output_sizes_force_zero_padding(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'output_sizes_force_zero_padding','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,5,5]},'data':[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]}},"
                  "'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{'options':{'windowDimensions':[2,2],"
                  "'strides':[2,2],'padding':[1,1,1,1],'outputSizes':[2,2]}}],'outputs':'y'}],'expectedOutputs':{'y':{"
                  "'descriptor':{'dataType':'float32','shape':[1,1,2,2]},'data':[7,9,17,19]}}}}]}");
}

/* Window 2x2 with dilations 2 covers cells 2 apart: effective 3x3 -> 2x2 output. */
static void max_pool_dilations(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_dilations','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,4,4]},'data':[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]}},'operators':[{'name':'maxPool2d',"
                  "'arguments':[{'input':'x'},{'options':{'windowDimensions':[2,2],'dilations':[2,2]}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,1,2,2]},'data':[10,11,14,15]}}}}]}");
}

/* Dilations [1, 2], window [2, 2] (naive loop). */
static void average_pool_dilations_mixed(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'average_pool_dilations_mixed','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,4,4]},'data':[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]}},'operators':[{'name':'averagePool2d',"
                  "'arguments':[{'input':'x'},{'options':{'windowDimensions':[2,2],'dilations':[1,2]}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,1,3,2]},'data':[3,4,7,8,11,"
                  "12]}}}}]}");
}

/* mean(2048, 1, 1, 1) = 512.75, a float16 tie -> 513 (even);
 * summing in float16 would give 2048 (2049 ties down) and 512. Four 0.1 (f16) average back exactly. */
static void average_pool_float16_rounds_once(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'average_pool_float16_rounds_once','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16',"
                  "'shape':[1,2,1,4]},'data':[2048,1,1,1,0.0999755859375,0.0999755859375,0.0999755859375,0.0999755859375]}},"
                  "'operators':[{'name':'averagePool2d','arguments':[{'input':'x'}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'float16','shape':[1,2,1,1]},'data':[513,0.0999755859375]}}}}]}");
}

/* 300^2 + 300^2 = 180000 is beyond float16 (65504) but the sum is
 * kept in double: sqrt = 424.26 -> float16 424.25 (a float16 accumulator would give Inf). */
static void l2_pool_float16_overflow_to_inf(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'l2_pool_float16_overflow_to_inf','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16',"
                  "'shape':[1,1,1,2]},'data':[300,300]}},'operators':[{'name':'l2Pool2d','arguments':[{'input':'x'}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float16','shape':[1,1,1,1]},'data':["
                  "424.25]}}}}]}");
}

/* A NaN in the window makes the maximum NaN (recorded choice); -Inf and -0 kept. */
static void max_pool_nan_propagates(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_nan_propagates','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,3,1,2]},'data':[1,'NaN','-Infinity','-Infinity','-0','-Infinity']}},'operators':[{'name':'maxPool2d',"
                  "'arguments':[{'input':'x'}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,3,1,1]},'data':['NaN','-Infinity','-0']}}}}]}");
}

/* Padding [1,0,0,0] with a 1x1 window: the first output row sees only
 * padding -> 0/0 = NaN (recorded choice). */
static void all_padding_window_average_is_nan(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'all_padding_window_average_is_nan','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,1]},'data':[4]}},'operators':[{'name':'averagePool2d','arguments':[{'input':'x'},"
                  "{'options':{'windowDimensions':[1,1],'padding':[1,0,0,0]}}],'outputs':'y'}],'expectedOutputs':{'y':{"
                  "'descriptor':{'dataType':'float32','shape':[1,1,2,1]},'data':['NaN',4]}}}}]}");
}

/* l2Pool2d of an all-padding window: sqrt(0) = 0. */
static void all_padding_window_l2_is_zero(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'all_padding_window_l2_is_zero','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,1]},'data':[4]}},'operators':[{'name':'l2Pool2d','arguments':[{'input':'x'},{'options':{"
                  "'windowDimensions':[1,1],'padding':[1,0,0,0]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float32','shape':[1,1,2,1]},'data':[0,4]}}}}]}");
}

/* maxPool2d of an all-padding window: -Infinity (recorded choice). */
static void all_padding_window_max_is_minus_inf(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'all_padding_window_max_is_minus_inf','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,1]},'data':[4]}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{'options':{"
                  "'windowDimensions':[1,1],'padding':[1,0,0,0]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float32','shape':[1,1,2,1]},'data':['-Infinity',4]}}}}]}");
}

/* int8: the all-padding window gives -128 (recorded choice). */
static void all_padding_window_max_int8_is_type_min(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'all_padding_window_max_int8_is_type_min','graph':{'inputs':{'x':{'descriptor':{"
                  "'dataType':'int8','shape':[1,1,1,1]},'data':[4]}},'operators':[{'name':'maxPool2d','arguments':["
                  "{'input':'x'},{'options':{'windowDimensions':[1,1],'padding':[0,1,0,0]}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'int8','shape':[1,1,2,1]},'data':[4,-128]}}}}]}");
}

/* int8 compares exactly (values beyond 2^53 for 64-bit types). */
static void max_pool_int8_exact(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_int8_exact','graph':{'inputs':{'x':{'descriptor':{'dataType':'int8',"
                  "'shape':[1,1,2,2]},'data':[-128,-5,-7,-100]}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'int8','shape':[1,1,1,1]},'data':["
                  "-5]}}}}]}");
}

/* uint8 compares exactly (values beyond 2^53 for 64-bit types). */
static void max_pool_uint8_exact(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_uint8_exact','graph':{'inputs':{'x':{'descriptor':{'dataType':'uint8',"
                  "'shape':[1,1,2,2]},'data':[0,255,3,254]}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'uint8','shape':[1,1,1,1]},'data':["
                  "255]}}}}]}");
}

/* int32 compares exactly (values beyond 2^53 for 64-bit types). */
static void max_pool_int32_exact(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_int32_exact','graph':{'inputs':{'x':{'descriptor':{'dataType':'int32',"
                  "'shape':[1,1,2,2]},'data':[-2147483648,2147483647,0,1]}},'operators':[{'name':'maxPool2d','arguments':["
                  "{'input':'x'}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'int32','shape':["
                  "1,1,1,1]},'data':[2147483647]}}}}]}");
}

/* uint32 compares exactly (values beyond 2^53 for 64-bit types). */
static void max_pool_uint32_exact(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_uint32_exact','graph':{'inputs':{'x':{'descriptor':{'dataType':'uint32',"
                  "'shape':[1,1,2,2]},'data':[4294967295,0,7,8]}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'uint32','shape':[1,1,1,1]},'data':["
                  "4294967295]}}}}]}");
}

/* int64 compares exactly (values beyond 2^53 for 64-bit types). */
static void max_pool_int64_exact(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_int64_exact','graph':{'inputs':{'x':{'descriptor':{'dataType':'int64',"
                  "'shape':[1,1,2,2]},'data':['9007199254740993','9007199254740992','-1','0']}},'operators':[{'name':'maxPool2d',"
                  "'arguments':[{'input':'x'}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'int64',"
                  "'shape':[1,1,1,1]},'data':['9007199254740993']}}}}]}");
}

/* uint64 compares exactly (values beyond 2^53 for 64-bit types). */
static void max_pool_uint64_exact(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_uint64_exact','graph':{'inputs':{'x':{'descriptor':{'dataType':'uint64',"
                  "'shape':[1,1,2,2]},'data':['18446744073709551615','18446744073709551614','1','0']}},'operators':["
                  "{'name':'maxPool2d','arguments':[{'input':'x'}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'uint64','shape':[1,1,1,1]},'data':['18446744073709551615']}}}}]}");
}

/* nhwc with 2 channels, window [1, 2]. */
static void max_pool_float16_nhwc_two_channels(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'max_pool_float16_nhwc_two_channels','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16',"
                  "'shape':[1,1,3,2]},'data':[1,-1,5,-5,3,0.5]}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},"
                  "{'options':{'windowDimensions':[1,2],'layout':'nhwc'}}],'outputs':'y'}],'expectedOutputs':{'y':{"
                  "'descriptor':{'dataType':'float16','shape':[1,1,2,2]},'data':[5,-1,5,0.5]}}}}]}");
}

/* Input width 2, window 3, stride 2, ceil: (2-3)/2+1 = 0.5 -> 1 output
 * whose window holds the 2 real cells. */
static void window_larger_than_input_with_ceil(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'window_larger_than_input_with_ceil','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,2]},'data':[1,3]}},'operators':[{'name':'averagePool2d','arguments':[{'input':'x'},"
                  "{'options':{'windowDimensions':[1,3],'strides':[1,2],'outputShapeRounding':'ceil'}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,1,1,1]},'data':[2]}}}}]}");
}

/* windowDimensions must have 2 items. */
static void rejects_window_length_1(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_window_length_1','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,5,5]}}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{'options':{'windowDimensions':["
                      "2]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* windowDimensions items must be > 0. */
static void rejects_window_zero(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_window_zero','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,5,5]}}},'operators':[{'name':'averagePool2d','arguments':[{'input':'x'},{'options':{"
                      "'windowDimensions':[0,2]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* padding must have 4 items. */
static void rejects_padding_length_3(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_padding_length_3','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,5,5]}}},'operators':[{'name':'l2Pool2d','arguments':[{'input':'x'},{'options':{'padding':["
                      "0,0,0]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* strides must have 2 items. */
static void rejects_strides_length_1(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_strides_length_1','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,5,5]}}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{'options':{'strides':["
                      "1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* strides items must be > 0. */
static void rejects_strides_zero(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_strides_zero','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,5,5]}}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{'options':{'strides':["
                      "1,0]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* dilations must have 2 items. */
static void rejects_dilations_length_3(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_dilations_length_3','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,5,5]}}},'operators':[{'name':'averagePool2d','arguments':[{'input':'x'},{'options':{"
                      "'dilations':[1,1,1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* dilations items must be > 0. */
static void rejects_dilations_zero(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_dilations_zero','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,5,5]}}},'operators':[{'name':'l2Pool2d','arguments':[{'input':'x'},{'options':{'dilations':["
                      "0,1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* outputSizes must have 2 items. */
static void rejects_output_sizes_length_1(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_output_sizes_length_1','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,5,5]}}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{'options':{'outputSizes':["
                      "1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* Window 2 stride 2 on 5: floor 2, ceil 3; 4 is neither. */
static void rejects_output_sizes_not_floor_or_ceil(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_output_sizes_not_floor_or_ceil','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,1,5,5]}}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},"
                      "{'options':{'windowDimensions':[2,2],'strides':[2,2],'outputSizes':[4,4]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* floor height with ceil width is not one of the two pairs. */
static void rejects_output_sizes_mixed_floor_ceil(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_output_sizes_mixed_floor_ceil','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,1,5,5]}}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},"
                      "{'options':{'windowDimensions':[2,2],'strides':[2,2],'outputSizes':[2,3]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* Window 6 on 5 (floor): output size 0. */
static void rejects_window_larger_than_input(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_window_larger_than_input','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,5,5]}}},'operators':[{'name':'averagePool2d','arguments':[{'input':'x'},{'options':{"
                      "'windowDimensions':[6,6]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* Window 3 dilated by 3 spans 7 > 5. */
static void rejects_dilated_window_larger_than_input(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_dilated_window_larger_than_input','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,1,5,5]}}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},"
                      "{'options':{'windowDimensions':[3,3],'dilations':[3,3]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* "chwn" is not an MLInputOperandLayout. */
static void rejects_bad_layout(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_bad_layout','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,5,5]}}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{'options':{'layout':'chwn'}}],"
                      "'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* "round" is not an MLRoundingType. */
static void rejects_bad_rounding(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_bad_rounding','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,5,5]}}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},{'options':{'outputShapeRounding':'round'}}],"
                      "'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* averagePool2d allows float32 and float16 only. */
static void average_pool_rejects_int32(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'average_pool_rejects_int32','graph':{'inputs':{'x':{'descriptor':{'dataType':'int32',"
                      "'shape':[1,1,2,2]}}},'operators':[{'name':'averagePool2d','arguments':[{'input':'x'}],'outputs':'y'}]},"
                      "'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* l2Pool2d allows float32 and float16 only. */
static void l2_pool_rejects_uint8(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'l2_pool_rejects_uint8','graph':{'inputs':{'x':{'descriptor':{'dataType':'uint8',"
                      "'shape':[1,1,2,2]}}},'operators':[{'name':'l2Pool2d','arguments':[{'input':'x'}],'outputs':'y'}]},"
                      "'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* The input must have rank 4. */
static void max_pool_rejects_rank3(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'max_pool_rejects_rank3','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,2,2]}}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'}],'outputs':'y'}]},"
                      "'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* outputSizes [3, 3] with strides [2, 2] is accepted: the spec's
 * "outputSizes smaller than strides" check is a recorded spec defect and not applied. */
static void output_sizes_not_limited_by_strides(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'output_sizes_not_limited_by_strides','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,3,3]},'data':[1,2,3,4,5,6,7,8,9]}},'operators':[{'name':'maxPool2d','arguments':[{'input':'x'},"
                  "{'options':{'windowDimensions':[1,1],'outputSizes':[3,3]}}],'outputs':'y'}],'expectedOutputs':{'y':{"
                  "'descriptor':{'dataType':'float32','shape':[1,1,3,3]},'data':[1,2,3,4,5,6,7,8,9]}}}}]}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(max_pool_global_default_window),
        cmocka_unit_test(average_pool_global_default_window),
        cmocka_unit_test(l2_pool_is_sqrt_of_sum_of_squares),
        cmocka_unit_test(average_pool_2x2_stride1_nchw),
        cmocka_unit_test(max_pool_nchw_padding_strides),
        cmocka_unit_test(max_pool_nhwc_same_as_nchw),
        cmocka_unit_test(average_pool_excludes_padding),
        cmocka_unit_test(l2_pool_padding_contributes_nothing),
        cmocka_unit_test(max_pool_ceil_keeps_partial_window),
        cmocka_unit_test(max_pool_floor_drops_partial_window),
        cmocka_unit_test(average_pool_ceil_partial_window_mean),
        cmocka_unit_test(output_sizes_select_ceil),
        cmocka_unit_test(output_sizes_force_zero_padding),
        cmocka_unit_test(max_pool_dilations),
        cmocka_unit_test(average_pool_dilations_mixed),
        cmocka_unit_test(average_pool_float16_rounds_once),
        cmocka_unit_test(l2_pool_float16_overflow_to_inf),
        cmocka_unit_test(max_pool_nan_propagates),
        cmocka_unit_test(all_padding_window_average_is_nan),
        cmocka_unit_test(all_padding_window_l2_is_zero),
        cmocka_unit_test(all_padding_window_max_is_minus_inf),
        cmocka_unit_test(all_padding_window_max_int8_is_type_min),
        cmocka_unit_test(max_pool_int8_exact),
        cmocka_unit_test(max_pool_uint8_exact),
        cmocka_unit_test(max_pool_int32_exact),
        cmocka_unit_test(max_pool_uint32_exact),
        cmocka_unit_test(max_pool_int64_exact),
        cmocka_unit_test(max_pool_uint64_exact),
        cmocka_unit_test(max_pool_float16_nhwc_two_channels),
        cmocka_unit_test(window_larger_than_input_with_ceil),
        cmocka_unit_test(rejects_window_length_1),
        cmocka_unit_test(rejects_window_zero),
        cmocka_unit_test(rejects_padding_length_3),
        cmocka_unit_test(rejects_strides_length_1),
        cmocka_unit_test(rejects_strides_zero),
        cmocka_unit_test(rejects_dilations_length_3),
        cmocka_unit_test(rejects_dilations_zero),
        cmocka_unit_test(rejects_output_sizes_length_1),
        cmocka_unit_test(rejects_output_sizes_not_floor_or_ceil),
        cmocka_unit_test(rejects_output_sizes_mixed_floor_ceil),
        cmocka_unit_test(rejects_window_larger_than_input),
        cmocka_unit_test(rejects_dilated_window_larger_than_input),
        cmocka_unit_test(rejects_bad_layout),
        cmocka_unit_test(rejects_bad_rounding),
        cmocka_unit_test(average_pool_rejects_int32),
        cmocka_unit_test(l2_pool_rejects_uint8),
        cmocka_unit_test(max_pool_rejects_rank3),
        cmocka_unit_test(output_sizes_not_limited_by_strides),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
