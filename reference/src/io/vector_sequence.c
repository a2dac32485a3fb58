/* Tensor sequences: a test with "graphs" and "steps" (vectors/FORMAT.md, "Tensor sequences").
 * Tensor names are resolved to indices here: createTensor defines a name (once per test),
 * every other step must name a tensor created by an earlier step. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_numbers.h"
#include "vector_sequence.h"

typedef struct seq_loader {
    const char *file;
    wn_json_path path;
    wn_error *err;
    wn_vec_sequence *s;
} seq_loader;

static int fail(seq_loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(seq_loader *L, const char *fmt, ...)
{
    char msg[WN_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return wn_set_error(L->err, WN_FORMAT_ERROR, "%s: %s: %s", L->file, L->path.text, msg);
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

void wn_vec_sequence_free(wn_vec_sequence *s)
{
    if (!s) return;
    for (uint32_t i = 0; i < s->n_graphs; i++) wn_graph_free(s->graphs[i]);
    for (uint32_t i = 0; i < s->n_tensors; i++) free(s->tensors[i]);
    for (uint32_t i = 0; i < s->n_steps; i++) {
        wn_seq_step *st = &s->steps[i];
        wn_tensor_free(&st->data);
        for (uint32_t j = 0; j < st->n_inputs; j++) free(st->inputs[j].name);
        for (uint32_t j = 0; j < st->n_outputs; j++) free(st->outputs[j].name);
        free(st->inputs);
        free(st->outputs);
    }
    free(s->graphs);
    free(s->tensors);
    free(s->steps);
    free(s);
}

static int find_tensor(seq_loader *L, const cJSON *v, uint32_t *out)
{
    if (!cJSON_IsString(v)) return fail(L, "a tensor name must be a string");
    for (uint32_t i = 0; i < L->s->n_tensors; i++)
        if (strcmp(L->s->tensors[i], v->valuestring) == 0) {
            *out = i;
            return 0;
        }
    return fail(L, "tensor \"%.64s\" is not created by an earlier step", v->valuestring);
}

static const wn_desc *tensor_desc(const wn_vec_sequence *s, uint32_t t)
{
    for (uint32_t i = 0; i < s->n_steps; i++)
        if (s->steps[i].kind == WN_SEQ_CREATE && s->steps[i].tensor == t) return &s->steps[i].desc;
    return NULL;
}

static int opt_bool(seq_loader *L, const cJSON *o, const char *key, bool *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v) return 0;
    if (!cJSON_IsBool(v)) return fail(L, "%s must be true or false", key);
    *out = cJSON_IsTrue(v);
    return 0;
}

/* {"name": "tensor", ...} -> bindings */
static int bindings(seq_loader *L, const cJSON *o, const char *key, wn_seq_binding **out, uint32_t *n)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, key);
    size_t saved = wn_path_key(&L->path, key);
    int rc = -1;
    if (!cJSON_IsObject(m)) { fail(L, "must be an object of graph operand name -> tensor name"); goto done; }
    uint32_t cnt = (uint32_t)cJSON_GetArraySize(m), i = 0;
    *out = calloc(cnt ? cnt : 1, sizeof **out);
    if (!*out) { fail(L, "out of memory"); goto done; }
    for (const cJSON *b = m->child; b; b = b->next, i++) {
        size_t s2 = wn_path_key(&L->path, b->string);
        (*out)[i].name = dup_str(b->string);
        *n = i + 1;
        if (!(*out)[i].name) { fail(L, "out of memory"); goto done; }
        if (find_tensor(L, b, &(*out)[i].tensor) != 0) goto done;
        wn_path_pop(&L->path, s2);
    }
    rc = 0;
done:
    wn_path_pop(&L->path, saved);
    return rc;
}

/* DATA for tensor t (or for the step's own "descriptor", which lets a vector write a buffer
 * of the wrong size on purpose). */
static int step_data(seq_loader *L, const cJSON *o, const char *key, uint32_t t, wn_tensor *out)
{
    wn_desc d;
    const wn_desc *td = tensor_desc(L->s, t);
    if (cJSON_GetObjectItemCaseSensitive(o, "descriptor")) {
        if (wn_vec_load_desc(L->file, &L->path, L->err, o, &d) != 0) return -1;
    } else if (td) {
        d = *td;
    } else {
        return fail(L, "internal: tensor without a descriptor");
    }
    const cJSON *data = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!data) return fail(L, "\"%s\" is missing", key);
    size_t saved = wn_path_key(&L->path, key);
    wn_error e;
    int rc = wn_json_tensor_data(data, &d, out, &e);
    if (rc != 0) {
        if (e.kind == WN_RESOURCE_ERROR) wn_set_error(L->err, e.kind, "%s: %s: %s", L->file, L->path.text, e.message);
        else fail(L, "%s", e.message);
    }
    wn_path_pop(&L->path, saved);
    return rc;
}

