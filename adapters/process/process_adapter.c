/* The C ABI over the process protocol (adapters/PROCESS.md): every ABI call is one request
 * frame and one reply frame on the child's stdin/stdout. Device tensors are forwarded when
 * the child announces them in hello, else kept in host memory here (pure glue: compute does
 * the arithmetic either way). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "process_adapter.h"
#include "proto.h"
#include "wire.h"

#define STOP_GRACE_MS 500

struct wna_context {
    char *command;
    char device[64];
    wire w;
    uint32_t generation; /* which start of the child graphs and tensors belong to */
    bool child_tensors;
    char name[128], version[128];
    cJSON *limits_json;
    proto_limits limits;
};

/* a named graph operand's descriptor, kept for dispatch's checks */
typedef struct pc_port {
    char *name;
    wna_desc desc;
} pc_port;

struct wna_compiled {
    wna_context *ctx;
    uint32_t generation;
    double id;
    pc_port *ports;        /* the graph's inputs, then its outputs */
    uint32_t n_in, n_out;
};

struct wna_device_tensor {
    wna_context *ctx;
    uint32_t generation;
    double id;             /* the child's tensor, when forwarded */
    wna_desc desc;
    size_t nbytes;
    unsigned char *host;   /* the bytes, when kept here */
};

static char g_command[4096];
static char g_crash[WNA_ERROR_MESSAGE_MAX];
static bool g_crashed;

int wna_process_take_crash(char *msg, size_t cap)
{
    if (!g_crashed) return 0;
    snprintf(msg, cap, "%s", g_crash);
    g_crashed = false;
    return 1;
}

static int fail(wna_error *err, int kind, const char *fmt, const char *a)
{
    err->kind = kind;
    snprintf(err->message, sizeof err->message, fmt, a);
    return -1;
}

static const char *const kind_names[] = {"OK", "TypeError", "DataError", "InvalidStateError",
                                         "OperationError", "NotSupportedError", "UnknownError"};

static int kind_from_name(const char *s)
{
    for (int i = 1; s && i <= WNA_UNKNOWN_ERROR; i++)
        if (strcmp(s, kind_names[i]) == 0) return i;
    return WNA_UNKNOWN_ERROR;
}

/* A well-framed reply that breaks the protocol: the stream is no longer trusted. */
static int reply_garbage(wna_context *c, const char *type, const char *what, const char *header, wna_error *err)
{
    char hex[200];
    wire_hex(header, strlen(header) < 24 ? strlen(header) : 24, hex, sizeof hex);
    wire_kill(&c->w);
    err->kind = WNA_UNKNOWN_ERROR;
    snprintf(err->message, sizeof err->message,
             "the adapter process sent garbage in its reply to %s: %s; header starts %s; it was killed and will be restarted",
             type, what, hex);
    return -1;
}

static int hello(wna_context *c, wna_error *err);

/* One request and its reply. Consumes req. On success *reply is the parsed header (caller
 * deletes) and f holds the body. */
