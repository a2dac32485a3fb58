/* opcodes.h: the operation codes the kernels switch on. Included by the adapter's C code and
 * prepended to the OpenCL C source, so both sides agree. Plain #defines only. */
#ifndef OCL_OPCODES_H
#define OCL_OPCODES_H

/* wn_unary */
#define U_ABS 0
#define U_CEIL 1
#define U_COS 2
#define U_ERF 3
#define U_EXP 4
#define U_FLOOR 5
#define U_IDENTITY 6
#define U_LOG 7
#define U_NEG 8
#define U_RECIPROCAL 9
#define U_ROUNDEVEN 10
#define U_SIN 11
#define U_SQRT 12
#define U_TAN 13
#define U_SIGN 14
#define U_RELU 15
#define U_SIGMOID 16
#define U_TANH 17
#define U_ELU 18
#define U_GELU 19
#define U_HARDSIGMOID 20
#define U_HARDSWISH 21
#define U_LEAKYRELU 22
#define U_LINEAR 23
#define U_SOFTPLUS 24
#define U_SOFTSIGN 25
#define U_CLAMP 26
#define U_LOGICALNOT 27

/* wn_binary (output of the operands' type) */
#define B_ADD 0
#define B_SUB 1
#define B_MUL 2
#define B_DIV 3
#define B_MAX 4
#define B_MIN 5
#define B_POW 6
#define B_PRELU 7
#define B_AND 8
#define B_OR 9
#define B_XOR 10

/* wn_compare (uint8 output) */
#define C_EQUAL 0
#define C_NOTEQUAL 1
#define C_GREATER 2
#define C_GREATEREQ 3
#define C_LESSER 4
#define C_LESSEREQ 5
#define C_ISNAN 6
#define C_ISINF 7

/* wn_pool */
#define P_AVG 0
#define P_MAX 1
#define P_L2 2

/* wn_reduce */
#define R_SUM 0
#define R_MEAN 1
#define R_MAX 2
#define R_MIN 3
#define R_PRODUCT 4
#define R_L1 5
#define R_L2 6
#define R_LOGSUM 7
#define R_LOGSUMEXP 8
#define R_SUMSQUARE 9
#define R_ARGMAX 10
#define R_ARGMIN 11

/* wn_pad */
#define PAD_CONSTANT 0
#define PAD_EDGE 1
#define PAD_REFLECTION 2

#endif
