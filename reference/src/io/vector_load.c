/* The graph/vector JSON format -> wn_vec_file (vectors/FORMAT.md). Each case is loaded on
 * its own: a malformed case records its error and the rest of the file still loads. */
#include "webnn/vector_file.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_generate.h"
#include "json_numbers.h"
#include "json_path.h"
#include "json_text.h"
#include "vector_warn.h"
#include "vector_sequence.h"

/* Everything about the case being loaded, so helpers can report with file and path. */
typedef struct loader {
    const char *file;
    wn_json_path path;
    wn_error *err;
    char **warnings; /* the case's warnings (NULL: none wanted) */
} loader;

static int fail(loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(loader *L, const char *fmt, ...)
{
    char msg[WN_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return wn_set_error(L->err, WN_FORMAT_ERROR, "%s: %s: %s", L->file, L->path.text, msg);
}

/* A descriptor the builder's input()/constant() would reject: the spec's TypeError, so a
 * validation vector can expect it. */
static int fail_type(loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail_type(loader *L, const char *fmt, ...)
{
    char msg[WN_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return wn_set_error(L->err, WN_TYPE_ERROR, "%s: %s: %s", L->file, L->path.text, msg);
}

/* Re-labels an error from a helper with the file and current path (kind kept). */
static int fail_with(loader *L, wn_error *inner)
{
    char msg[WN_ERROR_MESSAGE_MAX];
    memcpy(msg, inner->message, sizeof msg);
    wn_error_kind kind = inner->kind == WN_OK ? WN_FORMAT_ERROR : inner->kind;
    return wn_set_error(L->err, kind, "%s: %s: %s", L->file, L->path.text, msg);
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static const char *json_type(const cJSON *v)
{
    if (!v) return "nothing";
    if (cJSON_IsObject(v)) return "an object";
    if (cJSON_IsArray(v)) return "an array";
    if (cJSON_IsString(v)) return "a string";
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsBool(v)) return "a boolean";
    if (cJSON_IsNull(v)) return "null";
    return "an invalid value";
}

/* An object member that must be present and of the checked kind. */
static const cJSON *member(loader *L, const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) fail(L, "\"%s\" is missing", key);
    return v;
}

/* Keys of a JSON object must be unique (cJSON keeps duplicates silently). */
static int check_unique_keys(loader *L, const cJSON *obj)
{
    for (const cJSON *a = obj->child; a; a = a->next)
        for (const cJSON *b = a->next; b; b = b->next)
            if (a->string && b->string && strcmp(a->string, b->string) == 0)
                return fail(L, "key \"%s\" appears twice", a->string);
    return 0;
}

/* ---- descriptors ---- */

static int load_desc(loader *L, const cJSON *obj, wn_desc *d)
{
    size_t saved = wn_path_key(&L->path, "descriptor");
    const cJSON *desc = member(L, obj, "descriptor");
    if (!desc) goto fail;
    if (!cJSON_IsObject(desc)) { fail(L, "must be an object, got %s", json_type(desc)); goto fail; }
    const cJSON *dt = cJSON_GetObjectItemCaseSensitive(desc, "dataType");
    if (!dt) dt = cJSON_GetObjectItemCaseSensitive(desc, "type"); /* older WPT spelling */
    const cJSON *shape = cJSON_GetObjectItemCaseSensitive(desc, "shape");
    if (!shape) shape = cJSON_GetObjectItemCaseSensitive(desc, "dimensions"); /* older WPT spelling */
    if (!cJSON_IsString(dt)) { fail(L, "dataType must be a string, got %s", json_type(dt)); goto fail; }
    if (!wn_dtype_parse(dt->valuestring, &d->dtype)) {
        fail(L, "dataType \"%.40s\" is not one of float32, float16, int32, uint32, int64, uint64, int8, uint8",
             dt->valuestring);
        goto fail;
    }
    if (!cJSON_IsArray(shape)) { fail(L, "shape must be an array, got %s", json_type(shape)); goto fail; }
    int rank = cJSON_GetArraySize(shape);
    if (rank > WN_MAX_RANK) { fail(L, "shape has rank %d, at most %d is supported", rank, WN_MAX_RANK); goto fail; }
    d->rank = (uint32_t)rank;
    int i = 0;
    for (const cJSON *dim = shape->child; dim; dim = dim->next, i++) {
        /* the range is checked before the conversion, so none is out of range */
        if (!cJSON_IsNumber(dim) || !isfinite(dim->valuedouble) || dim->valuedouble != floor(dim->valuedouble)) {
            fail(L, "shape[%d] must be an integer, got %s", i,
                 cJSON_IsNumber(dim) ? "a non-integer or out-of-range number" : json_type(dim));
            goto fail;
        }
        if (dim->valuedouble < 1 || dim->valuedouble > WN_MAX_DIMENSION) {
            /* a valid dimension is an integer in range: the builder's TypeError */
            fail_type(L, "shape[%d] is %.15g, a dimension must be in 1..%u", i, dim->valuedouble, WN_MAX_DIMENSION);
            goto fail;
        }
        d->dims[i] = (uint32_t)dim->valuedouble;
    }
    wn_error e;
    if (wn_desc_check(d, &e) != 0) { fail_with(L, &e); goto fail; }
    wn_path_pop(&L->path, saved);
    return 0;
fail:
    wn_path_pop(&L->path, saved);
    return -1;
}

/* ---- graph inputs ---- */

/* f: how an input's bytes are made when its data is not stored, else NULL. */
static int add_named_tensor(wn_named_tensor **arr, uint32_t *n, const char *name, wn_tensor *t, const wn_fill *f)
{
    wn_named_tensor *p = realloc(*arr, (*n + 1) * sizeof *p);
    if (!p) return -1;
    *arr = p;
    p[*n].name = dup_str(name);
    if (!p[*n].name) return -1;
    p[*n].tensor = *t;
    p[*n].exact = NULL;
    p[*n].fill = f != NULL;
    memset(&p[*n].fill_how, 0, sizeof p[*n].fill_how);
    if (f) p[*n].fill_how = *f;
    (*n)++;
    return 0;
}

static int data_error(loader *L, wn_error *e)
{
    if (e->kind == WN_RESOURCE_ERROR) return fail_with(L, e);
    return fail(L, "%s", e->message);
}

/* An expected output's DATA -> t. One number for several elements stays one element (a fill
 * tensor): it is compared as a fill. */
static int load_data(loader *L, const cJSON *data, const wn_desc *d, wn_tensor *t)
{
    wn_error e;
    int r = wn_json_tensor_fill(data, d, t, &e);
    if (r == 0) r = wn_json_tensor_data(data, d, t, &e);
    return r >= 0 ? 0 : data_error(L, &e);
}

/* An input's or constant's DATA. One number for several elements, or generated data, is kept
 * as *f until the case runs (vector_fill.c), t getting only the descriptor: returns 1.
 * Listing and filtering a corpus never makes a case's tensors. Else DATA -> t: returns 0. */
static int load_input_data(loader *L, const cJSON *data, const wn_desc *d, wn_tensor *t, wn_fill *f)
{
    wn_error e;
    int r = wn_json_tensor_lazy(data, d, f, &e);
    if (r == 1) {
        t->desc = *d;
        return 1;
    }
    if (r == 0) r = wn_json_tensor_data(data, d, t, &e);
    return r >= 0 ? 0 : data_error(L, &e);
}

static int load_inputs(loader *L, const cJSON *inputs, wn_vec_case *vc, bool data_optional)
{
    size_t saved = wn_path_key(&L->path, "inputs");
    if (!cJSON_IsObject(inputs)) { fail(L, "must be an object, got %s", json_type(inputs)); goto fail; }
    if (check_unique_keys(L, inputs) != 0) goto fail;
    for (const cJSON *in = inputs->child; in; in = in->next) {
        size_t s2 = wn_path_key(&L->path, in->string);
        wn_desc d = {0};
        wn_tensor t = {0};
        wn_fill f = {0};
        bool lazy = false;
        wn_error e;
        if (!cJSON_IsObject(in)) { fail(L, "must be an object, got %s", json_type(in)); goto fail; }
        if (load_desc(L, in, &d) != 0) goto fail;
        const cJSON *constant = cJSON_GetObjectItemCaseSensitive(in, "constant");
        if (constant && !cJSON_IsBool(constant)) { fail(L, "constant must be true or false"); goto fail; }
        const cJSON *data = cJSON_GetObjectItemCaseSensitive(in, "data");
        bool is_const = constant && cJSON_IsTrue(constant);
        if (!data && data_optional && !is_const) {
            /* a validation case is never computed, so its inputs need no data (a huge shape
             * costs nothing); the interpreter refuses to run such an input */
            t.desc = d;
        } else {
            size_t s3 = wn_path_key(&L->path, "data");
            int r = load_input_data(L, data, &d, &t, &f);
            if (r < 0) goto fail;
            lazy = r == 1;
            wn_path_pop(&L->path, s3);
        }
        int rc = !is_const ? wn_graph_add_input(vc->graph, in->string, &d, &e)
                 : lazy    ? wn_graph_add_constant_fill(vc->graph, in->string, &d, &f, &e)
                           : wn_graph_add_constant(vc->graph, in->string, &d, t.data, t.nbytes, &e);
        if (rc != 0) {
            wn_tensor_free(&t);
            fail_with(L, &e);
            goto fail;
        }
        if (is_const) {
            wn_tensor_free(&t);
        } else if (add_named_tensor(&vc->inputs, &vc->n_inputs, in->string, &t, lazy ? &f : NULL) != 0) {
            wn_tensor_free(&t);
            fail(L, "out of memory");
            goto fail;
        }
        wn_path_pop(&L->path, s2);
    }
    wn_path_pop(&L->path, saved);
    return 0;
fail:
    wn_path_pop(&L->path, saved);
    return -1;
}

/* ---- operator arguments ---- */

static int operand_ref(loader *L, const wn_graph *g, const cJSON *v, uint32_t *out)
{
    if (!cJSON_IsString(v)) return fail(L, "expected an operand name, got %s", json_type(v));
    int32_t idx = wn_graph_find(g, v->valuestring);
    if (idx < 0) return fail(L, "unknown operand \"%.64s\" (operands must be defined before use)", v->valuestring);
    *out = (uint32_t)idx;
    return 0;
}

static int number_value(loader *L, const cJSON *v, wn_number *out)
{
    char why[160];
    if (wn_json_number(v, out, why, sizeof why) != 0) return fail(L, "%s", why);
    return 0;
}

static int number_list(loader *L, const cJSON *v, wn_value *out)
{
    if (!cJSON_IsArray(v)) return fail(L, "expected an array of numbers, got %s", json_type(v));
    uint32_t n = (uint32_t)cJSON_GetArraySize(v);
    out->kind = WN_V_NUMBER_LIST;
    out->u.numbers = calloc(n ? n : 1, sizeof(wn_number));
    if (!out->u.numbers) return fail(L, "out of memory");
    uint32_t i = 0;
    for (const cJSON *it = v->child; it; it = it->next, i++) {
        size_t s = wn_path_index(&L->path, i);
        int rc = number_value(L, it, &out->u.numbers[i]);
        wn_path_pop(&L->path, s);
        if (rc != 0) return -1;
        out->count = i + 1;
    }
    return 0;
}

/* A JSON argument value -> wn_value, by the registry's kind for that parameter. */
static int arg_value(loader *L, const wn_graph *g, const wn_param_spec *p, const cJSON *v, wn_value *out)
{
    switch (p->kind) {
    case WN_P_OPERAND:
        out->kind = WN_V_OPERAND;
        return operand_ref(L, g, v, &out->u.operand);
    case WN_P_OPERAND_LIST: {
        if (!cJSON_IsArray(v)) return fail(L, "expected an array of operand names, got %s", json_type(v));
        uint32_t n = (uint32_t)cJSON_GetArraySize(v);
        out->kind = WN_V_OPERAND_LIST;
        out->u.operands = calloc(n ? n : 1, sizeof(uint32_t));
        if (!out->u.operands) return fail(L, "out of memory");
        uint32_t i = 0;
        for (const cJSON *it = v->child; it; it = it->next, i++) {
            size_t s = wn_path_index(&L->path, i);
            int rc = operand_ref(L, g, it, &out->u.operands[i]);
            wn_path_pop(&L->path, s);
            if (rc != 0) return -1;
            out->count = i + 1;
        }
        return 0;
    }
    case WN_P_UINT: case WN_P_INT: case WN_P_DOUBLE: case WN_P_NUMBER:
        out->kind = WN_V_NUMBER;
        return number_value(L, v, &out->u.number);
    case WN_P_UINT_LIST: case WN_P_DOUBLE_LIST:
        return number_list(L, v, out);
    case WN_P_UINT_OR_LIST:
        if (cJSON_IsArray(v)) return number_list(L, v, out);
        out->kind = WN_V_NUMBER;
        return number_value(L, v, &out->u.number);
    case WN_P_BOOL:
        if (!cJSON_IsBool(v)) return fail(L, "expected true or false, got %s", json_type(v));
        out->kind = WN_V_BOOL;
        out->u.boolean = cJSON_IsTrue(v);
        return 0;
    case WN_P_DTYPE: case WN_P_ENUM:
        if (!cJSON_IsString(v)) return fail(L, "expected a string, got %s", json_type(v));
        out->kind = WN_V_STRING;
        out->u.string = dup_str(v->valuestring);
        return out->u.string ? 0 : fail(L, "out of memory");
    case WN_P_ENUM_LIST: {
        if (!cJSON_IsArray(v)) return fail(L, "expected an array of strings, got %s", json_type(v));
        uint32_t n = (uint32_t)cJSON_GetArraySize(v);
        out->kind = WN_V_STRING_LIST;
        out->u.strings = calloc(n ? n : 1, sizeof(char *));
        if (!out->u.strings) return fail(L, "out of memory");
        uint32_t i = 0;
        for (const cJSON *it = v->child; it; it = it->next, i++) {
            if (!cJSON_IsString(it)) return fail(L, "[%u]: expected a string, got %s", i, json_type(it));
            out->u.strings[i] = dup_str(it->valuestring);
            out->count = i + 1;
            if (!out->u.strings[i]) return fail(L, "out of memory");
        }
        return 0;
    }
    default:
        return fail(L, "internal: unknown parameter kind");
    }
}

static int load_options(loader *L, const wn_graph *g, const wn_op_spec *spec, const cJSON *opts, wn_value *args,
                        char **label)
{
    if (!cJSON_IsObject(opts)) return fail(L, "options must be an object, got %s", json_type(opts));
    if (check_unique_keys(L, opts) != 0) return -1;
    for (const cJSON *m = opts->child; m; m = m->next) {
        size_t s = wn_path_key(&L->path, m->string);
        if (strcmp(m->string, "label") == 0) {
            if (!cJSON_IsString(m)) {
                fail(L, "label must be a string");
                wn_path_pop(&L->path, s);
                return -1;
            }
            free(*label);
            *label = dup_str(m->valuestring);
            wn_path_pop(&L->path, s);
            continue;
        }
        int idx = wn_param_index(spec, m->string);
        if (idx < 0 || !spec->params[idx].in_options) {
            /* WebIDL drops dictionary members it does not define, so a browser computes with
             * the defaults; so do we, and say so (WPT files still pass renamed options) */
            int r = wn_vec_warn(L->warnings, "%s: %s has no option \"%.64s\" in the spec; ignored, as WebIDL ignores unknown dictionary members",
                                L->path.text, spec->name, m->string);
            wn_path_pop(&L->path, s);
            if (r != 0) return fail(L, "out of memory");
            continue;
        }
        int rc = arg_value(L, g, &spec->params[idx], m, &args[idx]);
        wn_path_pop(&L->path, s);
        if (rc != 0) return -1;
    }
    return 0;
}

/* One positional argument named key with value v at position (0-based, counting the
 * method's non-options parameters). An unknown key is taken by its position (WPT files
 * name a few arguments differently from the IDL). */
static int load_one_argument(loader *L, const wn_graph *g, const wn_op_spec *spec, const cJSON *v, int position,
                             wn_value *args, char **label)
{
    size_t s2 = wn_path_key(&L->path, v->string);
    int r = -1;
    if (strcmp(v->string, "options") == 0) {
        r = load_options(L, g, spec, v, args, label);
        goto done;
    }
    int idx = wn_param_index(spec, v->string);
    if (idx < 0 || spec->params[idx].in_options) {
        int k = -1;
        for (int p = 0, seen = 0; p < spec->n_params; p++)
            if (!spec->params[p].in_options && seen++ == position) k = p;
        if (k < 0) {
            fail(L, "%s has no argument \"%.64s\"", spec->name, v->string);
            goto done;
        }
        idx = k;
    }
    if (args[idx].kind != WN_V_ABSENT) {
        fail(L, "argument \"%s\" is given twice", spec->params[idx].name);
        goto done;
    }
    r = arg_value(L, g, &spec->params[idx], v, &args[idx]);
done:
    wn_path_pop(&L->path, s2);
    return r;
}

/* arguments: [{NAME: VALUE}, ..., {"options": {...}}], as WPT's harness reads them: each key
 * of an entry is the next positional argument, in key order ({"scale": "s", "zeroPoint": "z"}
 * is two), and a null entry contributes none. */
static int load_arguments(loader *L, const wn_graph *g, const wn_op_spec *spec, const cJSON *arguments,
                          wn_value *args, char **label)
{
    size_t saved = wn_path_key(&L->path, "arguments");
    int rc = -1;
    if (!cJSON_IsArray(arguments)) { fail(L, "must be an array, got %s", json_type(arguments)); goto done; }
    int position = 0, i = 0;
    for (const cJSON *a = arguments->child; a; a = a->next, i++) {
        if (cJSON_IsNull(a)) continue;
        size_t s = wn_path_index(&L->path, (size_t)i);
        if (!cJSON_IsObject(a)) {
            fail(L, "each argument must be an object (or null), got %s", json_type(a));
            goto done;
        }
        if (check_unique_keys(L, a) != 0) goto done;
        for (const cJSON *v = a->child; v; v = v->next) {
            if (load_one_argument(L, g, spec, v, position, args, label) != 0) goto done;
            if (strcmp(v->string, "options") != 0) position++;
        }
        wn_path_pop(&L->path, s);
    }
    rc = 0;
done:
    wn_path_pop(&L->path, saved);
    return rc;
}

static int load_operator(loader *L, wn_graph *g, const cJSON *opj)
{
    wn_value *args = NULL;
    char *label = NULL;
    const char **names = NULL;
    const wn_op_spec *spec;
    int rc = -1;
    if (!cJSON_IsObject(opj)) return fail(L, "must be an object, got %s", json_type(opj));
    const cJSON *name = member(L, opj, "name");
    if (!name) return -1;
    if (!cJSON_IsString(name)) return fail(L, "name must be a string, got %s", json_type(name));
    spec = wn_registry_find(name->valuestring);
    if (!spec) return fail(L, "unknown operation \"%.64s\"", name->valuestring);
    args = wn_values_new(spec->n_params);
    if (!args) return fail(L, "out of memory");
    const cJSON *arguments = cJSON_GetObjectItemCaseSensitive(opj, "arguments");
    if (arguments && load_arguments(L, g, spec, arguments, args, &label) != 0) goto done;
    const cJSON *outputs = member(L, opj, "outputs");
    if (!outputs) goto done;
    uint32_t n_out = cJSON_IsArray(outputs) ? (uint32_t)cJSON_GetArraySize(outputs) : 1;
    names = calloc(n_out ? n_out : 1, sizeof *names);
    if (!names) { fail(L, "out of memory"); goto done; }
    if (cJSON_IsString(outputs)) {
        if (!*outputs->valuestring) { fail(L, "outputs: operand name is empty"); goto done; }
        names[0] = outputs->valuestring;
    } else if (cJSON_IsArray(outputs)) {
        uint32_t i = 0;
        for (const cJSON *o = outputs->child; o; o = o->next, i++) {
            if (!cJSON_IsString(o)) { fail(L, "outputs[%u] must be a string, got %s", i, json_type(o)); goto done; }
            if (!*o->valuestring) { fail(L, "outputs[%u]: operand name is empty", i); goto done; }
            names[i] = o->valuestring;
        }
    } else {
        fail(L, "outputs must be a name or an array of names, got %s", json_type(outputs));
        goto done;
    }
    wn_error e;
    rc = wn_graph_add_op(g, spec, args, names, n_out, label, &e);
    args = NULL; /* taken over, even on failure */
    if (rc != 0) fail_with(L, &e);
done:
    if (args) wn_values_free(args, spec->n_params);
    free(label);
    free(names);
    return rc;
}

static int load_expected(loader *L, const cJSON *exp, wn_vec_case *vc)
{
    size_t saved = wn_path_key(&L->path, "expectedOutputs");
    int rc = -1;
    uint32_t *outs = NULL;
    if (!cJSON_IsObject(exp)) { fail(L, "must be an object, got %s", json_type(exp)); goto done; }
    if (check_unique_keys(L, exp) != 0) goto done;
    uint32_t n = (uint32_t)cJSON_GetArraySize(exp);
    outs = calloc(n ? n : 1, sizeof *outs);
    if (!outs) { fail(L, "out of memory"); goto done; }
    uint32_t k = 0;
    for (const cJSON *o = exp->child; o; o = o->next, k++) {
        size_t s = wn_path_key(&L->path, o->string);
        wn_desc d = {0};
        wn_tensor t = {0};
        wn_error e;
        if (!cJSON_IsObject(o)) { fail(L, "must be an object, got %s", json_type(o)); goto done; }
        int32_t idx = wn_graph_find(vc->graph, o->string);
        if (idx < 0) { fail(L, "no operator produces \"%.64s\"", o->string); goto done; }
        outs[k] = (uint32_t)idx;
        if (load_desc(L, o, &d) != 0) goto done;
        size_t s3 = wn_path_key(&L->path, "data");
        if (wn_json_is_generated(cJSON_GetObjectItemCaseSensitive(o, "data"))) {
            fail(L, "expected outputs must be literal data, not a generator");
            goto done;
        }
        if (load_data(L, cJSON_GetObjectItemCaseSensitive(o, "data"), &d, &t) != 0) goto done;
        wn_path_pop(&L->path, s3);
        if (add_named_tensor(&vc->expected, &vc->n_expected, o->string, &t, NULL) != 0) {
            wn_tensor_free(&t);
            fail(L, "out of memory");
            goto done;
        }
        const cJSON *exact = cJSON_GetObjectItemCaseSensitive(o, "exact");
        if (exact) {
            size_t s4 = wn_path_key(&L->path, "exact");
            int r = wn_json_f64_array(exact, wn_desc_count(&d), &vc->expected[vc->n_expected - 1].exact, &e);
            if (r != 0) fail(L, "%s", e.message);
            wn_path_pop(&L->path, s4);
            if (r != 0) goto done;
        }
        wn_path_pop(&L->path, s);
    }
    wn_error e;
    if (wn_graph_set_outputs(vc->graph, outs, n, &e) != 0) { fail_with(L, &e); goto done; }
    rc = 0;
done:
    free(outs);
    wn_path_pop(&L->path, saved);
    return rc;
}

static int load_tolerance(loader *L, const cJSON *tol, wn_vec_case *vc)
{
    size_t saved = wn_path_key(&L->path, "tolerance");
    int rc = -1;
    if (!cJSON_IsObject(tol)) { fail(L, "must be an object, got %s", json_type(tol)); goto done; }
    const cJSON *metric = cJSON_GetObjectItemCaseSensitive(tol, "metricType");
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(tol, "value");
    if (!cJSON_IsString(metric)) { fail(L, "metricType must be \"ULP\", \"ATOL\" or \"EXACT\""); goto done; }
    if (strcmp(metric->valuestring, "ULP") == 0) vc->tolerance.metric = WN_TOL_ULP;
    else if (strcmp(metric->valuestring, "ATOL") == 0) vc->tolerance.metric = WN_TOL_ATOL;
    else if (strcmp(metric->valuestring, "EXACT") == 0) vc->tolerance.metric = WN_TOL_EXACT;
    else { fail(L, "metricType \"%.32s\" is not ULP, ATOL or EXACT", metric->valuestring); goto done; }
    if (vc->tolerance.metric != WN_TOL_EXACT) {
        if (!cJSON_IsNumber(value) || !(value->valuedouble >= 0) || !isfinite(value->valuedouble)) {
            fail(L, "value must be a non-negative number, got %s", json_type(value));
            goto done;
        }
        vc->tolerance.value = value->valuedouble;
    }
    const cJSON *floor_abs = cJSON_GetObjectItemCaseSensitive(tol, "absoluteFloor");
    if (floor_abs) {
        if (!cJSON_IsNumber(floor_abs)) {
            fail(L, "absoluteFloor must be a non-negative finite number, got %s", json_type(floor_abs));
            goto done;
        }
        if (!(floor_abs->valuedouble >= 0) || !isfinite(floor_abs->valuedouble)) {
            fail(L, "absoluteFloor %g is not a non-negative finite number", floor_abs->valuedouble);
            goto done;
        }
        vc->tolerance.absolute_floor = floor_abs->valuedouble;
    }
    vc->has_tolerance = true;
    rc = 0;
done:
    wn_path_pop(&L->path, saved);
    return rc;
}

static int optional_bool(loader *L, const cJSON *obj, const char *key, bool *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) return 0;
    if (!cJSON_IsBool(v)) return fail(L, "%s must be true or false, got %s", key, json_type(v));
    *out = cJSON_IsTrue(v);
    return 0;
}

static int load_case(loader *L, const cJSON *tj, wn_vec_case *vc)
{
    vc->required = true;
    if (!cJSON_IsObject(tj)) return fail(L, "a test must be an object, got %s", json_type(tj));
    if (check_unique_keys(L, tj) != 0) return -1;
    const cJSON *name = member(L, tj, "name");
    if (!name) return -1;
    if (!cJSON_IsString(name) || !*name->valuestring) return fail(L, "name must be a non-empty string");
    vc->name = dup_str(name->valuestring);
    if (!vc->name) return fail(L, "out of memory");
    const cJSON *experr = cJSON_GetObjectItemCaseSensitive(tj, "expectedError");
    if (experr) {
        if (!cJSON_IsString(experr)) return fail(L, "expectedError must be a string");
        vc->expected_error = wn_error_kind_parse(experr->valuestring);
        if (vc->expected_error == WN_ERROR_KIND_COUNT || vc->expected_error == WN_OK)
            return fail(L, "expectedError \"%.40s\" is not an error kind (TypeError, DataError, ...)",
                        experr->valuestring);
    }
    if (optional_bool(L, tj, "implementationDefined", &vc->implementation_defined) != 0) return -1;
    if (optional_bool(L, tj, "required", &vc->required) != 0) return -1;
    const cJSON *wpt_name = cJSON_GetObjectItemCaseSensitive(tj, "wptName");
    if (wpt_name) {
        if (!cJSON_IsString(wpt_name) || !*wpt_name->valuestring) return fail(L, "wptName must be a non-empty string");
        vc->wpt_name = dup_str(wpt_name->valuestring);
        if (!vc->wpt_name) return fail(L, "out of memory");
    }
    const cJSON *tol = cJSON_GetObjectItemCaseSensitive(tj, "tolerance");
    if (tol && load_tolerance(L, tol, vc) != 0) return -1;
    if (cJSON_GetObjectItemCaseSensitive(tj, "steps")) /* a tensor sequence (vector_sequence.c) */
        return wn_vec_load_sequence(L->file, &L->path, L->err, tj, vc);

    size_t saved = wn_path_key(&L->path, "graph");
    const cJSON *gj = member(L, tj, "graph");
    int rc = -1;
    if (!gj) goto done;
    if (!cJSON_IsObject(gj)) { fail(L, "must be an object, got %s", json_type(gj)); goto done; }
    vc->graph = wn_graph_new();
    if (!vc->graph) { fail(L, "out of memory"); goto done; }
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(gj, "inputs");
    if (inputs && load_inputs(L, inputs, vc, vc->expected_error != WN_OK) != 0) goto done;
    const cJSON *ops = member(L, gj, "operators");
    if (!ops) goto done;
    size_t s2 = wn_path_key(&L->path, "operators");
    if (!cJSON_IsArray(ops) || cJSON_GetArraySize(ops) == 0) {
        fail(L, "must be a non-empty array, got %s", json_type(ops));
        goto done;
    }
    int i = 0;
    for (const cJSON *o = ops->child; o; o = o->next, i++) {
        size_t s3 = wn_path_index(&L->path, (size_t)i);
        if (load_operator(L, vc->graph, o) != 0) goto done;
        wn_path_pop(&L->path, s3);
    }
    wn_path_pop(&L->path, s2);
    const cJSON *exp = cJSON_GetObjectItemCaseSensitive(gj, "expectedOutputs");
    if (exp) {
        if (load_expected(L, exp, vc) != 0) goto done;
    } else {
        if (vc->expected_error == WN_OK) { fail(L, "expectedOutputs is missing (and no expectedError is given)"); goto done; }
        /* a validation case's outputs: the results nothing else reads */
        wn_error e;
        if (wn_graph_set_unread_outputs(vc->graph, &e) != 0) { fail_with(L, &e); goto done; }
    }
    rc = 0;
done:
    wn_path_pop(&L->path, saved);
    return rc;
}

static void free_named(wn_named_tensor *arr, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        free(arr[i].name);
        wn_tensor_free(&arr[i].tensor);
        free(arr[i].exact);
    }
    free(arr);
}

static void clear_case(wn_vec_case *vc)
{
    wn_graph_free(vc->graph);
    vc->graph = NULL;
    wn_vec_sequence_free(vc->sequence);
    vc->sequence = NULL;
    free_named(vc->inputs, vc->n_inputs);
    free_named(vc->expected, vc->n_expected);
    vc->inputs = vc->expected = NULL;
    vc->n_inputs = vc->n_expected = 0;
    free(vc->warnings);
    vc->warnings = NULL;
}

void wn_vec_file_free(wn_vec_file *f)
{
    if (!f) return;
    for (uint32_t i = 0; i < f->n_cases; i++) {
        clear_case(&f->cases[i]);
        free(f->cases[i].name);
        free(f->cases[i].json_path);
        free(f->cases[i].wpt_name);
    }
    free(f->cases);
    free(f->path);
    free(f->format);
    free(f->provenance);
    free(f->wpt_path);
    memset(f, 0, sizeof *f);
}

/* ---- for tensor sequences (vector_sequence.h) ---- */

int wn_vec_load_desc(const char *file, wn_json_path *path, wn_error *err, const cJSON *obj, wn_desc *d)
{
    loader L = {.file = file, .path = *path, .err = err, .warnings = NULL}; /* sequences carry no warnings */
    return load_desc(&L, obj, d);
}

/* One graph of a sequence: inputs (non-constant inputs need no data), operators, and
 * "outputs": the names of the graph outputs. */
int wn_vec_load_graph(const char *file, wn_json_path *path, wn_error *err, const cJSON *gj, wn_graph **out)
{
    loader L = {.file = file, .path = *path, .err = err, .warnings = NULL}; /* sequences carry no warnings */
    wn_vec_case tmp = {0};
    int rc = -1;
    uint32_t *outs = NULL;
    if (!cJSON_IsObject(gj)) return fail(&L, "must be an object, got %s", json_type(gj));
    if (!(tmp.graph = wn_graph_new())) return fail(&L, "out of memory");
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(gj, "inputs");
    if (inputs && load_inputs(&L, inputs, &tmp, true) != 0) goto done;
    const cJSON *ops = member(&L, gj, "operators");
    if (!ops) goto done;
    size_t s = wn_path_key(&L.path, "operators");
    if (!cJSON_IsArray(ops) || cJSON_GetArraySize(ops) == 0) { fail(&L, "must be a non-empty array"); goto done; }
    int i = 0;
    for (const cJSON *o = ops->child; o; o = o->next, i++) {
        size_t s2 = wn_path_index(&L.path, (size_t)i);
        if (load_operator(&L, tmp.graph, o) != 0) goto done;
        wn_path_pop(&L.path, s2);
    }
    wn_path_pop(&L.path, s);
    const cJSON *names = member(&L, gj, "outputs");
    if (!names) goto done;
    wn_path_key(&L.path, "outputs");
    if (!cJSON_IsArray(names) || cJSON_GetArraySize(names) == 0) { fail(&L, "must be a non-empty array of names"); goto done; }
    uint32_t n = (uint32_t)cJSON_GetArraySize(names), k = 0;
    if (!(outs = calloc(n, sizeof *outs))) { fail(&L, "out of memory"); goto done; }
    for (const cJSON *o = names->child; o; o = o->next, k++) {
        int32_t idx = cJSON_IsString(o) ? wn_graph_find(tmp.graph, o->valuestring) : -1;
        if (idx < 0 || tmp.graph->operands[idx].kind != WN_OPERAND_RESULT) {
            fail(&L, "[%u] is not the name of an operation's result", k);
            goto done;
        }
        outs[k] = (uint32_t)idx;
    }
    wn_error e;
    if (wn_graph_set_outputs(tmp.graph, outs, n, &e) != 0) { fail_with(&L, &e); goto done; }
    *out = tmp.graph;
    tmp.graph = NULL;
    rc = 0;
done:
    free(outs);
    clear_case(&tmp);
    return rc;
}

/* Nesting is bounded so that later recursive walks stay shallow. */
static int check_depth(const cJSON *node, int depth)
{
    if (depth > WN_VEC_MAX_DEPTH) return -1;
    for (const cJSON *c = node->child; c; c = c->next)
        if (check_depth(c, depth + 1) != 0) return -1;
    return 0;
}

/* 1-based line number of byte offset off. */
static size_t line_of(const char *text, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off; i++) line += text[i] == '\n';
    return line;
}

