/* conv2d and convTranspose2d: every filter layout (same result), both input layouts,
 * padding, strides, dilations, groups (incl. depthwise), bias, outputPadding,
 * outputSizes, float16 rounding and every builder error. Expected values: by hand or
 * from naive loops (conv2d as a direct sum, convTranspose2d as a scatter). */
#include "support.h"

/* [[1,2,3],[4,5,6],[7,8,9]] * [[1,0],[0,-1]]: 1-5=-4 at every position. */
static void conv2d_by_hand(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_by_hand','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32','shape':["
                  "1,1,3,3]},'data':[1,2,3,4,5,6,7,8,9]},'w':{'descriptor':{'dataType':'float32','shape':[1,1,2,2]},"
                  "'data':[1,0,0,-1]}},'operators':[{'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,1,2,2]},'data':[-4,-4,-4,-4]}}}}]}");
}

/* The same 2-in, 3-out convolution with the filter stored oihw. */
static void conv2d_filter_layout_oihw(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_filter_layout_oihw','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2,4,4]},'data':[-3,-3,2,0,1,1,1,-3,0,-2,-1,3,0,-3,0,-3,2,3,3,1,3,-1,-2,0,0,1,3,-2,2,-3,"
                  "-1,2]},'w':{'descriptor':{'dataType':'float32','shape':[3,2,2,3]},'data':[-1,1,0,0,2,2,2,0,2,2,-2,"
                  "-1,-1,0,2,0,2,-1,2,0,1,-1,0,2,2,2,2,-2,1,0,1,-1,-2,-2,2,2]}},'operators':[{'name':'conv2d','arguments':["
                  "{'input':'x'},{'filter':'w'},{'options':{'filterLayout':'oihw','padding':[1,0,0,1]}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,3,4,3]},'data':[-7,3,4,24,"
                  "11,-6,-9,0,8,9,-13,-2,-4,3,-3,8,16,0,8,-19,-2,-9,18,2,11,10,-8,-28,-7,5,20,2,-11,-28,16,12]}}}}]}");
}

/* The same 2-in, 3-out convolution with the filter stored hwio. */
static void conv2d_filter_layout_hwio(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_filter_layout_hwio','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2,4,4]},'data':[-3,-3,2,0,1,1,1,-3,0,-2,-1,3,0,-3,0,-3,2,3,3,1,3,-1,-2,0,0,1,3,-2,2,-3,"
                  "-1,2]},'w':{'descriptor':{'dataType':'float32','shape':[2,3,2,3]},'data':[-1,-1,2,2,2,1,1,0,2,0,"
                  "0,-1,0,2,2,2,1,-2,0,0,-2,2,-1,-2,2,2,1,-2,0,2,2,-1,0,-1,2,2]}},'operators':[{'name':'conv2d','arguments':["
                  "{'input':'x'},{'filter':'w'},{'options':{'filterLayout':'hwio','padding':[1,0,0,1]}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,3,4,3]},'data':[-7,3,4,24,"
                  "11,-6,-9,0,8,9,-13,-2,-4,3,-3,8,16,0,8,-19,-2,-9,18,2,11,10,-8,-28,-7,5,20,2,-11,-28,16,12]}}}}]}");
}

/* The same 2-in, 3-out convolution with the filter stored ohwi. */
static void conv2d_filter_layout_ohwi(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_filter_layout_ohwi','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2,4,4]},'data':[-3,-3,2,0,1,1,1,-3,0,-2,-1,3,0,-3,0,-3,2,3,3,1,3,-1,-2,0,0,1,3,-2,2,-3,"
                  "-1,2]},'w':{'descriptor':{'dataType':'float32','shape':[3,2,3,2]},'data':[-1,2,1,0,0,2,0,2,2,-2,"
                  "2,-1,-1,2,0,0,2,1,0,-1,2,0,-1,2,2,1,2,-1,2,-2,-2,-2,1,2,0,2]}},'operators':[{'name':'conv2d','arguments':["
                  "{'input':'x'},{'filter':'w'},{'options':{'filterLayout':'ohwi','padding':[1,0,0,1]}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,3,4,3]},'data':[-7,3,4,24,"
                  "11,-6,-9,0,8,9,-13,-2,-4,3,-3,8,16,0,8,-19,-2,-9,18,2,11,10,-8,-28,-7,5,20,2,-11,-28,16,12]}}}}]}");
}