static int call(wna_context *c, cJSON *req, const proto_body *body, uint64_t max_body, wire_frame *f, cJSON **reply,
                wna_error *err)
{
    char msg[WNA_ERROR_MESSAGE_MAX];
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(req, "type");
    char type[32];
    snprintf(type, sizeof type, "%s", cJSON_IsString(t) ? t->valuestring : "?");
    *reply = NULL;
    memset(f, 0, sizeof *f);
    g_crashed = false;
    if (!c->w.pid && strcmp(type, "hello") != 0) { /* died or killed earlier: start afresh */
        fprintf(stderr, "process adapter: restarting %s\n", c->command);
        if (hello(c, err) != 0) {
            cJSON_Delete(req);
            return -1;
        }
    }
    char *text = cJSON_PrintUnformatted(req);
    cJSON_Delete(req);
    if (!text) return fail(err, WNA_UNKNOWN_ERROR, "out of memory encoding a %s request", type);
    wire_status st = wire_send(&c->w, text, strlen(text), body ? body->piece : NULL, body ? body->len : NULL,
                               body ? body->n : 0, type, msg, sizeof msg);
    free(text);
    if (st == WIRE_OK) st = wire_recv(&c->w, max_body, f, type, msg, sizeof msg);
    if (st != WIRE_OK) {
        if (st == WIRE_LOST) {
            snprintf(g_crash, sizeof g_crash, "%s", msg);
            g_crashed = true;
        }
        return fail(err, st == WIRE_LOST ? WNA_OPERATION_ERROR : WNA_UNKNOWN_ERROR, "%s", msg);
    }
    cJSON *r = cJSON_ParseWithLength(f->header, f->header_len);
    const cJSON *rt = cJSON_GetObjectItemCaseSensitive(r, "type"), *ok = cJSON_GetObjectItemCaseSensitive(r, "ok");
    const char *bad = !cJSON_IsObject(r) ? "the header is not a JSON object"
                      : !cJSON_IsString(rt) || strcmp(rt->valuestring, type) != 0 ? "its \"type\" is not the request's"
                      : !cJSON_IsBool(ok) ? "it has no boolean \"ok\""
                                          : NULL;
    if (bad) {
        int rc = reply_garbage(c, type, bad, f->header, err);
        cJSON_Delete(r);
        wire_frame_free(f);
        return rc;
    }
    if (cJSON_IsFalse(ok)) { /* the adapter's own error: the child stays */
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(r, "error");
        const cJSON *k = cJSON_GetObjectItemCaseSensitive(e, "kind"), *m = cJSON_GetObjectItemCaseSensitive(e, "message");
        err->kind = kind_from_name(cJSON_IsString(k) ? k->valuestring : NULL);
        snprintf(err->message, sizeof err->message, "%s", cJSON_IsString(m) ? m->valuestring : "(no message)");
        cJSON_Delete(r);
        wire_frame_free(f);
        return -1;
    }
    *reply = r;
    return 0;
}

/* A request whose reply carries nothing but ok. */
static int call_simple(wna_context *c, cJSON *req, const proto_body *body, wna_error *err)
{
    wire_frame f;
    cJSON *reply;
    if (call(c, req, body, 0, &f, &reply, err) != 0) return -1;
    cJSON_Delete(reply);
    wire_frame_free(&f);
    return 0;
}

static cJSON *request(const char *type)
{
    cJSON *r = cJSON_CreateObject();
    if (r && !cJSON_AddStringToObject(r, "type", type)) {
        cJSON_Delete(r);
        return NULL;
    }
    return r;
}

static cJSON *version_json(unsigned major, unsigned minor)
{
    cJSON *v = cJSON_CreateObject();
    if (v) {
        cJSON_AddNumberToObject(v, "major", major);
        cJSON_AddNumberToObject(v, "minor", minor);
    }
    return v;
}

/* Starts the child and greets it. */
static int hello(wna_context *c, wna_error *err)
{
    char msg[256];
    if (wire_start(&c->w, c->command, msg, sizeof msg) != 0)
        return fail(err, WNA_UNKNOWN_ERROR, "cannot start the adapter process: %s", msg);
    c->generation++;
    cJSON *req = request("hello");
    if (!req) return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory");
    cJSON_AddItemToObject(req, "protocol", version_json(PROTO_MAJOR, PROTO_MINOR));
    cJSON_AddItemToObject(req, "abi", version_json(WEBNN_ADAPTER_ABI_MAJOR, WEBNN_ADAPTER_ABI_MINOR));
    cJSON_AddStringToObject(req, "device", c->device);
    wire_frame f;
    cJSON *reply;
    if (call(c, req, NULL, 0, &f, &reply, err) != 0) {
        wire_kill(&c->w);
        return -1;
    }
    wire_frame_free(&f);
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(reply, "protocol");
    const cJSON *major = cJSON_GetObjectItemCaseSensitive(p, "major");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(reply, "name"), *ver = cJSON_GetObjectItemCaseSensitive(reply, "version");
    int rc = 0;
    if (!cJSON_IsNumber(major) || major->valuedouble != PROTO_MAJOR) {
        const cJSON *minor = cJSON_GetObjectItemCaseSensitive(p, "minor");
        err->kind = WNA_NOT_SUPPORTED_ERROR;
        snprintf(err->message, sizeof err->message,
                 "the adapter process speaks protocol %g.%g, incompatible with this runner's %d.%d (the major versions differ)",
                 cJSON_IsNumber(major) ? major->valuedouble : -1.0, cJSON_IsNumber(minor) ? minor->valuedouble : -1.0,
                 PROTO_MAJOR, PROTO_MINOR);
        wire_kill(&c->w);
        rc = -1;
    } else {
        snprintf(c->name, sizeof c->name, "%s", cJSON_IsString(name) ? name->valuestring : "?");
        snprintf(c->version, sizeof c->version, "%s", cJSON_IsString(ver) ? ver->valuestring : "");
        c->child_tensors = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(reply, "tensors"));
    }
    cJSON_Delete(reply);
    return rc;
}

