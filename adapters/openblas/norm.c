/* norm.c — batchNormalization, instanceNormalization, layerNormalization in the OpenBLAS
 * adapter:  output = scale * (input - mean) / sqrt(variance + epsilon) + bias.
 *
 * Every element belongs to a group (the elements sharing one mean and variance: a channel
 * for batchNormalization, an (n, c) pair for instanceNormalization, the coordinates outside
 * `axes` for layerNormalization) and to a parameter slot (the index into scale and bias).
 * At prepare each input dim gets a group stride and a parameter stride (0 where the index
 * does not move); dims of extent 1 are dropped and neighbours that step both indexes evenly
 * are merged, so the walk is an outer odometer and an innermost contiguous run whose group
 * and parameter indexes are each fixed or advancing (specialised loops).
 * Means and the population variance (two passes) are accumulated in double, and each output
 * is computed in double and rounded once, as the reference does. epsilon is cast to the
 * input's data type first (a builder step of each op; reference/DEVIATIONS.md). Absent scale
 * is 1, absent bias 0. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "obl.h"

enum norm_kind { N_BATCH, N_INSTANCE, N_LAYER };

typedef struct norm_walk {
    uint32_t rank;
    size_t dims[WNA_MAX_RANK];
    size_t gs[WNA_MAX_RANK]; /* group index stride per dim */
    size_t ps[WNA_MAX_RANK]; /* scale/bias index stride per dim */
    size_t count;
} norm_walk;

typedef struct norm_state {
    int kind;
    const char *op;
    uint32_t in, out;
    int64_t mean_op, var_op, scale_op, bias_op; /* operand indices, -1 when absent */
    double eps;
    norm_walk walk;
    size_t n_groups, n_params;
    double *mean, *den;  /* per group: the mean, sqrt(variance + epsilon) */
    double *scale, *bias; /* per parameter slot */
} norm_state;

/* The spec's cast of epsilon to the input's type: float32 rounds to nearest even, float16
 * rounds the double once to binary16. */
static double cast_option(double v, int32_t dtype)
{
    if (dtype != WNA_FLOAT16) return (float)v;
    if (!isfinite(v) || v == 0) return v;
    if (fabs(v) >= 65520.0) return copysign(INFINITY, v);
    int e = ilogb(v);
    if (e < -14) e = -14;
    double quantum = ldexp(1.0, e - 10);
    return nearbyint(v / quantum) * quantum;
}

static void plan_walk(const wna_desc *in, const size_t *gs, const size_t *ps, norm_walk *w)
{
    w->rank = 0;
    w->count = 1;
    for (uint32_t d = 0; d < in->rank; d++) {
        size_t n = in->dims[d];
        w->count *= n;
        if (n == 1) continue;
        if (w->rank > 0) {
            uint32_t q = w->rank - 1;
            if (w->gs[q] == gs[d] * n && w->ps[q] == ps[d] * n) {
                w->dims[q] *= n;
                w->gs[q] = gs[d];
                w->ps[q] = ps[d];
                continue;
            }
        }
        w->dims[w->rank] = n;
        w->gs[w->rank] = gs[d];
        w->ps[w->rank] = ps[d];
        w->rank++;
    }
    if (w->rank == 0) {
        w->rank = 1;
        w->dims[0] = 1;
        w->gs[0] = w->ps[0] = 0;
    }
}

/* Row-major strides over the dims marked in `use`, 0 elsewhere; returns the element count
 * of the shape those dims form. `order` (may be NULL) lists the marked dims in the order
 * the indexed tensor stores them (layerNormalization's scale follows the order of axes). */
static size_t strides_over(const wna_desc *in, const int *use, const uint32_t *order, uint32_t n_order, size_t *s)
{
    for (uint32_t d = 0; d < in->rank; d++) s[d] = 0;
    size_t stride = 1;
    if (order) {
        for (uint32_t k = n_order; k-- > 0;) {
            s[order[k]] = stride;
            stride *= in->dims[order[k]];
        }
        return stride;
    }
    for (uint32_t d = in->rank; d-- > 0;) {
        if (!use[d]) continue;
        s[d] = stride;
        stride *= in->dims[d];
    }
    return stride;
}

