/* gather, gatherElements, gatherND, scatterElements, scatterND. Most cases are the spec's
 * own examples (their expected values come from the spec text); the rest are worked out by
 * hand or with numpy.take. Our implementation-defined choices are tested explicitly:
 * out-of-range indices clamp to [0, size-1] after negative indices count from the end,
 * and duplicate scatter targets keep the last update in row-major order. */
#include <stdio.h>

#include "support.h"

#define IN(name, type, shape, data) \
    "'" name "':{'descriptor':{'dataType':'" type "','shape':" shape "},'data':" data "}"
#define DECL(name, type, shape) "'" name "':{'descriptor':{'dataType':'" type "','shape':" shape "}}"

/* The spec's [4,3] example input. */
#define X43(type) IN("x", type, "[4,3]", "[0,1,2,10,11,12,20,21,22,30,31,32]")
/* The spec's [4,2,2] and [2,2,2] example inputs. */
#define X422 IN("x", "float32", "[4,2,2]", "[0,1,10,11,100,101,110,111,200,201,210,211,300,301,310,311]")
#define X222 IN("x", "float32", "[2,2,2]", "[0,1,2,3,4,5,6,7]")

/* ---- gather ---- */

static void gather_spec_examples(void **state)
{
    (void)state;
    wt_check_op("gather", X43("float32") "," IN("i", "uint32", "[2]", "[3,1]"), "[{'input':'x'},{'indices':'i'}]", WT_T("float32", "[2,3]", "[30,31,32,10,11,12]"));
    wt_check_op("gather", X43("float32") "," IN("i", "uint32", "[3]", "[2,1,1]"), "[{'input':'x'},{'indices':'i'},{'options':{'axis':1}}]", WT_T("float32", "[4,3]", "[2,1,1,12,11,11,22,21,21,32,31,31]"));
    wt_check_op("gather", X43("float32") "," IN("i", "uint32", "[2,2]", "[0,1,1,2]"), "[{'input':'x'},{'indices':'i'},{'options':{'axis':1}}]", WT_T("float32", "[4,2,2]", "[0,1,1,2,10,11,11,12,20,21,21,22,30,31,31,32]"));
}

static void gather_scalar_index_drops_the_axis(void **state)
{
    (void)state;
    wt_check_op("gather", X43("int8") "," IN("i", "int64", "[]", "2"), "[{'input':'x'},{'indices':'i'}]", WT_T("int8", "[3]", "[20,21,22]"));
    /* -2 counts from the end of a dimension of 4: row 2 */
    wt_check_op("gather", X43("uint8") "," IN("i", "int32", "[]", "-2"), "[{'input':'x'},{'indices':'i'}]", WT_T("uint8", "[3]", "[20,21,22]"));
    wt_check_op("gather", IN("x", "float32", "[3]", "[1,2,3]") "," IN("i", "int32", "[]", "1"), "[{'input':'x'},{'indices':'i'}]", WT_T("float32", "[]", "2"));
}

static void gather_float16_rank3_inner_axis(void **state)
{
    (void)state;
    /* numpy.take(arange(24).reshape(2,3,4), [[3],[1]], axis=2) */
    wt_check_op("gather", IN("x", "float16", "[2,3,4]", "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23]") ","
             IN("i", "int32", "[2,1]", "[3,1]"), "[{'input':'x'},{'indices':'i'},{'options':{'axis':2}}]", WT_T("float16", "[2,3,2,1]", "[3,1,7,5,11,9,15,13,19,17,23,21]"));
}

static void gather_negative_indices_int64_data(void **state)
{
    (void)state;
    wt_check_op("gather", IN("x", "int64", "[4]", "['9007199254740993','1','2','-9223372036854775808']") ","
             IN("i", "int32", "[3]", "[-1,-4,0]"), "[{'input':'x'},{'indices':'i'}]", WT_T("int64", "[3]", "['-9223372036854775808','9007199254740993','9007199254740993']"));
}

