/* Every op family file's kernel table. */
#include "ops_index.h"

extern const wn_op_impl wn_ops_elementwise_binary[];
extern const wn_op_impl wn_ops_elementwise_unary[];
extern const wn_op_impl wn_ops_logical[];
extern const wn_op_impl wn_ops_activation[];
extern const wn_op_impl wn_ops_cast[];
extern const wn_op_impl wn_ops_where[];
extern const wn_op_impl wn_ops_reduction[];
extern const wn_op_impl wn_ops_softmax[];
extern const wn_op_impl wn_ops_normalization[];
extern const wn_op_impl wn_ops_pooling[];
extern const wn_op_impl wn_ops_conv[];
extern const wn_op_impl wn_ops_matmul[];
extern const wn_op_impl wn_ops_resample[];
extern const wn_op_impl wn_ops_pad[];
extern const wn_op_impl wn_ops_data_movement[];
extern const wn_op_impl wn_ops_gather_scatter[];
extern const wn_op_impl wn_ops_recurrent[];
extern const wn_op_impl wn_ops_quantization[];

const wn_op_impl *const wn_op_families[] = {
    wn_ops_elementwise_binary,
    wn_ops_elementwise_unary,
    wn_ops_logical,
    wn_ops_activation,
    wn_ops_cast,
    wn_ops_where,
    wn_ops_reduction,
    wn_ops_softmax,
    wn_ops_normalization,
    wn_ops_pooling,
    wn_ops_conv,
    wn_ops_matmul,
    wn_ops_resample,
    wn_ops_pad,
    wn_ops_data_movement,
    wn_ops_gather_scatter,
    wn_ops_recurrent,
    wn_ops_quantization,
    NULL,
};
