/* Data movement ops: concat, expand, reshape, reverse, slice, split, tile, transpose,
 * triangular. Expected values are worked out by hand (or with numpy's concatenate,
 * broadcast_to, transpose, tile, triu/tril as an independent check), never taken from the
 * kernels. Elements move unchanged, so int64 values beyond 2^53 and float16 specials
 * check that no arithmetic type is involved. */
#include <stdio.h>

#include "support.h"

/* An input (graph input with data) and a declared-only input (validation cases). */
#define IN(name, type, shape, data) \
    "'" name "':{'descriptor':{'dataType':'" type "','shape':" shape "},'data':" data "}"
#define DECL(name, type, shape) "'" name "':{'descriptor':{'dataType':'" type "','shape':" shape "}}"
#define OUT(name, type, shape, data) IN(name, type, shape, data)

/* One operator `op` with `args` producing `outputs` ('y' or ['a','b']). */
static void check_op(const char *inputs, const char *op, const char *args, const char *outputs,
                     const char *expected)
{
    char buf[8192];
    int n = snprintf(buf, sizeof buf,
                     "{'tests':[{'name':'%s','graph':{'inputs':{%s},'operators':[{'name':'%s','arguments':%s,"
                     "'outputs':%s}],'expectedOutputs':{%s}}}]}",
                     op, inputs, op, args, outputs, expected);
    assert_true(n > 0 && (size_t)n < sizeof buf);
    wt_check_case(buf);
}

/* ---- concat ---- */

static void concat_float32_three_inputs_axis1(void **state)
{
    (void)state;
    check_op(IN("a", "float32", "[2,1]", "[1,2]") "," IN("b", "float32", "[2,2]", "[3,4,5,6]") ","
             IN("c", "float32", "[2,1]", "[7,'NaN']"),
             "concat", "[{'inputs':['a','b','c']},{'axis':1}]", "'y'",
             OUT("y", "float32", "[2,4]", "[1,3,4,7,2,5,6,'NaN']"));
}

static void concat_int64_beyond_2p53_axis0(void **state)
{
    (void)state;
    check_op(IN("a", "int64", "[1]", "['9007199254740993']") ","
             IN("b", "int64", "[2]", "['-9223372036854775808','9223372036854775807']"),
             "concat", "[{'inputs':['a','b']},{'axis':0}]", "'y'",
             OUT("y", "int64", "[3]", "['9007199254740993','-9223372036854775808','9223372036854775807']"));
}

static void concat_float16_rank5_last_axis(void **state)
{
    (void)state;
    check_op(IN("a", "float16", "[1,1,1,2,1]", "[65504,'-Infinity']") ","
             IN("b", "float16", "[1,1,1,2,2]", "[0.000000059604644775390625,1,2,3]"),
             "concat", "[{'inputs':['a','b']},{'axis':4}]", "'y'",
             OUT("y", "float16", "[1,1,1,2,3]", "[65504,0.000000059604644775390625,1,'-Infinity',2,3]"));
}

static void concat_single_uint8_input_middle_axis(void **state)
{
    (void)state;
    check_op(IN("a", "uint8", "[1,2,2]", "[0,255,7,8]"), "concat", "[{'inputs':['a']},{'axis':1}]", "'y'",
             OUT("y", "uint8", "[1,2,2]", "[0,255,7,8]"));
}

static void concat_int8_rank3_axis1(void **state)
{
    (void)state;
    /* [2,1,2] ++ [2,2,2] along axis 1 -> [2,3,2] */
    check_op(IN("a", "int8", "[2,1,2]", "[-128,127,1,2]") "," IN("b", "int8", "[2,2,2]", "[10,11,12,13,20,21,22,23]"),
             "concat", "[{'inputs':['a','b']},{'axis':1}]", "'y'",
             OUT("y", "int8", "[2,3,2]", "[-128,127,10,11,12,13,1,2,20,21,22,23]"));
}

