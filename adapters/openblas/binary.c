/* binary.c — element-wise binary ops of the OpenBLAS adapter: add, sub, mul, div, max, min,
 * pow; the comparisons equal ... lesserOrEqual (float inputs, uint8 0/1 output); logicalAnd,
 * logicalOr, logicalXor, logicalNot (uint8); prelu (input and a broadcast slope).
 *
 * Broadcasting is planned once at prepare: output dims of extent 1 are dropped and adjacent
 * dims that are contiguous in both operands are merged, so every case runs as an outer walk
 * over rows and a contiguous innermost loop in one of three shapes: both operands advance
 * (same shape, or a broadcast row), a is a scalar for the row, or b is (a broadcast column).
 * The inner loops are plain indexed loops over one type, which gcc vectorizes; a big output
 * is split into blocks of rows (or chunks of its one row) that the adapter's thread pool
 * (par.c) runs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "obl.h"
#include "par.h"

/* ---- the broadcast plan ---- */

typedef struct bcast_plan {
    uint32_t rank;               /* >= 1 after collapsing */
    size_t dims[WNA_MAX_RANK];   /* output extents, outermost first */
    size_t sa[WNA_MAX_RANK];     /* a's element stride per output dim (0: broadcast) */
    size_t sb[WNA_MAX_RANK];
    size_t count;                /* output elements */
} bcast_plan;

/* Row-major strides of d, right-aligned to out_rank dims; 0 where d's extent is 1 or absent. */
static void aligned_strides(const wna_desc *d, uint32_t out_rank, size_t *s)
{
    size_t stride = 1;
    for (uint32_t k = 0; k < out_rank; k++) {
        uint32_t od = out_rank - 1 - k; /* output dim, innermost first */
        if (k < d->rank) {
            uint32_t dim = d->dims[d->rank - 1 - k];
            s[od] = dim == 1 ? 0 : stride;
            stride *= dim;
        } else {
            s[od] = 0;
        }
    }
}

/* The runner inferred out as the bidirectional broadcast of a and b; check that they
 * really broadcast to it (a kernel never trusts shapes it indexes with). */
static int plan_broadcast(const wna_desc *a, const wna_desc *b, const wna_desc *out, bcast_plan *p, wna_error *err)
{
    if (a->rank > out->rank || b->rank > out->rank)
        return obl_fail(err, WNA_OPERATION_ERROR, "operand rank exceeds the output rank");
    for (uint32_t k = 0; k < out->rank; k++) {
        uint32_t o = out->dims[out->rank - 1 - k];
        uint32_t da = k < a->rank ? a->dims[a->rank - 1 - k] : 1;
        uint32_t db = k < b->rank ? b->dims[b->rank - 1 - k] : 1;
        if ((da != o && da != 1) || (db != o && db != 1))
            return obl_fail(err, WNA_OPERATION_ERROR, "operands do not broadcast to the output shape");
    }
    size_t sa[WNA_MAX_RANK], sb[WNA_MAX_RANK];
    aligned_strides(a, out->rank, sa);
    aligned_strides(b, out->rank, sb);
    p->rank = 0;
    p->count = 1;
    for (uint32_t d = 0; d < out->rank; d++) {
        size_t n = out->dims[d];
        p->count *= n;
        if (n == 1) continue; /* contributes nothing to any index */
        if (p->rank > 0) {
            uint32_t q = p->rank - 1;
            /* dim q then d is one dim of q*d elements when both operands step through it evenly */
            if (p->sa[q] == sa[d] * n && p->sb[q] == sb[d] * n) {
                p->dims[q] *= n;
                p->sa[q] = sa[d];
                p->sb[q] = sb[d];
                continue;
            }
        }
        p->dims[p->rank] = n;
        p->sa[p->rank] = sa[d];
        p->sb[p->rank] = sb[d];
        p->rank++;
    }
    if (p->rank == 0) { /* every extent is 1: one element */
        p->rank = 1;
        p->dims[0] = 1;
        p->sa[0] = p->sb[0] = 0;
    }
    return 0;
}

