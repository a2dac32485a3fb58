/* Cases from a seed. Case n of seed s is a pure function of (s, n, the ops to draw from, the
 * adapter's opSupportLimits): each operation's choices are bytes from a counter-based
 * generator keyed by (s, n, operation number, attempt), fed to the shape-aware generators
 * of conformance/fuzz/ (fz_add_op). An operation that makes the graph invalid or leaves the
 * adapter's limits is drawn again (next attempt); the graph is rebuilt from its accepted
 * choices each time, since operations cannot be removed from a wn_graph. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fd.h"
#include "fuzz_interp_ops.h"
#include "support.h"
#include "webnn/dtype.h"
#include "webnn/interp.h"

#define ATTEMPTS 24
#define STREAM_BYTES (80u << 10) /* room for a constant's bytes and the choices after it */

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t key(uint64_t seed, uint64_t case_no, uint64_t a, uint64_t b)
{
    uint64_t s = seed;
    uint64_t k = splitmix(&s) ^ case_no;
    s = k;
    k = splitmix(&s) ^ (a << 32 | b);
    s = k;
    return splitmix(&s);
}

static void fill_stream(uint8_t *buf, size_t n, uint64_t k)
{
    uint64_t r = 0;
    for (size_t i = 0; i < n; i++) {
        if (i % 8 == 0) r = splitmix(&k);
        buf[i] = (uint8_t)(r >> (8 * (i % 8)));
    }
}

static bool within_cap(const wn_graph *g)
{
    for (uint32_t i = 0; i < g->n_operands; i++) {
        size_t bytes;
        wn_error err;
        if (wn_desc_bytes(&g->operands[i].desc, &bytes, &err) != 0 || bytes > FD_TENSOR_CAP) return false;
    }
    return true;
}

/* Every result a graph output, then validation, the tensor cap and the adapter's limits. */
static bool acceptable(wn_graph *g, const wna_support_limits *l)
{
    wn_error err;
    char msg[256];
    uint32_t *outs = calloc(g->n_operands + 1, sizeof *outs), n = 0;
    if (!outs) return false;
    for (uint32_t i = 0; i < g->n_operands; i++)
        if (g->operands[i].kind == WN_OPERAND_RESULT) outs[n++] = i;
    bool ok = wn_graph_set_outputs(g, outs, n, &err) == 0 && wn_graph_validate(g, &err) == 0 && within_cap(g) &&
              (!l || (rn_support_ops_present(g, l, msg, sizeof msg) == 0 && rn_support_check(g, l, msg, sizeof msg) == 0));
    free(outs);
    return ok;
}

/* The graph of the accepted attempts (n operations); NULL when it is not acceptable. */
static wn_graph *build(const fd_gen_cfg *cfg, uint64_t case_no, const uint32_t *attempts, uint32_t n, uint8_t *stream)
{
    fz_builder B = {0};
    B.g = wn_graph_new();
    if (!B.g) return NULL;
    uint8_t base[FZ_MAX_RANK];
    fill_stream(base, sizeof base, key(cfg->seed, case_no, 0xB05E, 0));
    for (uint32_t i = 0; i < FZ_MAX_RANK; i++) B.base[i] = 1u + base[i] % 4u;
    for (uint32_t i = 0; i < n; i++) {
        fill_stream(stream, STREAM_BYTES, key(cfg->seed, case_no, i + 1, attempts[i]));
        B.b = (fz_bytes){stream, STREAM_BYTES};
        uint32_t pick = fz_take(&B.b);
        pick = pick << 8 | fz_take(&B.b);
        const wn_op_spec *spec = wn_registry_at(cfg->ops[pick % cfg->n_ops]);
        bool shaped;
        uint32_t n_out;
        if (fz_add_op(&B, spec, i, &shaped, &n_out) != 0) {
            wn_graph_free(B.g);
            return NULL;
        }
    }
    if (!acceptable(B.g, cfg->limits)) {
        wn_graph_free(B.g);
        return NULL;
    }
    return B.g;
}

/* ---- data ---- */

typedef struct rng {
    uint64_t s;
} rng;

static double uniform(rng *r) { return (double)(splitmix(&r->s) >> 11) * 0x1p-53; }
static uint32_t below(rng *r, uint32_t n) { return n ? (uint32_t)(splitmix(&r->s) % n) : 0; }

static double special_float(rng *r, wn_dtype t)
{
    static const double f32[] = {0.0, -0.0, 0x1p-149, -0x1p-130, 0x1p-126, NAN, INFINITY, -INFINITY, 3.0e38, -65504.0};
    static const double f16[] = {0.0, -0.0, 0x1p-24, -0x1p-20, 0x1p-14, NAN, INFINITY, -INFINITY, 65504.0, -65504.0};
    return (t == WN_FLOAT16 ? f16 : f32)[below(r, 10)];
}

static void put_int_extreme(wn_tensor *t, size_t i, rng *r)
{
    unsigned bits = wn_dtype_int_bits(t->desc.dtype);
    bool sgn = wn_dtype_is_signed_int(t->desc.dtype);
    uint64_t max = sgn ? (bits == 64 ? (uint64_t)INT64_MAX : ((uint64_t)1 << (bits - 1)) - 1)
                       : (bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1);
    switch (below(r, 4)) {
    case 0: wn_put_u64(t, i, max); break;
    case 1: if (sgn) wn_put_i64(t, i, -(int64_t)(max - 1) - 1); else wn_put_u64(t, i, 0); break;
    case 2: wn_put_i64(t, i, sgn ? -1 : 1); break;
    default: wn_put_u64(t, i, max - 1); break;
    }
}

