/* movement.c — data movement in the OpenBLAS adapter: reshape, transpose, expand, slice,
 * reverse, tile, pad, split, concat, triangular (every data type except pad: floats), and
 * cumulativeSum (floats).
 *
 * Elements are copied bit for bit: float32 and float16 operands through their float32 view
 * (.f; the float16 result rounds back exactly), other types through their bytes (.raw).
 * Most ops are one "index map": output element (o_0, ..., o_r) reads the input element whose
 * offset is off_0[o_0] + ... + off_r[o_r], each off_d a table built at prepare (transpose
 * permutes the strides, expand uses 0 for broadcast dims, slice start + o*step, reverse
 * n-1-o, tile o mod n, pad a clamped/mirrored coordinate or "padding"). The walk copies one
 * output row at a time: a memcpy when the innermost table is the identity, else a gather. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "obl.h"

#define PADDING SIZE_MAX /* table entry: the element is pad's constant value */

/* Element storage of a value: the float32 view for float types, else the raw bytes. */
static char *elements(obl_value *v, size_t *esize)
{
    if (v->desc.dtype == WNA_FLOAT32 || v->desc.dtype == WNA_FLOAT16) {
        *esize = sizeof(float);
        return (char *)v->f;
    }
    *esize = wna_dtype_size(v->desc.dtype);
    return v->raw;
}

static void row_major_strides(const wna_desc *d, size_t *s)
{
    size_t stride = 1;
    for (uint32_t k = d->rank; k-- > 0;) {
        s[k] = stride;
        stride *= d->dims[k];
    }
}

/* pad's value after the builder's cast to the input type (float16: one rounding of the
 * double to binary16). */
static float cast_option(double v, int32_t dtype)
{
    if (dtype != WNA_FLOAT16 || !isfinite(v) || v == 0) return (float)v;
    if (fabs(v) >= 65520.0) return (float)copysign(INFINITY, v);
    int e = ilogb(v);
    if (e < -14) e = -14;
    double quantum = ldexp(1.0, e - 10);
    return (float)(nearbyint(v / quantum) * quantum);
}

/* ---- the index map ---- */

typedef struct index_map {
    uint32_t rank;                /* output rank (>= 1: a scalar is one dim of 1) */
    size_t dims[WNA_MAX_RANK];    /* output extents */
    size_t *off[WNA_MAX_RANK];    /* per dim: input element offset of each output index */
    size_t count;                 /* output elements */
    int identity_inner;           /* off[rank-1][i] == i: rows are contiguous in the input */
    uint32_t in, out;             /* operand indices */
    float pad_value;              /* pad, constant mode */
} index_map;

static void map_free(index_map *m)
{
    for (uint32_t d = 0; d < WNA_MAX_RANK; d++) free(m->off[d]);
}

/* Allocates the tables for the output shape `out`. */
static int map_alloc(index_map *m, const wna_desc *out, uint32_t in, uint32_t out_index)
{
    memset(m, 0, sizeof *m);
    m->in = in;
    m->out = out_index;
    m->rank = out->rank ? out->rank : 1;
    m->count = 1;
    for (uint32_t d = 0; d < m->rank; d++) {
        m->dims[d] = out->rank ? out->dims[d] : 1;
        m->count *= m->dims[d];
        if (!(m->off[d] = calloc(m->dims[d], sizeof *m->off[d]))) return -1;
    }
    return 0;
}

static void map_finish(index_map *m)
{
    uint32_t inner = m->rank - 1;
    m->identity_inner = 1;
    for (size_t i = 0; i < m->dims[inner]; i++)
        if (m->off[inner][i] != i) m->identity_inner = 0;
}

#define GATHER_ROW(T)                                                                              \
    do {                                                                                           \
        const T *src = (const T *)x + base;                                                        \
        T *dst = (T *)y + r * n;                                                                   \
        T pad;                                                                                     \
        memcpy(&pad, pad_bits, sizeof pad);                                                        \
        for (size_t i = 0; i < n; i++) dst[i] = inner_off[i] == PADDING ? pad : src[inner_off[i]]; \
    } while (0)