/* One contiguous row: n elements of the output from a and b at the given element pointers. */
typedef void (*row_fn)(const void *a, const void *b, void *out, size_t n);

typedef struct row_fns {
    row_fn vv; /* a and b advance */
    row_fn sv; /* a fixed, b advances */
    row_fn vs; /* a advances, b fixed */
} row_fns;

/* Element offsets of a and b at the start of row r (r counts the outer dims row-major). */
static void row_offsets(const bcast_plan *p, size_t r, size_t *idx, size_t *oa, size_t *ob)
{
    *oa = *ob = 0;
    for (uint32_t d = p->rank - 1; d-- > 0;) {
        idx[d] = r % p->dims[d];
        r /= p->dims[d];
        *oa += idx[d] * p->sa[d];
        *ob += idx[d] * p->sb[d];
    }
}

/* Rows [r0, r1) of the plan: an odometer over the outer dims, a row over the innermost. */
static void run_rows(const bcast_plan *p, row_fn fn, const char *a, size_t a_size, const char *b, size_t b_size,
                     char *out, size_t out_size, size_t r0, size_t r1)
{
    uint32_t inner = p->rank - 1;
    size_t n = p->dims[inner];
    size_t idx[WNA_MAX_RANK] = {0};
    size_t oa, ob;
    row_offsets(p, r0, idx, &oa, &ob);
    for (size_t r = r0; r < r1; r++) {
        fn(a + oa * a_size, b + ob * b_size, out + r * n * out_size, n);
        /* advance the outer odometer, innermost outer dim first */
        for (uint32_t d = inner; d-- > 0;) {
            oa += p->sa[d];
            ob += p->sb[d];
            if (++idx[d] < p->dims[d]) break;
            oa -= p->sa[d] * p->dims[d];
            ob -= p->sb[d] * p->dims[d];
            idx[d] = 0;
        }
    }
}

/* One run of the plan, split into tasks of about OBL_CHUNK elements: blocks of whole rows, or
 * chunks of the one row (a and b step 0 or 1 element along it). */
typedef struct plan_job {
    const bcast_plan *p;
    row_fn fn;
    const char *a, *b;
    char *out;
    size_t a_size, b_size, out_size;
    size_t rows_per_task; /* 0: the plan is one row, split into chunks */
} plan_job;

static void plan_task(void *ctx, size_t k)
{
    const plan_job *j = ctx;
    const bcast_plan *p = j->p;
    uint32_t inner = p->rank - 1;
    size_t n = p->dims[inner], rows = p->count / n;
    if (j->rows_per_task == 0) {
        size_t first = k * OBL_CHUNK, len = n - first < OBL_CHUNK ? n - first : OBL_CHUNK;
        j->fn(j->a + first * p->sa[inner] * j->a_size, j->b + first * p->sb[inner] * j->b_size,
              j->out + first * j->out_size, len);
        return;
    }
    size_t r0 = k * j->rows_per_task, r1 = rows - r0 < j->rows_per_task ? rows : r0 + j->rows_per_task;
    run_rows(p, j->fn, j->a, j->a_size, j->b, j->b_size, j->out, j->out_size, r0, r1);
}

static void run_plan(const bcast_plan *p, const row_fns *f, const char *a, size_t a_size, const char *b,
                     size_t b_size, char *out, size_t out_size)
{
    uint32_t inner = p->rank - 1;
    size_t n = p->dims[inner], rows = p->count / n;
    row_fn fn = p->sa[inner] == 0 && n > 1 ? f->sv : p->sb[inner] == 0 && n > 1 ? f->vs : f->vv;
    plan_job job = {p, fn, a, b, out, a_size, b_size, out_size, 0};
    size_t tasks;
    if (rows == 1) {
        tasks = obl_tasks(n, OBL_CHUNK);
    } else {
        job.rows_per_task = n >= OBL_CHUNK ? 1 : OBL_CHUNK / n;
        tasks = obl_tasks(rows, job.rows_per_task);
    }
    obl_parallel_for(tasks, p->count, plan_task, &job);
}