static void pc_release_context(wna_context *c)
{
    if (!c) return;
    wire_stop(&c->w, STOP_GRACE_MS);
    proto_limits_free(&c->limits);
    cJSON_Delete(c->limits_json);
    free(c->command);
    free(c);
}

static int pc_create_context(const char *device, wna_context **out, wna_error *err)
{
    *out = NULL;
    if (!g_command[0]) return fail(err, WNA_UNKNOWN_ERROR, "%s", "no adapter command (process:COMMAND)");
    wna_context *c = calloc(1, sizeof *c);
    if (!c || !(c->command = strdup(g_command))) {
        free(c);
        return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory");
    }
    c->w.to_child = c->w.from_child = -1;
    snprintf(c->device, sizeof c->device, "%s", device);
    if (hello(c, err) != 0) {
        pc_release_context(c);
        return -1;
    }
    *out = c;
    return 0;
}

static int pc_op_support_limits(wna_context *c, wna_support_limits *out, wna_error *err)
{
    if (!c->limits_json) {
        wire_frame f;
        cJSON *reply, *req = request("opSupportLimits");
        if (!req) return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory");
        if (call(c, req, NULL, 0, &f, &reply, err) != 0) return -1;
        wire_frame_free(&f);
        char msg[400];
        if (proto_limits_read(cJSON_GetObjectItemCaseSensitive(reply, "limits"), &c->limits, msg, sizeof msg) != 0) {
            cJSON_Delete(reply);
            return fail(err, WNA_UNKNOWN_ERROR, "the adapter process's opSupportLimits reply is malformed: %s", msg);
        }
        c->limits_json = reply;
    }
    *out = c->limits.out;
    return 0;
}

static double reply_id(const cJSON *reply, const char *member)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(reply, member);
    return cJSON_IsNumber(id) ? id->valuedouble : -1;
}

static void free_ports(wna_compiled *cg)
{
    for (uint32_t k = 0; cg && cg->ports && k < cg->n_in + cg->n_out; k++) free(cg->ports[k].name);
    if (cg) free(cg->ports);
}

static int keep_ports(wna_compiled *cg, const wna_graph *g)
{
    cg->ports = calloc((size_t)g->n_inputs + g->n_outputs + 1, sizeof *cg->ports);
    if (!cg->ports) return -1;
    for (uint32_t k = 0; k < g->n_inputs + g->n_outputs; k++) {
        const wna_operand *o = &g->operands[k < g->n_inputs ? g->inputs[k] : g->outputs[k - g->n_inputs]];
        size_t len = strlen(o->name ? o->name : "");
        if (!(cg->ports[k].name = malloc(len + 1))) return -1;
        memcpy(cg->ports[k].name, o->name ? o->name : "", len + 1);
        cg->ports[k].desc = o->desc;
        k < g->n_inputs ? cg->n_in++ : cg->n_out++;
    }
    return 0;
}

static bool same_desc(const wna_desc *a, const wna_desc *b)
{
    if (a->dtype != b->dtype || a->rank != b->rank) return false;
    for (uint32_t i = 0; i < a->rank; i++)
        if (a->dims[i] != b->dims[i]) return false;
    return true;
}

/* The spec's dispatch() checks (MLContext dispatch, "validate tensors with descriptors"): every
 * input and output bound once, by a name of the graph, to a tensor of its descriptor, and no
 * tensor bound twice. A child that keeps its own tensors does these itself. */
