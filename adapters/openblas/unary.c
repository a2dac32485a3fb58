/* unary.c — element-wise ops of one operand in the OpenBLAS adapter: the math functions
 * (abs ... tan), the activations (clamp, elu, gelu, hardSigmoid, hardSwish, leakyRelu, linear,
 * relu, sigmoid, softplus, softsign, tanh; prelu lives in binary.c with the broadcasting ops)
 * and isNaN / isInfinite (uint8 output).
 *
 * One tight loop per op over the contiguous float32 view. Most ops run in float32 math;
 * a few are evaluated in double because the float32 formula cannot meet the tolerance of
 * vectors/tolerance.json everywhere:
 *   - gelu: erfc(-x/sqrt2) at large negative x amplifies the rounding of x/sqrt2 by ~x^2
 *     (about 100 ULP at x = -10, bound 18);
 *   - hardSigmoid, linear, hardSwish: alpha*x + beta cancels near the result 0, where the
 *     float32 rounding of alpha*x is many ULP of the small result (bounds 2 and 4);
 *   - tan: near its poles the result is large and the ATOL bound 2**-10 is below one float32
 *     ULP, so only a correctly rounded result passes: tan in double, rounded once;
 *   - tanh, erf: glibc 2.36's double versions are faster than tanhf/erff (measured: 20 vs
 *     23 ms and 21 vs 27 ms per 1M elements) and round once, like the reference.
 * Options (alpha, beta, clamp bounds) are first cast to the input's data type, as the spec's
 * builder steps do (alpha 0.2 is 0.199951171875 for float16).
 *
 * Speed: the loops are branch-free where the spec's NaN/-0 rules allow (relu, leakyRelu, prelu
 * select with one compare), so gcc -O3 vectorizes them; exp and sigmoid call glibc's libmvec
 * vector expf (about 1 ULP, against the 32 and 34 ULP bounds) and have an avx2 clone; a big
 * tensor is split into chunks that the adapter's thread pool (par.c) maps in parallel. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "obl.h"
#include "par.h"

/* glibc declares its libmvec vector variants only under -ffast-math (which this adapter must
 * not use: NaN and Inf are tested); declaring expf a SIMD function lets gcc call them. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((simd("notinbranch"))) float expf(float);
#endif

/* The spec's cast of an option to the input's type: float32 rounds to nearest even, float16
 * rounds the double once to binary16 (not through float32, which could round twice). */
static float cast_option(double v, int32_t dtype)
{
    if (dtype != WNA_FLOAT16 || !isfinite(v) || v == 0) return (float)v;
    if (fabs(v) >= 65520.0) return (float)copysign(INFINITY, v); /* halfway to 2^16 rounds up */
    int e = ilogb(v);
    if (e < -14) e = -14; /* subnormal binary16: fixed quantum 2^-24 */
    double quantum = ldexp(1.0, e - 10);
    return (float)(nearbyint(v / quantum) * quantum); /* v/quantum is exact */
}

/* max(0, x) and min(0, x) as the spec's expressions use them; NaN passes through (the compare
 * is false for NaN) and -0 gives +0, as the reference. One compare and a select: vectorizable. */
static inline float max0(float x) { return x <= 0 ? 0.0f : x; }
static inline float min0(float x) { return x >= 0 ? 0.0f : x; }

/* A loop over n elements; p holds the op's cast options. */
typedef void (*map_fn)(const float *x, void *y, size_t n, const float *p);

#define MAP_FN_ATTR(NAME, EXPR, ATTR)                                                              \
    ATTR static void NAME##_map(const float *restrict xs, void *ys, size_t n, const float *p)      \
    {                                                                                              \
        float *restrict y = ys;                                                                    \
        (void)p;                                                                                   \
        for (size_t i = 0; i < n; i++) {                                                           \
            float x = xs[i];                                                                       \
            y[i] = (EXPR);                                                                         \
        }                                                                                          \
    }
