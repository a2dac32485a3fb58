/* eltwise.cl: element-wise unary (math functions and activations), binary with broadcasting,
 * comparisons and logical ops, isNaN/isInfinite, where. Floats compute in double when the
 * device has cl_khr_fp64 (then every result is rounded once to the element type), else in
 * float. Integers wrap like two's complement: arithmetic runs on the unsigned type. */

#if IS_FLOAT
#ifdef WN_FP64
#define UT double
#else
#define UT float
#endif
#else
#define UT ST
#endif

#if WN_DT == 2
#define UST uint
#define AS_ST(x) as_int(x)
#elif WN_DT == 4
#define UST ulong
#define AS_ST(x) as_long(x)
#elif WN_DT == 6
#define UST uchar
#define AS_ST(x) as_char((uchar)(x))
#else
#define UST ST
#define AS_ST(x) (x)
#endif

/* A parameter (alpha, a bound, epsilon, a pad value) rounded to the element type first, as the
 * reference does: the spec casts MLNumber arguments to the operand's data type. */
inline UT wn_param(UT v)
{
#if WN_DT == 0
    return (UT)(float)v;
#elif WN_DT == 1 && !WN_HALF_NATIVE
    ushort bits;
    vstore_half_rte((float)v, 0, (__private half *)&bits);
    return (UT)vload_half(0, (__private const half *)&bits);
#elif WN_DT == 1
    return (UT)(half)v;
#else
    return v;
#endif
}

#if IS_FLOAT
inline UT wn_unary_f(UT x, int op, UT p0, UT p1)
{
    switch (op) {
    case U_ABS: return fabs(x);
    case U_CEIL: return ceil(x);
    case U_COS: return cos(x);
    case U_ERF: return erf(x);
    case U_EXP: return exp(x);
    case U_FLOOR: return floor(x);
    case U_IDENTITY: return x;
    case U_LOG: return log(x);
    case U_NEG: return -x;
    case U_RECIPROCAL: return (UT)1 / x;
    case U_ROUNDEVEN: return rint(x);
    case U_SIN: return sin(x);
    case U_SQRT: return sqrt(x);
    case U_TAN: return tan(x);
    case U_SIGN: return x > 0 ? (UT)1 : x < 0 ? (UT)-1 : (UT)0;
    case U_RELU: return isnan(x) ? x : x > 0 ? x : (UT)0;
    case U_SIGMOID: return (UT)1 / ((UT)1 + exp(-x));
    case U_TANH: return tanh(x);
    case U_ELU: return x < 0 ? p0 * (exp(x) - (UT)1) : x;
    case U_GELU: return (UT)0.5 * x * erfc(-x / sqrt((UT)2)); /* erfc: no cancellation for x << 0 */
    case U_HARDSIGMOID: { UT y = p0 * x + p1; return isnan(y) ? y : fmin(fmax(y, (UT)0), (UT)1); }
    case U_HARDSWISH: { UT y = x + (UT)3; return isnan(y) ? y : x * fmin(fmax(y, (UT)0), (UT)6) / (UT)6; }
    case U_LEAKYRELU: return x < 0 ? p0 * x : x;
    case U_LINEAR: return p0 * x + p1;
    case U_SOFTPLUS: return fmax(x, (UT)0) + log1p(exp(-fabs(x))); /* no overflow for large x */
    case U_SOFTSIGN: return x / ((UT)1 + fabs(x));
    case U_CLAMP: return isnan(x) ? x : x < p0 ? p0 : x > p1 ? p1 : x;
    default: return x;
    }
}
#else
inline ST wn_unary_i(ST x, int op, ST p0, ST p1)
{
    switch (op) {
    case U_ABS: return x < 0 ? AS_ST((UST)0 - (UST)x) : x;
    case U_NEG: return AS_ST((UST)0 - (UST)x);
    case U_SIGN: return x > 0 ? (ST)1 : x < 0 ? (ST)-1 : (ST)0;
    case U_RELU: return x > 0 ? x : (ST)0;
    case U_CLAMP: return x < p0 ? p0 : x > p1 ? p1 : x;
    case U_LOGICALNOT: return x == 0 ? (ST)1 : (ST)0;
    default: return x;
    }
}
#endif

/* p0, p1: the op's parameters (alpha/beta, clamp bounds) in the compute type. */
__kernel void wn_unary(__global ST *out, __global const ST *in, uint n, int op, UT p0, UT p1)
{
    uint i = get_global_id(0);
    if (i >= n) return;
#if IS_FLOAT
    SV(out, i, wn_unary_f((UT)LD(in, i), op, wn_param(p0), wn_param(p1)));
#else
    out[i] = wn_unary_i(in[i], op, p0, p1);
#endif
}