static void concat_rejects_axis_out_of_range(void **state)
{
    (void)state;
    wt_check_op_rejected("concat", DECL("a", "float32", "[2,2]") "," DECL("b", "float32", "[2,2]"), "[{'inputs':['a','b']},{'axis':2}]");
}

static void concat_rejects_mixed_types(void **state)
{
    (void)state;
    wt_check_op_rejected("concat", DECL("a", "float32", "[2,2]") "," DECL("b", "float16", "[2,2]"), "[{'inputs':['a','b']},{'axis':0}]");
}

static void concat_rejects_mixed_ranks(void **state)
{
    (void)state;
    wt_check_op_rejected("concat", DECL("a", "float32", "[2,2]") "," DECL("b", "float32", "[2,2,1]"), "[{'inputs':['a','b']},{'axis':0}]");
}

static void concat_rejects_other_dimension_mismatch(void **state)
{
    (void)state;
    wt_check_op_rejected("concat", DECL("a", "float32", "[2,2]") "," DECL("b", "float32", "[3,3]"), "[{'inputs':['a','b']},{'axis':0}]");
}

static void concat_rejects_sum_beyond_valid_dimension(void **state)
{
    (void)state;
    wt_check_op_rejected("concat", DECL("a", "uint8", "[2147483647]") "," DECL("b", "uint8", "[1]"), "[{'inputs':['a','b']},{'axis':0}]");
}

static void concat_rejects_empty_inputs(void **state)
{
    (void)state;
    wt_check_op_rejected("concat", DECL("a", "float32", "[2]"), "[{'inputs':[]},{'axis':0}]");
}

/* ---- expand ---- */

static void expand_float32_to_higher_rank(void **state)
{
    (void)state;
    check_op(IN("x", "float32", "[3,1]", "[10,20,30]"), "expand", "[{'input':'x'},{'newShape':[2,3,4]}]", "'y'",
             OUT("y", "float32", "[2,3,4]",
                 "[10,10,10,10,20,20,20,20,30,30,30,30,10,10,10,10,20,20,20,20,30,30,30,30]"));
}

static void expand_int8_scalar(void **state)
{
    (void)state;
    check_op(IN("x", "int8", "[]", "-7"), "expand", "[{'input':'x'},{'newShape':[2,2]}]", "'y'",
             OUT("y", "int8", "[2,2]", "[-7,-7,-7,-7]"));
}

static void expand_int64_keeps_exact_values(void **state)
{
    (void)state;
    check_op(IN("x", "int64", "[2]", "['9007199254740993','-9007199254740995']"), "expand",
             "[{'input':'x'},{'newShape':[2,2]}]", "'y'",
             OUT("y", "int64", "[2,2]",
                 "['9007199254740993','-9007199254740995','9007199254740993','-9007199254740995']"));
}

static void expand_float16_rank5_and_same_shape(void **state)
{
    (void)state;
    check_op(IN("x", "float16", "[1,1,1,1,2]", "['NaN',-0.5]"), "expand",
             "[{'input':'x'},{'newShape':[1,2,1,1,2]}]", "'y'",
             OUT("y", "float16", "[1,2,1,1,2]", "['NaN',-0.5,'NaN',-0.5]"));
    check_op(IN("x", "uint8", "[2]", "[1,255]"), "expand", "[{'input':'x'},{'newShape':[2]}]", "'y'",
             OUT("y", "uint8", "[2]", "[1,255]"));
}

static void expand_rejects_incompatible_dimension(void **state)
{
    (void)state;
    wt_check_op_rejected("expand", DECL("x", "float32", "[3]"), "[{'input':'x'},{'newShape':[4]}]");
}

static void expand_rejects_lower_rank(void **state)
{
    (void)state;
    wt_check_op_rejected("expand", DECL("x", "float32", "[1,2]"), "[{'input':'x'},{'newShape':[2]}]");
    wt_check_op_rejected("expand", DECL("x", "float32", "[1]"), "[{'input':'x'},{'newShape':[]}]");
}

