/* softmax.c — softmax(input, axis) in the OpenBLAS adapter: exp(x - max) / sum(exp(x - max))
 * along one axis.
 *
 * The input is viewed as [outer, len, inner] around the axis. For the last axis (inner = 1)
 * each line is contiguous; otherwise each [len, inner] block is processed row by row, with a
 * row of maxima and a row of sums, so every loop runs over contiguous memory. exp(x - max) is
 * evaluated in double (x - max is exact there; in float32 its rounding error would be
 * amplified by exp), stored as float32 in the output, and divided by the double sum.
 * A NaN in a line, a +Inf, or a line of only -Inf makes the whole line NaN, as the spec's
 * emulation (and the reference) do: x - max is then NaN somewhere.
 *
 * Speed: the line loops are SIMD (max and sum as SIMD reductions, the NaN test a separate
 * flag; exp is glibc's libmvec vector exp, with an avx2 clone), and blocks of lines (last
 * axis) or bands of columns (other axes) run on the adapter's thread pool (par.c) when big. */
#include <math.h>
#include <stdlib.h>

#include "obl.h"
#include "par.h"

/* glibc declares its libmvec variants only under -ffast-math (not usable here: NaN and Inf
 * are tested); declaring exp a SIMD function lets gcc call them. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((simd("notinbranch"))) double exp(double);
#endif

typedef struct softmax_state {
    uint32_t in, out;
    size_t outer, len, inner;
    double *max, *sum; /* inner entries each (scratch) */
} softmax_state;

/* Last axis: one contiguous line of n. */
HOT_CLONES static void softmax_line(const float *restrict x, float *restrict y, size_t n)
{
    float mf = -INFINITY;
    int has_nan = 0;
#pragma omp simd reduction(max : mf) reduction(| : has_nan)
    for (size_t i = 0; i < n; i++) {
        mf = x[i] > mf ? x[i] : mf;
        has_nan |= x[i] != x[i];
    }
    double m = has_nan ? NAN : mf, sum = 0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < n; i++) {
        double e = exp(x[i] - m);
        y[i] = (float)e;
        sum += e;
    }
    for (size_t i = 0; i < n; i++) y[i] = (float)(y[i] / sum);
}

/* Inner axis: columns [c0, c1) of a block of len rows of `inner` contiguous elements. */
static void softmax_band(const float *x, float *y, size_t len, size_t inner, size_t c0, size_t c1, double *m,
                         double *sum)
{
    for (size_t j = c0; j < c1; j++) {
        m[j] = -INFINITY;
        sum[j] = 0;
    }
    for (size_t k = 0; k < len; k++) {
        const float *row = x + k * inner;
        for (size_t j = c0; j < c1; j++)
            if (isnan(row[j]) || row[j] > m[j]) m[j] = row[j];
    }
    for (size_t k = 0; k < len; k++) {
        const float *row = x + k * inner;
        float *out = y + k * inner;
        for (size_t j = c0; j < c1; j++) {
            double e = exp(row[j] - m[j]);
            out[j] = (float)e;
            sum[j] += e;
        }
    }
    for (size_t k = 0; k < len; k++) {
        float *out = y + k * inner;
        for (size_t j = c0; j < c1; j++) out[j] = (float)(out[j] / sum[j]);
    }
}

/* Blocks of lines (inner == 1), or bands of columns of block o (inner > 1). */
typedef struct softmax_job {
    const softmax_state *s;
    const float *x;
    float *y;
    size_t o;        /* bands: the block */
    size_t per_task; /* lines, or columns, per task */
} softmax_job;

static void lines_task(void *ctx, size_t k)
{
    const softmax_job *j = ctx;
    size_t len = j->s->len, o0 = k * j->per_task;
    size_t o1 = j->s->outer - o0 < j->per_task ? j->s->outer : o0 + j->per_task;
    for (size_t o = o0; o < o1; o++) softmax_line(j->x + o * len, j->y + o * len, len);
}

static void band_task(void *ctx, size_t k)
{
    const softmax_job *j = ctx;
    const softmax_state *s = j->s;
    size_t block = s->len * s->inner, c0 = k * j->per_task;
    size_t c1 = s->inner - c0 < j->per_task ? s->inner : c0 + j->per_task;
    softmax_band(j->x + j->o * block, j->y + j->o * block, s->len, s->inner, c0, c1, s->max, s->sum);
}

static int softmax_run(const void *state, obl_value *values, wna_error *err)
{
    const softmax_state *s = state;
    const float *x = values[s->in].f;
    float *y = values[s->out].f;
    if (!x || !y) return obl_fail(err, WNA_OPERATION_ERROR, "softmax: operands must be float");
    size_t block = s->len * s->inner;
    softmax_job job = {s, x, y, 0, 0};
    if (s->inner == 1) {
        job.per_task = s->len >= OBL_CHUNK ? 1 : OBL_CHUNK / s->len;
        obl_parallel_for(obl_tasks(s->outer, job.per_task), s->outer * block, lines_task, &job);
        return 0;
    }
    job.per_task = OBL_COLUMNS;
    for (job.o = 0; job.o < s->outer; job.o++)
        obl_parallel_for(obl_tasks(s->inner, job.per_task), block, band_task, &job);
    return 0;
}

static void softmax_release(void *state)
{
    softmax_state *s = state;
    if (!s) return;
    free(s->max);
    free(s->sum);
    free(s);
}

static int softmax_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "softmax: missing operand");
    const wna_desc *d = &bld->values[in].desc;
    int64_t axis = obl_arg_int(op, "axis", -1);
    if (axis < 0 || axis >= (int64_t)d->rank) return obl_fail(err, WNA_OPERATION_ERROR, "softmax: invalid axis");
    if (bld->values[op->outputs[0]].count != bld->values[in].count)
        return obl_fail(err, WNA_OPERATION_ERROR, "softmax: output element count mismatch");
    softmax_state *s = calloc(1, sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "softmax: out of memory");
    s->in = (uint32_t)in;
    s->out = op->outputs[0];
    obl_axis_split(d, (uint32_t)axis, &s->outer, &s->len, &s->inner);
    if (s->inner > 1) {
        s->max = malloc(s->inner * sizeof *s->max);
        s->sum = malloc(s->inner * sizeof *s->sum);
        if (!s->max || !s->sum) {
            softmax_release(s);
            return obl_fail(err, WNA_OPERATION_ERROR, "softmax: out of memory");
        }
    }
    *state = s;
    return 0;
}

static const wna_operand_limits softmax_limits[] = {
    {"input", OBL_FLOATS, 1, WNA_MAX_RANK},
    {"output", OBL_FLOATS, 1, WNA_MAX_RANK},
};

static const obl_kernel kernels[] = {
    {"softmax", softmax_limits, 2, softmax_prepare, softmax_run, softmax_release},
};

const obl_kernel_set obl_set_softmax = {kernels, 1};