static int load_step(seq_loader *L, const cJSON *o, wn_seq_step *st)
{
    if (!cJSON_IsObject(o)) return fail(L, "a step must be an object");
    const cJSON *v, *err = cJSON_GetObjectItemCaseSensitive(o, "expectedError");
    if (err) {
        if (!cJSON_IsString(err)) return fail(L, "expectedError must be a string");
        st->expected_error = wn_error_kind_parse(err->valuestring);
        if (st->expected_error == WN_ERROR_KIND_COUNT || st->expected_error == WN_OK)
            return fail(L, "expectedError \"%.40s\" is not an error kind", err->valuestring);
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(o, "createTensor"))) {
        st->kind = WN_SEQ_CREATE;
        if (!cJSON_IsString(v) || !*v->valuestring) return fail(L, "createTensor must name the tensor");
        for (uint32_t i = 0; i < L->s->n_tensors; i++)
            if (strcmp(L->s->tensors[i], v->valuestring) == 0)
                return fail(L, "tensor \"%.64s\" is created twice", v->valuestring);
        if (wn_vec_load_desc(L->file, &L->path, L->err, o, &st->desc) != 0) return -1;
        if (opt_bool(L, o, "readable", &st->readable) || opt_bool(L, o, "writable", &st->writable)) return -1;
        char **p = realloc(L->s->tensors, (L->s->n_tensors + 1) * sizeof *p);
        if (!p) return fail(L, "out of memory");
        L->s->tensors = p;
        if (!(p[L->s->n_tensors] = dup_str(v->valuestring))) return fail(L, "out of memory");
        st->tensor = L->s->n_tensors++;
        return 0;
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(o, "writeTensor"))) {
        st->kind = WN_SEQ_WRITE;
        return find_tensor(L, v, &st->tensor) || step_data(L, o, "data", st->tensor, &st->data) ? -1 : 0;
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(o, "readTensor"))) {
        st->kind = WN_SEQ_READ;
        if (find_tensor(L, v, &st->tensor) != 0) return -1;
        /* a read that must fail has nothing to compare */
        return st->expected_error == WN_OK ? step_data(L, o, "expected", st->tensor, &st->data) : 0;
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(o, "destroyTensor"))) {
        st->kind = WN_SEQ_DESTROY;
        return find_tensor(L, v, &st->tensor);
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(o, "dispatch"))) {
        st->kind = WN_SEQ_DISPATCH;
        if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble >= L->s->n_graphs ||
            v->valuedouble != (double)(uint32_t)v->valuedouble)
            return fail(L, "dispatch must be the index of a graph (0..%u)", L->s->n_graphs ? L->s->n_graphs - 1 : 0);
        st->graph = (uint32_t)v->valuedouble;
        return bindings(L, o, "inputs", &st->inputs, &st->n_inputs) ||
                       bindings(L, o, "outputs", &st->outputs, &st->n_outputs)
                   ? -1
                   : 0;
    }
    return fail(L, "a step must have one of createTensor, writeTensor, dispatch, readTensor, destroyTensor");
}

int wn_vec_load_sequence(const char *file, wn_json_path *path, wn_error *err, const cJSON *tj, wn_vec_case *vc)
{
    seq_loader L = {file, *path, err, calloc(1, sizeof(wn_vec_sequence))};
    if (!L.s) return fail(&L, "out of memory");
    vc->sequence = L.s;
    if (vc->expected_error != WN_OK) return fail(&L, "a tensor sequence gives expectedError on its steps");
    const cJSON *graphs = cJSON_GetObjectItemCaseSensitive(tj, "graphs");
    const cJSON *steps = cJSON_GetObjectItemCaseSensitive(tj, "steps");
    size_t saved = wn_path_key(&L.path, "graphs");
    if (!cJSON_IsArray(graphs) || cJSON_GetArraySize(graphs) == 0) return fail(&L, "must be a non-empty array");
    uint32_t n = (uint32_t)cJSON_GetArraySize(graphs), i = 0;
    if (!(L.s->graphs = calloc(n, sizeof *L.s->graphs))) return fail(&L, "out of memory");
    for (const cJSON *g = graphs->child; g; g = g->next, i++) {
        size_t s2 = wn_path_index(&L.path, i);
        if (wn_vec_load_graph(file, &L.path, err, g, &L.s->graphs[i]) != 0) return -1;
        L.s->n_graphs = i + 1;
        wn_path_pop(&L.path, s2);
    }
    wn_path_pop(&L.path, saved);
    wn_path_key(&L.path, "steps");
    if (!cJSON_IsArray(steps) || cJSON_GetArraySize(steps) == 0) return fail(&L, "must be a non-empty array");
    n = (uint32_t)cJSON_GetArraySize(steps), i = 0;
    if (!(L.s->steps = calloc(n, sizeof *L.s->steps))) return fail(&L, "out of memory");
    for (const cJSON *st = steps->child; st; st = st->next, i++) {
        size_t s2 = wn_path_index(&L.path, i);
        L.s->n_steps = i + 1;
        if (load_step(&L, st, &L.s->steps[i]) != 0) return -1;
        wn_path_pop(&L.path, s2);
    }
    return 0;
}