static void expand_rejects_zero_dimension(void **state)
{
    (void)state;
    wt_check_op_rejected("expand", DECL("x", "float32", "[1]"), "[{'input':'x'},{'newShape':[0]}]");
}

/* ---- reshape ---- */

static void reshape_float32_2d(void **state)
{
    (void)state;
    check_op(IN("x", "float32", "[2,3]", "[1,2,3,4,5,'-Infinity']"), "reshape",
             "[{'input':'x'},{'newShape':[3,2]}]", "'y'", OUT("y", "float32", "[3,2]", "[1,2,3,4,5,'-Infinity']"));
}

static void reshape_int64_to_rank3(void **state)
{
    (void)state;
    check_op(IN("x", "int64", "[4]", "['9223372036854775807','1','-9223372036854775808','9007199254740993']"),
             "reshape", "[{'input':'x'},{'newShape':[2,1,2]}]", "'y'",
             OUT("y", "int64", "[2,1,2]", "['9223372036854775807','1','-9223372036854775808','9007199254740993']"));
}

static void reshape_scalar_to_rank5_and_back(void **state)
{
    (void)state;
    check_op(IN("x", "uint8", "[]", "200"), "reshape", "[{'input':'x'},{'newShape':[1,1,1,1,1]}]", "'y'",
             OUT("y", "uint8", "[1,1,1,1,1]", "[200]"));
    check_op(IN("x", "float16", "[1,1]", "[0.333251953125]"), "reshape", "[{'input':'x'},{'newShape':[]}]", "'y'",
             OUT("y", "float16", "[]", "0.333251953125"));
}

static void reshape_rejects_element_count_mismatch(void **state)
{
    (void)state;
    wt_check_op_rejected("reshape", DECL("x", "float32", "[2,3]"), "[{'input':'x'},{'newShape':[4,2]}]");
    wt_check_op_rejected("reshape", DECL("x", "float32", "[2]"), "[{'input':'x'},{'newShape':[]}]");
}

static void reshape_rejects_zero_dimension(void **state)
{
    (void)state;
    wt_check_op_rejected("reshape", DECL("x", "float32", "[1]"), "[{'input':'x'},{'newShape':[1,0]}]");
}

static void reshape_rejects_product_overflow(void **state)
{
    (void)state;
    wt_check_op_rejected("reshape", DECL("x", "float32", "[1]"), "[{'input':'x'},{'newShape':[2147483647,2147483647,2147483647,2147483647,2147483647]}]");
}

/* ---- reverse ---- */

static void reverse_default_reverses_every_axis(void **state)
{
    (void)state;
    check_op(IN("x", "float32", "[2,3]", "[1,2,3,4,5,6]"), "reverse", "[{'input':'x'}]", "'y'",
             OUT("y", "float32", "[2,3]", "[6,5,4,3,2,1]"));
}

static void reverse_one_axis_int8_rank3(void **state)
{
    (void)state;
    check_op(IN("x", "int8", "[2,3,4]",
                "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23]"),
             "reverse", "[{'input':'x'},{'options':{'axes':[1]}}]", "'y'",
             OUT("y", "int8", "[2,3,4]",
                 "[8,9,10,11,4,5,6,7,0,1,2,3,20,21,22,23,16,17,18,19,12,13,14,15]"));
}

static void reverse_empty_axes_is_identity(void **state)
{
    (void)state;
    check_op(IN("x", "uint32", "[3]", "[1,2,4294967295]"), "reverse", "[{'input':'x'},{'options':{'axes':[]}}]",
             "'y'", OUT("y", "uint32", "[3]", "[1,2,4294967295]"));
}

static void reverse_scalar_and_int64_and_float16_rank5(void **state)
{
    (void)state;
    check_op(IN("x", "float32", "[]", "3.5"), "reverse", "[{'input':'x'}]", "'y'", OUT("y", "float32", "[]", "3.5"));
    check_op(IN("x", "int64", "[3]", "['9007199254740993','0','-9007199254740993']"), "reverse",
             "[{'input':'x'},{'options':{'axes':[0]}}]", "'y'",
             OUT("y", "int64", "[3]", "['-9007199254740993','0','9007199254740993']"));
    check_op(IN("x", "float16", "[1,2,1,1,2]", "[1,2,3,'Infinity']"), "reverse",
             "[{'input':'x'},{'options':{'axes':[4,1]}}]", "'y'",
             OUT("y", "float16", "[1,2,1,1,2]", "['Infinity',3,2,1]"));
}