/* The same 2-in, 3-out convolution with the filter stored ihwo. */
static void conv2d_filter_layout_ihwo(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_filter_layout_ihwo','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2,4,4]},'data':[-3,-3,2,0,1,1,1,-3,0,-2,-1,3,0,-3,0,-3,2,3,3,1,3,-1,-2,0,0,1,3,-2,2,-3,"
                  "-1,2]},'w':{'descriptor':{'dataType':'float32','shape':[2,2,3,3]},'data':[-1,-1,2,1,0,2,0,2,2,0,"
                  "0,-2,2,2,1,2,-1,0,2,2,1,0,0,-1,2,1,-2,2,-1,-2,-2,0,2,-1,2,2]}},'operators':[{'name':'conv2d','arguments':["
                  "{'input':'x'},{'filter':'w'},{'options':{'filterLayout':'ihwo','padding':[1,0,0,1]}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,3,4,3]},'data':[-7,3,4,24,"
                  "11,-6,-9,0,8,9,-13,-2,-4,3,-3,8,16,0,8,-19,-2,-9,18,2,11,10,-8,-28,-7,5,20,2,-11,-28,16,12]}}}}]}");
}

/* The same convolution with input and output in nhwc (filter ohwi). */
static void conv2d_nhwc_input(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_nhwc_input','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,4,4,2]},'data':[-3,2,-3,3,2,3,0,1,1,3,1,-1,1,-2,-3,0,0,0,-2,1,-1,3,3,-2,0,2,-3,-3,0,-1,"
                  "-3,2]},'w':{'descriptor':{'dataType':'float32','shape':[3,2,3,2]},'data':[-1,2,1,0,0,2,0,2,2,-2,"
                  "2,-1,-1,2,0,0,2,1,0,-1,2,0,-1,2,2,1,2,-1,2,-2,-2,-2,1,2,0,2]}},'operators':[{'name':'conv2d','arguments':["
                  "{'input':'x'},{'filter':'w'},{'options':{'inputLayout':'nhwc','filterLayout':'ohwi','padding':[1,"
                  "0,0,1]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,"
                  "4,3,3]},'data':[-7,-4,11,3,3,10,4,-3,-8,24,8,-28,11,16,-7,-6,0,5,-9,8,20,0,-19,2,8,-2,-11,9,-9,-28,"
                  "-13,18,16,-2,2,12]}}}}]}");
}

/* Batch 2, padding [2,1,0,3], strides [2,3], dilations [2,1], bias. */
static void conv2d_padding_strides_dilations_bias(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_padding_strides_dilations_bias','graph':{'inputs':{'x':{'descriptor':{"
                  "'dataType':'float32','shape':[2,2,5,6]},'data':[-1,0,-2,-2,3,1,-3,-2,0,3,3,-2,1,-3,-2,-2,0,-1,2,"
                  "0,-1,3,1,1,2,-1,3,-3,-1,-2,-3,3,-3,0,2,1,2,-3,0,-3,-2,2,-3,1,-3,-1,3,-1,-1,-3,2,-2,0,-3,-3,2,-3,"
                  "0,-1,-3,1,2,3,-2,3,-3,-3,1,3,3,2,-3,-1,2,0,-2,1,-3,1,-3,-1,-1,3,2,1,0,-1,2,3,-2,-2,-1,0,-2,-1,3,"
                  "-1,3,0,-1,3,0,2,-1,3,2,3,-3,-3,-3,0,-1,3,-2,-2,2,-1,2,-1,0]},'w':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,2,3,2]},'data':[-2,1,2,1,2,1,0,2,0,-2,0,1,-2,-2,1,0,0,1,1,2,-2,1,0,-2]},'b':{'descriptor':{"
                  "'dataType':'float32','shape':[2]},'data':[0.5,-1]}},'operators':[{'name':'conv2d','arguments':[{"
                  "'input':'x'},{'filter':'w'},{'options':{'padding':[2,1,0,3],'strides':[2,3],'dilations':[2,1],'bias':'b'}}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2,2,3]},'data':["
                  "-7.5,-5.5,0.5,10.5,-6.5,0.5,2,-7,-1,7,5,-1,5.5,1.5,0.5,4.5,2.5,0.5,7,-5,-1,-21,-5,-1]}}}}]}");
}

/* 4 input channels in 2 groups of 2, 6 outputs (3 per group). */
static void conv2d_groups_2(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_groups_2','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32','shape':["
                  "1,4,3,3]},'data':[-3,-1,1,-2,0,3,-3,-2,3,-2,3,-1,2,-3,1,3,-1,1,-2,-2,-3,0,0,-3,-2,1,-1,-2,-3,-3,"
                  "1,-3,2,0,-2,1]},'w':{'descriptor':{'dataType':'float32','shape':[6,2,2,2]},'data':[-2,-1,0,1,-2,"
                  "-1,-2,-2,-1,-1,2,-1,-2,2,0,-2,-2,-2,2,0,1,2,0,2,0,1,2,-2,1,2,2,1,0,-2,1,0,2,-2,-1,2,1,1,0,2,2,1,"
                  "1,-1]}},'operators':[{'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{'groups':2}}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,6,2,2]},'data':["
                  "10,3,-3,5,16,-13,-10,-4,2,3,-8,-9,-11,-10,-13,-1,-1,13,2,1,-7,-25,3,-12]}}}}]}");
}