static int check_dispatch(const wna_compiled *cg, const char *const *in_names, wna_device_tensor *const *ins,
                          uint32_t n_in, const char *const *out_names, wna_device_tensor *const *outs, uint32_t n_out,
                          wna_error *err)
{
    for (uint32_t a = 0; a < n_in + n_out; a++)
        for (uint32_t b = a + 1; b < n_in + n_out; b++)
            if ((a < n_in ? ins[a] : outs[a - n_in]) == (b < n_in ? ins[b] : outs[b - n_in]))
                return fail(err, WNA_TYPE_ERROR, "%s", "dispatch: one tensor is bound twice");
    if (n_in != cg->n_in || n_out != cg->n_out)
        return fail(err, WNA_TYPE_ERROR, "%s", "dispatch: the tensors do not match the graph's inputs and outputs");
    for (uint32_t j = 0; j < n_in + n_out; j++) {
        const char *name = j < n_in ? in_names[j] : out_names[j - n_in];
        const wna_desc *d = j < n_in ? &ins[j]->desc : &outs[j - n_in]->desc;
        uint32_t lo = j < n_in ? 0 : cg->n_in, hi = j < n_in ? cg->n_in : cg->n_in + cg->n_out, k = lo;
        while (k < hi && strcmp(cg->ports[k].name, name) != 0) k++;
        if (k == hi) return fail(err, WNA_TYPE_ERROR, "dispatch: the graph has no input or output named \"%s\"", name);
        if (!same_desc(d, &cg->ports[k].desc))
            return fail(err, WNA_TYPE_ERROR, "dispatch: the tensor bound to \"%s\" has another descriptor", name);
    }
    return 0;
}

static int pc_build(wna_context *c, const wna_graph *g, wna_compiled **out, wna_error *err)
{
    *out = NULL;
    proto_body body = {0};
    cJSON *req = request("build");
    cJSON *graph = req ? proto_graph_json(g, &body) : NULL;
    if (!graph || !cJSON_AddItemToObject(req, "graph", graph)) {
        cJSON_Delete(req);
        proto_body_free(&body);
        return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory encoding the graph");
    }
    wire_frame f;
    cJSON *reply;
    int rc = call(c, req, &body, 0, &f, &reply, err);
    proto_body_free(&body);
    if (rc != 0) return -1;
    wire_frame_free(&f);
    double id = reply_id(reply, "graph");
    cJSON_Delete(reply);
    if (id < 0) return fail(err, WNA_UNKNOWN_ERROR, "%s", "the adapter process's build reply has no \"graph\" number");
    wna_compiled *cg = calloc(1, sizeof *cg);
    if (!cg || keep_ports(cg, g) != 0) {
        free_ports(cg);
        free(cg);
        return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory");
    }
    cg->ctx = c;
    cg->generation = c->generation;
    cg->id = id;
    *out = cg;
    return 0;
}

static bool stale(const wna_context *c, uint32_t generation)
{
    return !c->w.pid || generation != c->generation;
}

static int stale_error(wna_error *err)
{
    return fail(err, WNA_INVALID_STATE_ERROR, "%s",
                "the adapter process was restarted after this graph or tensor was made in the one before");
}

static void pc_release_graph(wna_compiled *cg)
{
    if (!cg) return;
    wna_context *c = cg->ctx;
    if (!stale(c, cg->generation)) {
        cJSON *req = request("releaseGraph");
        wna_error err = {0};
        if (req && !cJSON_AddNumberToObject(req, "graph", cg->id)) cJSON_Delete(req);
        else if (req && call_simple(c, req, NULL, &err) != 0)
            fprintf(stderr, "process adapter: releaseGraph failed: %s\n", err.message);
    }
    free_ports(cg);
    free(cg);
}