/* ---- the walk: calls a row function for each innermost run ---- */

/* The innermost run: n elements at x (and y), group index g and parameter index p at its
 * start, advancing by gi and pi per element (0 or 1, except for unsorted layerNormalization
 * axes, where the parameter index can step further). */
#define INNER_LOOPS(NAME, BODY)                                                                     \
    static void NAME(const norm_state *s, const float *x, float *y, size_t n, size_t g, size_t p,   \
                     size_t gi, size_t pi, double *acc)                                             \
    {                                                                                               \
        (void)s;                                                                                    \
        (void)y;                                                                                    \
        (void)acc;                                                                                  \
        (void)p;                                                                                    \
        if (gi == 0 && pi == 0) {                                                                   \
            for (size_t i = 0; i < n; i++) {                                                        \
                size_t gg = g, pp = p;                                                              \
                BODY                                                                                \
            }                                                                                       \
        } else if (gi == 0 && pi == 1) {                                                            \
            for (size_t i = 0; i < n; i++) {                                                        \
                size_t gg = g, pp = p + i;                                                          \
                BODY                                                                                \
            }                                                                                       \
        } else if (gi == 1 && pi == 0) {                                                            \
            for (size_t i = 0; i < n; i++) {                                                        \
                size_t gg = g + i, pp = p;                                                          \
                BODY                                                                                \
            }                                                                                       \
        } else if (gi == 1 && pi == 1) {                                                            \
            for (size_t i = 0; i < n; i++) {                                                        \
                size_t gg = g + i, pp = p + i;                                                      \
                BODY                                                                                \
            }                                                                                       \
        } else { /* layerNormalization with axes out of order: scale steps by > 1 */                \
            for (size_t i = 0; i < n; i++) {                                                        \
                size_t gg = g + i * gi, pp = p + i * pi;                                            \
                BODY                                                                                \
            }                                                                                       \
        }                                                                                           \
    }

/* pass 1 of the moments: acc[group] += x */
INNER_LOOPS(sum_run, (void)pp; acc[gg] += x[i];)
/* pass 2: acc[group] += (x - mean)^2 */
INNER_LOOPS(sqdev_run, (void)pp; double dev = x[i] - s->mean[gg]; acc[gg] += dev * dev;)
/* the output */
INNER_LOOPS(normalize_run, y[i] = (float)(s->scale[pp] * ((x[i] - s->mean[gg]) / s->den[gg]) + s->bias[pp]);)

typedef void (*run_fn)(const norm_state *, const float *, float *, size_t, size_t, size_t, size_t, size_t,
                       double *);

static void walk(const norm_state *s, run_fn fn, const float *x, float *y, double *acc)
{
    const norm_walk *w = &s->walk;
    uint32_t inner = w->rank - 1;
    size_t n = w->dims[inner], rows = w->count / n;
    size_t idx[WNA_MAX_RANK] = {0};
    size_t g = 0, p = 0;
    for (size_t r = 0; r < rows; r++) {
        fn(s, x + r * n, y ? y + r * n : NULL, n, g, p, w->gs[inner], w->ps[inner], acc);
        for (uint32_t d = inner; d-- > 0;) {
            g += w->gs[d];
            p += w->ps[d];
            if (++idx[d] < w->dims[d]) break;
            g -= w->gs[d] * w->dims[d];
            p -= w->ps[d] * w->dims[d];
            idx[d] = 0;
        }
    }
}

/* ---- run ---- */

/* A float view of an optional operand, or NULL. */
static const float *opt_values(const obl_value *values, int64_t k) { return k >= 0 ? values[k].f : NULL; }