/* The grouped case again in nhwc with an hwio filter. */
static void conv2d_groups_2_hwio_nhwc(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_groups_2_hwio_nhwc','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,3,3,4]},'data':[-3,-2,-2,-2,-1,3,-2,-3,1,-1,-3,-3,-2,2,0,1,0,-3,0,-3,3,1,-3,2,-3,3,-2,"
                  "0,-2,-1,1,-2,3,1,-1,1]},'w':{'descriptor':{'dataType':'float32','shape':[2,2,2,6]},'data':[-2,-1,"
                  "-2,0,0,1,-2,-2,1,1,2,2,-1,-1,-2,1,-2,1,-1,2,2,2,-2,1,0,2,2,2,1,0,-2,0,0,2,-1,1,1,-1,0,-2,0,2,-2,"
                  "-2,2,1,2,-1]}},'operators':[{'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                  "'groups':2,'inputLayout':'nhwc','filterLayout':'hwio'}}],'outputs':'y'}],'expectedOutputs':{'y':{"
                  "'descriptor':{'dataType':'float32','shape':[1,2,2,6]},'data':[10,16,2,-11,-1,-7,3,-13,3,-10,13,-25,"
                  "-3,-10,-8,-13,2,3,5,-4,-9,-1,1,-12]}}}}]}");
}

/* Depthwise: groups = inputChannels = outputChannels = 3, filter [3,1,2,2]. */
static void conv2d_depthwise_oihw(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_depthwise_oihw','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,3,3,3]},'data':[-3,2,-1,-2,-3,-3,-3,-1,-1,0,1,-1,0,1,1,1,-3,-2,2,1,-1,-1,3,2,-1,-1,-3]},"
                  "'w':{'descriptor':{'dataType':'float32','shape':[3,1,2,2]},'data':[1,1,0,1,0,0,1,1,0,0,-1,-1]}},"
                  "'operators':[{'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{'groups':3,'padding':["
                  "1,1,1,1]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':["
                  "1,3,4,4]},'data':[-3,2,-1,0,-5,-4,-2,-1,-5,-6,-7,-3,-3,-4,-2,-1,0,1,0,-1,0,1,2,1,1,-2,-5,-2,0,0,"
                  "0,0,-2,-3,0,1,1,-2,-5,-2,1,2,4,3,0,0,0,0]}}}}]}");
}

/* Depthwise with the filter as ihwo [1,2,2,3]. */
static void conv2d_depthwise_ihwo(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_depthwise_ihwo','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,3,3,3]},'data':[-3,2,-1,-2,-3,-3,-3,-1,-1,0,1,-1,0,1,1,1,-3,-2,2,1,-1,-1,3,2,-1,-1,-3]},"
                  "'w':{'descriptor':{'dataType':'float32','shape':[1,2,2,3]},'data':[1,0,0,1,0,0,0,1,-1,1,1,-1]}},"
                  "'operators':[{'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{'groups':3,'padding':["
                  "1,1,1,1],'filterLayout':'ihwo'}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,3,4,4]},'data':[-3,2,-1,0,-5,-4,-2,-1,-5,-6,-7,-3,-3,-4,-2,-1,0,1,0,-1,0,1,2,1,1,-2,-5,"
                  "-2,0,0,0,0,-2,-3,0,1,1,-2,-5,-2,1,2,4,3,0,0,0,0]}}}}]}");
}

/* 2048*1 + 1*1 + 1*1 + bias 0 = 2050 with one rounding (float16 step-wise: 2048). */
static void conv2d_float16_rounds_once(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_float16_rounds_once','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16',"
                  "'shape':[1,3,1,1]},'data':[2048,1,1]},'w':{'descriptor':{'dataType':'float16','shape':[1,3,1,1]},"
                  "'data':[1,1,1]},'b':{'descriptor':{'dataType':'float16','shape':[1]},'data':[0]}},'operators':[{"
                  "'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{'bias':'b'}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float16','shape':[1,1,1,1]},'data':[2050]}}}}]}");
}

/* 300 x 300 = 90000 > 65504: Inf in float16. */
static void conv2d_float16_overflow(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv2d_float16_overflow','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16',"
                  "'shape':[1,1,1,1]},'data':[300]},'w':{'descriptor':{'dataType':'float16','shape':[1,1,1,1]},'data':["
                  "300]}},'operators':[{'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float16','shape':[1,1,1,1]},'data':['Infinity']}}}}]}");
}

