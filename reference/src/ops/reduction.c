/* Reductions: argMin, argMax (#api-mlgraphbuilder-argminmax), cumulativeSum
 * (#api-mlgraphbuilder-cumulativesum) and reduceL1 ... reduceSumSquare
 * (#api-mlgraphbuilder-reduce).
 * Floats are read as double, reduced in double and rounded once on store. Integers are
 * reduced exactly in 64 bits; sums and products wrap (two's complement) and the store
 * keeps the low bits of the element width. */
#include <math.h>
#include <stdlib.h>

#include "webnn/op.h"

#include "f32_fast.h"
#include "ops_index.h"

/* ------------------------------------------------------------------------------------ */
/* Shared: which axes are reduced, the output shape, and the input elements that reduce
 * into one output element (its "window"). */

/* Reads options.axes. More than rank+1 entries always hold a duplicate or an out-of-range
 * axis, so the first rank+1 are enough for the check. Absent axes = every dimension. */
static void read_axes(const wn_call *c, uint32_t rank, uint32_t *axes, uint32_t *n)
{
    if (!wn_arg_present(c, "axes")) {
        for (uint32_t a = 0; a < rank; a++) axes[a] = a;
        *n = rank;
        return;
    }
    uint32_t count = wn_arg_count(c, "axes");
    *n = count < rank + 1 ? count : rank + 1;
    for (uint32_t i = 0; i < *n; i++) axes[i] = wn_arg_uint_at(c, "axes", i);
}

/* #api-mlgraphbuilder-reduce "calculate reduction output sizes" (axes already checked). */
static void reduction_output_shape(const wn_desc *in, const uint32_t *axes, uint32_t n, bool keep, wn_desc *out)
{
    bool reduced[WN_MAX_RANK] = {false};
    for (uint32_t i = 0; i < n; i++) reduced[axes[i]] = true;
    out->rank = 0;
    for (uint32_t a = 0; a < in->rank; a++) {
        if (keep) out->dims[out->rank++] = reduced[a] ? 1 : in->dims[a];
        else if (!reduced[a]) out->dims[out->rank++] = in->dims[a];
    }
}

typedef struct reduce_window {
    wn_desc in;
    bool reduced[WN_MAX_RANK];
    bool keep;       /* the output keeps reduced dimensions (size 1) */
    wn_desc red;     /* the reduced dimensions, in axis order */
    size_t n_red;    /* elements per window */
} reduce_window;

static void window_init(reduce_window *w, const wn_desc *in, const uint32_t *axes, uint32_t n, bool keep)
{
    w->in = *in;
    w->keep = keep;
    for (uint32_t a = 0; a < WN_MAX_RANK; a++) w->reduced[a] = false;
    for (uint32_t i = 0; i < n; i++) w->reduced[axes[i]] = true;
    w->red.dtype = in->dtype;
    w->red.rank = 0;
    for (uint32_t a = 0; a < in->rank; a++)
        if (w->reduced[a]) w->red.dims[w->red.rank++] = in->dims[a];
    w->n_red = wn_desc_count(&w->red);
}

/* idx[k] = linear input index of the k-th value (row-major over the reduced axes) that
 * reduces into output element o. */
static void window_indices(const reduce_window *w, const wn_desc *out, size_t o, size_t *idx)
{
    uint32_t oc[WN_MAX_RANK], rc[WN_MAX_RANK], ic[WN_MAX_RANK];
    wn_unravel(out, o, oc);
    for (size_t k = 0; k < w->n_red; k++) {
        wn_unravel(&w->red, k, rc);
        uint32_t j = 0, r = 0;
        for (uint32_t a = 0; a < w->in.rank; a++) {
            if (w->reduced[a]) {
                ic[a] = rc[r++];
                if (w->keep) j++;
            } else {
                ic[a] = oc[j++];
            }
        }
        idx[k] = wn_ravel(&w->in, ic);
    }
}

/* The same indices as window_indices, faster: idx = base(o) + rel[k], where rel[k] (the k-th
 * reduced element's offset from the window's first) does not depend on o. */
static void window_rel(const reduce_window *w, size_t *rel)
{
    uint32_t rc[WN_MAX_RANK], ic[WN_MAX_RANK];
    for (size_t k = 0; k < w->n_red; k++) {
        wn_unravel(&w->red, k, rc);
        uint32_t r = 0;
        for (uint32_t a = 0; a < w->in.rank; a++) ic[a] = w->reduced[a] ? rc[r++] : 0;
        rel[k] = wn_ravel(&w->in, ic);
    }
}