#define FILL_ROW(T)                                                                                \
    do {                                                                                           \
        T *dst = (T *)y + r * n;                                                                   \
        T pad;                                                                                     \
        memcpy(&pad, pad_bits, sizeof pad);                                                        \
        for (size_t i = 0; i < n; i++) dst[i] = pad;                                               \
    } while (0)

static int map_run(const index_map *m, obl_value *values, wna_error *err)
{
    size_t esize, osize;
    const char *x = elements(&values[m->in], &esize);
    char *y = elements(&values[m->out], &osize);
    if (!x || !y || esize != osize || !(esize == 1 || esize == 2 || esize == 4 || esize == 8))
        return obl_fail(err, WNA_OPERATION_ERROR, "data movement: unexpected operand storage");
    unsigned char pad_bits[8] = {0}; /* pad value bits (floats only; else zeros) */
    if (esize == sizeof(float)) memcpy(pad_bits, &m->pad_value, sizeof(float));
    uint32_t inner = m->rank - 1;
    size_t n = m->dims[inner], rows = m->count / n;
    const size_t *inner_off = m->off[inner];
    size_t idx[WNA_MAX_RANK] = {0};
    for (size_t r = 0; r < rows; r++) {
        size_t base = 0;
        int padding = 0;
        for (uint32_t d = 0; d < inner; d++) {
            size_t o = m->off[d][idx[d]];
            if (o == PADDING) padding = 1;
            else base += o;
        }
        if (padding) {
            switch (esize) {
            case 1: FILL_ROW(uint8_t); break;
            case 2: FILL_ROW(uint16_t); break;
            case 4: FILL_ROW(uint32_t); break;
            default: FILL_ROW(uint64_t); break;
            }
        } else if (m->identity_inner) {
            memcpy(y + r * n * esize, x + base * esize, n * esize);
        } else {
            switch (esize) {
            case 1: GATHER_ROW(uint8_t); break;
            case 2: GATHER_ROW(uint16_t); break;
            case 4: GATHER_ROW(uint32_t); break;
            default: GATHER_ROW(uint64_t); break;
            }
        }
        for (uint32_t d = inner; d-- > 0;) {
            if (++idx[d] < m->dims[d]) break;
            idx[d] = 0;
        }
    }
    return 0;
}

/* ---- building the maps ---- */

typedef struct map_state {
    uint32_t n;
    index_map maps[OBL_MAX_OUTPUTS]; /* split: one per output; others: one */
} map_state;

static void map_state_release(void *state)
{
    map_state *s = state;
    if (!s) return;
    for (uint32_t k = 0; k < s->n; k++) map_free(&s->maps[k]);
    free(s);
}

static int map_state_run(const void *state, obl_value *values, wna_error *err)
{
    const map_state *s = state;
    for (uint32_t k = 0; k < s->n; k++)
        if (map_run(&s->maps[k], values, err) != 0) return -1;
    return 0;
}

/* Source index along one input dim of extent n for output index o; PADDING if none. */
typedef struct dim_rule {
    enum { RULE_SAME, RULE_BROADCAST, RULE_STEP, RULE_REVERSE, RULE_MOD, RULE_PAD } kind;
    uint32_t in_dim;     /* which input dim this output dim walks */
    int64_t start, step; /* RULE_STEP (slice, split) */
    int64_t begin;       /* RULE_PAD */
    int mode;            /* RULE_PAD: 0 constant, 1 edge, 2 reflection */
} dim_rule;