/* padding must have 4 items. */
static void conv2d_rejects_padding_length_3(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_padding_length_3','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,3]}}},'operators':[{'name':'conv2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'},{'options':{'padding':[0,0,0]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* strides must have 2 items. */
static void conv2d_rejects_strides_length_1(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_strides_length_1','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,3]}}},'operators':[{'name':'conv2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'},{'options':{'strides':[1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* strides items must be > 0. */
static void conv2d_rejects_strides_zero(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_strides_zero','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,3]}}},'operators':[{'name':'conv2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'},{'options':{'strides':[0,1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* dilations must have 2 items. */
static void conv2d_rejects_dilations_length_3(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_dilations_length_3','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,3]}}},'operators':[{'name':'conv2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'},{'options':{'dilations':[1,1,1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* dilations items must be > 0. */
static void conv2d_rejects_dilations_zero(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_dilations_zero','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,3]}}},'operators':[{'name':'conv2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'},{'options':{'dilations':[1,0]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* groups must be > 0. */
static void conv2d_rejects_groups_zero(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_groups_zero','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,3]}}},'operators':[{'name':'conv2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'},{'options':{'groups':0}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* 4 input channels, groups 3. */
static void conv2d_rejects_input_channels_not_multiple_of_groups(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_input_channels_not_multiple_of_groups','graph':{'inputs':{'x':{"
                      "'descriptor':{'dataType':'float32','shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':["
                      "3,1,3,3]}}},'operators':[{'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                      "'groups':3}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* filter has 4 input channels, groups 2 needs 2. */
static void conv2d_rejects_filter_input_channels(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_filter_input_channels','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,3]}}},'operators':[{'name':'conv2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'},{'options':{'groups':2}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* 3 outputs, groups 2. */
static void conv2d_rejects_output_channels_not_multiple_of_groups(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_output_channels_not_multiple_of_groups','graph':{'inputs':{'x':{"
                      "'descriptor':{'dataType':'float32','shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':["
                      "3,2,3,3]}}},'operators':[{'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                      "'groups':2}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* bias must be [outputChannels] = [2]. */
static void conv2d_rejects_bias_shape(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_bias_shape','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,3]}},'b':{'descriptor':{"
                      "'dataType':'float32','shape':[3]}}},'operators':[{'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'},"
                      "{'options':{'bias':'b'}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* bias must have the input's type. */
static void conv2d_rejects_bias_type(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_bias_type','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,3]}},'b':{'descriptor':{"
                      "'dataType':'float16','shape':[2]}}},'operators':[{'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'},"
                      "{'options':{'bias':'b'}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* filter 3 dilated by 3 spans 7 > 5: output size < 1. */
static void conv2d_rejects_filter_larger_than_input(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_filter_larger_than_input','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,"
                      "3]}}},'operators':[{'name':'conv2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{'dilations':["
                      "3,3]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* In nhwc the input has 5 channels, the filter expects 4. */
static void conv2d_rejects_nhwc_channel_mismatch(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_nhwc_channel_mismatch','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,3]}}},'operators':[{'name':'conv2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'},{'options':{'inputLayout':'nhwc'}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* "iohw" is a convTranspose2d layout only. */
static void conv2d_rejects_bad_filter_layout(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_bad_filter_layout','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float32','shape':[2,4,3,3]}}},'operators':[{'name':'conv2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'},{'options':{'filterLayout':'iohw'}}],'outputs':'y'}]},"
                      "'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* filter must have the input's type. */
static void conv2d_rejects_filter_type(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_filter_type','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'float16','shape':[2,4,3,3]}}},'operators':[{'name':'conv2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* floats only. */
static void conv2d_rejects_int8(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv2d_rejects_int8','graph':{'inputs':{'x':{'descriptor':{'dataType':'int8',"
                      "'shape':[1,4,5,5]}},'w':{'descriptor':{'dataType':'int8','shape':[2,4,3,3]}}},'operators':[{'name':'conv2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* [[1,2],[3,4]] with an all-ones 2x2 filter, stride 1: each input spreads into a
 * 2x2 block -> [[1,3,2],[4,10,6],[3,7,4]]. */
static void conv_transpose2d_by_hand(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv_transpose2d_by_hand','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,2,2]},'data':[1,2,3,4]},'w':{'descriptor':{'dataType':'float32','shape':[1,1,2,2]},"
                  "'data':[1,1,1,1]}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,1,3,3]},'data':["
                  "1,3,2,4,10,6,3,7,4]}}}}]}");
}

/* Stride 2 leaves gaps: [[1,1,2,2],[1,1,2,2],[3,3,4,4],[3,3,4,4]]. */
static void conv_transpose2d_stride2_by_hand(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv_transpose2d_stride2_by_hand','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,2,2]},'data':[1,2,3,4]},'w':{'descriptor':{'dataType':'float32','shape':[1,1,2,2]},"
                  "'data':[1,1,1,1]}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},"
                  "{'options':{'strides':[2,2]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,1,4,4]},'data':[1,1,2,2,1,1,2,2,3,3,4,4,3,3,4,4]}}}}]}");
}