static void gather_clamps_out_of_range_indices(void **state)
{
    (void)state;
    /* implementation-defined; ours: 5 -> 3, -5 -> -1 -> 0, 100 -> 3 */
    wt_check_op("gather", IN("x", "float32", "[4]", "[10,11,12,13]") "," IN("i", "int32", "[3]", "[5,-5,100]"), "[{'input':'x'},{'indices':'i'}]", WT_T("float32", "[3]", "[13,10,13]"));
    wt_check_op("gather", IN("x", "float32", "[4]", "[10,11,12,13]") "," IN("i", "uint32", "[1]", "[4294967295]"), "[{'input':'x'},{'indices':'i'}]", WT_T("float32", "[1]", "[13]"));
    wt_check_op("gather", IN("x", "float32", "[4]", "[10,11,12,13]") ","
             IN("i", "int64", "[2]", "['-9223372036854775808','9223372036854775807']"), "[{'input':'x'},{'indices':'i'}]", WT_T("float32", "[2]", "[10,13]"));
}

static void gather_rank5_input(void **state)
{
    (void)state;
    wt_check_op("gather", IN("x", "uint32", "[1,1,1,1,3]", "[7,8,4294967295]") "," IN("i", "int64", "[1]", "[2]"), "[{'input':'x'},{'indices':'i'},{'options':{'axis':4}}]", WT_T("uint32", "[1,1,1,1,1]", "[4294967295]"));
}

static void gather_rejects_axis_out_of_range(void **state)
{
    (void)state;
    wt_check_op_rejected("gather", DECL("x", "float32", "[4,3]") "," DECL("i", "int32", "[2]"), "[{'input':'x'},{'indices':'i'},{'options':{'axis':2}}]");
}

static void gather_rejects_indices_types(void **state)
{
    (void)state;
    wt_check_op_rejected("gather", DECL("x", "float32", "[4]") "," DECL("i", "float32", "[2]"), "[{'input':'x'},{'indices':'i'}]");
    wt_check_op_rejected("gather", DECL("x", "float32", "[4]") "," DECL("i", "int8", "[2]"), "[{'input':'x'},{'indices':'i'}]");
    wt_check_op_rejected("gather", DECL("x", "float32", "[4]") "," DECL("i", "uint64", "[2]"), "[{'input':'x'},{'indices':'i'}]");
}

static void gather_rejects_output_rank_beyond_supported(void **state)
{
    (void)state;
    wt_check_op_rejected("gather", DECL("x", "float32", "[1,1,1,1,1]") "," DECL("i", "int32", "[1,1,1,1,1]"), "[{'input':'x'},{'indices':'i'}]");
}

/* ---- gatherElements ---- */

static void gather_elements_spec_examples(void **state)
{
    (void)state;
    wt_check_op("gatherElements", X43("float32") "," IN("i", "uint32", "[2,3]", "[3,1,1,2,0,3]"), "[{'input':'x'},{'indices':'i'}]", WT_T("float32", "[2,3]", "[30,11,12,20,1,32]"));
    wt_check_op("gatherElements", X43("float32") "," IN("i", "uint32", "[4,1]", "[2,1,0,2]"), "[{'input':'x'},{'indices':'i'},{'options':{'axis':1}}]", WT_T("float32", "[4,1]", "[2,11,20,32]"));
    wt_check_op("gatherElements", X422 "," IN("i", "uint32", "[1,2,2]", "[0,2,1,3]"), "[{'input':'x'},{'indices':'i'},{'options':{'axis':0}}]", WT_T("float32", "[1,2,2]", "[0,201,110,311]"));
}

static void gather_elements_negative_and_clamped_int8(void **state)
{
    (void)state;
    /* row 0: -1 -> 2, 7 -> clamp 2; row 1: -3 -> 0, -9 -> -6 -> clamp 0 */
    wt_check_op("gatherElements", IN("x", "int8", "[2,3]", "[-128,1,127,4,5,6]") "," IN("i", "int64", "[2,2]", "[-1,7,-3,-9]"), "[{'input':'x'},{'indices':'i'},{'options':{'axis':1}}]", WT_T("int8", "[2,2]", "[127,127,4,4]"));
}

