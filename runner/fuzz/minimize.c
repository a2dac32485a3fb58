/* Greedy minimization (minimize.h): 1. the failing operation alone on its inputs, else its
 * ancestors only, then each other operation dropped in turn (its results become inputs
 * holding the reference's values); 2. each dimension of each input and constant cut to 1,
 * else halved; 3. values rounded to quarters, then half of each tensor zeroed. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "minimize.h"
#include "webnn/dtype.h"
#include "webnn/interp.h"

#define MAX_TRIES 80

typedef struct state {
    fd_case *c;
    fd_repro_fn repro;
    void *ctx;
    fd_min_stats *st;
    char bad_name[64];        /* first output of the failing operation ("" unknown) */
} state;

static int32_t find_bad(const state *S)
{
    if (!S->bad_name[0]) return -1;
    for (uint32_t k = 0; k < S->c->g->n_ops; k++)
        if (strcmp(S->c->g->operands[S->c->g->ops[k].outputs[0]].name, S->bad_name) == 0) return (int32_t)k;
    return -1;
}

/* Tries keep[] with leaf values vals[]; takes the candidate when the finding persists. */
static bool attempt(state *S, const bool *keep, const wn_tensor *vals)
{
    if (S->st->tries >= MAX_TRIES) return false;
    fd_case cand;
    wn_error err;
    if (fd_extract(S->c->g, keep, vals, false, &cand, &err) != 0) return false;
    if (S->bad_name[0]) { /* the failing operation must still be there */
        bool present = false;
        for (uint32_t k = 0; k < cand.g->n_ops; k++)
            present |= strcmp(cand.g->operands[cand.g->ops[k].outputs[0]].name, S->bad_name) == 0;
        if (!present) {
            fd_case_free(&cand);
            return false;
        }
    }
    S->st->tries++;
    if (!S->repro(&cand, S->ctx)) {
        fd_case_free(&cand);
        return false;
    }
    fd_case_free(S->c);
    *S->c = cand;
    return true;
}

static wn_tensor *values(const fd_case *c)
{
    wn_tensor *v = calloc(c->g->n_operands + 1, sizeof *v);
    wn_error err;
    if (v && fd_values_reference(c, v, &err) != 0) {
        free(v);
        return NULL;
    }
    return v;
}

static void values_free(wn_tensor *v, uint32_t n)
{
    fd_values_free(v, n);
    free(v);
}

static void drop_operations(state *S)
{
    bool progress = true;
    while (progress && S->st->tries < MAX_TRIES) {
        progress = false;
        const wn_graph *g = S->c->g;
        uint32_t n = g->n_ops, n_operands = g->n_operands;
        if (n <= 1) return;
        wn_tensor *vals = values(S->c);
        bool *keep = calloc(n + 1, sizeof *keep);
        if (!vals || !keep) {
            free(keep);
            if (vals) values_free(vals, n_operands);
            return;
        }
        int32_t bad = find_bad(S);
        /* the operation alone; a crash or error: each operation alone */
        for (uint32_t k = 0; k < n && !progress; k++) {
            if (bad >= 0 && (int32_t)k != bad) continue;
            memset(keep, 0, n * sizeof *keep);
            keep[k] = true;
            progress = attempt(S, keep, vals);
        }
        if (!progress && bad >= 0) { /* its ancestors only */
            bool *need = calloc(n_operands + 1, sizeof *need);
            uint32_t kept = 0;
            if (need) {
                memset(keep, 0, n * sizeof *keep);
                for (int32_t k = bad; k >= 0; k--) {
                    const wn_operation *op = &g->ops[k];
                    bool wanted = k == bad;
                    for (uint32_t j = 0; j < op->n_outputs; j++) wanted |= need[op->outputs[j]];
                    if (!wanted) continue;
                    keep[k] = true;
                    kept++;
                    for (uint32_t p = 0; p < op->spec->n_params; p++) {
                        const wn_value *v = &op->args[p];
                        if (v->kind == WN_V_OPERAND) need[v->u.operand] = true;
                        for (uint32_t j = 0; v->kind == WN_V_OPERAND_LIST && j < v->count; j++) need[v->u.operands[j]] = true;
                    }
                }
                free(need);
                if (kept < n) progress = attempt(S, keep, vals);
            }
        }
        for (uint32_t k = 0; k < n && !progress; k++) { /* each other operation dropped */
            if ((int32_t)k == bad) continue;
            for (uint32_t j = 0; j < n; j++) keep[j] = j != k;
            progress = attempt(S, keep, vals);
        }
        free(keep);
        values_free(vals, n_operands);
    }
}

/* t cut to its first m entries along axis. */
static int slice(const wn_tensor *t, uint32_t axis, uint32_t m, wn_tensor *out)
{
    wn_desc d = t->desc;
    d.dims[axis] = m;
    wn_error err;
    if (wn_tensor_alloc(out, &d, &err) != 0) return -1;
    size_t n = wn_desc_count(&d), es = wn_dtype_size(d.dtype);
    uint32_t c[WN_MAX_RANK];
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&d, i, c);
        memcpy((char *)out->data + i * es, (const char *)t->data + wn_ravel(&t->desc, c) * es, es);
    }
    return 0;
}