static void reverse_rejects_duplicate_axes(void **state)
{
    (void)state;
    wt_check_op_rejected("reverse", DECL("x", "float32", "[2,3]"), "[{'input':'x'},{'options':{'axes':[1,1]}}]");
}

static void reverse_rejects_axis_out_of_range(void **state)
{
    (void)state;
    wt_check_op_rejected("reverse", DECL("x", "float32", "[2,3]"), "[{'input':'x'},{'options':{'axes':[2]}}]");
    wt_check_op_rejected("reverse", DECL("x", "float32", "[]"), "[{'input':'x'},{'options':{'axes':[0]}}]");
}

/* ---- slice ---- */

static void slice_float32_window(void **state)
{
    (void)state;
    check_op(IN("x", "float32", "[3,4]", "[0,1,2,3,10,11,12,13,20,21,22,23]"), "slice",
             "[{'input':'x'},{'starts':[1,1]},{'sizes':[2,2]}]", "'y'", OUT("y", "float32", "[2,2]", "[11,12,21,22]"));
}

static void slice_strides_round_output_up(void **state)
{
    (void)state;
    /* 5 rows by 2 -> ceil(5/2) = 3 rows (0,2,4); 6 columns from 1 by 3 -> 2 columns (1,4) */
    check_op(IN("x", "int32", "[5,7]",
                "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34]"),
             "slice", "[{'input':'x'},{'starts':[0,1]},{'sizes':[5,6]},{'options':{'strides':[2,3]}}]", "'y'",
             OUT("y", "int32", "[3,2]", "[1,4,15,18,29,32]"));
}

static void slice_scalar_int64_and_float16_rank5(void **state)
{
    (void)state;
    check_op(IN("x", "int8", "[]", "-3"), "slice", "[{'input':'x'},{'starts':[]},{'sizes':[]}]", "'y'",
             OUT("y", "int8", "[]", "-3"));
    check_op(IN("x", "int64", "[4]", "['1','9007199254740993','3','-9223372036854775808']"), "slice",
             "[{'input':'x'},{'starts':[1]},{'sizes':[3]},{'options':{'strides':[2]}}]", "'y'",
             OUT("y", "int64", "[2]", "['9007199254740993','-9223372036854775808']"));
    check_op(IN("x", "float16", "[1,1,2,1,3]", "[1,2,3,4,5,'NaN']"), "slice",
             "[{'input':'x'},{'starts':[0,0,1,0,1]},{'sizes':[1,1,1,1,2]}]", "'y'",
             OUT("y", "float16", "[1,1,1,1,2]", "[5,'NaN']"));
}

static void slice_rejects_zero_size(void **state)
{
    (void)state;
    wt_check_op_rejected("slice", DECL("x", "float32", "[4]"), "[{'input':'x'},{'starts':[0]},{'sizes':[0]}]");
}

static void slice_rejects_wrong_list_lengths(void **state)
{
    (void)state;
    wt_check_op_rejected("slice", DECL("x", "float32", "[4,4]"), "[{'input':'x'},{'starts':[0]},{'sizes':[1,1]}]");
    wt_check_op_rejected("slice", DECL("x", "float32", "[4,4]"), "[{'input':'x'},{'starts':[0,0]},{'sizes':[1]}]");
    wt_check_op_rejected("slice", DECL("x", "float32", "[4,4]"), "[{'input':'x'},{'starts':[0,0]},{'sizes':[1,1]},{'options':{'strides':[1]}}]");
}

