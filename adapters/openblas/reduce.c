/* reduce.c — argMin, argMax (float input) and reduceL1, reduceL2, reduceLogSum, reduceLogSumExp, reduceMax, reduceMean,
 * reduceMin, reduceProduct, reduceSum, reduceSumSquare in the OpenBLAS adapter.
 *
 * The input is walked once in memory order. At prepare, dims of extent 1 are dropped and
 * neighbouring dims that are both reduced or both kept are merged, so the innermost dim is
 * either reduced (each row folds into one accumulator: a flat loop) or kept (each row folds
 * element-wise into a row of accumulators: a vectorizable loop over contiguous data).
 * Accumulators are double, filled in row-major order like the reference, and rounded to
 * float32 once: a float32 running sum could cancel to a small result many ULP off, and the
 * tolerance is counted in ULP of the result. Empty axes reduce nothing: each output is the
 * op applied to one element (reduceSum(x) = x, reduceL2(x) = |x|, ...), as the reference.
 *
 * Speed: the sums over a contiguous row are SIMD reductions (several double partial sums:
 * a different order than the reference's, far inside the N-ULP bounds since each partial sum
 * is double); reduceLogSumExp's exp is glibc's libmvec vector exp. The two common shapes run
 * on the adapter's thread pool (par.c) when big: [kept, reduced] (one output per row: blocks
 * of rows) and [reduced, kept] (bands of columns). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "obl.h"
#include "par.h"

/* glibc declares its libmvec variants only under -ffast-math (not usable here: NaN and Inf
 * are tested); declaring exp a SIMD function lets gcc call them. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((simd("notinbranch"))) double exp(double);
#endif

enum reduce_kind { R_SUM, R_L1, R_SUMSQ, R_L2, R_MEAN, R_LOGSUM, R_PROD, R_MAX, R_MIN, R_LSE };

typedef struct reduce_plan {
    uint32_t rank;                 /* >= 1 */
    size_t dims[WNA_MAX_RANK];     /* input extents after merging */
    int reduced[WNA_MAX_RANK];
    size_t ostride[WNA_MAX_RANK];  /* output element stride per dim, 0 for reduced dims */
    size_t in_count, out_count;
} reduce_plan;

typedef struct reduce_state {
    int kind;
    const char *op;
    uint32_t in, out;
    reduce_plan plan;
    double *acc, *aux; /* out_count accumulators (aux: reduceLogSumExp's maxima) */
} reduce_state;

static int plan_reduce(const wna_desc *in, const int *reduced_dim, reduce_plan *p)
{
    p->rank = 0;
    p->in_count = 1;
    for (uint32_t d = 0; d < in->rank; d++) {
        size_t n = in->dims[d];
        p->in_count *= n;
        if (n == 1) continue;
        if (p->rank > 0 && p->reduced[p->rank - 1] == reduced_dim[d]) {
            p->dims[p->rank - 1] *= n;
            continue;
        }
        p->dims[p->rank] = n;
        p->reduced[p->rank] = reduced_dim[d];
        p->rank++;
    }
    if (p->rank == 0) { /* a single element */
        p->rank = 1;
        p->dims[0] = 1;
        p->reduced[0] = 0;
    }
    size_t s = 1;
    for (uint32_t d = p->rank; d-- > 0;) {
        p->ostride[d] = p->reduced[d] ? 0 : s;
        if (!p->reduced[d]) s *= p->dims[d];
    }
    p->out_count = s;
    return 0;
}

/* ---- folds: one row of n inputs into the accumulators ---- */

/* -0 orders below +0 (reference/DEVIATIONS.md); NaN is handled by the callers. */
static inline int greater_d(double a, double b) { return a > b || (a == b && signbit(b) && !signbit(a)); }

/* innermost dim reduced: the row folds into one accumulator */
static double fold_flat(int kind, double acc, double aux, const float *x, size_t n)
{
    switch (kind) {
    case R_SUM:
    case R_MEAN:
    case R_LOGSUM:
#pragma omp simd reduction(+ : acc)
        for (size_t i = 0; i < n; i++) acc += x[i];
        break;
    case R_L1:
#pragma omp simd reduction(+ : acc)
        for (size_t i = 0; i < n; i++) acc += fabs((double)x[i]);
        break;
    case R_SUMSQ:
    case R_L2:
#pragma omp simd reduction(+ : acc)
        for (size_t i = 0; i < n; i++) acc += (double)x[i] * x[i];
        break;
    case R_PROD: /* in order: a reordered product could underflow or overflow differently */
        for (size_t i = 0; i < n; i++) acc *= x[i];
        break;
    case R_MAX:
    case R_LSE: /* pass 1: the maximum; NaN sticks (v > NaN is false) */
        for (size_t i = 0; i < n; i++)
            if (isnan(x[i]) || greater_d(x[i], acc)) acc = x[i];
        break;
    case R_MIN:
        for (size_t i = 0; i < n; i++)
            if (isnan(x[i]) || greater_d(acc, x[i])) acc = x[i];
        break;
    }
    (void)aux;
    return acc;
}