static size_t window_base(const reduce_window *w, const wn_desc *out, size_t o)
{
    uint32_t oc[WN_MAX_RANK], ic[WN_MAX_RANK];
    wn_unravel(out, o, oc);
    uint32_t j = 0;
    for (uint32_t a = 0; a < w->in.rank; a++) {
        if (w->reduced[a]) {
            ic[a] = 0;
            if (w->keep) j++;
        } else {
            ic[a] = oc[j++];
        }
    }
    return wn_ravel(&w->in, ic);
}

/* ------------------------------------------------------------------------------------ */
/* reduceL1 ... reduceSumSquare (#api-mlgraphbuilder-reduce) */

/* "create reduction operation": allowedDataTypes and ranks were checked from the
 * registry; the axes rule and the output shape remain. */
static int build_reduce(wn_call *c)
{
    const wn_desc *in = wn_arg_desc(c, "input");
    uint32_t axes[WN_MAX_RANK + 1], n;
    read_axes(c, in->rank, axes, &n);
    if (wn_check_axes(c, "axes", axes, n, in->rank) != 0) return -1;
    wn_desc out = {.dtype = in->dtype};
    reduction_output_shape(in, axes, n, wn_arg_bool(c, "keepDimensions", false), &out);
    return wn_add_output(c, &out);
}

/* One reduction function per domain, over the values of one window. Integer results are
 * returned as 64-bit patterns; the store keeps the element's low bits. */
typedef enum reduce_rows { ROWS_NONE, ROWS_SUM, ROWS_MEAN } reduce_rows;
typedef struct reduce_fns {
    double (*f)(const double *v, size_t n);
    uint64_t (*s)(const int64_t *v, size_t n);   /* signed integer types */
    uint64_t (*u)(const uint64_t *v, size_t n);  /* unsigned integer types */
    reduce_rows rows;                            /* f is sum_f or mean_f: the float32 row path */
} reduce_fns;

/* The windows are consecutive runs of n_red elements, in output order: no kept axis (of
 * size > 1) comes after a reduced one. */
static bool window_is_rows(const reduce_window *w)
{
    bool seen_reduced = false;
    for (uint32_t a = 0; a < w->in.rank; a++) {
        if (w->in.dims[a] == 1) continue;
        if (w->reduced[a]) seen_reduced = true;
        else if (seen_reduced) return false;
    }
    return true;
}

/* reduceSum / reduceMean of float32 rows: sum_f's order and rounding (from -0, one double
 * add per element, in index order), four rows at a time so the four add chains overlap. */
static void f32_sum_rows(const wn_tensor *x, wn_tensor *y, size_t rows, size_t len, bool mean)
{
    size_t r = 0;
    for (; r + 4 <= rows; r += 4) {
        double s[4] = {-0.0, -0.0, -0.0, -0.0};
        size_t b = r * len;
        for (size_t i = 0; i < len; i++) {
            s[0] += f32_load(x, b + i);
            s[1] += f32_load(x, b + len + i);
            s[2] += f32_load(x, b + 2 * len + i);
            s[3] += f32_load(x, b + 3 * len + i);
        }
        for (size_t k = 0; k < 4; k++) f32_store(y, r + k, mean ? s[k] / (double)len : s[k]);
    }
    for (; r < rows; r++) {
        double s = -0.0;
        for (size_t i = 0; i < len; i++) s += f32_load(x, r * len + i);
        f32_store(y, r, mean ? s / (double)len : s);
    }
}

static int compute_reduce(wn_call *c, const reduce_fns *fn)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    uint32_t axes[WN_MAX_RANK + 1], n;
    read_axes(c, x->desc.rank, axes, &n);
    reduce_window w;
    window_init(&w, &x->desc, axes, n, wn_arg_bool(c, "keepDimensions", false));
    size_t *idx = malloc(w.n_red * sizeof *idx);
    double *vf = malloc(w.n_red * sizeof *vf);
    int64_t *vs = malloc(w.n_red * sizeof *vs);
    uint64_t *vu = malloc(w.n_red * sizeof *vu);
    int rc = 0;
    if (!idx || !vf || !vs || !vu) {
        rc = wn_fail(c, WN_RESOURCE_ERROR, "out of memory");
        goto done;
    }
    wn_dtype t = x->desc.dtype;
    size_t n_out = wn_desc_count(&y->desc);
    if (t == WN_FLOAT32 && fn->rows != ROWS_NONE && window_is_rows(&w)) {
        f32_sum_rows(x, y, n_out, w.n_red, fn->rows == ROWS_MEAN);
        goto done;
    }
    window_rel(&w, idx); /* idx holds the window's offsets from here on */
    for (size_t o = 0; o < n_out; o++) {
        size_t base = window_base(&w, &y->desc, o);
        if (t == WN_FLOAT32) {
            for (size_t k = 0; k < w.n_red; k++) vf[k] = f32_load(x, base + idx[k]);
            f32_store(y, o, fn->f(vf, w.n_red));
        } else if (wn_dtype_is_float(t)) {
            for (size_t k = 0; k < w.n_red; k++) vf[k] = wn_get_f64(x, base + idx[k]);
            wn_put_f64(y, o, fn->f(vf, w.n_red));
        } else if (wn_dtype_is_signed_int(t)) {
            for (size_t k = 0; k < w.n_red; k++) vs[k] = wn_get_i64(x, base + idx[k]);
            wn_put_u64(y, o, fn->s(vs, w.n_red));
        } else {
            for (size_t k = 0; k < w.n_red; k++) vu[k] = wn_get_u64(x, base + idx[k]);
            wn_put_u64(y, o, fn->u(vu, w.n_red));
        }
    }