/* Copies the reply's outputs (matched by name) into the runner's buffers. */
static int take_outputs(const cJSON *reply, const wire_frame *f, wna_tensor *outputs, uint32_t n, wna_error *err)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(reply, "outputs");
    char msg[300];
    for (uint32_t k = 0; k < n; k++) {
        const cJSON *o = NULL, *it;
        cJSON_ArrayForEach(it, list)
        {
            const cJSON *nm = cJSON_GetObjectItemCaseSensitive(it, "name");
            if (cJSON_IsString(nm) && strcmp(nm->valuestring, outputs[k].name) == 0) o = it;
        }
        if (!o) return fail(err, WNA_OPERATION_ERROR, "the adapter process's compute reply lacks output \"%s\"", outputs[k].name);
        wna_desc d;
        if (proto_read_desc(o, &d, msg, sizeof msg) != 0) {
            err->kind = WNA_UNKNOWN_ERROR;
            snprintf(err->message, sizeof err->message, "compute reply, output \"%s\": %s", outputs[k].name, msg);
            return -1;
        }
        const cJSON *off = cJSON_GetObjectItemCaseSensitive(o, "offset"), *len = cJSON_GetObjectItemCaseSensitive(o, "byteLength");
        double elems = 1;
        for (uint32_t i = 0; i < d.rank; i++) elems *= d.dims[i];
        double bytes = elems * (double)wna_dtype_size(d.dtype);
        if (!cJSON_IsNumber(off) || !cJSON_IsNumber(len) || off->valuedouble < 0 || len->valuedouble != bytes ||
            off->valuedouble + len->valuedouble > (double)f->body_len) {
            err->kind = WNA_UNKNOWN_ERROR;
            snprintf(err->message, sizeof err->message,
                     "compute reply, output \"%s\": offset/byteLength missing, outside the %llu-byte body, or not the "
                     "shape's byte count", outputs[k].name, (unsigned long long)f->body_len);
            return -1;
        }
        if (bytes > (double)outputs[k].nbytes) {
            err->kind = WNA_OPERATION_ERROR;
            snprintf(err->message, sizeof err->message,
                     "the adapter process sent %.0f bytes for output \"%s\", which has room for %zu (the spec's shape)",
                     bytes, outputs[k].name, outputs[k].nbytes);
            return -1;
        }
        memcpy(outputs[k].data, f->body + (size_t)off->valuedouble, (size_t)bytes);
        outputs[k].desc = d;
    }
    return 0;
}