/* Strides, padding, dilations and outputPadding; filter iohw. */
static void conv_transpose2d_filter_layout_iohw(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv_transpose2d_filter_layout_iohw','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2,3,2]},'data':[3,-2,-3,1,-1,-3,0,2,-3,0,-2,1]},'w':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3,2,3]},'data':[1,2,1,-1,1,1,2,1,1,-2,-1,-1,1,2,-1,0,1,-2,-1,-2,-2,1,2,-2,1,1,1,1,0,-2,"
                  "1,-2,0,2,0,-1]}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},"
                  "{'options':{'strides':[2,3],'padding':[1,0,2,1],'dilations':[1,2],'outputPadding':[1,2],'filterLayout':'iohw'}}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,3,6,7]},'data':["
                  "3,4,3,2,0,-6,0,0,1,3,2,0,1,0,-9,-1,3,1,0,1,0,2,-4,3,-8,0,-5,0,-5,4,3,-1,0,-5,0,0,0,0,0,0,0,0,-3,"
                  "6,-3,2,0,-2,0,-6,2,-6,1,0,1,0,3,-2,9,-1,0,-1,0,-3,-5,-3,-2,0,-2,0,1,7,5,3,0,1,0,0,0,0,0,0,0,0,3,"
                  "4,-6,-2,0,2,0,0,1,3,2,0,-1,0,-3,0,9,1,0,-2,0,2,-2,1,-8,0,3,0,-1,2,4,-3,0,5,0,0,0,0,0,0,0,0]}}}}]}");
}

/* Strides, padding, dilations and outputPadding; filter hwoi. */
static void conv_transpose2d_filter_layout_hwoi(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv_transpose2d_filter_layout_hwoi','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2,3,2]},'data':[3,-2,-3,1,-1,-3,0,2,-3,0,-2,1]},'w':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3,3,2]},'data':[1,-1,2,1,1,1,2,-2,1,1,2,-2,1,-2,1,1,-1,0,-1,1,-2,1,0,2,1,2,-1,0,1,0,1,"
                  "-2,-1,-2,-2,-1]}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},"
                  "{'options':{'strides':[2,3],'padding':[1,0,2,1],'dilations':[1,2],'outputPadding':[1,2],'filterLayout':'hwoi'}}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,3,6,7]},'data':["
                  "3,4,3,2,0,-6,0,0,1,3,2,0,1,0,-9,-1,3,1,0,1,0,2,-4,3,-8,0,-5,0,-5,4,3,-1,0,-5,0,0,0,0,0,0,0,0,-3,"
                  "6,-3,2,0,-2,0,-6,2,-6,1,0,1,0,3,-2,9,-1,0,-1,0,-3,-5,-3,-2,0,-2,0,1,7,5,3,0,1,0,0,0,0,0,0,0,0,3,"
                  "4,-6,-2,0,2,0,0,1,3,2,0,-1,0,-3,0,9,1,0,-2,0,2,-2,1,-8,0,3,0,-1,2,4,-3,0,5,0,0,0,0,0,0,0,0]}}}}]}");
}

/* Strides, padding, dilations and outputPadding; filter ohwi. */
static void conv_transpose2d_filter_layout_ohwi(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv_transpose2d_filter_layout_ohwi','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2,3,2]},'data':[3,-2,-3,1,-1,-3,0,2,-3,0,-2,1]},'w':{'descriptor':{'dataType':'float32',"
                  "'shape':[3,2,3,2]},'data':[1,-1,2,-2,1,-2,-1,1,1,2,1,-2,2,1,1,1,1,1,-2,1,-1,0,-1,-2,1,1,2,-2,-1,"
                  "0,0,2,1,0,-2,-1]}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},"
                  "{'options':{'strides':[2,3],'padding':[1,0,2,1],'dilations':[1,2],'outputPadding':[1,2],'filterLayout':'ohwi'}}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,3,6,7]},'data':["
                  "3,4,3,2,0,-6,0,0,1,3,2,0,1,0,-9,-1,3,1,0,1,0,2,-4,3,-8,0,-5,0,-5,4,3,-1,0,-5,0,0,0,0,0,0,0,0,-3,"
                  "6,-3,2,0,-2,0,-6,2,-6,1,0,1,0,3,-2,9,-1,0,-1,0,-3,-5,-3,-2,0,-2,0,1,7,5,3,0,1,0,0,0,0,0,0,0,0,3,"
                  "4,-6,-2,0,2,0,0,1,3,2,0,-1,0,-3,0,9,1,0,-2,0,2,-2,1,-8,0,3,0,-1,2,4,-3,0,5,0,0,0,0,0,0,0,0]}}}}]}");
}

