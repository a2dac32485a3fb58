/* resample2d: nearest-neighbor (ceil(x - 0.5) rounding) and linear, scales and sizes,
 * any two axes, float16 and int8/uint8, special values and every builder error.
 * Expected values: the spec's example, hand values, or an exact-fraction loop. */
#include "support.h"

/* Nearest, scales [2, 2]: each pixel becomes a 2x2 block. */
static void nearest_upsample_by_2(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'nearest_upsample_by_2','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,2,2]},'data':[1,2,3,4]}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},"
                  "{'options':{'scales':[2,2]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,4,4]},'data':[1,1,2,2,1,1,2,2,3,3,4,4,3,3,4,4]}}}}]}");
}

/* Defaults: nearest, scales [1, 1]. */
static void nearest_default_is_identity(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'nearest_default_is_identity','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2,1,2]},'data':[1,'NaN','-Infinity','-0']}},'operators':[{'name':'resample2d','arguments':["
                  "{'input':'x'}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':["
                  "1,2,1,2]},'data':[1,'NaN','-Infinity','-0']}}}}]}");
}

/* Width 2 -> 3: source x = 0 (clamped), 0.5, 1.1667; ceil(0.5 - 0.5) = 0, so the
 * middle output takes the left pixel (round half down): [a, a, b]. */
static void nearest_ties_round_down(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'nearest_ties_round_down','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,2]},'data':[10,20]}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},"
                  "{'options':{'sizes':[1,3]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,3]},'data':[10,10,20]}}}}]}");
}

/* Width 3 -> 2: source x = 0.25, 1.75 -> pixels 0 and 2. */
static void nearest_downsample_3_to_2(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'nearest_downsample_3_to_2','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,3]},'data':[1,2,3]}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},"
                  "{'options':{'sizes':[1,2]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,2]},'data':[1,3]}}}}]}");
}

/* The spec's own linear example (4x4 -> 8x8). */
static void linear_spec_example_4x4_to_8x8(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'linear_spec_example_4x4_to_8x8','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,4,4]},'data':[0,1,2,3,0,1,2,3,12,13,14,15,12,13,14,15]}},'operators':[{'name':'resample2d',"
                  "'arguments':[{'input':'x'},{'options':{'mode':'linear','scales':[2,2]}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'float32','shape':[1,1,8,8]},'data':[0,0.25,0.75,1.25,1.75,2.25,2.75,"
                  "3,0,0.25,0.75,1.25,1.75,2.25,2.75,3,0,0.25,0.75,1.25,1.75,2.25,2.75,3,3,3.25,3.75,4.25,4.75,5.25,"
                  "5.75,6,9,9.25,9.75,10.25,10.75,11.25,11.75,12,12,12.25,12.75,13.25,13.75,14.25,14.75,15,12,12.25,"
                  "12.75,13.25,13.75,14.25,14.75,15,12,12.25,12.75,13.25,13.75,14.25,14.75,15]}}}}]}");
}

/* Linear on axes [1, 2] (an nhwc-style tensor), sizes [5, 2] (exact-fraction loop). */
static void linear_axes_1_2_sizes(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'linear_axes_1_2_sizes','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3,3,1]},'data':[3,6,-9,6,-1,0,2,-4,9,-8,-4,-2,1,-2,-7,-9,-9,-9]}},'operators':[{'name':'resample2d',"
                  "'arguments':[{'input':'x'},{'options':{'mode':'linear','axes':[1,2],'sizes':[5,2]}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,5,2,1]},'data':[3.75,-5.25,"
                  "3.950000047683716,-3.25,4.25,-0.25,2,3.3499999046325684,0.5,5.75,-7,-2.5,-4.099999904632568,-3.799999952316284,"
                  "0.25,-5.75,-5.300000190734863,-7.699999809265137,-9,-9]}}}}]}");
}

/* Nearest on axes [0, 1] (any two distinct axes), sizes [3, 5]. */
static void nearest_axes_0_1(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'nearest_axes_0_1','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3,1,2]},'data':[-7,9,-6,3,5,-5,-4,-1,-4,9,-6,8]}},'operators':[{'name':'resample2d','arguments':["
                  "{'input':'x'},{'options':{'axes':[0,1],'sizes':[3,5]}}],'outputs':'y'}],'expectedOutputs':{'y':{"
                  "'descriptor':{'dataType':'float32','shape':[3,5,1,2]},'data':[-7,9,-7,9,-6,3,5,-5,5,-5,-7,9,-7,9,"
                  "-6,3,5,-5,5,-5,-4,-1,-4,-1,-4,9,-6,8,-6,8]}}}}]}");
}