static int norm_run(const void *state, obl_value *values, wna_error *err)
{
    const norm_state *s = state;
    const float *x = values[s->in].f;
    float *y = values[s->out].f;
    if (!x || !y) return obl_fail(err, WNA_OPERATION_ERROR, "%s: operands must be float", s->op);
    const float *scale = opt_values(values, s->scale_op), *bias = opt_values(values, s->bias_op);
    if ((s->scale_op >= 0 && !scale) || (s->bias_op >= 0 && !bias))
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: scale and bias must be float", s->op);
    for (size_t k = 0; k < s->n_params; k++) {
        s->scale[k] = scale ? scale[k] : 1.0;
        s->bias[k] = bias ? bias[k] : 0.0;
    }
    if (s->kind == N_BATCH) {
        const float *mean = opt_values(values, s->mean_op), *var = opt_values(values, s->var_op);
        if (!mean || !var) return obl_fail(err, WNA_OPERATION_ERROR, "%s: mean and variance must be float", s->op);
        for (size_t g = 0; g < s->n_groups; g++) {
            s->mean[g] = mean[g];
            s->den[g] = sqrt((double)var[g] + s->eps);
        }
    } else {
        double per_group = (double)(s->walk.count / s->n_groups);
        for (size_t g = 0; g < s->n_groups; g++) s->mean[g] = s->den[g] = 0;
        walk(s, sum_run, x, NULL, s->mean);
        for (size_t g = 0; g < s->n_groups; g++) s->mean[g] /= per_group;
        walk(s, sqdev_run, x, NULL, s->den);
        for (size_t g = 0; g < s->n_groups; g++) s->den[g] = sqrt(s->den[g] / per_group + s->eps);
    }
    walk(s, normalize_run, x, y, NULL);
    return 0;
}

/* ---- prepare ---- */

static void norm_release(void *state)
{
    norm_state *s = state;
    if (!s) return;
    free(s->mean);
    free(s->den);
    free(s->scale);
    free(s->bias);
    free(s);
}

/* Checks that an optional 1-D/N-D operand has exactly `count` elements. */
static int check_count(const obl_build *bld, int64_t k, size_t count)
{
    return k < 0 || bld->values[k].count == count;
}