static void slice_rejects_zero_stride(void **state)
{
    (void)state;
    wt_check_op_rejected("slice", DECL("x", "float32", "[4]"), "[{'input':'x'},{'starts':[0]},{'sizes':[2]},{'options':{'strides':[0]}}]");
}

static void slice_rejects_out_of_bounds(void **state)
{
    (void)state;
    wt_check_op_rejected("slice", DECL("x", "float32", "[4]"), "[{'input':'x'},{'starts':[5]},{'sizes':[1]}]");
    wt_check_op_rejected("slice", DECL("x", "float32", "[4]"), "[{'input':'x'},{'starts':[4]},{'sizes':[1]}]");
    wt_check_op_rejected("slice", DECL("x", "float32", "[4]"), "[{'input':'x'},{'starts':[2]},{'sizes':[3]}]");
    wt_check_op_rejected("slice", DECL("x", "float32", "[4]"), "[{'input':'x'},{'starts':[4294967295]},{'sizes':[4294967295]}]");
}

/* ---- split ---- */

static void split_count_along_axis1(void **state)
{
    (void)state;
    check_op(IN("x", "int32", "[2,6]", "[0,1,2,3,4,5,6,7,8,9,10,11]"), "split",
             "[{'input':'x'},{'splits':3},{'options':{'axis':1}}]", "['a','b','c']",
             OUT("a", "int32", "[2,2]", "[0,1,6,7]") "," OUT("b", "int32", "[2,2]", "[2,3,8,9]") ","
             OUT("c", "int32", "[2,2]", "[4,5,10,11]"));
}

static void split_sizes_default_axis0_float16(void **state)
{
    (void)state;
    check_op(IN("x", "float16", "[3,2]", "[1,2,3,4,'-Infinity',0.5]"), "split", "[{'input':'x'},{'splits':[1,2]}]",
             "['a','b']", OUT("a", "float16", "[1,2]", "[1,2]") "," OUT("b", "float16", "[2,2]", "[3,4,'-Infinity',0.5]"));
}

static void split_int64_rank1_and_uint8_rank5(void **state)
{
    (void)state;
    check_op(IN("x", "int64", "[3]", "['9007199254740993','-1','9223372036854775807']"), "split",
             "[{'input':'x'},{'splits':[2,1]}]", "['a','b']",
             OUT("a", "int64", "[2]", "['9007199254740993','-1']") ","
             OUT("b", "int64", "[1]", "['9223372036854775807']"));
    check_op(IN("x", "uint8", "[1,1,1,1,4]", "[1,2,3,255]"), "split", "[{'input':'x'},{'splits':2},{'options':{'axis':4}}]",
             "['a','b']", OUT("a", "uint8", "[1,1,1,1,2]", "[1,2]") "," OUT("b", "uint8", "[1,1,1,1,2]", "[3,255]"));
}

static void split_rejects_axis_out_of_range(void **state)
{
    (void)state;
    wt_check_op_rejected("split", DECL("x", "float32", "[2,2]"), "[{'input':'x'},{'splits':2},{'options':{'axis':2}}]");
}

static void split_rejects_bad_count(void **state)
{
    (void)state;
    wt_check_op_rejected("split", DECL("x", "float32", "[6]"), "[{'input':'x'},{'splits':0}]");
    wt_check_op_rejected("split", DECL("x", "float32", "[6]"), "[{'input':'x'},{'splits':4}]");
    wt_check_op_rejected("split", DECL("x", "float32", "[8193]"), "[{'input':'x'},{'splits':8193}]");
}

static void split_rejects_bad_sizes(void **state)
{
    (void)state;
    wt_check_op_rejected("split", DECL("x", "float32", "[6]"), "[{'input':'x'},{'splits':[]}]");
    wt_check_op_rejected("split", DECL("x", "float32", "[6]"), "[{'input':'x'},{'splits':[6,0]}]");
    wt_check_op_rejected("split", DECL("x", "float32", "[6]"), "[{'input':'x'},{'splits':[2,3]}]");
}

/* ---- tile ---- */

