/* pad: constant / edge / reflection on several ranks (0 to 5) and all eight data types,
 * the value cast, and every builder error. Expected values: the spec's own example,
 * hand values, or numpy.pad (an independent implementation). */
#include "support.h"

/* The spec's example: [[1,2,3],[4,5,6]] padded [1,2] / [1,2] with zeros. */
static void pad_constant_spec_example(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_constant_spec_example','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3]},'data':[1,2,3,4,5,6]}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "1,2]},{'endingPadding':[1,2]}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32',"
                  "'shape':[4,7]},'data':[0,0,0,0,0,0,0,0,0,1,2,3,0,0,0,0,4,5,6,0,0,0,0,0,0,0,0,0]}}}}]}");
}

/* The spec's example, edge mode. */
static void pad_edge_spec_example(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_edge_spec_example','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3]},'data':[1,2,3,4,5,6]}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "1,2]},{'endingPadding':[1,2]},{'options':{'mode':'edge'}}],'outputs':'y'}],'expectedOutputs':{'y':{"
                  "'descriptor':{'dataType':'float32','shape':[4,7]},'data':[1,1,1,2,3,3,3,1,1,1,2,3,3,3,4,4,4,5,6,"
                  "6,6,4,4,4,5,6,6,6]}}}}]}");
}

/* The spec's example, reflection mode (the edge is not repeated). */
static void pad_reflection_spec_example(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_reflection_spec_example','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3]},'data':[1,2,3,4,5,6]}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "1,2]},{'endingPadding':[1,2]},{'options':{'mode':'reflection'}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'float32','shape':[4,7]},'data':[6,5,4,5,6,5,4,3,2,1,2,3,2,1,6,5,4,"
                  "5,6,5,4,3,2,1,2,3,2,1]}}}}]}");
}

/* A scalar takes empty padding lists and is returned unchanged. */
static void pad_rank0_is_identity(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_rank0_is_identity','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[]},'data':-2.5}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "]},{'endingPadding':[]},{'options':{'mode':'reflection'}}],'outputs':'y'}],'expectedOutputs':{'y':{"
                  "'descriptor':{'dataType':'float32','shape':[]},'data':-2.5}}}}]}");
}

/* Rank 5 edge padding (numpy.pad mode edge). */
static void pad_rank5_edge(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_rank5_edge','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16','shape':["
                  "2,1,2,3,1]},'data':[1,2,3,4,5,6,7,8,9,10,11,12]}},'operators':[{'name':'pad','arguments':[{'input':'x'},"
                  "{'beginningPadding':[0,1,1,0,2]},{'endingPadding':[1,0,0,2,0]},{'options':{'mode':'edge'}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float16','shape':[3,2,3,5,3]},'data':[1,1,1,2,"
                  "2,2,3,3,3,3,3,3,3,3,3,1,1,1,2,2,2,3,3,3,3,3,3,3,3,3,4,4,4,5,5,5,6,6,6,6,6,6,6,6,6,1,1,1,2,2,2,3,"
                  "3,3,3,3,3,3,3,3,1,1,1,2,2,2,3,3,3,3,3,3,3,3,3,4,4,4,5,5,5,6,6,6,6,6,6,6,6,6,7,7,7,8,8,8,9,9,9,9,"
                  "9,9,9,9,9,7,7,7,8,8,8,9,9,9,9,9,9,9,9,9,10,10,10,11,11,11,12,12,12,12,12,12,12,12,12,7,7,7,8,8,8,"
                  "9,9,9,9,9,9,9,9,9,7,7,7,8,8,8,9,9,9,9,9,9,9,9,9,10,10,10,11,11,11,12,12,12,12,12,12,12,12,12,7,7,"
                  "7,8,8,8,9,9,9,9,9,9,9,9,9,7,7,7,8,8,8,9,9,9,9,9,9,9,9,9,10,10,10,11,11,11,12,12,12,12,12,12,12,12,"
                  "12,7,7,7,8,8,8,9,9,9,9,9,9,9,9,9,7,7,7,8,8,8,9,9,9,9,9,9,9,9,9,10,10,10,11,11,11,12,12,12,12,12,"
                  "12,12,12,12]}}}}]}");
}

/* Reflection with pad = dim - 1 on each side (numpy.pad mode reflect). */
static void pad_rank2_reflection_max_width(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_rank2_reflection_max_width','graph':{'inputs':{'x':{'descriptor':{'dataType':'int32',"
                  "'shape':[3,4]},'data':[1,2,3,4,5,6,7,8,9,10,11,12]}},'operators':[{'name':'pad','arguments':[{'input':'x'},"
                  "{'beginningPadding':[2,3]},{'endingPadding':[2,3]},{'options':{'mode':'reflection'}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'int32','shape':[7,10]},'data':[12,11,10,9,10,11,"
                  "12,11,10,9,8,7,6,5,6,7,8,7,6,5,4,3,2,1,2,3,4,3,2,1,8,7,6,5,6,7,8,7,6,5,12,11,10,9,10,11,12,11,10,"
                  "9,8,7,6,5,6,7,8,7,6,5,4,3,2,1,2,3,4,3,2,1]}}}}]}");
}