/* Three row loops for one expression of x (from a) and y (from b). */
#define ROW_FNS(NAME, TIN, TOUT, EXPR)                                                              \
    static void NAME##_vv(const void *pa, const void *pb, void *po, size_t n)                      \
    {                                                                                               \
        const TIN *restrict a = pa, *restrict b = pb;                                               \
        TOUT *restrict o = po;                                                                      \
        for (size_t i = 0; i < n; i++) {                                                            \
            TIN x = a[i], y = b[i];                                                                 \
            o[i] = (EXPR);                                                                          \
        }                                                                                           \
    }                                                                                               \
    static void NAME##_sv(const void *pa, const void *pb, void *po, size_t n)                      \
    {                                                                                               \
        const TIN *restrict b = pb;                                                                 \
        TOUT *restrict o = po;                                                                      \
        const TIN x = *(const TIN *)pa;                                                             \
        for (size_t i = 0; i < n; i++) {                                                            \
            TIN y = b[i];                                                                           \
            o[i] = (EXPR);                                                                          \
        }                                                                                           \
    }                                                                                               \
    static void NAME##_vs(const void *pa, const void *pb, void *po, size_t n)                      \
    {                                                                                               \
        const TIN *restrict a = pa;                                                                 \
        TOUT *restrict o = po;                                                                      \
        const TIN y = *(const TIN *)pb;                                                             \
        for (size_t i = 0; i < n; i++) {                                                            \
            TIN x = a[i];                                                                           \
            o[i] = (EXPR);                                                                          \
        }                                                                                           \
    }                                                                                               \
    static const row_fns NAME##_fns = {NAME##_vv, NAME##_sv, NAME##_vs};

/* max/min (reference/DEVIATIONS.md): a NaN operand gives NaN; max(-0, +0) = +0 and
 * min(-0, +0) = -0. Equal operands are either the same value or the two zeros. */
static inline float max_f(float x, float y)
{
    if (x > y) return x;
    if (y > x) return y;
    if (x == y) return signbit(x) ? y : x;
    return NAN;
}
static inline float min_f(float x, float y)
{
    if (x < y) return x;
    if (y < x) return y;
    if (x == y) return signbit(x) ? x : y;
    return NAN;
}

/* prelu as the spec writes it, max(0, x) + slope * min(0, x), with NaN passing through the
 * max/min (so an infinite slope gives NaN for x > 0, as in the reference). */
static inline float max0(float x) { return x <= 0 ? 0.0f : x; } /* NaN: compare false */
static inline float min0(float x) { return x >= 0 ? 0.0f : x; }

ROW_FNS(add, float, float, x + y)
ROW_FNS(sub, float, float, x - y)
ROW_FNS(mul, float, float, x * y)
ROW_FNS(divide, float, float, x / y)
ROW_FNS(maximum, float, float, max_f(x, y))
ROW_FNS(minimum, float, float, min_f(x, y))
ROW_FNS(power, float, float, powf(x, y))
ROW_FNS(prelu, float, float, max0(x) + y * min0(x))
/* IEEE comparisons: false with a NaN operand, except notEqual; -0 == +0. */
ROW_FNS(eq, float, uint8_t, (uint8_t)(x == y))
ROW_FNS(ne, float, uint8_t, (uint8_t)(x != y))
ROW_FNS(gt, float, uint8_t, (uint8_t)(x > y))
ROW_FNS(ge, float, uint8_t, (uint8_t)(x >= y))
ROW_FNS(lt, float, uint8_t, (uint8_t)(x < y))
ROW_FNS(le, float, uint8_t, (uint8_t)(x <= y))
/* logical ops: any non-zero byte is true */
ROW_FNS(land, uint8_t, uint8_t, (uint8_t)((x != 0) & (y != 0)))
ROW_FNS(lor, uint8_t, uint8_t, (uint8_t)((x != 0) | (y != 0)))
ROW_FNS(lxor, uint8_t, uint8_t, (uint8_t)((x != 0) ^ (y != 0)))

/* ---- kernels ---- */