#define MAP_FN(NAME, EXPR) MAP_FN_ATTR(NAME, EXPR, )

/* sign: 1 if > 0, -1 if < 0, else 0 (so sign(NaN) = 0 and sign(-0) = +0, as the reference). */
static inline float sign_f(float x) { return x > 0 ? 1.0f : x < 0 ? -1.0f : 0.0f; }

/* gelu(-Inf) is its limit -0 (the formula gives -Inf * 0 = NaN; reference/DEVIATIONS.md). */
static inline float gelu_f(float x)
{
    if (isinf(x) && x < 0) return -0.0f;
    double d = x;
    return (float)(0.5 * d * erfc(-d / sqrt(2.0)));
}

/* hardSwish: x * min(6, max(0, x + 3)) / 6; for x <= -3 the limit -0 (also at -Inf). */
static inline float hard_swish_f(float x)
{
    if (isnan(x)) return x;
    if (x <= -3) return -0.0f;
    double d = x, g = d + 3 > 6 ? 6.0 : d + 3;
    return (float)(d * g / 6);
}

/* hardSigmoid: max(0, min(1, alpha * x + beta)), NaN passing through. */
static inline float hard_sigmoid_f(float x, const float *p)
{
    double v = (double)p[0] * x + p[1];
    if (isnan(v)) return (float)v;
    return v < 0 ? 0.0f : v > 1 ? 1.0f : (float)v;
}

/* softplus: ln(1 + e^x) as max(0, x) + log1p(e^-|x|), without overflow (reference). */
static inline float softplus_f(float x)
{
    if (isnan(x)) return x;
    return max0(x) + log1pf(expf(-fabsf(x)));
}

/* softsign: x / (1 + |x|), with the limits +-1 at +-Inf (reference/DEVIATIONS.md). */
static inline float softsign_f(float x)
{
    if (isinf(x)) return x > 0 ? 1.0f : -1.0f;
    return x / (1.0f + fabsf(x));
}

MAP_FN(abs, fabsf(x))
MAP_FN(ceil, ceilf(x))
MAP_FN(cos, cosf(x))
MAP_FN(erf, (float)erf((double)x)) /* glibc erf in double is faster than erff here */
MAP_FN_ATTR(exp, expf(x), HOT_CLONES)
MAP_FN(floor, floorf(x))
MAP_FN(log, logf(x))
MAP_FN(neg, -x)
MAP_FN(reciprocal, 1.0f / x)
MAP_FN(round_even, nearbyintf(x)) /* the default rounding mode: ties to even, keeps -0 */
MAP_FN(sin, sinf(x))
MAP_FN(sign, sign_f(x))
MAP_FN(sqrt, sqrtf(x))
MAP_FN(tan, (float)tan((double)x))
/* clamp: p[0], p[1] are the cast bounds, -Inf / +Inf when absent; a NaN bound compares false
 * and clamps nothing, a NaN input stays NaN (reference/DEVIATIONS.md). */
MAP_FN(clamp, x < p[0] ? p[0] : x > p[1] ? p[1] : x)
MAP_FN(elu, max0(x) + p[0] * expm1f(min0(x)))
MAP_FN(gelu, gelu_f(x))
MAP_FN(hard_sigmoid, hard_sigmoid_f(x, p))
MAP_FN(hard_swish, hard_swish_f(x))
MAP_FN(leaky_relu, max0(x) + p[0] * min0(x))
MAP_FN(linear, (float)((double)p[0] * x + p[1]))
MAP_FN(relu, max0(x))
MAP_FN_ATTR(sigmoid, 1.0f / (expf(-x) + 1.0f), HOT_CLONES)
MAP_FN(softplus, softplus_f(x))
MAP_FN(softsign, softsign_f(x))
MAP_FN(tanh, (float)tanh((double)x)) /* faster than tanhf in glibc 2.36, and rounded once */

static void identity_map(const float *x, void *y, size_t n, const float *p)
{
    (void)p;
    if (n) memcpy(y, x, n * sizeof *x);
}