/* value -Infinity; inputs NaN and -0 are copied exactly. */
static void pad_constant_value_float16_keeps_special_values(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_constant_value_float16_keeps_special_values','graph':{'inputs':{'x':{'descriptor':{"
                  "'dataType':'float16','shape':[2]},'data':['NaN','-0']}},'operators':[{'name':'pad','arguments':["
                  "{'input':'x'},{'beginningPadding':[1]},{'endingPadding':[1]},{'options':{'value':'-Infinity'}}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float16','shape':[4]},'data':["
                  "'-Infinity','NaN','-0','-Infinity']}}}}]}");
}

/* value 0.1 is cast to float16: 0.0999755859375. */
static void pad_constant_value_rounds_to_float16(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_constant_value_rounds_to_float16','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16',"
                  "'shape':[1]},'data':[1]}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "1]},{'endingPadding':[0]},{'options':{'value':0.1}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float16','shape':[2]},'data':[0.0999755859375,1]}}}}]}");
}

/* value 65520 is the float16 overflow threshold: Inf. */
static void pad_constant_value_overflows_float16(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_constant_value_overflows_float16','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16',"
                  "'shape':[1]},'data':[1]}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "0]},{'endingPadding':[1]},{'options':{'value':65520}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float16','shape':[2]},'data':[1,'Infinity']}}}}]}");
}

/* value 300 saturates to 127, the cast algorithm (not wrap). */
static void pad_constant_value_saturates_int8(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_constant_value_saturates_int8','graph':{'inputs':{'x':{'descriptor':{'dataType':'int8',"
                  "'shape':[1]},'data':[-128]}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "1]},{'endingPadding':[1]},{'options':{'value':300}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'int8','shape':[3]},'data':[127,-128,127]}}}}]}");
}

/* value -5 saturates to 0 for uint8. */
static void pad_constant_value_saturates_uint8(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_constant_value_saturates_uint8','graph':{'inputs':{'x':{'descriptor':{'dataType':'uint8',"
                  "'shape':[1]},'data':[255]}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "1]},{'endingPadding':[0]},{'options':{'value':-5}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'uint8','shape':[2]},'data':[0,255]}}}}]}");
}

/* value 2.5 -> 2 (ties to even). */
static void pad_constant_value_rounds_half_even_int32(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_constant_value_rounds_half_even_int32','graph':{'inputs':{'x':{'descriptor':{"
                  "'dataType':'int32','shape':[1]},'data':[7]}},'operators':[{'name':'pad','arguments':[{'input':'x'},"
                  "{'beginningPadding':[1]},{'endingPadding':[0]},{'options':{'value':2.5}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'int32','shape':[2]},'data':[2,7]}}}}]}");
}

/* value 3.5 -> 4 (ties to even). */
static void pad_constant_value_uint32_half_even(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_constant_value_uint32_half_even','graph':{'inputs':{'x':{'descriptor':{'dataType':'uint32',"
                  "'shape':[1]},'data':[4294967295]}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "0]},{'endingPadding':[1]},{'options':{'value':3.5}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'uint32','shape':[2]},'data':[4294967295,4]}}}}]}");
}

/* int64 elements and value beyond 2^53 are exact. */
static void pad_int64_exact_beyond_2_53(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_int64_exact_beyond_2_53','graph':{'inputs':{'x':{'descriptor':{'dataType':'int64',"
                  "'shape':[2]},'data':['9007199254740993','-9223372036854775808']}},'operators':[{'name':'pad','arguments':["
                  "{'input':'x'},{'beginningPadding':[1]},{'endingPadding':[1]},{'options':{'value':'9223372036854775807'}}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'int64','shape':[4]},'data':['9223372036854775807',"
                  "'9007199254740993','-9223372036854775808','9223372036854775807']}}}}]}");
}

/* uint64 above 2^63, edge mode. */
static void pad_uint64_edge_exact(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_uint64_edge_exact','graph':{'inputs':{'x':{'descriptor':{'dataType':'uint64',"
                  "'shape':[2]},'data':['18446744073709551615','9007199254740993']}},'operators':[{'name':'pad','arguments':["
                  "{'input':'x'},{'beginningPadding':[2]},{'endingPadding':[1]},{'options':{'mode':'edge'}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'uint64','shape':[5]},'data':['18446744073709551615',"
                  "'18446744073709551615','18446744073709551615','9007199254740993','9007199254740993']}}}}]}");
}

