/* Judging one operation of a fuzzed graph: the reference recomputes it on exactly the values
 * the adapter's graph fed it (the adapter's own intermediate results), and the adapter's
 * result must be within that operation's bound from vectors/tolerance.json. Judged this
 * way, an error made upstream is never charged to a later operation (no false alarms from
 * propagation, no composed bound so wide that it hides a bug): see runner/fuzz/README.md.
 * Where the spec leaves the result open on the given values (reference/DEVIATIONS.md:
 * NaN handling of max/min/pooling, out-of-range casts and indices, colliding scatter
 * updates, padded average pooling, ...), the operation is not judged. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fd.h"
#include "webnn/compare.h"
#include "webnn/dtype.h"
#include "webnn/interp.h"

/* ---- reading an operation's arguments ---- */

static const wn_value *arg(const wn_operation *op, const char *name)
{
    int i = wn_param_index(op->spec, name);
    return i < 0 || op->args[i].kind == WN_V_ABSENT ? NULL : &op->args[i];
}

static const wn_tensor *operand_val(const wn_operation *op, const wn_tensor *vals, const char *name)
{
    const wn_value *v = arg(op, name);
    return v && v->kind == WN_V_OPERAND ? &vals[v->u.operand] : NULL;
}

static double num_arg(const wn_operation *op, const char *name, double def)
{
    const wn_value *v = arg(op, name);
    return v && v->kind == WN_V_NUMBER ? v->u.number.f : def;
}

static bool bool_arg(const wn_operation *op, const char *name, bool def)
{
    const wn_value *v = arg(op, name);
    return v && v->kind == WN_V_BOOL ? v->u.boolean : def;
}

static const char *str_arg(const wn_operation *op, const char *name, const char *def)
{
    const wn_value *v = arg(op, name);
    return v && v->kind == WN_V_STRING ? v->u.string : def;
}

static bool is(const wn_operation *op, const char *name) { return strcmp(op->spec->name, name) == 0; }

static bool is_reduce(const wn_operation *op) { return strncmp(op->spec->name, "reduce", 6) == 0; }

static bool is_pool(const wn_operation *op) { return strstr(op->spec->name, "Pool2d") != NULL; }

/* ---- the accumulation length N of a row's formula (vectors/tolerance.json "variables") ---- */

static double prod_dims(const wn_desc *d, const wn_value *axes)
{
    double n = 1;
    if (!axes) {
        for (uint32_t i = 0; i < d->rank; i++) n *= d->dims[i];
        return n;
    }
    for (uint32_t i = 0; i < axes->count; i++) {
        int64_t a = (int64_t)axes->u.numbers[i].f;
        if (a >= 0 && (uint32_t)a < d->rank) n *= d->dims[a];
    }
    return n;
}

static void spatial(const wn_desc *d, const char *layout, uint32_t *h, uint32_t *w)
{
    bool nhwc = strcmp(layout, "nhwc") == 0;
    *h = d->rank == 4 ? d->dims[nhwc ? 1 : 2] : 1;
    *w = d->rank == 4 ? d->dims[nhwc ? 2 : 3] : 1;
}