static size_t rule_source(const dim_rule *r, size_t o, size_t n)
{
    switch (r->kind) {
    case RULE_BROADCAST: return 0;
    case RULE_STEP: return (size_t)(r->start + (int64_t)o * r->step);
    case RULE_REVERSE: return n - 1 - o;
    case RULE_MOD: return o % n;
    case RULE_PAD: {
        int64_t s = (int64_t)o - r->begin, size = (int64_t)n;
        if (s >= 0 && s < size) return (size_t)s;
        if (r->mode == 0) return PADDING;
        if (r->mode == 1) return s < 0 ? 0 : (size_t)(size - 1);
        /* reflection about the edge element, which is not repeated (the builder keeps pad < size) */
        s = s < 0 ? -s : 2 * (size - 1) - s;
        return s >= 0 && s < size ? (size_t)s : PADDING;
    }
    default: return o;
    }
}

/* Fills the map for output `out` from input `in` with one rule per output dim; checks that
 * every source index lies inside the input. */
static int map_build(index_map *m, const obl_value *values, uint32_t in, uint32_t out, const dim_rule *rules,
                     wna_error *err, const char *op)
{
    const wna_desc *id = &values[in].desc, *od = &values[out].desc;
    if (map_alloc(m, od, in, out) != 0) return obl_fail(err, WNA_OPERATION_ERROR, "%s: out of memory", op);
    if (od->rank == 0) return map_finish(m), 0; /* one element, offset 0 */
    size_t istride[WNA_MAX_RANK];
    row_major_strides(id, istride);
    for (uint32_t d = 0; d < od->rank; d++) {
        const dim_rule *r = &rules[d];
        if (r->in_dim >= id->rank && r->kind != RULE_BROADCAST)
            return obl_fail(err, WNA_OPERATION_ERROR, "%s: dimension out of range", op);
        size_t n = r->in_dim < id->rank ? id->dims[r->in_dim] : 1;
        size_t stride = r->in_dim < id->rank ? istride[r->in_dim] : 0;
        for (size_t o = 0; o < m->dims[d]; o++) {
            size_t s = rule_source(r, o, n);
            if (s == PADDING) {
                m->off[d][o] = PADDING;
                continue;
            }
            if (s >= n) return obl_fail(err, WNA_OPERATION_ERROR, "%s: index outside the input", op);
            m->off[d][o] = s * stride;
        }
    }
    map_finish(m);
    return 0;
}

static int new_state(map_state **s, wna_error *err, const char *op)
{
    if (!(*s = calloc(1, sizeof **s))) return obl_fail(err, WNA_OPERATION_ERROR, "%s: out of memory", op);
    return 0;
}

