/* add and relu through the whole path: JSON -> graph -> validation -> interpreter. These
 * are the two kernels of the core; the op-family tests follow the same pattern. */
#include "support.h"

static void add_broadcasts_and_rounds_once_in_float16(void **state)
{
    (void)state;
    /* 0.1 and 0.2 are not float16 values: the inputs round first (0.0999755859375 and
     * 0.199951171875), the sum 0.2999267578125 then rounds once to 0.2998046875;
     * 16 + 65504 = 65520 is the tie between 65504 and 2^16, which rounds to Inf. */
    wt_check_case("{'tests':[{'name':'f16','graph':{'inputs':{"
                  "'a':{'descriptor':{'dataType':'float16','shape':[2,1]},'data':[0.1,16]},"
                  "'b':{'descriptor':{'dataType':'float16','shape':[2]},'data':[0.2,65504]}},"
                  "'operators':[{'name':'add','arguments':[{'a':'a'},{'b':'b'}],'outputs':'c'}],"
                  "'expectedOutputs':{'c':{'descriptor':{'dataType':'float16','shape':[2,2]},"
                  "'data':[0.2998046875,65504,16.203125,'Infinity']}}}}]}");
}

static void add_wraps_int8(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'i8','graph':{'inputs':{"
                  "'a':{'descriptor':{'dataType':'int8','shape':[3]},'data':[127,-128,5]},"
                  "'b':{'descriptor':{'dataType':'int8','shape':[]},'data':1,'constant':true}},"
                  "'operators':[{'name':'add','arguments':[{'a':'a'},{'b':'b'}],'outputs':'c'}],"
                  "'expectedOutputs':{'c':{'descriptor':{'dataType':'int8','shape':[3]},'data':[-128,-127,6]}}}}]}");
}

static void add_rejects_incompatible_shapes(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'bad','graph':{'inputs':{"
                      "'a':{'descriptor':{'dataType':'float32','shape':[2,3]}},"
                      "'b':{'descriptor':{'dataType':'float32','shape':[2]}}},"
                      "'operators':[{'name':'add','arguments':[{'a':'a'},{'b':'b'}],'outputs':'c'}]},"
                      "'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

static void add_rejects_mismatched_types(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'bad','graph':{'inputs':{"
                      "'a':{'descriptor':{'dataType':'float32','shape':[2]}},"
                      "'b':{'descriptor':{'dataType':'int32','shape':[2]}}},"
                      "'operators':[{'name':'add','arguments':[{'a':'a'},{'b':'b'}],'outputs':'c'}]},"
                      "'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

static void relu_keeps_nan_and_clamps_negatives(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'relu','graph':{'inputs':{"
                  "'x':{'descriptor':{'dataType':'float32','shape':[5]},'data':[-2,'-Infinity','NaN',3.5,'Infinity']}},"
                  "'operators':[{'name':'relu','arguments':[{'input':'x'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[5]},"
                  "'data':[0,0,'NaN',3.5,'Infinity']}}}}]}");
}

static void relu_rejects_uint32(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'bad','graph':{'inputs':{"
                      "'x':{'descriptor':{'dataType':'uint32','shape':[2]}}},"
                      "'operators':[{'name':'relu','arguments':[{'input':'x'}],'outputs':'y'}]},"
                      "'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(add_broadcasts_and_rounds_once_in_float16),
        cmocka_unit_test(add_wraps_int8),
        cmocka_unit_test(add_rejects_incompatible_shapes),
        cmocka_unit_test(add_rejects_mismatched_types),
        cmocka_unit_test(relu_keeps_nan_and_clamps_negatives),
        cmocka_unit_test(relu_rejects_uint32),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