/* Index bounds of the indices operand `o` from the operation that reads it (0: none). */
static uint32_t index_bounds(const wn_graph *g, uint32_t o, uint32_t *bounds)
{
    for (uint32_t k = 0; k < g->n_ops; k++) {
        const wn_operation *op = &g->ops[k];
        int pi = wn_param_index(op->spec, "indices"), px = wn_param_index(op->spec, "input");
        if (pi < 0 || px < 0 || op->args[pi].kind != WN_V_OPERAND || op->args[pi].u.operand != o) continue;
        const wn_desc *x = &g->operands[op->args[px].u.operand].desc, *idx = &g->operands[o].desc;
        if (strstr(op->spec->name, "ND")) {
            uint32_t nb = idx->rank ? idx->dims[idx->rank - 1] : 0;
            for (uint32_t j = 0; j < nb && j < x->rank && j < WN_MAX_RANK; j++) bounds[j] = x->dims[j];
            return nb <= x->rank && nb <= WN_MAX_RANK ? nb : 0;
        }
        int pa = wn_param_index(op->spec, "axis");
        uint32_t axis = pa >= 0 && op->args[pa].kind == WN_V_NUMBER ? (uint32_t)op->args[pa].u.number.f : 0;
        bounds[0] = axis < x->rank ? x->dims[axis] : 1;
        return 1;
    }
    return 0;
}

/* Well-conditioned values (floats uniform in [-2, 2), small integers), indices inside their
 * range (a few negative), and in a case with specials one element in six a special value:
 * +-0, subnormals, NaN, +-Inf, the largest finite values, integer extremes. */
static void fill(const wn_graph *g, uint32_t o, wn_tensor *t, rng *r, bool specials)
{
    uint32_t bounds[WN_MAX_RANK], nb = wn_dtype_is_float(t->desc.dtype) ? 0 : index_bounds(g, o, bounds);
    size_t n = wn_desc_count(&t->desc);
    bool sgn = wn_dtype_is_signed_int(t->desc.dtype);
    for (size_t i = 0; i < n; i++) {
        if (nb) {
            uint32_t b = bounds[i % nb];
            int64_t v = (int64_t)below(r, b);
            if (sgn && below(r, 5) == 0) v -= b; /* counts from the end */
            wn_put_i64(t, i, v);
        } else if (specials && below(r, 6) == 0) {
            if (wn_dtype_is_float(t->desc.dtype)) wn_put_f64(t, i, special_float(r, t->desc.dtype));
            else put_int_extreme(t, i, r);
        } else if (wn_dtype_is_float(t->desc.dtype)) {
            wn_put_f64(t, i, uniform(r) * 4.0 - 2.0);
        } else {
            wn_put_i64(t, i, sgn ? (int64_t)below(r, 17) - 8 : (int64_t)below(r, 9));
        }
    }
}

int fd_generate(const fd_gen_cfg *cfg, uint64_t case_no, fd_case *out, char *why, size_t cap)
{
    memset(out, 0, sizeof *out);
    uint8_t *stream = malloc(STREAM_BYTES);
    if (!stream || cfg->n_ops == 0) {
        free(stream);
        snprintf(why, cap, cfg->n_ops ? "out of memory" : "no operation to draw from");
        return -1;
    }
    uint8_t size_byte;
    fill_stream(&size_byte, 1, key(cfg->seed, case_no, 0x512E, 0));
    uint32_t target = 1 + size_byte % FD_MAX_OPS, attempts[FD_MAX_OPS];
    wn_graph *g = NULL;
    for (uint32_t i = 0; i < target; i++) {
        wn_graph *next = NULL;
        for (uint32_t a = 0; a < ATTEMPTS && !next; a++) {
            attempts[i] = a;
            next = build(cfg, case_no, attempts, i + 1, stream);
        }
        if (!next) break;
        wn_graph_free(g);
        g = next;
    }
    free(stream);
    if (!g) {
        snprintf(why, cap, "no valid operation inside the adapter's limits in %d draws", ATTEMPTS);
        return -1;
    }
    out->g = g;
    rng r = {key(cfg->seed, case_no, 0xDA7A, 0)};
    bool specials = below(&r, 8) == 0;
    out->n_in = wn_graph_input_count(g);
    out->in = calloc(out->n_in + 1, sizeof *out->in);
    wn_error err;
    if (!out->in) goto oom;
    for (uint32_t k = 0; k < out->n_in; k++) {
        uint32_t o = wn_graph_input_operand(g, k);
        if (wn_tensor_alloc(&out->in[k], &g->operands[o].desc, &err) != 0) goto oom;
        fill(g, o, &out->in[k], &r, specials);
    }
    for (uint32_t o = 0; o < g->n_operands; o++) { /* constants get the same kind of values */
        wn_operand *c = &g->operands[o];
        if (c->kind != WN_OPERAND_CONSTANT) continue;
        wn_tensor t = {c->desc, c->data, c->nbytes};
        fill(g, o, &t, &r, specials);
    }
    return 0;
oom:
    fd_case_free(out);
    snprintf(why, cap, "out of memory");
    return -1;
}