/* Prepare for the single-output map ops. */
static int map_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs < 1) return obl_fail(err, WNA_OPERATION_ERROR, "%s: missing operand", op->op);
    const wna_desc *id = &bld->values[in].desc;
    uint32_t out = op->outputs[0];
    const wna_desc *od = &bld->values[out].desc;
    dim_rule rules[WNA_MAX_RANK];
    memset(rules, 0, sizeof rules);
    for (uint32_t d = 0; d < WNA_MAX_RANK; d++) rules[d].in_dim = d;
    int64_t list[WNA_MAX_RANK + 1], list2[WNA_MAX_RANK + 1];
    float pad_value = 0;
    const char *name = op->op;

    if (strcmp(name, "transpose") == 0) {
        int n = obl_arg_ints(op, "permutation", list, WNA_MAX_RANK);
        for (uint32_t d = 0; d < od->rank; d++) {
            int64_t p = n < 0 ? (int64_t)od->rank - 1 - d : d < (uint32_t)n ? list[d] : -1;
            if (p < 0 || p >= (int64_t)id->rank) return obl_fail(err, WNA_OPERATION_ERROR, "transpose: bad permutation");
            rules[d].in_dim = (uint32_t)p;
        }
    } else if (strcmp(name, "expand") == 0) {
        /* right-aligned unidirectional broadcast of the input to the output shape */
        if (id->rank > od->rank) return obl_fail(err, WNA_OPERATION_ERROR, "expand: input rank exceeds output rank");
        uint32_t lead = od->rank - id->rank;
        for (uint32_t d = 0; d < od->rank; d++) {
            if (d < lead) {
                rules[d].kind = RULE_BROADCAST;
                rules[d].in_dim = WNA_MAX_RANK;
                continue;
            }
            rules[d].in_dim = d - lead;
            if (id->dims[d - lead] == 1 && od->dims[d] != 1) rules[d].kind = RULE_BROADCAST;
        }
    } else if (strcmp(name, "slice") == 0) {
        int n = obl_arg_ints(op, "starts", list, WNA_MAX_RANK);
        int ns = obl_arg_ints(op, "strides", list2, WNA_MAX_RANK);
        if (n != (int)id->rank || (ns >= 0 && ns != (int)id->rank))
            return obl_fail(err, WNA_OPERATION_ERROR, "slice: starts/strides do not match the input rank");
        for (uint32_t d = 0; d < od->rank; d++) {
            rules[d].kind = RULE_STEP;
            rules[d].start = list[d];
            rules[d].step = ns >= 0 ? list2[d] : 1;
        }
    } else if (strcmp(name, "reverse") == 0) {
        int n = obl_arg_ints(op, "axes", list, WNA_MAX_RANK);
        if (n < 0 && obl_arg(op, "axes")) return obl_fail(err, WNA_OPERATION_ERROR, "reverse: too many axes");
        for (uint32_t d = 0; d < od->rank; d++) rules[d].kind = n < 0 ? RULE_REVERSE : RULE_SAME;
        for (int k = 0; k < n; k++) {
            if (list[k] < 0 || list[k] >= (int64_t)od->rank) return obl_fail(err, WNA_OPERATION_ERROR, "reverse: bad axis");
            rules[list[k]].kind = RULE_REVERSE;
        }
    } else if (strcmp(name, "tile") == 0) {
        for (uint32_t d = 0; d < od->rank; d++) rules[d].kind = RULE_MOD;
    } else if (strcmp(name, "pad") == 0) {
        int nb = obl_arg_ints(op, "beginningPadding", list, WNA_MAX_RANK);
        if (nb != (int)id->rank) return obl_fail(err, WNA_OPERATION_ERROR, "pad: beginningPadding does not match the rank");
        const char *mode = obl_arg_string(op, "mode", "constant");
        int m = strcmp(mode, "edge") == 0 ? 1 : strcmp(mode, "reflection") == 0 ? 2 : 0;
        if (strcmp(mode, "symmetric") == 0) return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "pad: mode symmetric");
        for (uint32_t d = 0; d < od->rank; d++) {
            rules[d].kind = RULE_PAD;
            rules[d].begin = list[d];
            rules[d].mode = m;
        }
        pad_value = cast_option(obl_arg_double(op, "value", 0.0), id->dtype);
    } else {
        return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s: not a data movement op", name);
    }
    if (strcmp(name, "transpose") != 0 && strcmp(name, "expand") != 0 && od->rank != id->rank)
        return obl_fail(err, WNA_OPERATION_ERROR, "%s: output rank differs from the input rank", name);

    map_state *s;
    if (new_state(&s, err, name) != 0) return -1;
    s->n = 1;
    if (map_build(&s->maps[0], bld->values, (uint32_t)in, out, rules, err, name) != 0) {
        map_state_release(s);
        return -1;
    }
    s->maps[0].pad_value = pad_value;
    *state = s;
    return 0;
}