/* The same in nhwc (filter ohwi). */
static void conv_transpose2d_nhwc(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv_transpose2d_nhwc','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,3,2,2]},'data':[3,0,-2,2,-3,-3,1,0,-1,-2,-3,1]},'w':{'descriptor':{'dataType':'float32',"
                  "'shape':[3,2,3,2]},'data':[1,-1,2,-2,1,-2,-1,1,1,2,1,-2,2,1,1,1,1,1,-2,1,-1,0,-1,-2,1,1,2,-2,-1,"
                  "0,0,2,1,0,-2,-1]}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},"
                  "{'options':{'strides':[2,3],'padding':[1,0,2,1],'dilations':[1,2],'outputPadding':[1,2],'filterLayout':'ohwi',"
                  "'inputLayout':'nhwc'}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,6,7,3]},'data':[3,-3,3,4,6,4,3,-3,-6,2,2,-2,0,0,0,-6,-2,2,0,0,0,0,-6,0,1,2,1,3,-6,3,2,"
                  "1,2,0,0,0,1,1,-1,0,0,0,-9,3,-3,-1,-2,0,3,9,9,1,-1,1,0,0,0,1,-1,-2,0,0,0,2,-3,2,-4,-5,-2,3,-3,1,-8,"
                  "-2,-8,0,0,0,-5,-2,3,0,0,0,-5,1,-1,4,7,2,3,5,4,-1,3,-3,0,0,0,-5,1,5,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
                  "0,0,0,0,0,0,0,0,0]}}}}]}");
}

/* outputSizes [6, 7] inside [calc, calc + stride) = [5,7) x [5,8); outputPadding
 * is ignored (even one >= stride). The extra last row/column get the taps that reach them. */
static void conv_transpose2d_output_sizes(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv_transpose2d_output_sizes','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2,3,2]},'data':[3,-2,-3,1,-1,-3,0,2,-3,0,-2,1]},'w':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3,2,3]},'data':[1,2,1,-1,1,1,2,1,1,-2,-1,-1,1,2,-1,0,1,-2,-1,-2,-2,1,2,-2,1,1,1,1,0,-2,"
                  "1,-2,0,2,0,-1]}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},"
                  "{'options':{'strides':[2,3],'padding':[1,0,2,1],'dilations':[1,2],'outputSizes':[6,7],'outputPadding':["
                  "7,7]}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,3,"
                  "6,7]},'data':[3,4,3,2,0,-6,0,0,1,3,2,0,1,0,-9,-1,3,1,0,1,0,2,-4,3,-8,0,-5,0,-5,4,3,-1,0,-5,0,0,0,"
                  "0,0,0,0,0,-3,6,-3,2,0,-2,0,-6,2,-6,1,0,1,0,3,-2,9,-1,0,-1,0,-3,-5,-3,-2,0,-2,0,1,7,5,3,0,1,0,0,0,"
                  "0,0,0,0,0,3,4,-6,-2,0,2,0,0,1,3,2,0,-1,0,-3,0,9,1,0,-2,0,2,-2,1,-8,0,3,0,-1,2,4,-3,0,5,0,0,0,0,0,"
                  "0,0,0]}}}}]}");
}

/* Batch 2, 4 inputs in 2 groups, filter [4, 3, 2, 2] -> 6 outputs, bias. */
static void conv_transpose2d_groups_bias(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv_transpose2d_groups_bias','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,4,2,2]},'data':[-3,-2,0,2,2,-2,1,1,2,0,0,-1,3,0,-3,0,3,2,-1,3,-3,2,1,-3,0,-1,-1,-2,2,"
                  "2,-3,2]},'w':{'descriptor':{'dataType':'float32','shape':[4,3,2,2]},'data':[1,-2,0,-1,0,-2,0,-2,"
                  "-2,2,0,-1,2,-1,-2,2,-2,2,-2,2,0,-2,2,0,-2,1,2,-2,0,2,-2,1,0,-2,-1,2,1,2,0,-2,-1,-1,-1,-2,2,-2,1,"
                  "1]},'b':{'descriptor':{'dataType':'float32','shape':[6]},'data':[0.25,0.5,0.75,1,1.25,1.5]}},'operators':["
                  "{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{'groups':2,'strides':["
                  "1,2],'bias':'b'}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':["
                  "2,6,3,4]},'data':[1.25,4.25,-5.75,6.25,-1.75,6.25,8.25,-6.75,-1.75,2.25,-1.75,0.25,-3.5,10.5,4.5,"
                  "0.5,-5.5,12.5,2.5,-1.5,-1.5,2.5,-1.5,-1.5,6.75,-9.25,4.75,0.75,4.75,1.75,-7.25,4.75,2.75,0.75,2.75,"
                  "-1.25,0,9,1,1,2,-15,3,0,1,7,-1,3,-1.75,2.25,1.25,1.25,-2.75,0.25,1.25,-0.75,4.25,7.25,3.25,0.25,"
                  "7.5,-8.5,1.5,1.5,-3.5,14.5,1.5,3.5,-1.5,-1.5,2.5,-0.5,-2.75,-2.75,6.25,-5.75,7.25,-7.75,-6.75,-0.75,"
                  "-1.75,3.25,6.25,-8.75,6.5,-11.5,-3.5,0.5,4.5,-7.5,2.5,-11.5,-1.5,4.5,6.5,-11.5,-5.25,12.75,-3.25,"
                  "0.75,-3.25,-6.25,-1.25,10.75,2.75,1.75,-5.25,-2.25,3,5,5,4,0,-10,5,1,-1,9,-3,1,-0.75,-0.75,-0.75,"
                  "-2.75,2.25,-1.75,-0.75,-9.75,6.25,6.25,3.25,-4.75,5.5,-2.5,5.5,-0.5,-2.5,11.5,8.5,1.5,-0.5,-3.5,"
                  "5.5,-0.5]}}}}]}");
}