done:
    free(idx);
    free(vf);
    free(vs);
    free(vu);
    return rc;
}

/* Integer sums and products in uint64: modular arithmetic gives the two's complement
 * wrap-around for signed values too, without signed overflow. */
static uint64_t sum_u(const uint64_t *v, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++) s += v[i];
    return s;
}
static uint64_t sum_s(const int64_t *v, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++) s += (uint64_t)v[i];
    return s;
}
static double sum_f(const double *v, size_t n)
{
    double s = -0.0; /* IEEE's additive identity: a sum of -0 terms is -0, as in the vectors */
    for (size_t i = 0; i < n; i++) s += v[i];
    return s;
}

/* reduceSum: the sum of the values. */
static const reduce_fns sum_fns = {sum_f, sum_s, sum_u, ROWS_SUM};
static int compute_reduce_sum(wn_call *c) { return compute_reduce(c, &sum_fns); }

/* reduceL1: the sum of |x|. |INT64_MIN| wraps to INT64_MIN. */
static double l1_f(const double *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++) s += fabs(v[i]);
    return s;
}
static uint64_t l1_s(const int64_t *v, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++) s += v[i] < 0 ? 0 - (uint64_t)v[i] : (uint64_t)v[i];
    return s;
}
static const reduce_fns l1_fns = {l1_f, l1_s, sum_u, ROWS_NONE};
static int compute_reduce_l1(wn_call *c) { return compute_reduce(c, &l1_fns); }

/* reduceSumSquare: the sum of x*x. */
static double sum_square_f(const double *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++) s += v[i] * v[i];
    return s;
}
static uint64_t sum_square_s(const int64_t *v, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++) s += (uint64_t)v[i] * (uint64_t)v[i];
    return s;
}
static uint64_t sum_square_u(const uint64_t *v, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++) s += v[i] * v[i];
    return s;
}
static const reduce_fns sum_square_fns = {sum_square_f, sum_square_s, sum_square_u, ROWS_NONE};
static int compute_reduce_sum_square(wn_call *c) { return compute_reduce(c, &sum_square_fns); }

/* reduceProduct: the product of the values. */
static double product_f(const double *v, size_t n)
{
    double p = 1;
    for (size_t i = 0; i < n; i++) p *= v[i];
    return p;
}
static uint64_t product_s(const int64_t *v, size_t n)
{
    uint64_t p = 1;
    for (size_t i = 0; i < n; i++) p *= (uint64_t)v[i];
    return p;
}
static uint64_t product_u(const uint64_t *v, size_t n)
{
    uint64_t p = 1;
    for (size_t i = 0; i < n; i++) p *= v[i];
    return p;
}
static const reduce_fns product_fns = {product_f, product_s, product_u, ROWS_NONE};
static int compute_reduce_product(wn_call *c) { return compute_reduce(c, &product_fns); }

/* reduceL2: sqrt of the sum of squares (float types only). */
static double l2_f(const double *v, size_t n) { return sqrt(sum_square_f(v, n)); }
static const reduce_fns l2_fns = {l2_f, NULL, NULL, ROWS_NONE};
static int compute_reduce_l2(wn_call *c) { return compute_reduce(c, &l2_fns); }

/* reduceLogSum: log of the sum (float types only). */
static double log_sum_f(const double *v, size_t n) { return log(sum_f(v, n)); }
static const reduce_fns log_sum_fns = {log_sum_f, NULL, NULL, ROWS_NONE};
static int compute_reduce_log_sum(wn_call *c) { return compute_reduce(c, &log_sum_fns); }