/* axes [3, 2]: scales apply to width then height: scales [3, 1] triples width. */
static void nearest_axes_reversed_3_2(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'nearest_axes_reversed_3_2','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,2,2]},'data':[1,2,3,4]}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},"
                  "{'options':{'axes':[3,2],'scales':[3,1]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float32','shape':[1,1,2,6]},'data':[1,1,1,2,2,2,3,3,3,4,4,4]}}}}]}");
}

/* scales [1.5, 0.75]: sizes floor(3 x 1.5) = 4, floor(4 x 0.75) = 3. */
static void linear_non_integer_scales(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'linear_non_integer_scales','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2,3,4]},'data':[6,7,-7,-2,2,0,3,3,3,-8,9,1,8,-4,-3,7,-6,-8,-2,3,-7,7,-3,-5]}},'operators':["
                  "{'name':'resample2d','arguments':[{'input':'x'},{'options':{'mode':'linear','scales':[1.5,0.75]}}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,2,4,3]},'data':["
                  "6.166666507720947,0,-2.8333332538604736,3.3541667461395264,0.9375,0.8125,1.4791666269302368,1.125,"
                  "2.75,1.1666666269302368,0.5,2.3333332538604736,6,-3.5,5.333333492279053,-1.7083333730697632,-4.4375,"
                  "3.3541667461395264,-5.708333492279053,-2.375,-0.3958333432674408,-4.666666507720947,2,-4.666666507720947]}}}}]}");
}

/* sizes [1, 3] is used and scales [4, 4] ignored. */
static void sizes_win_over_scales(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'sizes_win_over_scales','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,2]},'data':[10,20]}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},"
                  "{'options':{'sizes':[1,3],'scales':[4,4]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float32','shape':[1,1,1,3]},'data':[10,10,20]}}}}]}");
}

/* scales are IDL floats: 0.7 is 0.699999988..., floor(10 x that) = 6 (recorded). */
static void scale_is_a_float32_value(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'scale_is_a_float32_value','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,10]},'data':[0,1,2,3,4,5,6,7,8,9]}},'operators':[{'name':'resample2d','arguments':["
                  "{'input':'x'},{'options':{'scales':[1,0.7]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float32','shape':[1,1,1,6]},'data':[0,2,4,5,7,9]}}}}]}");
}

/* [2048, 2050] to 4 wide: 2048, 2048.5 (a float16 tie -> 2048, even),
 * 2049.5 -> 2050, 2050; float16 spacing here is 2. */
static void linear_float16_rounds_once(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'linear_float16_rounds_once','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16',"
                  "'shape':[1,1,1,2]},'data':[2048,2050]}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},"
                  "{'options':{'mode':'linear','sizes':[1,4]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float16','shape':[1,1,1,4]},'data':[2048,2048,2050,2050]}}}}]}");
}

/* Scale 1: every source coordinate is exact, so an Inf neighbour with
 * weight 0 does not turn the others into NaN (recorded choice); Inf itself passes through. */
static void linear_inf_not_leaked_by_zero_weight(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'linear_inf_not_leaked_by_zero_weight','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,3]},'data':[1,'Infinity',3]}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},"
                  "{'options':{'mode':'linear'}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,1,3]},'data':[1,'Infinity',3]}}}}]}");
}

/* Width 4 -> 2 puts the source at 0.5 and 2.5: [1,2,5,6] -> 1.5, 5.5 -> 2, 6;
 * [0,1,4,5] -> 0.5, 4.5 -> 0, 4 (ties to even, recorded choice). */