static cJSON *tensor_ref(const char *name, const wna_desc *d, proto_body *body, const void *data, size_t nbytes, bool with_offset)
{
    cJSON *o = cJSON_CreateObject();
    uint64_t off = 0;
    int ok = o && cJSON_AddStringToObject(o, "name", name) && proto_add_desc(o, d) == 0;
    if (ok && with_offset) ok = proto_body_add(body, data, nbytes, &off) == 0 && cJSON_AddNumberToObject(o, "offset", (double)off);
    if (ok) ok = cJSON_AddNumberToObject(o, "byteLength", (double)nbytes) != NULL;
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static int pc_compute(wna_compiled *cg, const wna_tensor *inputs, uint32_t n_inputs, wna_tensor *outputs, uint32_t n_outputs,
                      wna_error *err)
{
    wna_context *c = cg->ctx;
    if (stale(c, cg->generation)) return stale_error(err);
    proto_body body = {0};
    cJSON *req = request("compute");
    cJSON *ins = req ? cJSON_AddArrayToObject(req, "inputs") : NULL, *outs = req ? cJSON_AddArrayToObject(req, "outputs") : NULL;
    int ok = ins && outs && cJSON_AddNumberToObject(req, "graph", cg->id);
    uint64_t max_body = 0;
    for (uint32_t k = 0; ok && k < n_inputs; k++)
        ok = cJSON_AddItemToArray(ins, tensor_ref(inputs[k].name, &inputs[k].desc, &body, inputs[k].data, inputs[k].nbytes, true));
    for (uint32_t k = 0; ok && k < n_outputs; k++) {
        ok = cJSON_AddItemToArray(outs, tensor_ref(outputs[k].name, &outputs[k].desc, NULL, NULL, outputs[k].nbytes, false));
        max_body += outputs[k].nbytes + 8;
    }
    if (!ok) {
        cJSON_Delete(req);
        proto_body_free(&body);
        return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory encoding a compute request");
    }
    wire_frame f;
    cJSON *reply;
    int rc = call(c, req, &body, max_body, &f, &reply, err);
    proto_body_free(&body);
    if (rc != 0) return -1;
    rc = take_outputs(reply, &f, outputs, n_outputs, err);
    cJSON_Delete(reply);
    wire_frame_free(&f);
    return rc;
}

/* ---- device tensors ---- */

static int pc_create_tensor(wna_context *c, const wna_desc *d, wna_device_tensor **out, wna_error *err)
{
    *out = NULL;
    size_t n = wna_dtype_size(d->dtype);
    for (uint32_t i = 0; i < d->rank && i < WNA_MAX_RANK; i++) {
        if (d->dims[i] && n > SIZE_MAX / d->dims[i]) return fail(err, WNA_DATA_ERROR, "%s", "tensor size overflows");
        n *= d->dims[i];
    }
    wna_device_tensor *t = calloc(1, sizeof *t);
    if (!t) return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory");
    t->ctx = c;
    t->desc = *d;
    t->nbytes = n;
    t->generation = c->generation;
    if (!c->child_tensors) {
        if (!(t->host = calloc(n ? n : 1, 1))) {
            free(t);
            return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory");
        }
        *out = t;
        return 0;
    }
    wire_frame f;
    cJSON *reply, *req = request("createTensor");
    if (!req || proto_add_desc(req, d) != 0) {
        cJSON_Delete(req);
        free(t);
        return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory");
    }
    if (call(c, req, NULL, 0, &f, &reply, err) != 0) {
        free(t);
        return -1;
    }
    wire_frame_free(&f);
    t->id = reply_id(reply, "tensor");
    t->generation = c->generation;
    cJSON_Delete(reply);
    if (t->id < 0) {
        free(t);
        return fail(err, WNA_UNKNOWN_ERROR, "%s", "the adapter process's createTensor reply has no \"tensor\" number");
    }
    *out = t;
    return 0;
}

static int pc_write_tensor(wna_device_tensor *t, const void *data, size_t nbytes, wna_error *err)
{
    if (nbytes != t->nbytes) return fail(err, WNA_TYPE_ERROR, "%s", "writeTensor: the byte count is not the tensor's");
    if (t->host) {
        memcpy(t->host, data, nbytes);
        return 0;
    }
    if (stale(t->ctx, t->generation)) return stale_error(err);
    proto_body body = {0};
    uint64_t off;
    cJSON *req = request("writeTensor");
    if (!req || !cJSON_AddNumberToObject(req, "tensor", t->id) || proto_body_add(&body, data, nbytes, &off) != 0) {
        cJSON_Delete(req);
        proto_body_free(&body);
        return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory");
    }
    int rc = call_simple(t->ctx, req, &body, err);
    proto_body_free(&body);
    return rc;
}

static int pc_read_tensor(wna_device_tensor *t, void *data, size_t nbytes, wna_error *err)
{
    if (nbytes < t->nbytes) return fail(err, WNA_TYPE_ERROR, "%s", "readTensor: the buffer is smaller than the tensor");
    if (t->host) {
        memcpy(data, t->host, t->nbytes);
        return 0;
    }
    if (stale(t->ctx, t->generation)) return stale_error(err);
    cJSON *req = request("readTensor");
    if (!req || !cJSON_AddNumberToObject(req, "tensor", t->id)) {
        cJSON_Delete(req);
        return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory");
    }
    wire_frame f;
    cJSON *reply;
    if (call(t->ctx, req, NULL, t->nbytes, &f, &reply, err) != 0) return -1;
    int rc = 0;
    if (f.body_len != t->nbytes) rc = fail(err, WNA_UNKNOWN_ERROR, "%s", "readTensor reply: the body is not the tensor's size");
    else memcpy(data, f.body, t->nbytes);
    cJSON_Delete(reply);
    wire_frame_free(&f);
    return rc;
}

static int dispatch_host(wna_compiled *cg, const char *const *in_names, wna_device_tensor *const *ins, uint32_t n_in,
                         const char *const *out_names, wna_device_tensor *const *outs, uint32_t n_out, wna_error *err)
{
    if (check_dispatch(cg, in_names, ins, n_in, out_names, outs, n_out, err) != 0) return -1;
    wna_tensor *t = calloc((size_t)n_in + n_out + 1, sizeof *t);
    if (!t) return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory");
    for (uint32_t k = 0; k < n_in; k++) t[k] = (wna_tensor){in_names[k], ins[k]->desc, ins[k]->host, ins[k]->nbytes};
    for (uint32_t k = 0; k < n_out; k++) t[n_in + k] = (wna_tensor){out_names[k], outs[k]->desc, outs[k]->host, outs[k]->nbytes};
    int rc = pc_compute(cg, t, n_in, t + n_in, n_out, err);
    for (uint32_t k = 0; rc == 0 && k < n_out; k++) outs[k]->desc = t[n_in + k].desc;
    free(t);
    return rc;
}

static cJSON *binding_list(const char *const *names, wna_device_tensor *const *ts, uint32_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (uint32_t k = 0; a && k < n; k++) {
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddStringToObject(o, "name", names[k]) || !cJSON_AddNumberToObject(o, "tensor", ts[k]->id) ||
            !cJSON_AddItemToArray(a, o)) {
            cJSON_Delete(o);
            cJSON_Delete(a);
            return NULL;
        }
    }
    return a;
}