static bool is_leaf(const wn_operand *o) { return o->kind != WN_OPERAND_RESULT; }

/* Replaces leaf i's value by repl (taken over) and tries it. */
static bool try_leaf(state *S, uint32_t i, wn_tensor repl)
{
    uint32_t n = S->c->g->n_ops, n_operands = S->c->g->n_operands;
    wn_tensor *vals = values(S->c);
    bool *keep = calloc(n + 1, sizeof *keep);
    bool ok = false;
    if (vals && keep) {
        for (uint32_t k = 0; k < n; k++) keep[k] = true;
        wn_tensor_free(&vals[i]);
        vals[i] = repl;
        repl.data = NULL;
        ok = attempt(S, keep, vals);
    }
    wn_tensor_free(&repl);
    free(keep);
    if (vals) values_free(vals, n_operands);
    return ok;
}

static const wn_tensor *leaf_value(const fd_case *c, uint32_t i, wn_tensor *view)
{
    const wn_operand *o = &c->g->operands[i];
    if (o->kind == WN_OPERAND_CONSTANT) {
        *view = (wn_tensor){o->desc, o->data, o->nbytes};
        return view;
    }
    for (uint32_t k = 0; k < c->n_in; k++)
        if ((uint32_t)wn_graph_input_operand(c->g, k) == i) return &c->in[k];
    return NULL;
}

/* The leaves' names (operand indices change when a candidate is taken). */
static char **leaf_names(const fd_case *c, uint32_t *n)
{
    char **names = calloc(c->g->n_operands + 1, sizeof *names);
    *n = 0;
    for (uint32_t i = 0; names && i < c->g->n_operands; i++)
        if (is_leaf(&c->g->operands[i])) names[(*n)++] = strdup(c->g->operands[i].name);
    return names;
}

static void names_free(char **names, uint32_t n)
{
    for (uint32_t i = 0; names && i < n; i++) free(names[i]);
    free(names);
}

static void shrink_dims(state *S)
{
    uint32_t n;
    char **names = leaf_names(S->c, &n);
    for (uint32_t l = 0; names && l < n && S->st->tries < MAX_TRIES; l++) {
        for (uint32_t a = 0; a < WN_MAX_RANK && S->st->tries < MAX_TRIES; a++) {
            for (;;) {
                int32_t i = names[l] ? wn_graph_find(S->c->g, names[l]) : -1;
                if (i < 0 || a >= S->c->g->operands[i].desc.rank) break;
                uint32_t d = S->c->g->operands[i].desc.dims[a];
                if (d <= 1 || S->st->tries >= MAX_TRIES) break;
                wn_tensor view, cut;
                const wn_tensor *t = leaf_value(S->c, (uint32_t)i, &view);
                if (!t || slice(t, a, 1, &cut) != 0) break;
                if (try_leaf(S, (uint32_t)i, cut)) break;
                if (d / 2 <= 1 || slice(t, a, d / 2, &cut) != 0 || !try_leaf(S, (uint32_t)i, cut)) break;
            }
        }
    }
    names_free(names, n);
}

static void simplify_values(state *S)
{
    uint32_t n_leaves;
    char **names = leaf_names(S->c, &n_leaves);
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t l = 0; names && l < n_leaves && S->st->tries < MAX_TRIES; l++) {
            int32_t i = names[l] ? wn_graph_find(S->c->g, names[l]) : -1;
            if (i < 0) continue;
            wn_tensor view, t2;
            wn_error err;
            const wn_tensor *t = leaf_value(S->c, (uint32_t)i, &view);
            if (!t || wn_tensor_copy(&t2, t, &err) != 0) continue;
            size_t n = wn_desc_count(&t2.desc);
            bool changed = false;
            for (size_t e = pass == 0 ? 0 : n / 2; e < n; e++) {
                double v = wn_get_f64(&t2, e), w = pass == 0 ? (isfinite(v) ? round(v * 4) / 4 : v) : 0;
                if (pass == 0 && !wn_dtype_is_float(t2.desc.dtype)) w = v;
                if (w != v || (pass == 1 && signbit(v))) {
                    changed = true;
                    if (wn_dtype_is_float(t2.desc.dtype)) wn_put_f64(&t2, e, w);
                    else wn_put_i64(&t2, e, (int64_t)w);
                }
            }
            if (changed) try_leaf(S, (uint32_t)i, t2);
            else wn_tensor_free(&t2);
        }
    names_free(names, n_leaves);
}

void fd_minimize(fd_case *c, int32_t bad_op, fd_repro_fn repro, void *ctx, fd_min_stats *st)
{
    state S = {c, repro, ctx, st, ""};
    memset(st, 0, sizeof *st);
    if (bad_op >= 0 && (uint32_t)bad_op < c->g->n_ops)
        snprintf(S.bad_name, sizeof S.bad_name, "%s", c->g->operands[c->g->ops[bad_op].outputs[0]].name);
    drop_operations(&S);
    shrink_dims(&S);
    simplify_values(&S);
}