/* split: output k is the slice of the input along axis starting after output k-1. */
static int split_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs < 1 || op->n_outputs > OBL_MAX_OUTPUTS)
        return obl_fail(err, WNA_OPERATION_ERROR, "split: missing operand or too many outputs");
    const wna_desc *id = &bld->values[in].desc;
    int64_t axis = obl_arg_int(op, "axis", 0);
    if (axis < 0 || axis >= (int64_t)id->rank) return obl_fail(err, WNA_OPERATION_ERROR, "split: bad axis");
    map_state *s;
    if (new_state(&s, err, "split") != 0) return -1;
    int64_t offset = 0;
    for (uint32_t k = 0; k < op->n_outputs; k++) {
        const wna_desc *od = &bld->values[op->outputs[k]].desc;
        dim_rule rules[WNA_MAX_RANK];
        memset(rules, 0, sizeof rules);
        for (uint32_t d = 0; d < WNA_MAX_RANK; d++) rules[d].in_dim = d;
        rules[axis].kind = RULE_STEP;
        rules[axis].start = offset;
        rules[axis].step = 1;
        s->n = k + 1;
        if (od->rank != id->rank ||
            map_build(&s->maps[k], bld->values, (uint32_t)in, op->outputs[k], rules, err, "split") != 0) {
            map_state_release(s);
            return err->kind ? -1 : obl_fail(err, WNA_OPERATION_ERROR, "split: output rank differs");
        }
        offset += od->dims[axis];
    }
    *state = s;
    return 0;
}

/* ---- reshape: the same elements in the same order ---- */

typedef struct copy_state {
    uint32_t in, out;
} copy_state;

static int reshape_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "reshape: missing operand");
    if (bld->values[in].count != bld->values[op->outputs[0]].count)
        return obl_fail(err, WNA_OPERATION_ERROR, "reshape: element counts differ");
    copy_state *s = malloc(sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "reshape: out of memory");
    s->in = (uint32_t)in;
    s->out = op->outputs[0];
    *state = s;
    return 0;
}

static int reshape_run(const void *state, obl_value *values, wna_error *err)
{
    const copy_state *s = state;
    size_t esize, osize;
    const char *x = elements(&values[s->in], &esize);
    char *y = elements(&values[s->out], &osize);
    if (!x || !y || esize != osize) return obl_fail(err, WNA_OPERATION_ERROR, "reshape: unexpected operand storage");
    memcpy(y, x, values[s->out].count * esize);
    return 0;
}

/* ---- concat: per outer index, each input's block of (extent along axis) x inner ---- */

typedef struct concat_state {
    uint32_t n_inputs, out;
    uint32_t *inputs;
    size_t *block;   /* per input: elements per outer index */
    size_t outer, out_block;
} concat_state;

static void concat_release(void *state)
{
    concat_state *s = state;
    if (!s) return;
    free(s->inputs);
    free(s->block);
    free(s);
}

static int concat_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    const wna_arg *a = obl_arg(op, "inputs");
    if (!a || a->kind != WNA_ARG_OPERAND_LIST || a->count == 0 || op->n_outputs != 1)
        return obl_fail(err, WNA_OPERATION_ERROR, "concat: missing inputs");
    const wna_desc *od = &bld->values[op->outputs[0]].desc;
    int64_t axis = obl_arg_int(op, "axis", 0);
    if (axis < 0 || axis >= (int64_t)od->rank) return obl_fail(err, WNA_OPERATION_ERROR, "concat: bad axis");
    concat_state *s = calloc(1, sizeof *s);
    if (!s || !(s->inputs = calloc(a->count, sizeof *s->inputs)) || !(s->block = calloc(a->count, sizeof *s->block))) {
        concat_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "concat: out of memory");
    }
    s->n_inputs = a->count;
    s->out = op->outputs[0];
    size_t inner, len;
    obl_axis_split(od, (uint32_t)axis, &s->outer, &len, &inner);
    size_t total = 0;
    for (uint32_t k = 0; k < a->count; k++) {
        const obl_value *v = &bld->values[a->u.operands[k]];
        s->inputs[k] = a->u.operands[k];
        s->block[k] = v->count / s->outer;
        total += s->block[k];
        if (v->desc.rank != od->rank || v->desc.dtype != od->dtype) total = SIZE_MAX / 2; /* forces the error below */
    }
    s->out_block = od->dims[axis] * inner;
    if (total != s->out_block) {
        concat_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "concat: input shapes do not add up to the output");
    }
    *state = s;
    return 0;
}