/* Three taps land on one output: 2048 + 1 + 1 = 2050 in one rounding. */
static void conv_transpose2d_float16_rounds_once(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'conv_transpose2d_float16_rounds_once','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16',"
                  "'shape':[1,3,1,1]},'data':[2048,1,1]},'w':{'descriptor':{'dataType':'float16','shape':[3,1,1,1]},"
                  "'data':[1,1,1]}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float16','shape':[1,1,1,1]},'data':["
                  "2050]}}}}]}");
}

/* padding must have 4 items. */
static void conv_transpose2d_rejects_padding_length_2(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_padding_length_2','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':[2,1,3,"
                      "3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                      "'padding':[0,0]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* strides items must be > 0. */
static void conv_transpose2d_rejects_strides_zero(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_strides_zero','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':[2,1,3,"
                      "3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                      "'strides':[0,1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* dilations must have 2 items. */
static void conv_transpose2d_rejects_dilations_length_1(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_dilations_length_1','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':[2,1,3,"
                      "3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                      "'dilations':[1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* dilations items must be > 0. */
static void conv_transpose2d_rejects_dilations_zero(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_dilations_zero','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':[2,1,3,"
                      "3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                      "'dilations':[0,1]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* outputPadding must have 2 items. */
static void conv_transpose2d_rejects_output_padding_length_1(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_output_padding_length_1','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':[2,1,3,"
                      "3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                      "'outputPadding':[0]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* outputPadding 2 >= stride 2. */
static void conv_transpose2d_rejects_output_padding_not_below_stride(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_output_padding_not_below_stride','graph':{'inputs':{"
                      "'x':{'descriptor':{'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,1,3,3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},"
                      "{'options':{'strides':[2,2],'outputPadding':[1,2]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* outputPadding 1 >= default stride 1. */
static void conv_transpose2d_rejects_output_padding_with_unit_stride(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_output_padding_with_unit_stride','graph':{'inputs':{"
                      "'x':{'descriptor':{'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,1,3,3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},"
                      "{'options':{'outputPadding':[1,0]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* outputSizes must have 2 items. */
static void conv_transpose2d_rejects_output_sizes_length_3(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_output_sizes_length_3','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':[2,1,3,"
                      "3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                      "'outputSizes':[5,5,5]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* calc = (3-1)*2+3 = 7; 6 < 7. */
static void conv_transpose2d_rejects_output_sizes_below_calculated(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_output_sizes_below_calculated','graph':{'inputs':{'x':{"
                      "'descriptor':{'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':["
                      "2,1,3,3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                      "'strides':[2,2],'outputSizes':[6,7]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* 9 = 7 + stride 2 is outside [7, 9). */
static void conv_transpose2d_rejects_output_sizes_at_calculated_plus_stride(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_output_sizes_at_calculated_plus_stride','graph':{'inputs':{"
                      "'x':{'descriptor':{'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,1,3,3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},"
                      "{'options':{'strides':[2,2],'outputSizes':[7,9]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* groups must be > 0. */
static void conv_transpose2d_rejects_groups_zero(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_groups_zero','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':[2,1,3,3]}}},'operators':[{'name':'convTranspose2d',"
                      "'arguments':[{'input':'x'},{'filter':'w'},{'options':{'groups':0}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* input has 2 channels, the iohw filter 3. */
static void conv_transpose2d_rejects_input_channel_mismatch(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_input_channel_mismatch','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':[3,1,3,"
                      "3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'}],'outputs':'y'}]},"
                      "'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* recorded choice: 3 input channels, groups 2. */
static void conv_transpose2d_rejects_channels_not_multiple_of_groups(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_channels_not_multiple_of_groups','graph':{'inputs':{"
                      "'x':{'descriptor':{'dataType':'float32','shape':[1,3,3,3]}},'w':{'descriptor':{'dataType':'float32',"
                      "'shape':[3,1,3,3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},"
                      "{'options':{'groups':2}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* bias must be [filterOutputChannels x groups] = [2] with groups 2. */
static void conv_transpose2d_rejects_bias_shape(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_bias_shape','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':[2,1,3,3]}},'b':{'descriptor':{"
                      "'dataType':'float32','shape':[1]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},"
                      "{'filter':'w'},{'options':{'groups':2,'bias':'b'}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* calc = 3 + 3 - 1 - 4 - 4 = -3: not a valid size. */
static void conv_transpose2d_rejects_padding_larger_than_output(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_padding_larger_than_output','graph':{'inputs':{'x':{"
                      "'descriptor':{'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':["
                      "2,1,3,3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                      "'padding':[4,4,0,0]}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* "oihw" is a conv2d layout only. */
static void conv_transpose2d_rejects_bad_filter_layout(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'conv_transpose2d_rejects_bad_filter_layout','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[1,2,3,3]}},'w':{'descriptor':{'dataType':'float32','shape':[2,1,3,"
                      "3]}}},'operators':[{'name':'convTranspose2d','arguments':[{'input':'x'},{'filter':'w'},{'options':{"
                      "'filterLayout':'oihw'}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(conv2d_by_hand),
        cmocka_unit_test(conv2d_filter_layout_oihw),
        cmocka_unit_test(conv2d_filter_layout_hwio),
        cmocka_unit_test(conv2d_filter_layout_ohwi),
        cmocka_unit_test(conv2d_filter_layout_ihwo),
        cmocka_unit_test(conv2d_nhwc_input),
        cmocka_unit_test(conv2d_padding_strides_dilations_bias),
        cmocka_unit_test(conv2d_groups_2),
        cmocka_unit_test(conv2d_groups_2_hwio_nhwc),
        cmocka_unit_test(conv2d_depthwise_oihw),
        cmocka_unit_test(conv2d_depthwise_ihwo),
        cmocka_unit_test(conv2d_float16_rounds_once),
        cmocka_unit_test(conv2d_float16_overflow),
        cmocka_unit_test(conv2d_rejects_padding_length_3),
        cmocka_unit_test(conv2d_rejects_strides_length_1),
        cmocka_unit_test(conv2d_rejects_strides_zero),
        cmocka_unit_test(conv2d_rejects_dilations_length_3),
        cmocka_unit_test(conv2d_rejects_dilations_zero),
        cmocka_unit_test(conv2d_rejects_groups_zero),
        cmocka_unit_test(conv2d_rejects_input_channels_not_multiple_of_groups),
        cmocka_unit_test(conv2d_rejects_filter_input_channels),
        cmocka_unit_test(conv2d_rejects_output_channels_not_multiple_of_groups),
        cmocka_unit_test(conv2d_rejects_bias_shape),
        cmocka_unit_test(conv2d_rejects_bias_type),
        cmocka_unit_test(conv2d_rejects_filter_larger_than_input),
        cmocka_unit_test(conv2d_rejects_nhwc_channel_mismatch),
        cmocka_unit_test(conv2d_rejects_bad_filter_layout),
        cmocka_unit_test(conv2d_rejects_filter_type),
        cmocka_unit_test(conv2d_rejects_int8),
        cmocka_unit_test(conv_transpose2d_by_hand),
        cmocka_unit_test(conv_transpose2d_stride2_by_hand),
        cmocka_unit_test(conv_transpose2d_filter_layout_iohw),
        cmocka_unit_test(conv_transpose2d_filter_layout_hwoi),
        cmocka_unit_test(conv_transpose2d_filter_layout_ohwi),
        cmocka_unit_test(conv_transpose2d_nhwc),
        cmocka_unit_test(conv_transpose2d_output_sizes),
        cmocka_unit_test(conv_transpose2d_groups_bias),
        cmocka_unit_test(conv_transpose2d_float16_rounds_once),
        cmocka_unit_test(conv_transpose2d_rejects_padding_length_2),
        cmocka_unit_test(conv_transpose2d_rejects_strides_zero),
        cmocka_unit_test(conv_transpose2d_rejects_dilations_length_1),
        cmocka_unit_test(conv_transpose2d_rejects_dilations_zero),
        cmocka_unit_test(conv_transpose2d_rejects_output_padding_length_1),
        cmocka_unit_test(conv_transpose2d_rejects_output_padding_not_below_stride),
        cmocka_unit_test(conv_transpose2d_rejects_output_padding_with_unit_stride),
        cmocka_unit_test(conv_transpose2d_rejects_output_sizes_length_3),
        cmocka_unit_test(conv_transpose2d_rejects_output_sizes_below_calculated),
        cmocka_unit_test(conv_transpose2d_rejects_output_sizes_at_calculated_plus_stride),
        cmocka_unit_test(conv_transpose2d_rejects_groups_zero),
        cmocka_unit_test(conv_transpose2d_rejects_input_channel_mismatch),
        cmocka_unit_test(conv_transpose2d_rejects_channels_not_multiple_of_groups),
        cmocka_unit_test(conv_transpose2d_rejects_bias_shape),
        cmocka_unit_test(conv_transpose2d_rejects_padding_larger_than_output),
        cmocka_unit_test(conv_transpose2d_rejects_bad_filter_layout),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