static void is_nan_map(const float *x, void *ys, size_t n, const float *p)
{
    uint8_t *y = ys;
    (void)p;
    for (size_t i = 0; i < n; i++) y[i] = (uint8_t)(x[i] != x[i]);
}

static void is_inf_map(const float *x, void *ys, size_t n, const float *p)
{
    uint8_t *y = ys;
    (void)p;
    for (size_t i = 0; i < n; i++) y[i] = (uint8_t)(fabsf(x[i]) == INFINITY);
}

/* ---- options ---- */

/* Which options an op reads into p[0], p[1] (already cast to the input type). */
enum { OPT_NONE, OPT_ALPHA, OPT_ALPHA_BETA, OPT_CLAMP };

typedef struct unary_op {
    const char *op;
    map_fn fn;
    int options;
    double alpha, beta; /* spec defaults */
    int u8_output;      /* isNaN / isInfinite */
} unary_op;

static const unary_op unary_ops[] = {
    {"abs", abs_map, OPT_NONE, 0, 0, 0},
    {"ceil", ceil_map, OPT_NONE, 0, 0, 0},
    {"cos", cos_map, OPT_NONE, 0, 0, 0},
    {"erf", erf_map, OPT_NONE, 0, 0, 0},
    {"exp", exp_map, OPT_NONE, 0, 0, 0},
    {"floor", floor_map, OPT_NONE, 0, 0, 0},
    {"identity", identity_map, OPT_NONE, 0, 0, 0},
    {"log", log_map, OPT_NONE, 0, 0, 0},
    {"neg", neg_map, OPT_NONE, 0, 0, 0},
    {"reciprocal", reciprocal_map, OPT_NONE, 0, 0, 0},
    {"roundEven", round_even_map, OPT_NONE, 0, 0, 0},
    {"sin", sin_map, OPT_NONE, 0, 0, 0},
    {"sign", sign_map, OPT_NONE, 0, 0, 0},
    {"sqrt", sqrt_map, OPT_NONE, 0, 0, 0},
    {"tan", tan_map, OPT_NONE, 0, 0, 0},
    {"clamp", clamp_map, OPT_CLAMP, 0, 0, 0},
    {"elu", elu_map, OPT_ALPHA, 1.0, 0, 0},
    {"gelu", gelu_map, OPT_NONE, 0, 0, 0},
    {"hardSigmoid", hard_sigmoid_map, OPT_ALPHA_BETA, 0.2, 0.5, 0},
    {"hardSwish", hard_swish_map, OPT_NONE, 0, 0, 0},
    {"leakyRelu", leaky_relu_map, OPT_ALPHA, 0.01, 0, 0},
    {"linear", linear_map, OPT_ALPHA_BETA, 1.0, 0.0, 0},
    {"relu", relu_map, OPT_NONE, 0, 0, 0},
    {"sigmoid", sigmoid_map, OPT_NONE, 0, 0, 0},
    {"softplus", softplus_map, OPT_NONE, 0, 0, 0},
    {"softsign", softsign_map, OPT_NONE, 0, 0, 0},
    {"tanh", tanh_map, OPT_NONE, 0, 0, 0},
    {"isNaN", is_nan_map, OPT_NONE, 0, 0, 1},
    {"isInfinite", is_inf_map, OPT_NONE, 0, 0, 1},
};
#define N_UNARY_OPS (sizeof unary_ops / sizeof unary_ops[0])

typedef struct unary_state {
    const unary_op *op;
    uint32_t in, out;
    float p[2];
} unary_state;