static void gather_elements_rank1_float16_and_int64(void **state)
{
    (void)state;
    wt_check_op("gatherElements", IN("x", "float16", "[3]", "['NaN',-0.5,65504]") "," IN("i", "int32", "[4]", "[2,0,1,2]"), "[{'input':'x'},{'indices':'i'}]", WT_T("float16", "[4]", "[65504,'NaN',-0.5,65504]"));
    wt_check_op("gatherElements", IN("x", "int64", "[2]", "['9007199254740993','-9007199254740993']") "," IN("i", "uint32", "[1]", "[1]"), "[{'input':'x'},{'indices':'i'}]", WT_T("int64", "[1]", "['-9007199254740993']"));
}

static void gather_elements_rejects_axis_out_of_range(void **state)
{
    (void)state;
    wt_check_op_rejected("gatherElements", DECL("x", "float32", "[4,3]") "," DECL("i", "int32", "[4,3]"), "[{'input':'x'},{'indices':'i'},{'options':{'axis':2}}]");
}

static void gather_elements_rejects_indices_shape(void **state)
{
    (void)state;
    /* only the axis dimension may differ */
    wt_check_op_rejected("gatherElements", DECL("x", "float32", "[4,3]") "," DECL("i", "int32", "[2,2]"), "[{'input':'x'},{'indices':'i'}]");
    wt_check_op_rejected("gatherElements", DECL("x", "float32", "[4,3]") "," DECL("i", "int32", "[4]"), "[{'input':'x'},{'indices':'i'}]");
    wt_check_op_rejected("gatherElements", DECL("x", "float32", "[4,3]") "," DECL("i", "float16", "[4,3]"), "[{'input':'x'},{'indices':'i'}]");
}

/* ---- gatherND ---- */

static void gather_nd_spec_examples(void **state)
{
    (void)state;
    wt_check_op("gatherND", IN("x", "float32", "[2,2]", "[0,1,2,3]") "," IN("i", "uint32", "[3,2]", "[0,0,1,1,1,0]"), "[{'input':'x'},{'indices':'i'}]", WT_T("float32", "[3]", "[0,3,2]"));
    wt_check_op("gatherND", IN("x", "float32", "[2,2]", "[0,1,2,3]") "," IN("i", "uint32", "[2,1]", "[1,0]"), "[{'input':'x'},{'indices':'i'}]", WT_T("float32", "[2,2]", "[2,3,0,1]"));
    wt_check_op("gatherND", X222 "," IN("i", "uint32", "[2,2]", "[0,1,1,0]"), "[{'input':'x'},{'indices':'i'}]", WT_T("float32", "[2,2]", "[2,3,4,5]"));
    wt_check_op("gatherND", X222 "," IN("i", "uint32", "[3,1]", "[1,0,1]"), "[{'input':'x'},{'indices':'i'}]", WT_T("float32", "[3,2,2]", "[4,5,6,7,0,1,2,3,4,5,6,7]"));
    wt_check_op("gatherND", X222 "," IN("i", "uint32", "[5,3]", "[0,0,1,0,1,0,1,0,0,1,1,0,1,1,1]"), "[{'input':'x'},{'indices':'i'}]", WT_T("float32", "[5]", "[1,2,4,6,7]"));
}

static void gather_nd_scalar_output_and_int64_data(void **state)
{
    (void)state;
    wt_check_op("gatherND", IN("x", "int64", "[2,2]", "['1','9007199254740993','3','4']") "," IN("i", "int32", "[2]", "[0,1]"), "[{'input':'x'},{'indices':'i'}]", WT_T("int64", "[]", "'9007199254740993'"));
}