static void linear_uint8_rounds_half_even(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'linear_uint8_rounds_half_even','graph':{'inputs':{'x':{'descriptor':{'dataType':'uint8',"
                  "'shape':[1,1,2,4]},'data':[1,2,5,6,0,1,4,5]}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},"
                  "{'options':{'mode':'linear','sizes':[2,2]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'uint8','shape':[1,1,2,2]},'data':[2,6,0,4]}}}}]}");
}

/* [-1, -2, -127, -128] -> -1.5, -127.5 -> -2, -128. */
static void linear_int8_rounds_half_even_negative(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'linear_int8_rounds_half_even_negative','graph':{'inputs':{'x':{'descriptor':{"
                  "'dataType':'int8','shape':[1,1,1,4]},'data':[-1,-2,-127,-128]}},'operators':[{'name':'resample2d',"
                  "'arguments':[{'input':'x'},{'options':{'mode':'linear','sizes':[1,2]}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'int8','shape':[1,1,1,2]},'data':[-2,-128]}}}}]}");
}

/* uint8 linear 3x3 -> 5x4 (exact fractions, rounded half to even). */
static void linear_uint8_upsample(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'linear_uint8_upsample','graph':{'inputs':{'x':{'descriptor':{'dataType':'uint8',"
                  "'shape':[1,1,3,3]},'data':[139,229,226,223,78,4,199,181,197]}},'operators':[{'name':'resample2d',"
                  "'arguments':[{'input':'x'},{'options':{'mode':'linear','sizes':[5,4]}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'uint8','shape':[1,1,5,4]},'data':[139,195,228,226,173,170,157,137,"
                  "223,132,50,4,209,166,132,120,199,188,187,197]}}}}]}");
}

/* int8 nearest copies values exactly. */
static void nearest_int8_exact(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'nearest_int8_exact','graph':{'inputs':{'x':{'descriptor':{'dataType':'int8','shape':["
                  "1,1,1,2]},'data':[-128,127]}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{"
                  "'scales':[1,2]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'int8','shape':["
                  "1,1,1,4]},'data':[-128,-128,127,127]}}}}]}");
}

/* scales must have 2 items. */
static void rejects_scales_length_1(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_scales_length_1','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'scales':["
                      "2]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* scales must be > 0. */
static void rejects_scales_zero(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_scales_zero','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'scales':["
                      "0,1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* scales must be > 0. */
static void rejects_scales_negative(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_scales_negative','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'scales':["
                      "1,-2]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* 1e39 is not a float value (IDL float conversion throws). */
static void rejects_scales_beyond_float(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_scales_beyond_float','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'scales':["
                      "1,1e+39]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* scales are checked even when sizes is given. */
static void rejects_bad_scales_even_with_sizes(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_bad_scales_even_with_sizes','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'scales':["
                      "0,1],'sizes':[2,2]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* sizes must have 2 items. */
static void rejects_sizes_length_3(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_sizes_length_3','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'sizes':["
                      "2,2,2]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* sizes items must be > 0. */
static void rejects_sizes_zero(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_sizes_zero','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'sizes':["
                      "2,0]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* axes must be distinct. */
static void rejects_axes_duplicate(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_axes_duplicate','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'axes':["
                      "2,2]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* axes must be < rank 4. */
static void rejects_axes_out_of_range(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_axes_out_of_range','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'axes':["
                      "2,4]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* axes must have 2 items (recorded: the spec does not say so). */
static void rejects_axes_length_1(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_axes_length_1','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'axes':["
                      "2]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* axes must have 2 items (recorded). */
static void rejects_axes_length_3(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_axes_length_3','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'axes':["
                      "1,2,3]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* floor(4 x 0.2) = 0 is not a valid dimension. */
static void rejects_scale_giving_size_0(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_scale_giving_size_0','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'scales':["
                      "0.2,1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* "cubic" is not an MLInterpolationMode. */
static void rejects_bad_mode(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_bad_mode','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,1,4,4]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'},{'options':{'mode':'cubic'}}],"
                      "'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* float32, float16, int8, uint8 only. */
static void rejects_int32(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_int32','graph':{'inputs':{'x':{'descriptor':{'dataType':'int32','shape':["
                      "1,1,2,2]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* The input must have rank 4. */
static void rejects_rank3(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'rejects_rank3','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32','shape':["
                      "1,2,2]}}},'operators':[{'name':'resample2d','arguments':[{'input':'x'}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nearest_upsample_by_2),
        cmocka_unit_test(nearest_default_is_identity),
        cmocka_unit_test(nearest_ties_round_down),
        cmocka_unit_test(nearest_downsample_3_to_2),
        cmocka_unit_test(linear_spec_example_4x4_to_8x8),
        cmocka_unit_test(linear_axes_1_2_sizes),
        cmocka_unit_test(nearest_axes_0_1),
        cmocka_unit_test(nearest_axes_reversed_3_2),
        cmocka_unit_test(linear_non_integer_scales),
        cmocka_unit_test(sizes_win_over_scales),
        cmocka_unit_test(scale_is_a_float32_value),
        cmocka_unit_test(linear_float16_rounds_once),
        cmocka_unit_test(linear_inf_not_leaked_by_zero_weight),
        cmocka_unit_test(linear_uint8_rounds_half_even),
        cmocka_unit_test(linear_int8_rounds_half_even_negative),
        cmocka_unit_test(linear_uint8_upsample),
        cmocka_unit_test(nearest_int8_exact),
        cmocka_unit_test(rejects_scales_length_1),
        cmocka_unit_test(rejects_scales_zero),
        cmocka_unit_test(rejects_scales_negative),
        cmocka_unit_test(rejects_scales_beyond_float),
        cmocka_unit_test(rejects_bad_scales_even_with_sizes),
        cmocka_unit_test(rejects_sizes_length_3),
        cmocka_unit_test(rejects_sizes_zero),
        cmocka_unit_test(rejects_axes_duplicate),
        cmocka_unit_test(rejects_axes_out_of_range),
        cmocka_unit_test(rejects_axes_length_1),
        cmocka_unit_test(rejects_axes_length_3),
        cmocka_unit_test(rejects_scale_giving_size_0),
        cmocka_unit_test(rejects_bad_mode),
        cmocka_unit_test(rejects_int32),
        cmocka_unit_test(rejects_rank3),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
