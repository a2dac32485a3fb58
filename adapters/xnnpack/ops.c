/* The op table: every WebNN op this adapter lowers onto XNNPACK, its operand positions with the
 * float32 ranks XNNPACK takes, and whether XNNPACK's float16 path computes it. The float16 column
 * was probed on this snapshot (a one-node subgraph per node kind under
 * XNN_FLAG_FORCE_FP16_INFERENCE, in a forked process): the runtime is created for add, multiply,
 * clamp, leaky_relu, prelu, constant pad, reshape, bilinear resize, convolution, depthwise
 * convolution, deconvolution, max pooling and global average pooling; it is refused
 * (xnn_status_unsupported_parameter) for every other node kind; hardswish aborts in an assertion.
 * The README's coverage table is this table. */
#include <string.h>

#include "xnn.h"

#define F (1u << WNA_FLOAT32)
#define FH ((1u << WNA_FLOAT32) | (1u << WNA_FLOAT16))
#define Q ((1u << WNA_INT8) | (1u << WNA_UINT8))
#define R XA_MAX_RANK

static const wna_operand_limits BINARY[] = {{"a", F, 0, R}, {"b", F, 0, R}, {"output", F, 0, R}};
static const wna_operand_limits UNARY[] = {{"input", F, 0, R}, {"output", F, 0, R}};
static const wna_operand_limits RANK1[] = {{"input", F, 1, R}, {"output", F, 1, R}};
static const wna_operand_limits PRELU[] = {{"input", F, 1, R}, {"slope", F, 0, R}, {"output", F, 1, R}};
static const wna_operand_limits CAST[] = {{"input", FH, 0, R}, {"output", FH, 0, R}};
static const wna_operand_limits CONV[] = {{"input", F, 4, 4}, {"filter", F, 4, 4}, {"bias", F, 1, 1}, {"output", F, 4, 4}};
static const wna_operand_limits POOL[] = {{"input", F, 4, 4}, {"output", F, 4, 4}};
static const wna_operand_limits MATMUL[] = {{"a", F, 2, R}, {"b", F, 2, R}, {"output", F, 2, R}};
static const wna_operand_limits QUANTIZE[] = {{"input", F, 0, R}, {"scale", F, 0, R}, {"zeroPoint", Q, 0, R}, {"output", Q, 0, R}};
static const wna_operand_limits DEQUANTIZE[] = {{"input", Q, 0, R}, {"scale", F, 0, R}, {"zeroPoint", Q, 0, R}, {"output", F, 0, R}};
static const wna_operand_limits GEMM[] = {{"a", F, 2, 2}, {"b", F, 2, 2}, {"c", F, 0, 2}, {"output", F, 2, 2}};

#define N(a) (uint32_t)(sizeof a / sizeof a[0])
static const xa_op OPS[] = {
    {"add", xa_lower_binary, 1, BINARY, N(BINARY)},
    {"sub", xa_lower_binary, 0, BINARY, N(BINARY)},
    {"mul", xa_lower_binary, 1, BINARY, N(BINARY)},
    {"div", xa_lower_binary, 0, BINARY, N(BINARY)},
    {"max", xa_lower_binary, 0, BINARY, N(BINARY)},
    {"min", xa_lower_binary, 0, BINARY, N(BINARY)},
    {"abs", xa_lower_unary, 0, UNARY, N(UNARY)},
    {"ceil", xa_lower_unary, 0, UNARY, N(UNARY)},
    {"floor", xa_lower_unary, 0, UNARY, N(UNARY)},
    {"neg", xa_lower_unary, 0, UNARY, N(UNARY)},
    {"sqrt", xa_lower_unary, 0, UNARY, N(UNARY)},
    {"roundEven", xa_lower_unary, 0, UNARY, N(UNARY)},
    {"identity", xa_lower_unary, 1, UNARY, N(UNARY)},
    {"relu", xa_lower_unary, 1, UNARY, N(UNARY)},
    {"clamp", xa_lower_unary, 1, UNARY, N(UNARY)},
    {"elu", xa_lower_unary, 0, UNARY, N(UNARY)},
    {"leakyRelu", xa_lower_unary, 1, UNARY, N(UNARY)},
    {"hardSwish", xa_lower_unary, 0, UNARY, N(UNARY)},
    {"sigmoid", xa_lower_unary, 0, UNARY, N(UNARY)},
    {"softmax", xa_lower_softmax, 0, RANK1, N(RANK1)},
    {"prelu", xa_lower_prelu, 1, PRELU, N(PRELU)},
    {"pad", xa_lower_pad, 1, RANK1, N(RANK1)},
    {"reshape", xa_lower_reshape, 1, UNARY, N(UNARY)},
    {"resample2d", xa_lower_resample2d, 1, POOL, N(POOL)},
    {"cast", xa_lower_cast, 1, CAST, N(CAST)},
    {"conv2d", xa_lower_conv2d, 1, CONV, N(CONV)},
    {"convTranspose2d", xa_lower_conv_transpose2d, 1, CONV, N(CONV)},
    {"averagePool2d", xa_lower_pool2d, 0, POOL, N(POOL)},
    {"maxPool2d", xa_lower_pool2d, 1, POOL, N(POOL)},
    {"matmul", xa_lower_matmul, 0, MATMUL, N(MATMUL)},
    {"gemm", xa_lower_gemm, 0, GEMM, N(GEMM)},
    {"quantizeLinear", xa_lower_quantize, 0, QUANTIZE, N(QUANTIZE)},
    {"dequantizeLinear", xa_lower_dequantize, 0, DEQUANTIZE, N(DEQUANTIZE)},
};

uint32_t xa_op_count(void) { return N(OPS); }
const xa_op *xa_op_at(uint32_t i) { return &OPS[i]; }

const xa_op *xa_find_op(const char *name)
{
    for (uint32_t i = 0; i < N(OPS); i++)
        if (strcmp(OPS[i].op, name) == 0) return &OPS[i];
    return NULL;
}