static void tile_float32_2d(void **state)
{
    (void)state;
    check_op(IN("x", "float32", "[2,3]", "[0,1,2,3,4,5]"), "tile", "[{'input':'x'},{'repetitions':[2,2]}]", "'y'",
             OUT("y", "float32", "[4,6]",
                 "[0,1,2,0,1,2,3,4,5,3,4,5,0,1,2,0,1,2,3,4,5,3,4,5]"));
}

static void tile_scalar_int64_uint8_rank5(void **state)
{
    (void)state;
    check_op(IN("x", "float16", "[]", "'-Infinity'"), "tile", "[{'input':'x'},{'repetitions':[]}]", "'y'",
             OUT("y", "float16", "[]", "'-Infinity'"));
    check_op(IN("x", "int64", "[2]", "['9007199254740993','-2']"), "tile", "[{'input':'x'},{'repetitions':[2]}]",
             "'y'", OUT("y", "int64", "[4]", "['9007199254740993','-2','9007199254740993','-2']"));
    check_op(IN("x", "uint8", "[1,1,1,2,1]", "[7,9]"), "tile", "[{'input':'x'},{'repetitions':[1,2,1,1,2]}]", "'y'",
             OUT("y", "uint8", "[1,2,1,2,2]", "[7,7,9,9,7,7,9,9]"));
}

static void tile_rejects_wrong_length(void **state)
{
    (void)state;
    wt_check_op_rejected("tile", DECL("x", "float32", "[2,2]"), "[{'input':'x'},{'repetitions':[2]}]");
}

static void tile_rejects_zero_repetition(void **state)
{
    (void)state;
    wt_check_op_rejected("tile", DECL("x", "float32", "[2,2]"), "[{'input':'x'},{'repetitions':[1,0]}]");
}

static void tile_rejects_invalid_output_dimension(void **state)
{
    (void)state;
    wt_check_op_rejected("tile", DECL("x", "uint8", "[2]"), "[{'input':'x'},{'repetitions':[1073741824]}]");
}

/* ---- transpose ---- */

static void transpose_default_reverses_axes(void **state)
{
    (void)state;
    check_op(IN("x", "float32", "[2,3,4]",
                "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23]"),
             "transpose", "[{'input':'x'}]", "'y'",
             OUT("y", "float32", "[4,3,2]",
                 "[0,12,4,16,8,20,1,13,5,17,9,21,2,14,6,18,10,22,3,15,7,19,11,23]"));
}

static void transpose_permutation_int8(void **state)
{
    (void)state;
    check_op(IN("x", "int8", "[2,3,4]",
                "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23]"),
             "transpose", "[{'input':'x'},{'options':{'permutation':[0,2,1]}}]", "'y'",
             OUT("y", "int8", "[2,4,3]",
                 "[0,4,8,1,5,9,2,6,10,3,7,11,12,16,20,13,17,21,14,18,22,15,19,23]"));
}

static void transpose_scalar_int64_float16_rank5(void **state)
{
    (void)state;
    check_op(IN("x", "uint32", "[]", "4294967295"), "transpose", "[{'input':'x'}]", "'y'",
             OUT("y", "uint32", "[]", "4294967295"));
    check_op(IN("x", "int64", "[2,2]", "['9007199254740993','1','2','-9007199254740993']"), "transpose",
             "[{'input':'x'}]", "'y'", OUT("y", "int64", "[2,2]", "['9007199254740993','2','1','-9007199254740993']"));
    /* [1,2,1,3,1] with permutation [3,1,0,4,2] -> [3,2,1,1,1]; element (0,b,0,c,0) -> (c,b,0,0,0) */
    check_op(IN("x", "float16", "[1,2,1,3,1]", "[1,2,3,4,5,'NaN']"), "transpose",
             "[{'input':'x'},{'options':{'permutation':[3,1,0,4,2]}}]", "'y'",
             OUT("y", "float16", "[3,2,1,1,1]", "[1,4,2,5,3,'NaN']"));
}