static double accum_length(const wn_operation *op, const wn_tensor *vals, const wn_desc *out, double *S)
{
    *S = 1;
    const wn_tensor *x = operand_val(op, vals, "input"), *a = operand_val(op, vals, "a");
    if (is(op, "matmul") && a && a->desc.rank) return a->desc.dims[a->desc.rank - 1];
    if (is(op, "gemm") && a && a->desc.rank == 2) return a->desc.dims[bool_arg(op, "aTranspose", false) ? 0 : 1];
    if ((is(op, "conv2d") || is(op, "convTranspose2d")) && out->rank == 4) {
        const wn_tensor *f = operand_val(op, vals, "filter");
        uint32_t cout = out->dims[strcmp(str_arg(op, "inputLayout", "nchw"), "nhwc") == 0 ? 3 : 1];
        double n = f && cout ? (double)wn_desc_count(&f->desc) / cout : 1;
        return n + (is(op, "conv2d") && arg(op, "bias") ? 1 : 0);
    }
    if (is_pool(op) && x) {
        const wn_value *w = arg(op, "windowDimensions");
        if (w && w->kind == WN_V_NUMBER_LIST && w->count == 2) return w->u.numbers[0].f * w->u.numbers[1].f;
        uint32_t h, ww;
        spatial(&x->desc, str_arg(op, "layout", "nchw"), &h, &ww);
        return (double)h * ww;
    }
    if (is_reduce(op) && x) return prod_dims(&x->desc, arg(op, "axes"));
    if ((is(op, "cumulativeSum") || is(op, "softmax")) && x) {
        double ax = num_arg(op, "axis", 0);
        return ax >= 0 && ax < x->desc.rank ? x->desc.dims[(uint32_t)ax] : 1;
    }
    if (is(op, "layerNormalization") && x) {
        const wn_value *axes = arg(op, "axes");
        if (axes) return prod_dims(&x->desc, axes);
        double n = 1;
        for (uint32_t i = 1; i < x->desc.rank; i++) n *= x->desc.dims[i];
        return n;
    }
    if (is(op, "instanceNormalization") && x) {
        uint32_t h, w;
        spatial(&x->desc, str_arg(op, "layout", "nchw"), &h, &w);
        return (double)h * w;
    }
    if (strncmp(op->spec->name, "gru", 3) == 0 || strncmp(op->spec->name, "lstm", 4) == 0) {
        if (!strstr(op->spec->name, "Cell")) *S = num_arg(op, "steps", 1);
        return (x && x->desc.rank ? x->desc.dims[x->desc.rank - 1] : 0) + num_arg(op, "hiddenSize", 0);
    }
    return 1;
}

/* ---- where the result is open on these values ---- */

static bool all_finite(const wn_tensor *t)
{
    if (!wn_dtype_is_float(t->desc.dtype)) return true;
    size_t n = wn_desc_count(&t->desc);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(wn_get_f64(t, i))) return false;
    return true;
}

/* IEEE arithmetic or pure data movement: NaN and infinities have one defined result. */
static bool ieee_defined(const char *op)
{
    static const char *const ok[] = {"add", "sub", "mul", "div", "abs", "neg", "sqrt", "reciprocal", "floor", "ceil",
                                     "roundEven", "isNaN", "isInfinite", "equal", "notEqual", "greater",
                                     "greaterOrEqual", "lesser", "lesserOrEqual", "identity", "reshape",
                                     "transpose", "concat", "expand", "slice", "tile", "reverse", "split", "gather",
                                     "gatherElements", "gatherND", "where", "triangular", "pad", "cast"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strcmp(ok[i], op) == 0) return true;
    return false;
}

static bool has_int_value(const wn_tensor *t, bool (*pred)(int64_t v, wn_dtype dt))
{
    size_t n = wn_desc_count(&t->desc);
    for (size_t i = 0; i < n; i++)
        if (pred(wn_get_i64(t, i), t->desc.dtype)) return true;
    return false;
}

static bool is_zero(int64_t v, wn_dtype dt) { (void)dt; return v == 0; }
static bool is_negative(int64_t v, wn_dtype dt) { return wn_dtype_is_signed_int(dt) && v < 0; }
static bool is_min(int64_t v, wn_dtype dt)
{
    return wn_dtype_is_signed_int(dt) && v == (wn_dtype_int_bits(dt) == 64 ? INT64_MIN : -((int64_t)1 << (wn_dtype_int_bits(dt) - 1)));
}