static int norm_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    static const char *const names[] = {"batchNormalization", "instanceNormalization", "layerNormalization"};
    int kind = -1;
    for (int k = 0; k < 3; k++)
        if (strcmp(op->op, names[k]) == 0) kind = k;
    if (kind < 0) return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: not a normalization", op->op);
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "%s: missing operand", op->op);
    const wna_desc *d = &bld->values[in].desc;
    if (bld->values[op->outputs[0]].count != bld->values[in].count)
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: output element count mismatch", op->op);

    /* group[] marks the dims that select a group, param order lists the dims that select a
     * scale/bias slot */
    int group[WNA_MAX_RANK] = {0};
    uint32_t param_order[WNA_MAX_RANK];
    uint32_t n_param_dims = 0;
    if (kind == N_BATCH || kind == N_INSTANCE) {
        int64_t axis;
        if (kind == N_BATCH) {
            axis = obl_arg_int(op, "axis", 1);
        } else {
            const char *layout = obl_arg_string(op, "layout", "nchw");
            axis = strcmp(layout, "nhwc") == 0 ? 3 : 1;
            if (d->rank != 4) return obl_fail(err, WNA_OPERATION_ERROR, "%s: input must be 4-D", op->op);
            group[0] = 1; /* the batch */
        }
        if (axis < 0 || axis >= (int64_t)d->rank) return obl_fail(err, WNA_OPERATION_ERROR, "%s: invalid axis", op->op);
        group[axis] = 1;
        param_order[n_param_dims++] = (uint32_t)axis;
    } else {
        int64_t axes[WNA_MAX_RANK + 1];
        int n = obl_arg_ints(op, "axes", axes, WNA_MAX_RANK + 1);
        if (n < 0 && obl_arg(op, "axes")) return obl_fail(err, WNA_OPERATION_ERROR, "%s: too many axes", op->op);
        if (n < 0) { /* default: every dim but the first */
            n = 0;
            for (uint32_t a = 1; a < d->rank; a++) axes[n++] = a;
        }
        for (uint32_t a = 0; a < d->rank; a++) group[a] = 1;
        for (int k = 0; k < n; k++) {
            if (axes[k] < 0 || axes[k] >= (int64_t)d->rank || !group[axes[k]])
                return obl_fail(err, WNA_OPERATION_ERROR, "%s: invalid axes", op->op);
            group[axes[k]] = 0;
            param_order[n_param_dims++] = (uint32_t)axes[k];
        }
    }

    norm_state *s = calloc(1, sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "%s: out of memory", op->op);
    s->kind = kind;
    s->op = names[kind];
    s->in = (uint32_t)in;
    s->out = op->outputs[0];
    s->mean_op = kind == N_BATCH ? obl_arg_operand(op, "mean") : -1;
    s->var_op = kind == N_BATCH ? obl_arg_operand(op, "variance") : -1;
    s->scale_op = obl_arg_operand(op, "scale");
    s->bias_op = obl_arg_operand(op, "bias");
    s->eps = cast_option(obl_arg_double(op, "epsilon", 1e-5), d->dtype);

    size_t gs[WNA_MAX_RANK], ps[WNA_MAX_RANK];
    s->n_groups = strides_over(d, group, NULL, 0, gs);
    s->n_params = strides_over(d, NULL, param_order, n_param_dims, ps);
    plan_walk(d, gs, ps, &s->walk);

    int ok = check_count(bld, s->scale_op, s->n_params) && check_count(bld, s->bias_op, s->n_params) &&
             check_count(bld, s->mean_op, s->n_groups) && check_count(bld, s->var_op, s->n_groups) &&
             (kind != N_BATCH || (s->mean_op >= 0 && s->var_op >= 0));
    if (!ok) {
        norm_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: parameter shapes do not match the input", op->op);
    }
    s->mean = malloc(s->n_groups * sizeof *s->mean);
    s->den = malloc(s->n_groups * sizeof *s->den);
    s->scale = malloc(s->n_params * sizeof *s->scale);
    s->bias = malloc(s->n_params * sizeof *s->bias);
    if (!s->mean || !s->den || !s->scale || !s->bias) {
        norm_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: out of memory", op->op);
    }
    *state = s;
    return 0;
}

/* ---- the kernel table ---- */

static const wna_operand_limits batch_limits[] = {
    {"input", OBL_FLOATS, 1, WNA_MAX_RANK}, {"mean", OBL_FLOATS, 1, 1}, {"variance", OBL_FLOATS, 1, 1},
    {"scale", OBL_FLOATS, 1, 1},            {"bias", OBL_FLOATS, 1, 1}, {"output", OBL_FLOATS, 1, WNA_MAX_RANK},
};
static const wna_operand_limits instance_limits[] = {
    {"input", OBL_FLOATS, 4, 4},
    {"scale", OBL_FLOATS, 1, 1},
    {"bias", OBL_FLOATS, 1, 1},
    {"output", OBL_FLOATS, 4, 4},
};
static const wna_operand_limits layer_limits[] = {
    {"input", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"scale", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"bias", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"output", OBL_FLOATS, 0, WNA_MAX_RANK},
};

static const obl_kernel kernels[] = {
    {"batchNormalization", batch_limits, 6, norm_prepare, norm_run, norm_release},
    {"instanceNormalization", instance_limits, 4, norm_prepare, norm_run, norm_release},
    {"layerNormalization", layer_limits, 4, norm_prepare, norm_run, norm_release},
};

const obl_kernel_set obl_set_norm = {kernels, sizeof kernels / sizeof kernels[0]};