/* reduceMean: the sum divided by the number of values (float types only). */
static double mean_f(const double *v, size_t n) { return sum_f(v, n) / (double)n; }
static const reduce_fns mean_fns = {mean_f, NULL, NULL, ROWS_MEAN};
static int compute_reduce_mean(wn_call *c) { return compute_reduce(c, &mean_fns); }

/* reduceMax / reduceMin on floats: NaN propagates; -0 orders below +0. */
static bool float_greater(double a, double b)
{
    return a > b || (a == 0 && b == 0 && !signbit(a) && signbit(b));
}
static double max_f(const double *v, size_t n)
{
    double m = v[0];
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i])) return v[i]; /* implementation-defined: NaN propagates */
        if (float_greater(v[i], m)) m = v[i];
    }
    return m;
}
static double min_f(const double *v, size_t n)
{
    double m = v[0];
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i])) return v[i]; /* implementation-defined: NaN propagates */
        if (float_greater(m, v[i])) m = v[i];
    }
    return m;
}
static uint64_t max_s(const int64_t *v, size_t n)
{
    int64_t m = v[0];
    for (size_t i = 1; i < n; i++) m = v[i] > m ? v[i] : m;
    return (uint64_t)m;
}
static uint64_t min_s(const int64_t *v, size_t n)
{
    int64_t m = v[0];
    for (size_t i = 1; i < n; i++) m = v[i] < m ? v[i] : m;
    return (uint64_t)m;
}
static uint64_t max_u(const uint64_t *v, size_t n)
{
    uint64_t m = v[0];
    for (size_t i = 1; i < n; i++) m = v[i] > m ? v[i] : m;
    return m;
}
static uint64_t min_u(const uint64_t *v, size_t n)
{
    uint64_t m = v[0];
    for (size_t i = 1; i < n; i++) m = v[i] < m ? v[i] : m;
    return m;
}
static const reduce_fns max_fns = {max_f, max_s, max_u, ROWS_NONE};
static const reduce_fns min_fns = {min_f, min_s, min_u, ROWS_NONE};
static int compute_reduce_max(wn_call *c) { return compute_reduce(c, &max_fns); }
static int compute_reduce_min(wn_call *c) { return compute_reduce(c, &min_fns); }

/* reduceLogSumExp: log(sum(exp(x))), computed as m + log(sum(exp(x - m))) with m the
 * largest value so that exp cannot overflow. An infinite m is the result itself
 * (all -Inf: log 0 = -Inf; any +Inf: +Inf); NaN propagates. */
static double log_sum_exp_f(const double *v, size_t n)
{
    double m = max_f(v, n);
    if (isnan(m) || isinf(m)) return m;
    double s = 0;
    for (size_t i = 0; i < n; i++) s += exp(v[i] - m);
    return m + log(s);
}
static const reduce_fns log_sum_exp_fns = {log_sum_exp_f, NULL, NULL, ROWS_NONE};
static int compute_reduce_log_sum_exp(wn_call *c) { return compute_reduce(c, &log_sum_exp_fns); }

/* ------------------------------------------------------------------------------------ */
/* argMin / argMax (#api-mlgraphbuilder-argminmax) */

static int build_arg_min_max(wn_call *c)
{
    const wn_desc *in = wn_arg_desc(c, "input");
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    wn_dtype t = wn_arg_dtype(c, "outputDataType", WN_INT32);
    if (axis >= in->rank)
        return wn_fail(c, WN_TYPE_ERROR, "axis %u must be less than the input rank %u", axis, in->rank);
    if (!(c->spec->output_rules[0].allowed & WN_DTYPE_BIT(t)))
        return wn_fail(c, WN_TYPE_ERROR, "outputDataType %s is not int32 or int64", wn_dtype_name(t));
    /* Valid dimensions never exceed INT32_MAX, so this step cannot fail today. */
    uint64_t max_index = t == WN_INT32 ? INT32_MAX : INT64_MAX;
    if (in->dims[axis] > max_index)
        return wn_fail(c, WN_TYPE_ERROR, "input dimension %u does not fit in %s", in->dims[axis], wn_dtype_name(t));
    wn_desc out = {.dtype = t};
    reduction_output_shape(in, &axis, 1, wn_arg_bool(c, "keepDimensions", false), &out);
    return wn_add_output(c, &out);
}

/* Does a (at a later index) replace the current pick b? Ties keep the first index
 * (implementation-defined); NaN counts as the extreme and the first NaN wins. */
static bool float_beats(double a, double b, bool want_max)
{
    if (isnan(b)) return false;
    if (isnan(a)) return true;
    return want_max ? a > b : a < b;
}

