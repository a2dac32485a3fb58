/* matmul and gemm: shapes, batch broadcasting, transposes, c broadcasting, rounding
 * once, special values and every builder error. Expected values are hand computed
 * or come from an independent naive loop (exact: small integer data). */
#include "support.h"

/* [[1,2,3],[4,5,6]] x [[7,8],[9,10],[11,12]] = [[58,64],[139,154]]. */
static void matmul_2d_by_hand(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'matmul_2d_by_hand','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3]},'data':[1,2,3,4,5,6]},'b':{'descriptor':{'dataType':'float32','shape':[3,2]},'data':["
                  "7,8,9,10,11,12]}},'operators':[{'name':'matmul','arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[58,64,139,154]}}}}]}");
}

/* a [2,1,2,3] x b [3,3,2]: batch [2,1] and [3] broadcast to [2,3]. */
static void matmul_broadcasts_batch_dims_both_ways(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'matmul_broadcasts_batch_dims_both_ways','graph':{'inputs':{'a':{'descriptor':{"
                  "'dataType':'float32','shape':[2,1,2,3]},'data':[4,1,2,4,1,2,3,-2,-4,-2,-2,3]},'b':{'descriptor':{"
                  "'dataType':'float32','shape':[3,3,2]},'data':[4,-4,0,3,-3,3,-3,0,3,-2,-1,-2,2,-2,4,0,0,0]}},'operators':["
                  "{'name':'matmul','arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float32','shape':[2,3,2,2]},'data':[10,-7,10,-7,-11,-6,-11,-6,12,-8,12,-8,24,-30,-17,"
                  "11,-11,12,-3,-2,-2,-6,-12,4]}}}}]}");
}

/* a rank 5 [2,1,2,2,3] x b rank 2 [3,2]. */
static void matmul_rank5_with_rank2(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'matmul_rank5_with_rank2','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,1,2,2,3]},'data':[1,0,0,3,2,2,1,1,-1,3,0,-2,2,-2,3,1,-3,-3,0,-3,-3,0,3,0]},'b':{'descriptor':{"
                  "'dataType':'float32','shape':[3,2]},'data':[2,3,2,1,0,0]}},'operators':[{'name':'matmul','arguments':["
                  "{'a':'a'},{'b':'b'}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,1,2,2,2]},'data':[2,3,10,11,4,4,6,9,0,4,-4,0,-6,-3,6,3]}}}}]}");
}

/* rank 5 x rank 6: batch [1,2,1] and [3,1,1,2] -> [3,1,2,2]. */
static void matmul_rank6_beyond_required_ranks(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'matmul_rank6_beyond_required_ranks','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2,1,2,2]},'data':[-2,0,-1,-2,3,-3,-3,-2]},'b':{'descriptor':{'dataType':'float32','shape':["
                  "3,1,1,2,2,1]},'data':[3,1,3,-2,2,-1,0,-3,1,2,1,-2]}},'operators':[{'name':'matmul','arguments':["
                  "{'a':'a'},{'b':'b'}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32',"
                  "'shape':[3,1,2,2,2,1]},'data':[-6,-5,-6,1,6,-11,15,-5,-4,0,0,6,9,-4,9,6,-2,-5,-2,3,-3,-7,9,1]}}}}]}");
}

/* 2048 + 1 + 1 = 2050 is a float16 value; adding in float16 step by step would
 * give 2048 twice (2049 ties to even). Second column: 2 x 0.1 (f16 0.0999755859375) = 0.199951171875. */
static void matmul_float16_rounds_once(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'matmul_float16_rounds_once','graph':{'inputs':{'a':{'descriptor':{'dataType':'float16',"
                  "'shape':[1,3]},'data':[2048,1,1]},'b':{'descriptor':{'dataType':'float16','shape':[3,2]},'data':["
                  "1,0,1,0.0999755859375,1,0.0999755859375]}},'operators':[{'name':'matmul','arguments':[{'a':'a'},"
                  "{'b':'b'}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float16','shape':[1,"
                  "2]},'data':[2050,0.199951171875]}}}}]}");
}

/* Inf x 0 = NaN; Inf x 1 + 1 x 1 = Inf; -Inf + Inf = NaN. */
static void matmul_propagates_nan_and_inf(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'matmul_propagates_nan_and_inf','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2]},'data':['Infinity',1]},'b':{'descriptor':{'dataType':'float32','shape':[2,3]},'data':["
                  "0,1,1,1,1,'-Infinity']}},'operators':[{'name':'matmul','arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,3]},'data':['NaN','Infinity',"
                  "'NaN']}}}}]}");
}

/* 2^127 x 2 + 2^127 x 2 = 2^130 overflows float32. */
static void matmul_float32_overflow_to_inf(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'matmul_float32_overflow_to_inf','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[1,2]},'data':[1.7014118346046923e+38,1.7014118346046923e+38]},'b':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,1]},'data':[2,2]}},'operators':[{'name':'matmul','arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,1]},'data':['Infinity']}}}}]}");
}