/* What an op reads and writes: float (.f) or uint8 (.raw). */
enum { ELEM_F32, ELEM_U8 };

typedef struct binary_op {
    const char *op;
    const char *a_name, *b_name; /* IDL argument names */
    const row_fns *fns;
    int in_kind, out_kind;
} binary_op;

static const binary_op binary_ops[] = {
    {"add", "a", "b", &add_fns, ELEM_F32, ELEM_F32},
    {"sub", "a", "b", &sub_fns, ELEM_F32, ELEM_F32},
    {"mul", "a", "b", &mul_fns, ELEM_F32, ELEM_F32},
    {"div", "a", "b", &divide_fns, ELEM_F32, ELEM_F32},
    {"max", "a", "b", &maximum_fns, ELEM_F32, ELEM_F32},
    {"min", "a", "b", &minimum_fns, ELEM_F32, ELEM_F32},
    {"pow", "a", "b", &power_fns, ELEM_F32, ELEM_F32},
    {"prelu", "input", "slope", &prelu_fns, ELEM_F32, ELEM_F32},
    {"equal", "a", "b", &eq_fns, ELEM_F32, ELEM_U8},
    {"notEqual", "a", "b", &ne_fns, ELEM_F32, ELEM_U8},
    {"greater", "a", "b", &gt_fns, ELEM_F32, ELEM_U8},
    {"greaterOrEqual", "a", "b", &ge_fns, ELEM_F32, ELEM_U8},
    {"lesser", "a", "b", &lt_fns, ELEM_F32, ELEM_U8},
    {"lesserOrEqual", "a", "b", &le_fns, ELEM_F32, ELEM_U8},
    {"logicalAnd", "a", "b", &land_fns, ELEM_U8, ELEM_U8},
    {"logicalOr", "a", "b", &lor_fns, ELEM_U8, ELEM_U8},
    {"logicalXor", "a", "b", &lxor_fns, ELEM_U8, ELEM_U8},
};
#define N_BINARY_OPS (sizeof binary_ops / sizeof binary_ops[0])

typedef struct binary_state {
    const binary_op *op;
    uint32_t a, b, out;
    bcast_plan plan;
} binary_state;

static const binary_op *find_binary_op(const char *name)
{
    for (size_t i = 0; i < N_BINARY_OPS; i++)
        if (strcmp(binary_ops[i].op, name) == 0) return &binary_ops[i];
    return NULL;
}

static int is_kind(const obl_value *v, int kind)
{
    if (kind == ELEM_U8) return v->desc.dtype == WNA_UINT8 && v->raw != NULL;
    return (v->desc.dtype == WNA_FLOAT32 || v->desc.dtype == WNA_FLOAT16) && v->f != NULL;
}

static int binary_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    const binary_op *bop = find_binary_op(op->op);
    if (!bop) return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: not a binary op", op->op);
    int64_t a = obl_arg_operand(op, bop->a_name), b = obl_arg_operand(op, bop->b_name);
    if (a < 0 || b < 0 || op->n_outputs != 1)
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: missing operand", op->op);
    uint32_t out = op->outputs[0];
    const obl_value *va = &bld->values[a], *vb = &bld->values[b], *vo = &bld->values[out];
    if (va->desc.dtype != vb->desc.dtype)
        return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: operand data types differ", op->op);
    binary_state *s = calloc(1, sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "%s: out of memory", op->op);
    s->op = bop;
    s->a = (uint32_t)a;
    s->b = (uint32_t)b;
    s->out = out;
    /* prelu's output takes input's place, slope broadcasts to it (either way, bidirectionally) */
    if (plan_broadcast(&va->desc, &vb->desc, &vo->desc, &s->plan, err) != 0) {
        free(s);
        return -1;
    }
    if (s->plan.count != vo->count) {
        free(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: output element count mismatch", op->op);
    }
    *state = s;
    return 0;
}