static void gather_nd_negative_and_clamped(void **state)
{
    (void)state;
    /* (-1,-1) -> (1,2) = 5; (5,-7) -> (clamp 1, -4 -> clamp 0) = 3 */
    wt_check_op("gatherND", IN("x", "float16", "[2,3]", "[0,1,2,3,4,5]") "," IN("i", "int64", "[2,2]", "[-1,-1,5,-7]"), "[{'input':'x'},{'indices':'i'}]", WT_T("float16", "[2]", "[5,3]"));
}

static void gather_nd_rejects_coordinates_longer_than_rank(void **state)
{
    (void)state;
    wt_check_op_rejected("gatherND", DECL("x", "float32", "[2,2]") "," DECL("i", "int32", "[1,3]"), "[{'input':'x'},{'indices':'i'}]");
    wt_check_op_rejected("gatherND", DECL("x", "float32", "[2,2]") "," DECL("i", "int32", "[]"), "[{'input':'x'},{'indices':'i'}]");
}

/* ---- scatterElements ---- */

static void scatter_elements_spec_examples(void **state)
{
    (void)state;
    wt_check_op("scatterElements", X43("float32") "," IN("i", "uint32", "[2,3]", "[3,1,1,2,0,3]") ","
             IN("u", "float32", "[2,3]", "[-1,-2,-3,-4,-5,-6]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]", WT_T("float32", "[4,3]", "[0,-5,2,10,-2,-3,-4,21,22,-1,31,-6]"));
    wt_check_op("scatterElements", X43("float32") "," IN("i", "uint32", "[4,1]", "[2,1,0,2]") "," IN("u", "float32", "[4,1]", "[-1,-2,-3,-4]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'},{'options':{'axis':1}}]", WT_T("float32", "[4,3]", "[0,1,-1,10,-2,12,-3,21,22,30,31,-4]"));
    wt_check_op("scatterElements", X422 "," IN("i", "uint32", "[1,2,2]", "[0,2,1,3]") "," IN("u", "float32", "[1,2,2]", "[-1,-2,-3,-4]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'},{'options':{'axis':0}}]", WT_T("float32", "[4,2,2]", "[-1,1,10,11,100,101,-3,111,200,-2,210,211,300,301,310,-4]"));
}

static void scatter_elements_duplicates_keep_last_update(void **state)
{
    (void)state;
    /* implementation-defined; ours: updates apply in row-major order, the last one wins */
    wt_check_op("scatterElements", IN("x", "float32", "[4]", "[0,0,0,0]") "," IN("i", "int32", "[4]", "[1,1,3,1]") ","
             IN("u", "float32", "[4]", "[10,20,30,40]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]", WT_T("float32", "[4]", "[0,40,0,30]"));
}

static void scatter_elements_negative_and_clamped_int64(void **state)
{
    (void)state;
    /* -4 -> 0; 9 -> clamp 3 */
    wt_check_op("scatterElements", IN("x", "int64", "[4]", "['1','2','3','4']") "," IN("i", "int64", "[2]", "[-4,9]") ","
             IN("u", "int64", "[2]", "['9007199254740993','-9223372036854775808']"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]", WT_T("int64", "[4]", "['9007199254740993','2','3','-9223372036854775808']"));
}

static void scatter_elements_float16_and_uint8(void **state)
{
    (void)state;
    wt_check_op("scatterElements", IN("x", "float16", "[2,2]", "[1,2,3,4]") "," IN("i", "uint32", "[2,1]", "[1,0]") ","
             IN("u", "float16", "[2,1]", "['NaN',65504]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'},{'options':{'axis':1}}]", WT_T("float16", "[2,2]", "[1,'NaN',65504,4]"));
    wt_check_op("scatterElements", IN("x", "uint8", "[1,1,1,1,2]", "[1,2]") "," IN("i", "int32", "[1,1,1,1,1]", "[-1]") ","
             IN("u", "uint8", "[1,1,1,1,1]", "[255]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'},{'options':{'axis':4}}]", WT_T("uint8", "[1,1,1,1,2]", "[1,255]"));
}

static void scatter_elements_rejects_axis_out_of_range(void **state)
{
    (void)state;
    wt_check_op_rejected("scatterElements", DECL("x", "float32", "[4,3]") "," DECL("i", "int32", "[4,3]") "," DECL("u", "float32", "[4,3]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'},{'options':{'axis':2}}]");
}

static void scatter_elements_rejects_shapes(void **state)
{
    (void)state;
    wt_check_op_rejected("scatterElements", DECL("x", "float32", "[4,3]") "," DECL("i", "int32", "[2,2]") "," DECL("u", "float32", "[2,2]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]");
    wt_check_op_rejected("scatterElements", DECL("x", "float32", "[4,3]") "," DECL("i", "int32", "[2,3]") "," DECL("u", "float32", "[3,3]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]");
}

static void scatter_elements_rejects_types(void **state)
{
    (void)state;
    wt_check_op_rejected("scatterElements", DECL("x", "float32", "[4]") "," DECL("i", "int32", "[2]") "," DECL("u", "float16", "[2]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]");
    wt_check_op_rejected("scatterElements", DECL("x", "float32", "[4]") "," DECL("i", "uint8", "[2]") "," DECL("u", "float32", "[2]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]");
}

/* ---- scatterND ---- */

static void scatter_nd_spec_examples(void **state)
{
    (void)state;
    wt_check_op("scatterND", IN("x", "float32", "[8]", "[0,1,2,3,4,5,6,7]") "," IN("i", "uint32", "[4,1]", "[4,3,1,7]") ","
             IN("u", "float32", "[4]", "[-1,-2,-3,-4]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]", WT_T("float32", "[8]", "[0,-3,2,-2,-1,5,6,-4]"));
    wt_check_op("scatterND", IN("x", "float32", "[2,2]", "[0,1,2,3]") "," IN("i", "uint32", "[2,2]", "[0,0,1,1]") ","
             IN("u", "float32", "[2]", "[-1,-2]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]", WT_T("float32", "[2,2]", "[-1,1,2,-2]"));
    /* the example's comments (indices [[2],[0]]); its code listing has [1, 0] */
    wt_check_op("scatterND", IN("x", "float32", "[3,2]", "[0,1,2,3,4,5]") "," IN("i", "uint32", "[2,1]", "[2,0]") ","
             IN("u", "float32", "[2,2]", "[-1,-2,-3,-4]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]", WT_T("float32", "[3,2]", "[-3,-4,2,3,-1,-2]"));
    wt_check_op("scatterND", X222 "," IN("i", "uint32", "[2,2]", "[0,1,1,0]") "," IN("u", "float32", "[2,2]", "[-1,-2,-3,-4]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]", WT_T("float32", "[2,2,2]", "[0,1,-1,-2,-3,-4,6,7]"));
}

static void scatter_nd_duplicates_keep_last_update(void **state)
{
    (void)state;
    wt_check_op("scatterND", IN("x", "int8", "[4]", "[0,0,0,0]") "," IN("i", "int32", "[3,1]", "[1,1,2]") ","
             IN("u", "int8", "[3]", "[5,-128,7]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]", WT_T("int8", "[4]", "[0,-128,7,0]"));
}

static void scatter_nd_negative_and_clamped(void **state)
{
    (void)state;
    /* uint32 4294967295 -> clamp 3; int32 -4 -> 0 */
    wt_check_op("scatterND", IN("x", "float16", "[4]", "[1,2,3,4]") "," IN("i", "uint32", "[1,1]", "[4294967295]") ","
             IN("u", "float16", "[1]", "['-Infinity']"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]", WT_T("float16", "[4]", "[1,2,3,'-Infinity']"));
    wt_check_op("scatterND", IN("x", "float16", "[4]", "[1,2,3,4]") "," IN("i", "int32", "[1,1]", "[-4]") ","
             IN("u", "float16", "[1]", "[9]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]", WT_T("float16", "[4]", "[9,2,3,4]"));
}

static void scatter_nd_scalar_update_int64(void **state)
{
    (void)state;
    wt_check_op("scatterND", IN("x", "int64", "[2,2]", "['0','1','2','3']") "," IN("i", "int64", "[2]", "[1,-1]") ","
             IN("u", "int64", "[]", "'-9007199254740993'"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]", WT_T("int64", "[2,2]", "['0','1','2','-9007199254740993']"));
}

static void scatter_nd_rejects_coordinates_longer_than_rank(void **state)
{
    (void)state;
    wt_check_op_rejected("scatterND", DECL("x", "float32", "[2,2]") "," DECL("i", "int32", "[1,3]") "," DECL("u", "float32", "[1]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]");
}

static void scatter_nd_rejects_updates_shape(void **state)
{
    (void)state;
    /* expected updates shape: indices.shape[:-1] + input.shape[1:] = [2,2] */
    wt_check_op_rejected("scatterND", DECL("x", "float32", "[3,2]") "," DECL("i", "int32", "[2,1]") "," DECL("u", "float32", "[2]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]");
    wt_check_op_rejected("scatterND", DECL("x", "float32", "[3,2]") "," DECL("i", "int32", "[2,1]") "," DECL("u", "float32", "[2,3]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]");
}

static void scatter_nd_rejects_types(void **state)
{
    (void)state;
    wt_check_op_rejected("scatterND", DECL("x", "float32", "[4]") "," DECL("i", "int32", "[1,1]") "," DECL("u", "int32", "[1]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]");
    wt_check_op_rejected("scatterND", DECL("x", "float32", "[4]") "," DECL("i", "float32", "[1,1]") "," DECL("u", "float32", "[1]"), "[{'input':'x'},{'indices':'i'},{'updates':'u'}]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gather_spec_examples),
        cmocka_unit_test(gather_scalar_index_drops_the_axis),
        cmocka_unit_test(gather_float16_rank3_inner_axis),
        cmocka_unit_test(gather_negative_indices_int64_data),
        cmocka_unit_test(gather_clamps_out_of_range_indices),
        cmocka_unit_test(gather_rank5_input),
        cmocka_unit_test(gather_rejects_axis_out_of_range),
        cmocka_unit_test(gather_rejects_indices_types),
        cmocka_unit_test(gather_rejects_output_rank_beyond_supported),
        cmocka_unit_test(gather_elements_spec_examples),
        cmocka_unit_test(gather_elements_negative_and_clamped_int8),
        cmocka_unit_test(gather_elements_rank1_float16_and_int64),
        cmocka_unit_test(gather_elements_rejects_axis_out_of_range),
        cmocka_unit_test(gather_elements_rejects_indices_shape),
        cmocka_unit_test(gather_nd_spec_examples),
        cmocka_unit_test(gather_nd_scalar_output_and_int64_data),
        cmocka_unit_test(gather_nd_negative_and_clamped),
        cmocka_unit_test(gather_nd_rejects_coordinates_longer_than_rank),
        cmocka_unit_test(scatter_elements_spec_examples),
        cmocka_unit_test(scatter_elements_duplicates_keep_last_update),
        cmocka_unit_test(scatter_elements_negative_and_clamped_int64),
        cmocka_unit_test(scatter_elements_float16_and_uint8),
        cmocka_unit_test(scatter_elements_rejects_axis_out_of_range),
        cmocka_unit_test(scatter_elements_rejects_shapes),
        cmocka_unit_test(scatter_elements_rejects_types),
        cmocka_unit_test(scatter_nd_spec_examples),
        cmocka_unit_test(scatter_nd_duplicates_keep_last_update),
        cmocka_unit_test(scatter_nd_negative_and_clamped),
        cmocka_unit_test(scatter_nd_scalar_update_int64),
        cmocka_unit_test(scatter_nd_rejects_coordinates_longer_than_rank),
        cmocka_unit_test(scatter_nd_rejects_updates_shape),
        cmocka_unit_test(scatter_nd_rejects_types),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