/* colsA 3 != rowsB 2. */
static void matmul_rejects_inner_mismatch(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'matmul_rejects_inner_mismatch','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,3]}},'b':{'descriptor':{'dataType':'float32','shape':[2,2]}}},'operators':[{'name':'matmul',"
                      "'arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* batch [2] vs [3]. */
static void matmul_rejects_unbroadcastable_batch(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'matmul_rejects_unbroadcastable_batch','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,2,3]}},'b':{'descriptor':{'dataType':'float32','shape':[3,3,2]}}},'operators':[{'name':'matmul',"
                      "'arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* no vector promotion: rank 1 is not allowed. */
static void matmul_rejects_rank1(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'matmul_rejects_rank1','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                      "'shape':[3]}},'b':{'descriptor':{'dataType':'float32','shape':[3,2]}}},'operators':[{'name':'matmul',"
                      "'arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* b must have a's type. */
static void matmul_rejects_mixed_types(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'matmul_rejects_mixed_types','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,2]}},'b':{'descriptor':{'dataType':'float16','shape':[2,2]}}},'operators':[{'name':'matmul',"
                      "'arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* floats only. */
static void matmul_rejects_int32(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'matmul_rejects_int32','graph':{'inputs':{'a':{'descriptor':{'dataType':'int32',"
                      "'shape':[2,2]}},'b':{'descriptor':{'dataType':'int32','shape':[2,2]}}},'operators':[{'name':'matmul',"
                      "'arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* A B = [[5,11],[14,23]]; 2 A B + 0.5 C = [[10.5,23],[29.5,48]]. */
static void gemm_by_hand_alpha_beta_c(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'gemm_by_hand_alpha_beta_c','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3]},'data':[1,2,3,4,5,6]},'b':{'descriptor':{'dataType':'float32','shape':[3,2]},'data':["
                  "1,0,2,1,0,3]},'c':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[1,2,3,4]}},'operators':["
                  "{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'c':'c','alpha':2,'beta':0.5}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[10.5,23,29.5,48]}}}}]}");
}

/* alpha 1, no c: plain A B. */
static void gemm_defaults_without_c(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'gemm_defaults_without_c','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3]},'data':[1,2,3,4,5,6]},'b':{'descriptor':{'dataType':'float32','shape':[3,2]},'data':["
                  "1,0,2,1,0,3]}},'operators':[{'name':'gemm','arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[5,11,14,23]}}}}]}");
}

/* a given as [K, M] = A^T with aTranspose gives A B again. */
static void gemm_a_transpose(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'gemm_a_transpose','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[3,2]},'data':[1,4,2,5,3,6]},'b':{'descriptor':{'dataType':'float32','shape':[3,2]},'data':["
                  "1,0,2,1,0,3]}},'operators':[{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'aTranspose':true}}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':["
                  "5,11,14,23]}}}}]}");
}

/* b given as [N, K] = B^T with bTranspose gives A B again. */
static void gemm_b_transpose(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'gemm_b_transpose','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3]},'data':[1,2,3,4,5,6]},'b':{'descriptor':{'dataType':'float32','shape':[2,3]},'data':["
                  "1,2,0,0,1,3]}},'operators':[{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'bTranspose':true}}],"
                  "'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':["
                  "5,11,14,23]}}}}]}");
}

/* a [K=4, M=3], b [N=2, K=4], both transposed -> [3, 2]. */
static void gemm_both_transposed_non_square(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'gemm_both_transposed_non_square','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[4,3]},'data':[0,-2,3,3,-2,0,3,2,1,1,-3,2]},'b':{'descriptor':{'dataType':'float32','shape':["
                  "2,4]},'data':[0,-3,-2,0,2,0,1,3]}},'operators':[{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},"
                  "{'options':{'aTranspose':true,'bTranspose':true,'alpha':-1}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'float32','shape':[3,2]},'data':[15,-6,-2,11,2,-13]}}}}]}");
}

/* c of shape [] broadcasts unidirectionally to [2, 2]; beta 2. */
static void gemm_c_broadcast_scalar(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'gemm_c_broadcast_scalar','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3]},'data':[1,2,3,4,5,6]},'b':{'descriptor':{'dataType':'float32','shape':[3,2]},'data':["
                  "1,0,2,1,0,3]},'c':{'descriptor':{'dataType':'float32','shape':[]},'data':10}},'operators':[{'name':'gemm',"
                  "'arguments':[{'a':'a'},{'b':'b'},{'options':{'c':'c','beta':2}}],'outputs':'y'}],'expectedOutputs':{"
                  "'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[25,31,34,43]}}}}]}");
}

/* c of shape [2] broadcasts unidirectionally to [2, 2]; beta 2. */
static void gemm_c_broadcast_row(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'gemm_c_broadcast_row','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3]},'data':[1,2,3,4,5,6]},'b':{'descriptor':{'dataType':'float32','shape':[3,2]},'data':["
                  "1,0,2,1,0,3]},'c':{'descriptor':{'dataType':'float32','shape':[2]},'data':[10,20]}},'operators':["
                  "{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'c':'c','beta':2}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[25,51,34,63]}}}}]}");
}

/* c of shape [2, 1] broadcasts unidirectionally to [2, 2]; beta 2. */
static void gemm_c_broadcast_column(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'gemm_c_broadcast_column','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3]},'data':[1,2,3,4,5,6]},'b':{'descriptor':{'dataType':'float32','shape':[3,2]},'data':["
                  "1,0,2,1,0,3]},'c':{'descriptor':{'dataType':'float32','shape':[2,1]},'data':[10,20]}},'operators':["
                  "{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'c':'c','beta':2}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[25,31,54,63]}}}}]}");
}

/* c of shape [1, 1] broadcasts unidirectionally to [2, 2]; beta 2. */
static void gemm_c_broadcast_one_by_one(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'gemm_c_broadcast_one_by_one','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                  "'shape':[2,3]},'data':[1,2,3,4,5,6]},'b':{'descriptor':{'dataType':'float32','shape':[3,2]},'data':["
                  "1,0,2,1,0,3]},'c':{'descriptor':{'dataType':'float32','shape':[1,1]},'data':[10]}},'operators':["
                  "{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'c':'c','beta':2}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[25,31,34,43]}}}}]}");
}