static void transpose_rejects_bad_permutation(void **state)
{
    (void)state;
    wt_check_op_rejected("transpose", DECL("x", "float32", "[2,3]"), "[{'input':'x'},{'options':{'permutation':[0]}}]");
    wt_check_op_rejected("transpose", DECL("x", "float32", "[2,3]"), "[{'input':'x'},{'options':{'permutation':[0,2]}}]");
    wt_check_op_rejected("transpose", DECL("x", "float32", "[2,3]"), "[{'input':'x'},{'options':{'permutation':[1,1]}}]");
}

/* ---- triangular ---- */

/* The spec's examples: input [[7,1,2],[9,4,8],[2,6,3]]. */
#define TRI_INPUT IN("x", "float32", "[3,3]", "[7,1,2,9,4,8,2,6,3]")

static void triangular_spec_examples(void **state)
{
    (void)state;
    check_op(TRI_INPUT, "triangular", "[{'input':'x'}]", "'y'", OUT("y", "float32", "[3,3]", "[7,1,2,0,4,8,0,0,3]"));
    check_op(TRI_INPUT, "triangular", "[{'input':'x'},{'options':{'diagonal':1}}]", "'y'",
             OUT("y", "float32", "[3,3]", "[0,1,2,0,0,8,0,0,0]"));
    check_op(TRI_INPUT, "triangular", "[{'input':'x'},{'options':{'diagonal':-1}}]", "'y'",
             OUT("y", "float32", "[3,3]", "[7,1,2,9,4,8,0,6,3]"));
    check_op(TRI_INPUT, "triangular", "[{'input':'x'},{'options':{'upper':false}}]", "'y'",
             OUT("y", "float32", "[3,3]", "[7,0,0,9,4,0,2,6,3]"));
    check_op(TRI_INPUT, "triangular", "[{'input':'x'},{'options':{'upper':false,'diagonal':1}}]", "'y'",
             OUT("y", "float32", "[3,3]", "[7,1,0,9,4,8,2,6,3]"));
    check_op(TRI_INPUT, "triangular", "[{'input':'x'},{'options':{'upper':false,'diagonal':-1}}]", "'y'",
             OUT("y", "float32", "[3,3]", "[0,0,0,9,0,0,2,6,0]"));
}

static void triangular_batches_and_non_square(void **state)
{
    (void)state;
    check_op(IN("x", "float16", "[2,3,3]", "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18]"), "triangular",
             "[{'input':'x'},{'options':{'upper':false}}]", "'y'",
             OUT("y", "float16", "[2,3,3]", "[1,0,0,4,5,0,7,8,9,10,0,0,13,14,0,16,17,18]"));
    check_op(IN("x", "int32", "[2,4]", "[1,2,3,4,5,6,7,8]"), "triangular", "[{'input':'x'},{'options':{'diagonal':2}}]",
             "'y'", OUT("y", "int32", "[2,4]", "[0,0,3,4,0,0,0,8]"));
}

static void triangular_extreme_diagonals_int64_rank5(void **state)
{
    (void)state;
    check_op(IN("x", "int64", "[1,1,1,2,2]", "['9007199254740993','2','3','-9223372036854775808']"), "triangular",
             "[{'input':'x'},{'options':{'diagonal':-2147483648}}]", "'y'",
             OUT("y", "int64", "[1,1,1,2,2]", "['9007199254740993','2','3','-9223372036854775808']"));
    check_op(IN("x", "int8", "[2,2]", "[1,2,3,4]"), "triangular", "[{'input':'x'},{'options':{'diagonal':2147483647}}]",
             "'y'", OUT("y", "int8", "[2,2]", "[0,0,0,0]"));
    check_op(IN("x", "uint8", "[2,2]", "[1,2,3,4]"), "triangular",
             "[{'input':'x'},{'options':{'upper':false,'diagonal':2147483647}}]", "'y'",
             OUT("y", "uint8", "[2,2]", "[1,2,3,4]"));
}