/* innermost dim kept: the row folds element-wise into n accumulators */
static void fold_rows(int kind, double *acc, const float *x, size_t n)
{
    switch (kind) {
    case R_SUM:
    case R_MEAN:
    case R_LOGSUM:
        for (size_t i = 0; i < n; i++) acc[i] += x[i];
        break;
    case R_L1:
        for (size_t i = 0; i < n; i++) acc[i] += fabs((double)x[i]);
        break;
    case R_SUMSQ:
    case R_L2:
        for (size_t i = 0; i < n; i++) acc[i] += (double)x[i] * x[i];
        break;
    case R_PROD:
        for (size_t i = 0; i < n; i++) acc[i] *= x[i];
        break;
    case R_MAX:
    case R_LSE:
        for (size_t i = 0; i < n; i++)
            if (isnan(x[i]) || greater_d(x[i], acc[i])) acc[i] = x[i];
        break;
    case R_MIN:
        for (size_t i = 0; i < n; i++)
            if (isnan(x[i]) || greater_d(acc[i], x[i])) acc[i] = x[i];
        break;
    }
}

/* reduceLogSumExp pass 2: sum of exp(x - m) with m the line's maximum (finite: infinite or
 * NaN maxima are the result themselves and their sums are ignored). */
static double fold_flat_exp(double acc, double m, const float *x, size_t n)
{
#pragma omp simd reduction(+ : acc)
    for (size_t i = 0; i < n; i++) acc += exp(x[i] - m);
    return acc;
}
static void fold_rows_exp(double *acc, const double *m, const float *x, size_t n)
{
    for (size_t i = 0; i < n; i++) acc[i] += exp(x[i] - m[i]);
}

/* The two shapes walked in parallel: [kept, reduced] (rows) and [reduced, kept] (columns). */
typedef struct walk_job {
    const reduce_plan *p;
    int kind;
    const float *x;
    double *acc;
    const double *m;
    size_t per_task; /* rows, or columns, per task */
} walk_job;

static void rows_task(void *ctx, size_t k)
{
    const walk_job *j = ctx;
    size_t n = j->p->dims[1], rows = j->p->dims[0];
    size_t r0 = k * j->per_task, r1 = rows - r0 < j->per_task ? rows : r0 + j->per_task;
    for (size_t r = r0; r < r1; r++) {
        const float *row = j->x + r * n;
        j->acc[r] = j->m ? fold_flat_exp(j->acc[r], j->m[r], row, n) : fold_flat(j->kind, j->acc[r], 0, row, n);
    }
}

static void columns_task(void *ctx, size_t k)
{
    const walk_job *j = ctx;
    size_t n = j->p->dims[1], rows = j->p->dims[0];
    size_t c0 = k * j->per_task, w = n - c0 < j->per_task ? n - c0 : j->per_task;
    for (size_t r = 0; r < rows; r++) {
        if (j->m) fold_rows_exp(j->acc + c0, j->m + c0, j->x + r * n + c0, w);
        else fold_rows(j->kind, j->acc + c0, j->x + r * n + c0, w);
    }
}

/* Walks the input in memory order; pass 2 of reduceLogSumExp when m != NULL. */
static void walk(const reduce_plan *p, int kind, const float *x, double *acc, const double *m)
{
    uint32_t inner = p->rank - 1;
    size_t n = p->dims[inner], rows = p->in_count / n;
    if (p->rank == 2) {
        walk_job job = {p, kind, x, acc, m, 0};
        if (p->reduced[1]) { /* row r gives output r */
            job.per_task = n >= OBL_CHUNK ? 1 : OBL_CHUNK / n;
            obl_parallel_for(obl_tasks(rows, job.per_task), p->in_count, rows_task, &job);
        } else {
            job.per_task = OBL_COLUMNS;
            obl_parallel_for(obl_tasks(n, job.per_task), p->in_count, columns_task, &job);
        }
        return;
    }
    size_t idx[WNA_MAX_RANK] = {0};
    size_t o = 0;
    for (size_t r = 0; r < rows; r++) {
        const float *row = x + r * n;
        if (p->reduced[inner]) {
            acc[o] = m ? fold_flat_exp(acc[o], m[o], row, n) : fold_flat(kind, acc[o], 0, row, n);
        } else {
            if (m) fold_rows_exp(acc + o, m + o, row, n);
            else fold_rows(kind, acc + o, row, n);
        }
        for (uint32_t d = inner; d-- > 0;) {
            o += p->ostride[d];
            if (++idx[d] < p->dims[d]) break;
            o -= p->ostride[d] * p->dims[d];
            idx[d] = 0;
        }
    }
}