/* alpha 0.1 is cast to float16 first (0.0999755859375);
 * 0.0999755859375 x 3 = 0.2999267578125 rounds once to 0.2998046875. 2048 + 1 + beta 1 x c 1 = 2050. */
static void gemm_float16_alpha_cast_and_round_once(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'gemm_float16_alpha_cast_and_round_once','graph':{'inputs':{'a':{'descriptor':{"
                  "'dataType':'float16','shape':[2,1]},'data':[3,1]},'b':{'descriptor':{'dataType':'float16','shape':["
                  "1,1]},'data':[1]},'c':{'descriptor':{'dataType':'float16','shape':[2,1]},'data':[0,1]}},'operators':["
                  "{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'c':'c','alpha':0.1}}],'outputs':'y'}],"
                  "'expectedOutputs':{'y':{'descriptor':{'dataType':'float16','shape':[2,1]},'data':[0.2998046875,1.099609375]}}}}]}");
}

/* 2048 + 1 + 1 in one rounding is 2050 (step-wise float16 gives 2048). */
static void gemm_float16_sum_rounds_once(void **state)
{
    (void)state;
    wt_check_case("{'tests':[{'name':'gemm_float16_sum_rounds_once','graph':{'inputs':{'a':{'descriptor':{'dataType':'float16',"
                  "'shape':[1,2]},'data':[2048,1]},'b':{'descriptor':{'dataType':'float16','shape':[2,1]},'data':[1,"
                  "1]},'c':{'descriptor':{'dataType':'float16','shape':[]},'data':1}},'operators':[{'name':'gemm','arguments':["
                  "{'a':'a'},{'b':'b'},{'options':{'c':'c'}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{"
                  "'dataType':'float16','shape':[1,1]},'data':[2050]}}}}]}");
}

/* A [2,3] B [2,2]: 3 != 2. */
static void gemm_rejects_inner_mismatch(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'gemm_rejects_inner_mismatch','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,3]}},'b':{'descriptor':{'dataType':'float32','shape':[2,2]}}},'operators':[{'name':'gemm',"
                      "'arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* aTranspose makes A [3,2]: 2 != 3. */
static void gemm_rejects_inner_mismatch_after_transpose(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'gemm_rejects_inner_mismatch_after_transpose','graph':{'inputs':{'a':{'descriptor':{"
                      "'dataType':'float32','shape':[2,3]}},'b':{'descriptor':{'dataType':'float32','shape':[3,2]}}},'operators':["
                      "{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'aTranspose':true}}],'outputs':'y'}]},"
                      "'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* c [3] cannot stretch to [2, 2]. */
static void gemm_rejects_c_not_broadcastable(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'gemm_rejects_c_not_broadcastable','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,3]}},'b':{'descriptor':{'dataType':'float32','shape':[3,2]}},'c':{'descriptor':{'dataType':'float32',"
                      "'shape':[3]}}},'operators':[{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'c':'c'}}],"
                      "'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* c [2, 2] is not unidirectionally broadcastable to [1, 2]. */
static void gemm_rejects_c_bigger_than_output(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'gemm_rejects_c_bigger_than_output','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,3]}},'b':{'descriptor':{'dataType':'float32','shape':[3,2]}},'c':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,2]}}},'operators':[{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'c':'c'}}],"
                      "'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* c rank is 0 to 2. */
static void gemm_rejects_c_rank3(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'gemm_rejects_c_rank3','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,3]}},'b':{'descriptor':{'dataType':'float32','shape':[3,2]}},'c':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,2,2]}}},'operators':[{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'c':'c'}}],"
                      "'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* c must have a's type. */
static void gemm_rejects_c_type(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'gemm_rejects_c_type','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                      "'shape':[2,3]}},'b':{'descriptor':{'dataType':'float32','shape':[3,2]}},'c':{'descriptor':{'dataType':'float16',"
                      "'shape':[2,2]}}},'operators':[{'name':'gemm','arguments':[{'a':'a'},{'b':'b'},{'options':{'c':'c'}}],"
                      "'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

/* a must have rank 2. */
static void gemm_rejects_rank3_a(void **state)
{
    (void)state;
    wt_check_rejected("{'tests':[{'name':'gemm_rejects_rank3_a','graph':{'inputs':{'a':{'descriptor':{'dataType':'float32',"
                      "'shape':[1,2,3]}},'b':{'descriptor':{'dataType':'float32','shape':[3,2]}}},'operators':[{'name':'gemm',"
                      "'arguments':[{'a':'a'},{'b':'b'}],'outputs':'y'}]},'expectedError':'TypeError'}]}",
                      WN_TYPE_ERROR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(matmul_2d_by_hand),
        cmocka_unit_test(matmul_broadcasts_batch_dims_both_ways),
        cmocka_unit_test(matmul_rank5_with_rank2),
        cmocka_unit_test(matmul_rank6_beyond_required_ranks),
        cmocka_unit_test(matmul_float16_rounds_once),
        cmocka_unit_test(matmul_propagates_nan_and_inf),
        cmocka_unit_test(matmul_float32_overflow_to_inf),
        cmocka_unit_test(matmul_rejects_inner_mismatch),
        cmocka_unit_test(matmul_rejects_unbroadcastable_batch),
        cmocka_unit_test(matmul_rejects_rank1),
        cmocka_unit_test(matmul_rejects_mixed_types),
        cmocka_unit_test(matmul_rejects_int32),
        cmocka_unit_test(gemm_by_hand_alpha_beta_c),
        cmocka_unit_test(gemm_defaults_without_c),
        cmocka_unit_test(gemm_a_transpose),
        cmocka_unit_test(gemm_b_transpose),
        cmocka_unit_test(gemm_both_transposed_non_square),
        cmocka_unit_test(gemm_c_broadcast_scalar),
        cmocka_unit_test(gemm_c_broadcast_row),
        cmocka_unit_test(gemm_c_broadcast_column),
        cmocka_unit_test(gemm_c_broadcast_one_by_one),
        cmocka_unit_test(gemm_float16_alpha_cast_and_round_once),
        cmocka_unit_test(gemm_float16_sum_rounds_once),
        cmocka_unit_test(gemm_rejects_inner_mismatch),
        cmocka_unit_test(gemm_rejects_inner_mismatch_after_transpose),
        cmocka_unit_test(gemm_rejects_c_not_broadcastable),
        cmocka_unit_test(gemm_rejects_c_bigger_than_output),
        cmocka_unit_test(gemm_rejects_c_rank3),
        cmocka_unit_test(gemm_rejects_c_type),
        cmocka_unit_test(gemm_rejects_rank3_a),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