static int compute_arg_min_max(wn_call *c, bool want_max)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    reduce_window w;
    window_init(&w, &x->desc, &axis, 1, wn_arg_bool(c, "keepDimensions", false));
    size_t *idx = malloc(w.n_red * sizeof *idx);
    if (!idx) return wn_fail(c, WN_RESOURCE_ERROR, "out of memory");
    wn_dtype t = x->desc.dtype;
    size_t n_out = wn_desc_count(&y->desc);
    for (size_t o = 0; o < n_out; o++) {
        window_indices(&w, &y->desc, o, idx); /* idx[k]: the element at coordinate k on axis */
        size_t best = 0;
        for (size_t k = 1; k < w.n_red; k++) {
            bool beats;
            if (wn_dtype_is_float(t)) {
                beats = float_beats(wn_get_f64(x, idx[k]), wn_get_f64(x, idx[best]), want_max);
            } else if (wn_dtype_is_signed_int(t)) {
                int64_t a = wn_get_i64(x, idx[k]), b = wn_get_i64(x, idx[best]);
                beats = want_max ? a > b : a < b;
            } else {
                uint64_t a = wn_get_u64(x, idx[k]), b = wn_get_u64(x, idx[best]);
                beats = want_max ? a > b : a < b;
            }
            if (beats) best = k;
        }
        wn_put_i64(y, o, (int64_t)best);
    }
    free(idx);
    return 0;
}

static int compute_arg_min(wn_call *c) { return compute_arg_min_max(c, false); }
static int compute_arg_max(wn_call *c) { return compute_arg_min_max(c, true); }

/* ------------------------------------------------------------------------------------ */
/* cumulativeSum (#api-mlgraphbuilder-cumulativesum) */

static int build_cumulative_sum(wn_call *c)
{
    const wn_desc *in = wn_arg_desc(c, "input");
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    if (axis >= in->rank)
        return wn_fail(c, WN_TYPE_ERROR, "axis %u must be less than the input rank %u", axis, in->rank);
    return wn_add_output(c, in);
}

/* Along each line of the axis, walk forward (or backward when reversed) keeping a running
 * sum; each output is the sum before (exclusive) or after (inclusive) adding its own
 * value. Floats sum in double, integers in uint64 (wrapping). */
static int compute_cumulative_sum(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    uint32_t axis = wn_arg_uint(c, "axis", 0);
    bool exclusive = wn_arg_bool(c, "exclusive", false);
    bool reversed = wn_arg_bool(c, "reversed", false);
    bool is_float = wn_dtype_is_float(x->desc.dtype);
    size_t strides[WN_MAX_RANK];
    wn_strides(&x->desc, strides);
    wn_desc lines = x->desc; /* one element per line: the axis collapsed to 1 */
    lines.dims[axis] = 1;
    uint32_t lc[WN_MAX_RANK];
    uint32_t len = x->desc.dims[axis];
    size_t n_lines = wn_desc_count(&lines);
    for (size_t l = 0; l < n_lines; l++) {
        wn_unravel(&lines, l, lc);
        size_t base = wn_ravel(&x->desc, lc);
        double sf = 0;
        uint64_t su = 0;
        for (uint32_t step = 0; step < len; step++) {
            uint32_t k = reversed ? len - 1 - step : step;
            size_t i = base + (size_t)k * strides[axis];
            if (is_float) {
                double before = sf;
                sf += wn_get_f64(x, i);
                wn_put_f64(y, i, exclusive ? before : sf);
            } else {
                uint64_t before = su;
                su += wn_get_u64(x, i);
                wn_put_u64(y, i, exclusive ? before : su);
            }
        }
    }
    return 0;
}

const wn_op_impl wn_ops_reduction[] = {
    {"argMin", build_arg_min_max, compute_arg_min},
    {"argMax", build_arg_min_max, compute_arg_max},
    {"cumulativeSum", build_cumulative_sum, compute_cumulative_sum},
    {"reduceL1", build_reduce, compute_reduce_l1},
    {"reduceL2", build_reduce, compute_reduce_l2},
    {"reduceLogSum", build_reduce, compute_reduce_log_sum},
    {"reduceLogSumExp", build_reduce, compute_reduce_log_sum_exp},
    {"reduceMax", build_reduce, compute_reduce_max},
    {"reduceMean", build_reduce, compute_reduce_mean},
    {"reduceMin", build_reduce, compute_reduce_min},
    {"reduceProduct", build_reduce, compute_reduce_product},
    {"reduceSum", build_reduce, compute_reduce_sum},
    {"reduceSumSquare", build_reduce, compute_reduce_sum_square},
    {NULL, NULL, NULL},
};
