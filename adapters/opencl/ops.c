/* The operations this adapter has kernels for, and their builders. The opSupportLimits table
 * (limits_table.c) lists exactly these ops. */
#include <string.h>

#include "ocl.h"
#include "opcodes.h"

static int conv2d(ocl_build *b, const wna_operation *op) { return ocl_build_conv(b, op, 0); }
static int conv_t(ocl_build *b, const wna_operation *op) { return ocl_build_conv(b, op, 1); }

/* name, family builder taking the opcode, or a builder of its own */
static const ocl_op entries[] = {
    {"abs", ocl_build_unary, NULL, U_ABS}, {"ceil", ocl_build_unary, NULL, U_CEIL},
    {"cos", ocl_build_unary, NULL, U_COS}, {"erf", ocl_build_unary, NULL, U_ERF},
    {"exp", ocl_build_unary, NULL, U_EXP}, {"floor", ocl_build_unary, NULL, U_FLOOR},
    {"log", ocl_build_unary, NULL, U_LOG}, {"neg", ocl_build_unary, NULL, U_NEG},
    {"reciprocal", ocl_build_unary, NULL, U_RECIPROCAL}, {"roundEven", ocl_build_unary, NULL, U_ROUNDEVEN},
    {"sin", ocl_build_unary, NULL, U_SIN}, {"sqrt", ocl_build_unary, NULL, U_SQRT},
    {"tan", ocl_build_unary, NULL, U_TAN}, {"sign", ocl_build_unary, NULL, U_SIGN},
    {"relu", ocl_build_unary, NULL, U_RELU}, {"sigmoid", ocl_build_unary, NULL, U_SIGMOID},
    {"tanh", ocl_build_unary, NULL, U_TANH}, {"elu", ocl_build_unary, NULL, U_ELU},
    {"gelu", ocl_build_unary, NULL, U_GELU}, {"hardSigmoid", ocl_build_unary, NULL, U_HARDSIGMOID},
    {"hardSwish", ocl_build_unary, NULL, U_HARDSWISH}, {"leakyRelu", ocl_build_unary, NULL, U_LEAKYRELU},
    {"linear", ocl_build_unary, NULL, U_LINEAR}, {"softplus", ocl_build_unary, NULL, U_SOFTPLUS},
    {"softsign", ocl_build_unary, NULL, U_SOFTSIGN}, {"clamp", ocl_build_unary, NULL, U_CLAMP},
    {"logicalNot", ocl_build_unary, NULL, U_LOGICALNOT},
    {"add", ocl_build_binary, NULL, B_ADD}, {"sub", ocl_build_binary, NULL, B_SUB},
    {"mul", ocl_build_binary, NULL, B_MUL}, {"div", ocl_build_binary, NULL, B_DIV},
    {"max", ocl_build_binary, NULL, B_MAX}, {"min", ocl_build_binary, NULL, B_MIN},
    {"pow", ocl_build_binary, NULL, B_POW}, {"prelu", ocl_build_binary, NULL, B_PRELU},
    {"logicalAnd", ocl_build_binary, NULL, B_AND}, {"logicalOr", ocl_build_binary, NULL, B_OR},
    {"logicalXor", ocl_build_binary, NULL, B_XOR},
    {"equal", ocl_build_compare, NULL, C_EQUAL}, {"notEqual", ocl_build_compare, NULL, C_NOTEQUAL},
    {"greater", ocl_build_compare, NULL, C_GREATER}, {"greaterOrEqual", ocl_build_compare, NULL, C_GREATEREQ},
    {"lesser", ocl_build_compare, NULL, C_LESSER}, {"lesserOrEqual", ocl_build_compare, NULL, C_LESSEREQ},
    {"isNaN", ocl_build_compare, NULL, C_ISNAN}, {"isInfinite", ocl_build_compare, NULL, C_ISINF},
    {"averagePool2d", ocl_build_pool, NULL, P_AVG}, {"maxPool2d", ocl_build_pool, NULL, P_MAX},
    {"l2Pool2d", ocl_build_pool, NULL, P_L2},
    {"reduceSum", ocl_build_reduce, NULL, R_SUM}, {"reduceMean", ocl_build_reduce, NULL, R_MEAN},
    {"reduceMax", ocl_build_reduce, NULL, R_MAX}, {"reduceMin", ocl_build_reduce, NULL, R_MIN},
    {"reduceProduct", ocl_build_reduce, NULL, R_PRODUCT}, {"reduceL1", ocl_build_reduce, NULL, R_L1},
    {"reduceL2", ocl_build_reduce, NULL, R_L2}, {"reduceLogSum", ocl_build_reduce, NULL, R_LOGSUM},
    {"reduceLogSumExp", ocl_build_reduce, NULL, R_LOGSUMEXP}, {"reduceSumSquare", ocl_build_reduce, NULL, R_SUMSQUARE},
    {"argMax", ocl_build_reduce, NULL, R_ARGMAX}, {"argMin", ocl_build_reduce, NULL, R_ARGMIN},
    {"where", NULL, ocl_build_where, 0}, {"matmul", NULL, ocl_build_matmul, 0}, {"gemm", NULL, ocl_build_gemm, 0},
    {"conv2d", NULL, conv2d, 0}, {"convTranspose2d", NULL, conv_t, 0}, {"softmax", NULL, ocl_build_softmax, 0},
    {"cumulativeSum", NULL, ocl_build_cumsum, 0},
    {"batchNormalization", NULL, ocl_build_batchnorm, 0},
    {"instanceNormalization", NULL, ocl_build_instancenorm, 0},
    {"layerNormalization", NULL, ocl_build_layernorm, 0},
    {"identity", NULL, ocl_build_copy_op, 0}, {"reshape", NULL, ocl_build_copy_op, 0},
    {"transpose", NULL, ocl_build_copy_op, 0}, {"expand", NULL, ocl_build_copy_op, 0},
    {"slice", NULL, ocl_build_copy_op, 0}, {"reverse", NULL, ocl_build_copy_op, 0},
    {"split", NULL, ocl_build_split, 0}, {"concat", NULL, ocl_build_concat, 0}, {"pad", NULL, ocl_build_pad, 0},
    {"gather", NULL, ocl_build_gather, 0}, {"cast", NULL, ocl_build_cast, 0},
    {"tile", NULL, ocl_build_tile, 0}, {"triangular", NULL, ocl_build_triangular, 0},
};

const ocl_op *ocl_find_op(const char *name)
{
    for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++)
        if (strcmp(entries[i].name, name) == 0) return &entries[i];
    return NULL;
}