static double initial_value(int kind)
{
    switch (kind) {
    case R_PROD: return 1.0;
    case R_MAX:
    case R_LSE: return -INFINITY;
    case R_MIN: return INFINITY;
    default: return 0.0;
    }
}

static int reduce_run(const void *state, obl_value *values, wna_error *err)
{
    const reduce_state *s = state;
    const obl_value *vi = &values[s->in];
    obl_value *vo = &values[s->out];
    if (!vi->f || !vo->f) return obl_fail(err, WNA_OPERATION_ERROR, "%s: operands must be float", s->op);
    const reduce_plan *p = &s->plan;
    size_t n_out = p->out_count;
    double init = initial_value(s->kind);
    for (size_t i = 0; i < n_out; i++) s->acc[i] = init;
    walk(p, s->kind, vi->f, s->acc, NULL);
    if (s->kind == R_LSE) {
        for (size_t i = 0; i < n_out; i++) s->aux[i] = 0;
        walk(p, s->kind, vi->f, s->aux, s->acc);
    }
    double n_red = (double)(p->in_count / n_out);
    float *y = vo->f;
    for (size_t i = 0; i < n_out; i++) {
        double a = s->acc[i];
        switch (s->kind) {
        case R_L2: a = sqrt(a); break;
        case R_MEAN: a = a / n_red; break;
        case R_LOGSUM: a = log(a); break;
        case R_LSE: a = isinf(a) || isnan(a) ? a : a + log(s->aux[i]); break;
        default: break;
        }
        y[i] = (float)a;
    }
    return 0;
}

static const struct {
    const char *op;
    int kind;
} reduce_ops[] = {
    {"reduceL1", R_L1},         {"reduceL2", R_L2},     {"reduceLogSum", R_LOGSUM}, {"reduceLogSumExp", R_LSE},
    {"reduceMax", R_MAX},       {"reduceMean", R_MEAN}, {"reduceMin", R_MIN},       {"reduceProduct", R_PROD},
    {"reduceSum", R_SUM},       {"reduceSumSquare", R_SUMSQ},
};

static void reduce_release(void *state)
{
    reduce_state *s = state;
    if (!s) return;
    free(s->acc);
    free(s->aux);
    free(s);
}

static int reduce_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    int kind = -1;
    const char *name = NULL; /* static: op->op lives only during build */
    for (size_t i = 0; i < sizeof reduce_ops / sizeof reduce_ops[0]; i++)
        if (strcmp(reduce_ops[i].op, op->op) == 0) {
            kind = reduce_ops[i].kind;
            name = reduce_ops[i].op;
        }
    if (kind < 0) return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: not a reduction", op->op);
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "%s: missing operand", op->op);
    const wna_desc *d = &bld->values[in].desc;
    int reduced[WNA_MAX_RANK] = {0};
    int64_t axes[WNA_MAX_RANK + 1];
    int n_axes = obl_arg_ints(op, "axes", axes, WNA_MAX_RANK + 1);
    if (n_axes < 0) { /* absent: every dim */
        if (obl_arg(op, "axes")) return obl_fail(err, WNA_OPERATION_ERROR, "%s: too many axes", op->op);
        for (uint32_t a = 0; a < d->rank; a++) reduced[a] = 1;
    } else {
        for (int k = 0; k < n_axes; k++) {
            if (axes[k] < 0 || axes[k] >= (int64_t)d->rank || reduced[axes[k]])
                return obl_fail(err, WNA_OPERATION_ERROR, "%s: invalid axes", op->op);
            reduced[axes[k]] = 1;
        }
    }
    reduce_state *s = calloc(1, sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "%s: out of memory", op->op);
    s->kind = kind;
    s->op = name;
    s->in = (uint32_t)in;
    s->out = op->outputs[0];
    plan_reduce(d, reduced, &s->plan);
    if (s->plan.out_count != bld->values[s->out].count) {
        reduce_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: output element count mismatch", op->op);
    }
    s->acc = malloc(s->plan.out_count * sizeof *s->acc);
    if (kind == R_LSE) s->aux = malloc(s->plan.out_count * sizeof *s->aux);
    if (!s->acc || (kind == R_LSE && !s->aux)) {
        reduce_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: out of memory", op->op);
    }
    *state = s;
    return 0;
}