/* int8 reflection on both dims (numpy.pad mode reflect). */
static void pad_int8_reflection(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_int8_reflection','graph':{'inputs':{'x':{'descriptor':{'dataType':'int8',"
                  "'shape':[2,2]},'data':[-1,2,3,-4]}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "1,1]},{'endingPadding':[1,0]},{'options':{'mode':'reflection'}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'int8','shape':[4,3]},'data':[-4,3,-4,2,-1,2,-4,3,-4,2,-1,2]}}}}]}");
}

/* All-zero padding copies the input (uint8). */
static void pad_zero_padding_copies(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_zero_padding_copies','graph':{'inputs':{'x':{'descriptor':{'dataType':'uint8',"
                  "'shape':[2,2]},'data':[1,2,3,4]}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "0,0]},{'endingPadding':[0,0]}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'uint8',"
                  "'shape':[2,2]},'data':[1,2,3,4]}}}}]}");
}

/* beginningPadding must have rank items. */
static void pad_rejects_short_beginning(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'pad_rejects_short_beginning','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,3]}}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':[1]},"
                      "{'endingPadding':[1,1]}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* endingPadding must have rank items. */
static void pad_rejects_long_ending(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'pad_rejects_long_ending','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,3]}}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':[1,1]},"
                      "{'endingPadding':[1,1,1]}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* rank 0 takes empty lists. */
static void pad_rejects_padding_for_scalar(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'pad_rejects_padding_for_scalar','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[]}}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':[1]},{'endingPadding':["
                      "1]}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* reflection needs beginningPadding < dim (3). */
static void pad_rejects_reflection_begin_equal_dim(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'pad_rejects_reflection_begin_equal_dim','graph':{'inputs':{'x':{'descriptor':{"
                      "'dataType':'float32','shape':[2,3]}}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                      "0,3]},{'endingPadding':[0,0]},{'options':{'mode':'reflection'}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* reflection needs endingPadding < dim (2). */
static void pad_rejects_reflection_end_equal_dim(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'pad_rejects_reflection_end_equal_dim','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,3]}}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':[0,0]},"
                      "{'endingPadding':[2,0]},{'options':{'mode':'reflection'}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* edge mode has no size limit: [5] padded 3 / 2. */
static void pad_edge_allows_padding_beyond_dim(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'pad_edge_allows_padding_beyond_dim','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                  "'shape':[1]},'data':[5]}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':["
                  "3]},{'endingPadding':[2]},{'options':{'mode':'edge'}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float32','shape':[6]},'data':[5,5,5,5,5,5]}}}}]}");
}

/* 2 + 2147483647 is beyond a valid dimension. */
static void pad_rejects_invalid_output_dimension(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'pad_rejects_invalid_output_dimension','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[2]}}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':[2147483647]},"
                      "{'endingPadding':[0]}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* "symmetric" is not an MLPaddingMode. */
static void pad_rejects_unknown_mode(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'pad_rejects_unknown_mode','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
                      "'shape':[2]}}},'operators':[{'name':'pad','arguments':[{'input':'x'},{'beginningPadding':[1]},{'endingPadding':["
                      "1]},{'options':{'mode':'symmetric'}}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pad_constant_spec_example),
        cmocka_unit_test(pad_edge_spec_example),
        cmocka_unit_test(pad_reflection_spec_example),
        cmocka_unit_test(pad_rank0_is_identity),
        cmocka_unit_test(pad_rank5_edge),
        cmocka_unit_test(pad_rank2_reflection_max_width),
        cmocka_unit_test(pad_constant_value_float16_keeps_special_values),
        cmocka_unit_test(pad_constant_value_rounds_to_float16),
        cmocka_unit_test(pad_constant_value_overflows_float16),
        cmocka_unit_test(pad_constant_value_saturates_int8),
        cmocka_unit_test(pad_constant_value_saturates_uint8),
        cmocka_unit_test(pad_constant_value_rounds_half_even_int32),
        cmocka_unit_test(pad_constant_value_uint32_half_even),
        cmocka_unit_test(pad_int64_exact_beyond_2_53),
        cmocka_unit_test(pad_uint64_edge_exact),
        cmocka_unit_test(pad_int8_reflection),
        cmocka_unit_test(pad_zero_padding_copies),
        cmocka_unit_test(pad_rejects_short_beginning),
        cmocka_unit_test(pad_rejects_long_ending),
        cmocka_unit_test(pad_rejects_padding_for_scalar),
        cmocka_unit_test(pad_rejects_reflection_begin_equal_dim),
        cmocka_unit_test(pad_rejects_reflection_end_equal_dim),
        cmocka_unit_test(pad_edge_allows_padding_beyond_dim),
        cmocka_unit_test(pad_rejects_invalid_output_dimension),
        cmocka_unit_test(pad_rejects_unknown_mode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