/* Indices outside [-n, n) (n per index position: bound(j)). */
static bool index_out_of_range(const wn_tensor *idx, const uint32_t *bounds, uint32_t n_bounds)
{
    size_t n = wn_desc_count(&idx->desc);
    for (size_t i = 0; i < n; i++) {
        int64_t v = wn_get_i64(idx, i), b = bounds[n_bounds == 1 ? 0 : i % n_bounds];
        if (v < -b || v >= b) return true;
    }
    return false;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Whether two scatter updates land on the same output element (the order is open). */
static bool scatter_collides(const wn_operation *op, const wn_tensor *x, const wn_tensor *idx)
{
    size_t n = wn_desc_count(&idx->desc);
    size_t *t = calloc(n + 1, sizeof *t);
    if (!t) return true;
    uint32_t c[WN_MAX_RANK];
    if (is(op, "scatterElements")) {
        uint32_t axis = (uint32_t)num_arg(op, "axis", 0), dim = x->desc.dims[axis];
        for (size_t i = 0; i < n; i++) {
            wn_unravel(&idx->desc, i, c);
            int64_t v = wn_get_i64(idx, i);
            c[axis] = (uint32_t)(v < 0 ? v + dim : v);
            t[i] = wn_ravel(&x->desc, c);
        }
    } else { /* scatterND: one target per index tuple (the last indices dimension) */
        uint32_t k = idx->desc.dims[idx->desc.rank - 1];
        n = k ? n / k : 0;
        for (size_t i = 0; i < n; i++) {
            size_t flat = 0;
            for (uint32_t j = 0; j < k; j++) {
                int64_t v = wn_get_i64(idx, i * k + j);
                flat = flat * x->desc.dims[j] + (size_t)(v < 0 ? v + x->desc.dims[j] : v);
            }
            t[i] = flat;
        }
    }
    qsort(t, n, sizeof *t, cmp_size);
    bool dup = false;
    for (size_t i = 1; i < n && !dup; i++) dup = t[i] == t[i - 1];
    free(t);
    return dup;
}

static const char *open_result(const wn_operation *op, const wn_tensor *vals, const wn_graph *g)
{
    const char *name = op->spec->name;
    for (uint32_t p = 0; p < op->spec->n_params; p++) {
        const wn_value *v = &op->args[p];
        uint32_t n = v->kind == WN_V_OPERAND ? 1 : v->kind == WN_V_OPERAND_LIST ? v->count : 0;
        for (uint32_t j = 0; j < n; j++)
            if (!ieee_defined(name) && !all_finite(&vals[n == 1 && v->kind == WN_V_OPERAND ? v->u.operand : v->u.operands[j]]))
                return "a NaN or infinite input (results on non-finite values are open for this operation)";
    }
    const wn_tensor *x = operand_val(op, vals, "input"), *a = operand_val(op, vals, "a"), *b = operand_val(op, vals, "b");
    const wn_desc *out = &g->operands[op->outputs[0]].desc;
    if (is(op, "div") && b && !wn_dtype_is_float(b->desc.dtype) && (has_int_value(b, is_zero) || has_int_value(a, is_min)))
        return "integer division by zero or of the minimum (implementation-defined)";
    if ((is(op, "abs") || is(op, "neg")) && x && !wn_dtype_is_float(x->desc.dtype) && has_int_value(x, is_min))
        return "abs/neg of the integer minimum (implementation-defined)";
    if (is(op, "pow") && b && !wn_dtype_is_float(b->desc.dtype) && has_int_value(b, is_negative))
        return "integer pow with a negative exponent (implementation-defined)";
    if (is(op, "cast") && x && wn_dtype_is_float(x->desc.dtype) && !wn_dtype_is_float(out->dtype)) {
        wn_tensor probe;
        wn_error err;
        if (!all_finite(x)) return "float to integer cast of a non-finite value (implementation-defined)";
        if (wn_tensor_alloc(&probe, out, &err) != 0) return "cannot check the cast range";
        size_t n = wn_desc_count(&x->desc);
        bool over = false;
        for (size_t i = 0; i < n && !over; i++) { /* out of range when the saturating store changes it */
            double v = trunc(wn_get_f64(x, i));
            wn_put_f64(&probe, 0, v);
            over = wn_get_f64(&probe, 0) != v;
        }
        wn_tensor_free(&probe);
        if (over) return "float to integer cast out of the target range (implementation-defined)";
    }
    if (is(op, "quantizeLinear") || is(op, "dequantizeLinear")) {
        const wn_tensor *s = operand_val(op, vals, "scale");
        size_t n = s ? wn_desc_count(&s->desc) : 0;
        for (size_t i = 0; i < n; i++)
            if (!(wn_get_f64(s, i) > 0) || !isfinite(wn_get_f64(s, i))) return "a scale that is not positive and finite (implementation-defined)";
    }
    const wn_tensor *idx = operand_val(op, vals, "indices");
    if (idx && x) {
        uint32_t bounds[WN_MAX_RANK], nb = 1;
        if (is(op, "gatherND") || is(op, "scatterND")) {
            nb = idx->desc.rank ? idx->desc.dims[idx->desc.rank - 1] : 0;
            for (uint32_t j = 0; j < nb && j < x->desc.rank; j++) bounds[j] = x->desc.dims[j];
        } else {
            uint32_t axis = (uint32_t)num_arg(op, "axis", 0);
            bounds[0] = axis < x->desc.rank ? x->desc.dims[axis] : 0;
        }
        if (nb && index_out_of_range(idx, bounds, nb)) return "indices outside [-size, size) (implementation-defined)";
        if ((is(op, "scatterElements") || is(op, "scatterND")) && scatter_collides(op, x, idx))
            return "two updates target the same element (order implementation-defined)";
    }
    if (is_pool(op)) {
        const wn_value *pad = arg(op, "padding");
        bool padded = false;
        for (uint32_t i = 0; pad && pad->kind == WN_V_NUMBER_LIST && i < pad->count; i++) padded |= pad->u.numbers[i].f > 0;
        bool ceil_sizes = arg(op, "outputSizes") || strcmp(str_arg(op, "outputShapeRounding", "floor"), "ceil") == 0;
        if (is(op, "averagePool2d") && (padded || ceil_sizes))
            return "average pooling over padding or a window past the input (whether those cells count is implementation-defined)";
        if (padded || ceil_sizes) { /* a window may hold no input cell: its result is open */
            uint32_t h, w;
            spatial(&x->desc, str_arg(op, "layout", "nchw"), &h, &w);
            const wn_value *win = arg(op, "windowDimensions");
            double kh = win && win->count == 2 ? win->u.numbers[0].f : h, kw = win && win->count == 2 ? win->u.numbers[1].f : w;
            for (uint32_t i = 0; pad && pad->kind == WN_V_NUMBER_LIST && i < pad->count && i < 4; i++)
                if (pad->u.numbers[i].f >= (i < 2 ? kh : kw)) return "a pooling window may hold no input cell (result open)";
            if (ceil_sizes) return "a ceil-rounded pooling window may hold no input cell (result open)";
        }
    }
    return NULL;
}

/* argMin/argMax: ties are implementation-defined, so an index whose value equals the
 * reference index's value is as right as the reference's. */
static bool arg_extreme_ok(const wn_operation *op, const wn_tensor *x, const wn_tensor *exp, const wn_tensor *act)
{
    uint32_t axis = (uint32_t)num_arg(op, "axis", 0);
    bool keep = bool_arg(op, "keepDimensions", false);
    if (!wn_desc_equal_shape(&exp->desc, &act->desc) || exp->desc.dtype != act->desc.dtype || axis >= x->desc.rank) return false;
    size_t n = wn_desc_count(&exp->desc);
    uint32_t oc[WN_MAX_RANK], ic[WN_MAX_RANK];
    for (size_t i = 0; i < n; i++) {
        int64_t e = wn_get_i64(exp, i), a = wn_get_i64(act, i);
        if (e == a) continue;
        if (a < 0 || a >= x->desc.dims[axis]) return false;
        wn_unravel(&exp->desc, i, oc);
        for (uint32_t d = 0; d < x->desc.rank; d++) ic[d] = keep ? oc[d] : d < axis ? oc[d] : d == axis ? 0 : oc[d - 1];
        ic[axis] = (uint32_t)e;
        double ve = wn_get_f64(x, wn_ravel(&x->desc, ic));
        ic[axis] = (uint32_t)a;
        if (wn_get_f64(x, wn_ravel(&x->desc, ic)) != ve) return false;
    }
    return true;
}

/* ---- the tolerance ---- */

/* M for a floor row: the largest finite output of the operation on |inputs| (and |alpha|,
 * |beta| for gemm): the sum of |terms| each element accumulates (tolerance.json "M").
 * unscaled: gemm's alpha taken as 1, the magnitude of the product A B a BLAS forms in the
 * output type before scaling it. */
static double magnitude(const fd_case *one, bool unscaled)
{
    wn_graph *g = one->g;
    wn_operation *op = &g->ops[0];
    for (const char *const *nm = (const char *const[]){"alpha", "beta", NULL}; *nm; nm++) {
        int i = wn_param_index(op->spec, *nm);
        if (i < 0) continue;
        if (unscaled && strcmp(*nm, "alpha") == 0) op->args[i] = (wn_value){.kind = WN_V_NUMBER, .u.number = wn_number_from_double(1)};
        else if (op->args[i].kind == WN_V_NUMBER) op->args[i].u.number = wn_number_from_double(fabs(op->args[i].u.number.f));
    }
    wn_tensor *ins = calloc(one->n_in + 1, sizeof *ins), out[4] = {{{0}, 0, 0}};
    wn_error err;
    double m = 0;
    bool ok = ins != NULL;
    for (uint32_t k = 0; ok && k < one->n_in; k++) {
        ok = wn_tensor_copy(&ins[k], &one->in[k], &err) == 0;
        size_t n = ok ? wn_desc_count(&ins[k].desc) : 0;
        if (ok && wn_dtype_is_float(ins[k].desc.dtype))
            for (size_t i = 0; i < n; i++) wn_put_f64(&ins[k], i, fabs(wn_get_f64(&ins[k], i)));
    }
    if (ok && g->n_outputs == 1 && wn_interp_run(g, ins, one->n_in, out, &err) == 0) {
        size_t n = wn_desc_count(&out[0].desc);
        for (size_t i = 0; i < n; i++) {
            double v = fabs(wn_get_f64(&out[0], i));
            if (v > m) m = v; /* inputs are finite here: an infinite sum is one past the type's range */
        }
        wn_tensor_free(&out[0]);
    }
    for (uint32_t k = 0; ins && k < one->n_in; k++) wn_tensor_free(&ins[k]);
    free(ins);
    return m * (1 + 0x1p-20); /* the reference rounded the sum once to the output type */
}

/* The bound of operation k on its inputs: 0; 1 when the result is open on these values (why
 * says so); -1 when the row's formula does not evaluate. */
static int tolerance_of(const fd_tol_table *tt, const wn_graph *g, uint32_t k, const wn_tensor *vals,
                        const fd_case *one, wn_tolerance *tol, char *why, size_t cap)
{
    const wn_operation *op = &g->ops[k];
    const fd_tol_row *any = NULL;
    for (uint32_t i = 0; i < tt->n && !any; i++)
        if (strcmp(tt->rows[i].op, op->spec->name) == 0) any = &tt->rows[i];
    const wn_tensor *prim = any ? operand_val(op, vals, any->primary) : NULL;
    if (!prim) {
        const wn_value *v = &op->args[0];
        prim = v->kind == WN_V_OPERAND ? &vals[v->u.operand] : v->kind == WN_V_OPERAND_LIST && v->count ? &vals[v->u.operands[0]] : NULL;
    }
    const fd_tol_row *row = prim ? fd_tol_find(tt, op->spec->name, prim->desc.dtype) : NULL;
    *tol = (wn_tolerance){WN_TOL_EXACT, 0, 0};
    if (!row) {
        snprintf(why, cap, "no tolerance.json row for %s on %s: judged exactly", op->spec->name,
                 prim ? wn_dtype_name(prim->desc.dtype) : "?");
        return 0;
    }
    if (row->metric == WN_TOL_EXACT) return 0;
    const wn_desc *out = &g->operands[op->outputs[0]].desc;
    double S, N = accum_length(op, vals, out, &S), u = out->dtype == WN_FLOAT16 ? 0x1p-11 : 0x1p-24;
    double v = fd_tol_eval(row->bound, N, S, 0, u);
    if (!isfinite(v)) {
        snprintf(why, cap, "tolerance.json bound \"%s\" of %s does not evaluate", row->bound, op->spec->name);
        return -1;
    }
    tol->metric = row->metric;
    tol->value = row->metric == WN_TOL_ULP ? ceil(v) : v;
    if (row->floor[0] && one) {
        double M = magnitude(one, false), M_raw = is(op, "gemm") ? magnitude(one, true) : M;
        if (fmax(M, M_raw) > (out->dtype == WN_FLOAT16 ? 65504.0 : 0x1.fffffep127)) {
            /* the sum of |terms| is past the output type's range: an accumulation in that
             * type may overflow to an infinity even when the exact result is finite */
            snprintf(why, cap, "partial sums may overflow %s (sum of |terms| %.3g)", wn_dtype_name(out->dtype), fmax(M, M_raw));
            return 1;
        }
        double f = fd_tol_eval(row->floor, N, S, M, u);
        if (isfinite(f) && f > 0) {
            float ff = (float)f;
            if ((double)ff < f) ff = nextafterf(ff, INFINITY);
            tol->absolute_floor = ff;
        }
    }
    return 0;
}

int fd_op_tolerance(const fd_tol_table *tt, const wn_graph *g, uint32_t k, const wn_tensor *vals, wn_tolerance *tol,
                    char *why, size_t cap)
{
    bool *keep = calloc(g->n_ops + 1, sizeof *keep);
    fd_case one;
    wn_error err;
    if (!keep) return -1;
    keep[k] = true;
    int rc = fd_extract(g, keep, vals, true, &one, &err);
    free(keep);
    if (rc != 0) {
        snprintf(why, cap, "%s", err.message);
        return -1;
    }
    rc = tolerance_of(tt, g, k, vals, &one, tol, why, cap);
    fd_case_free(&one);
    return rc < 0 ? -1 : 0;
}

static const char *tol_str(const wn_tolerance *t, char *buf, size_t cap)
{
    if (t->metric == WN_TOL_EXACT) snprintf(buf, cap, "exact");
    else if (t->absolute_floor > 0)
        snprintf(buf, cap, "%s %g or abs %.3g", t->metric == WN_TOL_ULP ? "ULP" : "ATOL", t->value, t->absolute_floor);
    else snprintf(buf, cap, "%s %g", t->metric == WN_TOL_ULP ? "ULP" : "ATOL", t->value);
    return buf;
}

void fd_judge_op(const fd_tol_table *tt, const wn_graph *g, uint32_t k, const wn_tensor *vals, fd_op_verdict *v)
{
    const wn_operation *op = &g->ops[k];
    memset(v, 0, sizeof *v);
    const char *open = open_result(op, vals, g);
    if (open) {
        v->j = FD_NOT_JUDGED;
        snprintf(v->msg, sizeof v->msg, "%s", open);
        return;
    }
    bool *keep = calloc(g->n_ops + 1, sizeof *keep);
    fd_case one = {0};
    wn_tensor ref[16];
    wn_error err;
    memset(ref, 0, sizeof ref);
    if (!keep) {
        v->j = FD_NOT_JUDGED;
        snprintf(v->msg, sizeof v->msg, "out of memory");
        return;
    }
    keep[k] = true;
    if (fd_extract(g, keep, vals, true, &one, &err) != 0 || one.g->n_outputs > 16 ||
        wn_interp_run(one.g, one.in, one.n_in, ref, &err) != 0) {
        v->j = FD_NOT_JUDGED; /* the reference cannot evaluate it alone: the adapter's inputs had another shape */
        snprintf(v->msg, sizeof v->msg, "operators[%u] (%s): the reference cannot recompute it on the adapter's inputs: %s",
                 k, op->spec->name, err.message);
        free(keep);
        fd_case_free(&one);
        return;
    }
    char why[256] = "";
    if (tolerance_of(tt, g, k, vals, &one, &v->tol, why, sizeof why) != 0) { /* 1: open, -1: no bound */
        v->j = FD_NOT_JUDGED;
        snprintf(v->msg, sizeof v->msg, "%s", why);
    } else {
        v->j = FD_PASS;
        size_t used = 0;
        for (uint32_t j = 0; j < op->n_outputs && j < one.g->n_outputs; j++) {
            const wn_tensor *act = &vals[op->outputs[j]];
            wn_compare_result cr;
            wn_compare(&ref[j], act, &v->tol, &cr);
            bool ok = cr.pass;
            if (!ok && cr.shape_ok && (is(op, "argMax") || is(op, "argMin")))
                ok = arg_extreme_ok(op, operand_val(op, vals, "input"), &ref[j], act);
            if (ok) continue;
            v->j = FD_MISMATCH;
            char buf[400], tb[64], d1[96], d2[96];
            if (!cr.shape_ok)
                snprintf(buf, sizeof buf, "got %s, expected %s", wn_desc_str(&act->desc, d1, sizeof d1),
                         wn_desc_str(&ref[j].desc, d2, sizeof d2));
            else
                wn_compare_str(&cr, buf, sizeof buf);
            if (used < sizeof v->msg)
                used += (size_t)snprintf(v->msg + used, sizeof v->msg - used, "%soperators[%u] (%s) %s: %s [%s]",
                                         used ? "; " : "", k, op->spec->name, g->operands[op->outputs[j]].name, buf,
                                         tol_str(&v->tol, tb, sizeof tb));
        }
    }
    for (uint32_t j = 0; j < 16; j++) wn_tensor_free(&ref[j]);
    free(keep);
    fd_case_free(&one);
}