static void triangular_rejects_rank1_and_diagonal_out_of_long(void **state)
{
    (void)state;
    wt_check_op_rejected("triangular", DECL("x", "float32", "[3]"), "[{'input':'x'}]");
    wt_check_op_rejected("triangular", DECL("x", "float32", "[3,3]"), "[{'input':'x'},{'options':{'diagonal':2147483648}}]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(concat_float32_three_inputs_axis1),
        cmocka_unit_test(concat_int64_beyond_2p53_axis0),
        cmocka_unit_test(concat_float16_rank5_last_axis),
        cmocka_unit_test(concat_single_uint8_input_middle_axis),
        cmocka_unit_test(concat_int8_rank3_axis1),
        cmocka_unit_test(concat_rejects_axis_out_of_range),
        cmocka_unit_test(concat_rejects_mixed_types),
        cmocka_unit_test(concat_rejects_mixed_ranks),
        cmocka_unit_test(concat_rejects_other_dimension_mismatch),
        cmocka_unit_test(concat_rejects_sum_beyond_valid_dimension),
        cmocka_unit_test(concat_rejects_empty_inputs),
        cmocka_unit_test(expand_float32_to_higher_rank),
        cmocka_unit_test(expand_int8_scalar),
        cmocka_unit_test(expand_int64_keeps_exact_values),
        cmocka_unit_test(expand_float16_rank5_and_same_shape),
        cmocka_unit_test(expand_rejects_incompatible_dimension),
        cmocka_unit_test(expand_rejects_lower_rank),
        cmocka_unit_test(expand_rejects_zero_dimension),
        cmocka_unit_test(reshape_float32_2d),
        cmocka_unit_test(reshape_int64_to_rank3),
        cmocka_unit_test(reshape_scalar_to_rank5_and_back),
        cmocka_unit_test(reshape_rejects_element_count_mismatch),
        cmocka_unit_test(reshape_rejects_zero_dimension),
        cmocka_unit_test(reshape_rejects_product_overflow),
        cmocka_unit_test(reverse_default_reverses_every_axis),
        cmocka_unit_test(reverse_one_axis_int8_rank3),
        cmocka_unit_test(reverse_empty_axes_is_identity),
        cmocka_unit_test(reverse_scalar_and_int64_and_float16_rank5),
        cmocka_unit_test(reverse_rejects_duplicate_axes),
        cmocka_unit_test(reverse_rejects_axis_out_of_range),
        cmocka_unit_test(slice_float32_window),
        cmocka_unit_test(slice_strides_round_output_up),
        cmocka_unit_test(slice_scalar_int64_and_float16_rank5),
        cmocka_unit_test(slice_rejects_zero_size),
        cmocka_unit_test(slice_rejects_wrong_list_lengths),
        cmocka_unit_test(slice_rejects_zero_stride),
        cmocka_unit_test(slice_rejects_out_of_bounds),
        cmocka_unit_test(split_count_along_axis1),
        cmocka_unit_test(split_sizes_default_axis0_float16),
        cmocka_unit_test(split_int64_rank1_and_uint8_rank5),
        cmocka_unit_test(split_rejects_axis_out_of_range),
        cmocka_unit_test(split_rejects_bad_count),
        cmocka_unit_test(split_rejects_bad_sizes),
        cmocka_unit_test(tile_float32_2d),
        cmocka_unit_test(tile_scalar_int64_uint8_rank5),
        cmocka_unit_test(tile_rejects_wrong_length),
        cmocka_unit_test(tile_rejects_zero_repetition),
        cmocka_unit_test(tile_rejects_invalid_output_dimension),
        cmocka_unit_test(transpose_default_reverses_axes),
        cmocka_unit_test(transpose_permutation_int8),
        cmocka_unit_test(transpose_scalar_int64_float16_rank5),
        cmocka_unit_test(transpose_rejects_bad_permutation),
        cmocka_unit_test(triangular_spec_examples),
        cmocka_unit_test(triangular_batches_and_non_square),
        cmocka_unit_test(triangular_extreme_diagonals_int64_rank5),
        cmocka_unit_test(triangular_rejects_rank1_and_diagonal_out_of_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