static int unary_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    const unary_op *uop = NULL;
    for (size_t i = 0; i < N_UNARY_OPS && !uop; i++)
        if (strcmp(unary_ops[i].op, op->op) == 0) uop = &unary_ops[i];
    if (!uop) return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: not a unary op", op->op);
    int64_t in = obl_arg_operand(op, uop->u8_output ? "a" : "input");
    if (in < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "%s: missing operand", op->op);
    const obl_value *vi = &bld->values[in], *vo = &bld->values[op->outputs[0]];
    if (vi->count != vo->count)
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: output element count mismatch", op->op);
    unary_state *s = malloc(sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "%s: out of memory", op->op);
    s->op = uop;
    s->in = (uint32_t)in;
    s->out = op->outputs[0];
    int32_t t = vi->desc.dtype;
    switch (uop->options) {
    case OPT_ALPHA:
    case OPT_ALPHA_BETA:
        s->p[0] = cast_option(obl_arg_double(op, "alpha", uop->alpha), t);
        s->p[1] = cast_option(obl_arg_double(op, "beta", uop->beta), t);
        break;
    case OPT_CLAMP: /* an absent bound clamps nothing (reference/DEVIATIONS.md) */
        s->p[0] = obl_arg(op, "minValue") ? cast_option(obl_arg_double(op, "minValue", 0), t) : -INFINITY;
        s->p[1] = obl_arg(op, "maxValue") ? cast_option(obl_arg_double(op, "maxValue", 0), t) : INFINITY;
        break;
    default:
        s->p[0] = s->p[1] = 0;
    }
    *state = s;
    return 0;
}

/* One chunk of a unary map (a task of obl_parallel_for). */
typedef struct map_job {
    map_fn fn;
    const float *x, *p;
    char *y;
    size_t n, out_size;
} map_job;

static void map_chunk(void *ctx, size_t c)
{
    const map_job *j = ctx;
    size_t first = c * OBL_CHUNK, len = j->n - first < OBL_CHUNK ? j->n - first : OBL_CHUNK;
    j->fn(j->x + first, j->y + first * j->out_size, len, j->p);
}

static int unary_run(const void *state, obl_value *values, wna_error *err)
{
    const unary_state *s = state;
    const obl_value *vi = &values[s->in];
    obl_value *vo = &values[s->out];
    void *y = s->op->u8_output ? vo->raw : (void *)vo->f;
    if (!vi->f || !y || (s->op->u8_output && vo->desc.dtype != WNA_UINT8))
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: operand storage does not match the kernel", s->op->op);
    map_job job = {s->op->fn, vi->f, s->p, y, vo->count, s->op->u8_output ? 1 : sizeof(float)};
    obl_parallel_for(obl_tasks(job.n, OBL_CHUNK), job.n, map_chunk, &job);
    return 0;
}

/* ---- the kernel table ---- */

static const wna_operand_limits float_limits[] = {
    {"input", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"output", OBL_FLOATS, 0, WNA_MAX_RANK},
};
static const wna_operand_limits test_limits[] = {
    {"a", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"output", OBL_U8, 0, WNA_MAX_RANK},
};

#define UNARY(NAME) {NAME, float_limits, 2, unary_prepare, unary_run, NULL}

static const obl_kernel kernels[] = {
    UNARY("abs"),         UNARY("ceil"),      UNARY("cos"),        UNARY("erf"),
    UNARY("exp"),         UNARY("floor"),     UNARY("identity"),   UNARY("log"),
    UNARY("neg"),         UNARY("reciprocal"), UNARY("roundEven"), UNARY("sin"),
    UNARY("sign"),        UNARY("sqrt"),      UNARY("tan"),        UNARY("clamp"),
    UNARY("elu"),         UNARY("gelu"),      UNARY("hardSigmoid"), UNARY("hardSwish"),
    UNARY("leakyRelu"),   UNARY("linear"),    UNARY("relu"),       UNARY("sigmoid"),
    UNARY("softplus"),    UNARY("softsign"),  UNARY("tanh"),
    {"isNaN", test_limits, 2, unary_prepare, unary_run, NULL},
    {"isInfinite", test_limits, 2, unary_prepare, unary_run, NULL},
};

const obl_kernel_set obl_set_unary = {kernels, sizeof kernels / sizeof kernels[0]};