static int binary_run(const void *state, obl_value *values, wna_error *err)
{
    const binary_state *s = state;
    const obl_value *va = &values[s->a], *vb = &values[s->b];
    obl_value *vo = &values[s->out];
    if (!is_kind(va, s->op->in_kind) || !is_kind(vb, s->op->in_kind) || !is_kind(vo, s->op->out_kind))
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: operand storage does not match the kernel", s->op->op);
    size_t in_size = s->op->in_kind == ELEM_U8 ? 1 : sizeof(float);
    size_t out_size = s->op->out_kind == ELEM_U8 ? 1 : sizeof(float);
    const void *pa = s->op->in_kind == ELEM_U8 ? va->raw : (const void *)va->f;
    const void *pb = s->op->in_kind == ELEM_U8 ? vb->raw : (const void *)vb->f;
    void *po = s->op->out_kind == ELEM_U8 ? vo->raw : (void *)vo->f;
    run_plan(&s->plan, s->op->fns, pa, in_size, pb, in_size, po, out_size);
    return 0;
}

/* ---- logicalNot: one uint8 operand ---- */

typedef struct not_state {
    uint32_t a, out;
} not_state;

static int not_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    int64_t a = obl_arg_operand(op, "a");
    if (a < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "%s: missing operand", op->op);
    if (bld->values[a].count != bld->values[op->outputs[0]].count)
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: output element count mismatch", op->op);
    not_state *s = malloc(sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "%s: out of memory", op->op);
    s->a = (uint32_t)a;
    s->out = op->outputs[0];
    *state = s;
    return 0;
}

static int not_run(const void *state, obl_value *values, wna_error *err)
{
    const not_state *s = state;
    const obl_value *va = &values[s->a];
    obl_value *vo = &values[s->out];
    if (!is_kind(va, ELEM_U8) || !is_kind(vo, ELEM_U8))
        return obl_fail(err, WNA_OPERATION_ERROR, "logicalNot: operands must be uint8");
    const uint8_t *x = va->raw;
    uint8_t *y = vo->raw;
    for (size_t i = 0, n = vo->count; i < n; i++) y[i] = (uint8_t)(x[i] == 0);
    return 0;
}

/* ---- the kernel table ---- */

static const wna_operand_limits float_limits[] = {
    {"a", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"b", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"output", OBL_FLOATS, 0, WNA_MAX_RANK},
};
static const wna_operand_limits prelu_limits[] = {
    {"input", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"slope", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"output", OBL_FLOATS, 0, WNA_MAX_RANK},
};
static const wna_operand_limits compare_limits[] = {
    {"a", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"b", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"output", OBL_U8, 0, WNA_MAX_RANK},
};
static const wna_operand_limits logical_limits[] = {
    {"a", OBL_U8, 0, WNA_MAX_RANK},
    {"b", OBL_U8, 0, WNA_MAX_RANK},
    {"output", OBL_U8, 0, WNA_MAX_RANK},
};
static const wna_operand_limits not_limits[] = {
    {"a", OBL_U8, 0, WNA_MAX_RANK},
    {"output", OBL_U8, 0, WNA_MAX_RANK},
};

#define BINARY(NAME, LIMITS) {NAME, LIMITS, 3, binary_prepare, binary_run, NULL}

static const obl_kernel kernels[] = {
    BINARY("add", float_limits),
    BINARY("sub", float_limits),
    BINARY("mul", float_limits),
    BINARY("div", float_limits),
    BINARY("max", float_limits),
    BINARY("min", float_limits),
    BINARY("pow", float_limits),
    BINARY("prelu", prelu_limits),
    BINARY("equal", compare_limits),
    BINARY("notEqual", compare_limits),
    BINARY("greater", compare_limits),
    BINARY("greaterOrEqual", compare_limits),
    BINARY("lesser", compare_limits),
    BINARY("lesserOrEqual", compare_limits),
    BINARY("logicalAnd", logical_limits),
    BINARY("logicalOr", logical_limits),
    BINARY("logicalXor", logical_limits),
    {"logicalNot", not_limits, 2, not_prepare, not_run, NULL},
};

const obl_kernel_set obl_set_binary = {kernels, sizeof kernels / sizeof kernels[0]};