int wn_vec_load_buffer(const char *text, size_t len, const char *label, wn_vec_file *out)
{
    memset(out, 0, sizeof *out);
    out->path = dup_str(label ? label : "(buffer)");
    if (!out->path) return wn_set_error(&out->error, WN_RESOURCE_ERROR, "out of memory");
    size_t bad_at;
    bool json_error;
    char why[128];
    if (wn_json_text_check(text, len, &bad_at, &json_error, why, sizeof why) != 0)
        return wn_set_error(&out->error, WN_FORMAT_ERROR, "%s: %s (line %zu, byte %zu): %s", out->path,
                            json_error ? "not valid JSON" : "not a valid vector file", line_of(text, bad_at), bad_at,
                            why);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (!root) {
        size_t off = end && end >= text ? (size_t)(end - text) : 0;
        return wn_set_error(&out->error, WN_FORMAT_ERROR, "%s: not valid JSON (line %zu, byte %zu)", out->path,
                            line_of(text, off < len ? off : len), off);
    }
    int rc = -1;
    /* nothing but white space may follow the top-level value */
    size_t tail = end && end >= text ? (size_t)(end - text) : len;
    while (tail < len && (text[tail] == ' ' || text[tail] == '\n' || text[tail] == '\r' || text[tail] == '\t')) tail++;
    if (tail < len) {
        wn_set_error(&out->error, WN_FORMAT_ERROR,
                     "%s: not valid JSON (line %zu, byte %zu): unexpected text after the JSON value", out->path,
                     line_of(text, tail), tail);
        goto done;
    }
    if (check_depth(root, 0) != 0) {
        wn_set_error(&out->error, WN_FORMAT_ERROR, "%s: JSON nests deeper than %d levels", out->path, WN_VEC_MAX_DEPTH);
        goto done;
    }
    if (!cJSON_IsObject(root)) {
        wn_set_error(&out->error, WN_FORMAT_ERROR, "%s: the top level must be an object, got %s", out->path,
                     json_type(root));
        goto done;
    }
    loader top = {.file = out->path, .err = &out->error};
    if (check_unique_keys(&top, root) != 0) goto done;
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    if (format) {
        if (!cJSON_IsString(format)) {
            wn_set_error(&out->error, WN_FORMAT_ERROR, "%s: format must be a string", out->path);
            goto done;
        }
        out->format = dup_str(format->valuestring);
    }
    const cJSON *prov = cJSON_GetObjectItemCaseSensitive(root, "provenance");
    if (prov) out->provenance = cJSON_PrintUnformatted(prov);
    const cJSON *wpt_path = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(prov, "wpt"), "path");
    if (cJSON_IsString(wpt_path) && *wpt_path->valuestring) out->wpt_path = dup_str(wpt_path->valuestring);
    const cJSON *tests = cJSON_GetObjectItemCaseSensitive(root, "tests");
    if (!cJSON_IsArray(tests)) {
        wn_set_error(&out->error, WN_FORMAT_ERROR, "%s: \"tests\" must be an array, got %s", out->path, json_type(tests));
        goto done;
    }
    uint32_t n = (uint32_t)cJSON_GetArraySize(tests);
    out->cases = calloc(n ? n : 1, sizeof *out->cases);
    if (!out->cases) {
        wn_set_error(&out->error, WN_RESOURCE_ERROR, "%s: out of memory", out->path);
        goto done;
    }
    uint32_t i = 0;
    for (const cJSON *t = tests->child; t; t = t->next, i++) {
        wn_vec_case *vc = &out->cases[i];
        loader L = {.file = out->path, .err = &vc->format_error, .warnings = &vc->warnings};
        char idx[32];
        snprintf(idx, sizeof idx, "tests[%u]", i);
        wn_path_key(&L.path, idx);
        vc->json_path = dup_str(idx);
        out->n_cases = i + 1;
        if (load_case(&L, t, vc) != 0) {
            clear_case(vc);
            if (vc->format_error.kind == WN_OK)
                wn_set_error(&vc->format_error, WN_FORMAT_ERROR, "%s: %s: malformed", out->path, idx);
        }
        if (!vc->name) {
            vc->name = malloc(48);
            if (vc->name) snprintf(vc->name, 48, "tests[%u]", i);
        }
    }
    /* test names must be unique: they are the stable case names */
    for (uint32_t a = 0; a < out->n_cases; a++)
        for (uint32_t b = a + 1; b < out->n_cases; b++)
            if (out->cases[b].format_error.kind == WN_OK && out->cases[a].name && out->cases[b].name &&
                strcmp(out->cases[a].name, out->cases[b].name) == 0) {
                clear_case(&out->cases[b]);
                wn_set_error(&out->cases[b].format_error, WN_FORMAT_ERROR, "%s: tests[%u]: name \"%.80s\" is used by tests[%u] too",
                             out->path, b, out->cases[b].name, a);
            }
    rc = 0;