static int pc_dispatch(wna_compiled *cg, const char *const *in_names, wna_device_tensor *const *ins, uint32_t n_in,
                       const char *const *out_names, wna_device_tensor *const *outs, uint32_t n_out, wna_error *err)
{
    wna_context *c = cg->ctx;
    if (!c->child_tensors) return dispatch_host(cg, in_names, ins, n_in, out_names, outs, n_out, err);
    if (stale(c, cg->generation)) return stale_error(err);
    for (uint32_t k = 0; k < n_in + n_out; k++)
        if ((k < n_in ? ins[k] : outs[k - n_in])->generation != c->generation) return stale_error(err);
    cJSON *req = request("dispatch");
    cJSON *a = binding_list(in_names, ins, n_in), *b = binding_list(out_names, outs, n_out);
    if (!req || !a || !b || !cJSON_AddNumberToObject(req, "graph", cg->id)) {
        cJSON_Delete(req), cJSON_Delete(a), cJSON_Delete(b);
        return fail(err, WNA_UNKNOWN_ERROR, "%s", "out of memory");
    }
    cJSON_AddItemToObject(req, "inputs", a);
    cJSON_AddItemToObject(req, "outputs", b);
    return call_simple(c, req, NULL, err);
}

static void pc_release_tensor(wna_device_tensor *t)
{
    if (!t) return;
    if (!t->host && !stale(t->ctx, t->generation)) {
        cJSON *req = request("releaseTensor");
        wna_error err = {0};
        if (req && !cJSON_AddNumberToObject(req, "tensor", t->id)) cJSON_Delete(req);
        else if (req && call_simple(t->ctx, req, NULL, &err) != 0)
            fprintf(stderr, "process adapter: releaseTensor failed: %s\n", err.message);
    }
    free(t->host);
    free(t);
}

static const wna_api api = {
    .abi_major = WEBNN_ADAPTER_ABI_MAJOR,
    .abi_minor = WEBNN_ADAPTER_ABI_MINOR,
    .struct_size = sizeof(wna_api),
    .name = "process",
    .version = "protocol 1.0",
    .create_context = pc_create_context,
    .release_context = pc_release_context,
    .op_support_limits = pc_op_support_limits,
    .build = pc_build,
    .compute = pc_compute,
    .release_graph = pc_release_graph,
    .validate = NULL,
    .create_tensor = pc_create_tensor,
    .write_tensor = pc_write_tensor,
    .read_tensor = pc_read_tensor,
    .dispatch = pc_dispatch,
    .release_tensor = pc_release_tensor,
};

const wna_api *wna_process_api(const char *command)
{
    if (!command || strlen(command) >= sizeof g_command) return NULL;
    snprintf(g_command, sizeof g_command, "%s", command);
    return &api;
}