/* ---- argMin / argMax: float input, int32 or int64 index output ---- */

/* The input viewed as [outer, len, inner] around the axis; per output the index along the
 * axis of the first extreme value. Ties keep the first index (-0 and +0 tie); NaN counts as
 * the extreme and the first NaN wins (reference/DEVIATIONS.md). */
typedef struct arg_state {
    uint32_t in, out;
    int want_max;
    size_t outer, len, inner;
    float *best;      /* inner running extremes (scratch) */
    uint32_t *index;  /* inner running indices (scratch) */
} arg_state;

static inline int beats(float a, float b, int want_max)
{
    if (isnan(b)) return 0;
    if (isnan(a)) return 1;
    return want_max ? a > b : a < b;
}

static void arg_release(void *state)
{
    arg_state *s = state;
    if (!s) return;
    free(s->best);
    free(s->index);
    free(s);
}

static int arg_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "%s: missing operand", op->op);
    const wna_desc *d = &bld->values[in].desc;
    const obl_value *vo = &bld->values[op->outputs[0]];
    int64_t axis = obl_arg_int(op, "axis", -1);
    if (axis < 0 || axis >= (int64_t)d->rank) return obl_fail(err, WNA_OPERATION_ERROR, "%s: invalid axis", op->op);
    if (vo->desc.dtype != WNA_INT32 && vo->desc.dtype != WNA_INT64)
        return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: output must be int32 or int64", op->op);
    arg_state *s = calloc(1, sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "%s: out of memory", op->op);
    s->in = (uint32_t)in;
    s->out = op->outputs[0];
    s->want_max = strcmp(op->op, "argMax") == 0;
    obl_axis_split(d, (uint32_t)axis, &s->outer, &s->len, &s->inner);
    s->best = malloc(s->inner * sizeof *s->best);
    s->index = malloc(s->inner * sizeof *s->index);
    if (!s->best || !s->index || s->outer * s->inner != vo->count) {
        int oom = !s->best || !s->index;
        arg_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: %s", op->op, oom ? "out of memory" : "output element count mismatch");
    }
    *state = s;
    return 0;
}

static int arg_run(const void *state, obl_value *values, wna_error *err)
{
    const arg_state *s = state;
    const float *x = values[s->in].f;
    obl_value *vo = &values[s->out];
    if (!x || !vo->raw) return obl_fail(err, WNA_OPERATION_ERROR, "argMin/argMax: unexpected operand storage");
    int wide = vo->desc.dtype == WNA_INT64;
    for (size_t o = 0; o < s->outer; o++) {
        const float *block = x + o * s->len * s->inner;
        for (size_t j = 0; j < s->inner; j++) {
            s->best[j] = block[j];
            s->index[j] = 0;
        }
        for (size_t k = 1; k < s->len; k++) {
            const float *row = block + k * s->inner;
            for (size_t j = 0; j < s->inner; j++)
                if (beats(row[j], s->best[j], s->want_max)) {
                    s->best[j] = row[j];
                    s->index[j] = (uint32_t)k;
                }
        }
        for (size_t j = 0; j < s->inner; j++) {
            if (wide) ((int64_t *)vo->raw)[o * s->inner + j] = s->index[j];
            else ((int32_t *)vo->raw)[o * s->inner + j] = (int32_t)s->index[j];
        }
    }
    return 0;
}

/* ---- the kernel table ---- */

static const wna_operand_limits reduce_limits[] = {
    {"input", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"output", OBL_FLOATS, 0, WNA_MAX_RANK},
};

static const wna_operand_limits arg_limits[] = {
    {"input", OBL_FLOATS, 1, WNA_MAX_RANK},
    {"output", (1u << WNA_INT32) | (1u << WNA_INT64), 0, WNA_MAX_RANK},
};

#define REDUCE(NAME) {NAME, reduce_limits, 2, reduce_prepare, reduce_run, reduce_release}

static const obl_kernel kernels[] = {
    REDUCE("reduceL1"),   REDUCE("reduceL2"),   REDUCE("reduceLogSum"),  REDUCE("reduceLogSumExp"),
    REDUCE("reduceMax"),  REDUCE("reduceMean"), REDUCE("reduceMin"),     REDUCE("reduceProduct"),
    REDUCE("reduceSum"),  REDUCE("reduceSumSquare"),
    {"argMin", arg_limits, 2, arg_prepare, arg_run, arg_release},
    {"argMax", arg_limits, 2, arg_prepare, arg_run, arg_release},
};

const obl_kernel_set obl_set_reduce = {kernels, sizeof kernels / sizeof kernels[0]};