static int concat_run(const void *state, obl_value *values, wna_error *err)
{
    const concat_state *s = state;
    size_t esize, isize;
    char *y = elements(&values[s->out], &esize);
    if (!y) return obl_fail(err, WNA_OPERATION_ERROR, "concat: unexpected operand storage");
    size_t at = 0;
    for (uint32_t k = 0; k < s->n_inputs; k++) {
        const char *x = elements(&values[s->inputs[k]], &isize);
        if (!x || isize != esize) return obl_fail(err, WNA_OPERATION_ERROR, "concat: unexpected operand storage");
        size_t b = s->block[k] * esize;
        for (size_t o = 0; o < s->outer; o++) memcpy(y + (o * s->out_block) * esize + at, x + o * b, b);
        at += b;
    }
    return 0;
}

/* ---- triangular: keep j - i >= diagonal (upper) or <= diagonal (lower), else 0 ---- */

typedef struct tri_state {
    uint32_t in, out;
    size_t rows, cols;
    int upper;
    int64_t diagonal;
} tri_state;

static int tri_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "triangular: missing operand");
    const wna_desc *d = &bld->values[in].desc;
    if (d->rank < 2 || bld->values[op->outputs[0]].count != bld->values[in].count)
        return obl_fail(err, WNA_OPERATION_ERROR, "triangular: input must have rank >= 2");
    tri_state *s = malloc(sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "triangular: out of memory");
    s->in = (uint32_t)in;
    s->out = op->outputs[0];
    s->rows = d->dims[d->rank - 2];
    s->cols = d->dims[d->rank - 1];
    s->upper = obl_arg_bool(op, "upper", 1);
    s->diagonal = obl_arg_int(op, "diagonal", 0);
    *state = s;
    return 0;
}

static int tri_run(const void *state, obl_value *values, wna_error *err)
{
    const tri_state *s = state;
    size_t esize, osize;
    const char *x = elements(&values[s->in], &esize);
    char *y = elements(&values[s->out], &osize);
    if (!x || !y || esize != osize) return obl_fail(err, WNA_OPERATION_ERROR, "triangular: unexpected operand storage");
    size_t count = values[s->out].count, matrix = s->rows * s->cols;
    for (size_t m = 0; m < count / matrix; m++)
        for (size_t i = 0; i < s->rows; i++) {
            size_t row = (m * matrix + i * s->cols) * esize;
            for (size_t j = 0; j < s->cols; j++) {
                int64_t offset = (int64_t)j - (int64_t)i;
                int keep = s->upper ? offset >= s->diagonal : offset <= s->diagonal;
                if (keep) memcpy(y + row + j * esize, x + row + j * esize, esize);
                else memset(y + row + j * esize, 0, esize); /* all-zero bits are 0 in every type */
            }
        }
    return 0;
}

/* ---- cumulativeSum (floats): running double sums along the axis ---- */

typedef struct cumsum_state {
    uint32_t in, out;
    size_t outer, len, inner;
    int exclusive, reversed;
    double *acc; /* inner running sums (scratch) */
} cumsum_state;

static void cumsum_release(void *state)
{
    cumsum_state *s = state;
    if (!s) return;
    free(s->acc);
    free(s);
}

static int cumsum_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "cumulativeSum: missing operand");
    const wna_desc *d = &bld->values[in].desc;
    int64_t axis = obl_arg_int(op, "axis", -1);
    if (axis < 0 || axis >= (int64_t)d->rank || bld->values[op->outputs[0]].count != bld->values[in].count)
        return obl_fail(err, WNA_OPERATION_ERROR, "cumulativeSum: bad axis");
    cumsum_state *s = calloc(1, sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "cumulativeSum: out of memory");
    s->in = (uint32_t)in;
    s->out = op->outputs[0];
    obl_axis_split(d, (uint32_t)axis, &s->outer, &s->len, &s->inner);
    s->exclusive = obl_arg_bool(op, "exclusive", 0);
    s->reversed = obl_arg_bool(op, "reversed", 0);
    if (!(s->acc = malloc(s->inner * sizeof *s->acc))) {
        cumsum_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "cumulativeSum: out of memory");
    }
    *state = s;
    return 0;
}