done:
    cJSON_Delete(root);
    return rc;
}

int wn_vec_load_file(const char *path, wn_vec_file *out)
{
    FILE *f = fopen(path, "rb");
    memset(out, 0, sizeof *out);
    if (!f) {
        out->path = dup_str(path);
        return wn_set_error(&out->error, WN_FORMAT_ERROR, "%s: cannot open: %s", path, strerror(errno));
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 65536 > cap) {
            if (cap >= WN_VEC_MAX_FILE_BYTES) {
                fclose(f);
                free(buf);
                out->path = dup_str(path);
                return wn_set_error(&out->error, WN_FORMAT_ERROR, "%s: larger than %zu bytes", path,
                                    (size_t)WN_VEC_MAX_FILE_BYTES);
            }
            cap = cap ? cap * 2 : 1 << 20;
            char *p = realloc(buf, cap + 1);
            if (!p) {
                fclose(f);
                free(buf);
                out->path = dup_str(path);
                return wn_set_error(&out->error, WN_RESOURCE_ERROR, "%s: out of memory reading", path);
            }
            buf = p;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) break;
    }
    bool read_error = ferror(f);
    fclose(f);
    if (read_error) {
        free(buf);
        out->path = dup_str(path);
        return wn_set_error(&out->error, WN_FORMAT_ERROR, "%s: read error", path);
    }
    buf[len] = '\0';
    int rc = wn_vec_load_buffer(buf, len, path, out);
    free(buf);
    return rc;
}