#if IS_FLOAT
inline UT wn_binary_f(UT a, UT b, int op)
{
    switch (op) {
    case B_ADD: return a + b;
    case B_SUB: return a - b;
    case B_MUL: return a * b;
    case B_DIV: return a / b;
    case B_MAX: return isnan(a) || isnan(b) ? a + b : a == b ? (signbit(a) ? b : a) : a > b ? a : b;
    case B_MIN: return isnan(a) || isnan(b) ? a + b : a == b ? (signbit(a) ? a : b) : a < b ? a : b;
    case B_POW: return pow(a, b);
    case B_PRELU: return a < 0 ? a * b : a;
    default: return a;
    }
}
#else
inline ST wn_pow_i(ST a, ST b)
{
#if !IS_UNSIGNED
    if (b < 0) return a == 1 ? (ST)1 : a == -1 ? ((b & 1) ? (ST)-1 : (ST)1) : (ST)0;
#endif
    UST r = 1, base = (UST)a, e = (UST)b;
    while (e) {
        if (e & 1) r *= base;
        base *= base;
        e >>= 1;
    }
    return AS_ST(r);
}

inline ST wn_binary_i(ST a, ST b, int op)
{
    switch (op) {
    case B_ADD: return AS_ST((UST)a + (UST)b);
    case B_SUB: return AS_ST((UST)a - (UST)b);
    case B_MUL: return AS_ST((UST)a * (UST)b);
    case B_DIV:
        if (b == 0) return 0; /* the reference's choice; the spec leaves it open */
#if !IS_UNSIGNED
        if (b == -1) return AS_ST((UST)0 - (UST)a); /* wraps at the minimum, no trap */
#endif
        return a / b;
    case B_MAX: return a > b ? a : b;
    case B_MIN: return a < b ? a : b;
    case B_POW: return wn_pow_i(a, b);
    case B_PRELU: return a < 0 ? AS_ST((UST)a * (UST)b) : a;
    case B_AND: return a != 0 && b != 0;
    case B_OR: return a != 0 || b != 0;
    case B_XOR: return (a != 0) != (b != 0);
    default: return a;
    }
}
#endif

/* m: rank, output dims[rank], a strides[rank], b strides[rank] (0 on broadcast axes). */
__kernel void wn_binary(__global ST *out, __global const ST *a, __global const ST *b, __global const int *m,
                        uint n, int op)
{
    uint i = get_global_id(0);
    if (i >= n) return;
    int r = m[0];
    uint ia = wn_offset(i, r, m + 1, m + 1 + r), ib = wn_offset(i, r, m + 1, m + 1 + 2 * r);
#if IS_FLOAT
    SV(out, i, wn_binary_f((UT)LD(a, ia), (UT)LD(b, ib), op));
#else
    out[i] = wn_binary_i(a[ia], b[ib], op);
#endif
}

/* Comparisons (and isNaN / isInfinite, which ignore b): uint8 0 or 1. */
__kernel void wn_compare(__global uchar *out, __global const ST *a, __global const ST *b, __global const int *m,
                         uint n, int op)
{
    uint i = get_global_id(0);
    if (i >= n) return;
    int r = m[0];
    uint ia = wn_offset(i, r, m + 1, m + 1 + r), ib = wn_offset(i, r, m + 1, m + 1 + 2 * r);
    CT x = LD(a, ia), y = op >= C_ISNAN ? x : LD(b, ib);
    int v;
    switch (op) {
    case C_EQUAL: v = x == y; break;
    case C_NOTEQUAL: v = x != y; break;
    case C_GREATER: v = x > y; break;
    case C_GREATEREQ: v = x >= y; break;
    case C_LESSER: v = x < y; break;
    case C_LESSEREQ: v = x <= y; break;
#if IS_FLOAT
    case C_ISNAN: v = isnan(x); break;
    case C_ISINF: v = isinf(x); break;
#endif
    default: v = 0;
    }
    out[i] = (uchar)(v != 0);
}

/* where: m: rank, output dims, condition / trueValue / falseValue strides. */
__kernel void wn_where(__global MT *out, __global const uchar *cond, __global const MT *a, __global const MT *b,
                       __global const int *m, uint n)
{
    uint i = get_global_id(0);
    if (i >= n) return;
    int r = m[0];
    uint ic = wn_offset(i, r, m + 1, m + 1 + r);
    out[i] = cond[ic] ? a[wn_offset(i, r, m + 1, m + 1 + 2 * r)] : b[wn_offset(i, r, m + 1, m + 1 + 3 * r)];
}