static int cumsum_run(const void *state, obl_value *values, wna_error *err)
{
    const cumsum_state *s = state;
    const float *x = values[s->in].f;
    float *y = values[s->out].f;
    if (!x || !y) return obl_fail(err, WNA_OPERATION_ERROR, "cumulativeSum: operands must be float");
    for (size_t o = 0; o < s->outer; o++) {
        for (size_t j = 0; j < s->inner; j++) s->acc[j] = 0;
        for (size_t step = 0; step < s->len; step++) {
            size_t k = s->reversed ? s->len - 1 - step : step;
            const float *xr = x + (o * s->len + k) * s->inner;
            float *yr = y + (o * s->len + k) * s->inner;
            if (s->exclusive) {
                for (size_t j = 0; j < s->inner; j++) {
                    yr[j] = (float)s->acc[j];
                    s->acc[j] += xr[j];
                }
            } else {
                for (size_t j = 0; j < s->inner; j++) {
                    s->acc[j] += xr[j];
                    yr[j] = (float)s->acc[j];
                }
            }
        }
    }
    return 0;
}

/* ---- the kernel table ---- */

#define ALL_TYPES ((1u << WNA_DTYPE_COUNT) - 1u)

static const wna_operand_limits any_limits[] = {
    {"input", ALL_TYPES, 0, WNA_MAX_RANK},
    {"output", ALL_TYPES, 0, WNA_MAX_RANK},
};
static const wna_operand_limits matrix_limits[] = {
    {"input", ALL_TYPES, 2, WNA_MAX_RANK},
    {"output", ALL_TYPES, 2, WNA_MAX_RANK},
};
static const wna_operand_limits float_ranked_limits[] = {
    {"input", OBL_FLOATS, 1, WNA_MAX_RANK},
    {"output", OBL_FLOATS, 1, WNA_MAX_RANK},
};
static const wna_operand_limits split_limits[] = {
    {"input", ALL_TYPES, 1, WNA_MAX_RANK},
    {"outputs", ALL_TYPES, 1, WNA_MAX_RANK},
};
static const wna_operand_limits concat_limits[] = {
    {"inputs", ALL_TYPES, 1, WNA_MAX_RANK},
    {"output", ALL_TYPES, 1, WNA_MAX_RANK},
};
static const wna_operand_limits pad_limits[] = {
    {"input", OBL_FLOATS, 0, WNA_MAX_RANK},
    {"output", OBL_FLOATS, 0, WNA_MAX_RANK},
};

static const obl_kernel kernels[] = {
    {"reshape", any_limits, 2, reshape_prepare, reshape_run, NULL},
    {"transpose", any_limits, 2, map_prepare, map_state_run, map_state_release},
    {"expand", any_limits, 2, map_prepare, map_state_run, map_state_release},
    {"slice", any_limits, 2, map_prepare, map_state_run, map_state_release},
    {"reverse", any_limits, 2, map_prepare, map_state_run, map_state_release},
    {"tile", any_limits, 2, map_prepare, map_state_run, map_state_release},
    {"pad", pad_limits, 2, map_prepare, map_state_run, map_state_release},
    {"split", split_limits, 2, split_prepare, map_state_run, map_state_release},
    {"concat", concat_limits, 2, concat_prepare, concat_run, concat_release},
    {"triangular", matrix_limits, 2, tri_prepare, tri_run, NULL},
    {"cumulativeSum", float_ranked_limits, 2, cumsum_prepare, cumsum_run, cumsum_release},
};

const obl_kernel_set obl_set_movement = {kernels, sizeof kernels / sizeof kernels[0]};
