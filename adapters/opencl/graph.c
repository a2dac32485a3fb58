/* The OpenCL adapter's ABI: build (a buffer per constant and intermediate, launches per op),
 * device tensors (cl_mem), dispatch (bind, enqueue in order), compute (temporary device
 * tensors around dispatch), and the entry point. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ocl.h"

const wna_api *webnn_adapter_entry(void);
int ocl_create_context(const char *device, wna_context **out, wna_error *err);
void ocl_release_context(wna_context *c);
int ocl_op_support_limits(wna_context *c, wna_support_limits *out, wna_error *err);
const char *ocl_describe(const wna_context *c);

static void release_graph(wna_compiled *g)
{
    if (!g) return;
    for (uint32_t i = 0; i < g->n_launches; i++) clReleaseKernel(g->launches[i].kernel);
    for (uint32_t i = 0; i < g->n_owned; i++) clReleaseMemObject(g->owned[i]);
    for (uint32_t k = 0; k < g->n_operands; k++) {
        if (g->operands[k].own) clReleaseMemObject(g->operands[k].own);
        free(g->operands[k].name);
    }
    if (g->dummy) clReleaseMemObject(g->dummy);
    free(g->launches);
    free(g->owned);
    free(g->operands);
    free(g->inputs);
    free(g->outputs);
    free(g->bound);
    free(g);
}

/* Element count and bytes of a descriptor, refused beyond max bytes. */
static int desc_size(const wna_desc *d, uint64_t max, size_t *count, size_t *bytes)
{
    size_t es = wna_dtype_size(d->dtype);
    if (es == 0 || d->rank > WNA_MAX_RANK) return -1;
    uint64_t n = 1;
    for (uint32_t i = 0; i < d->rank; i++) {
        if (d->dims[i] == 0 || n > max / d->dims[i]) return -1;
        n *= d->dims[i];
    }
    if (n > max / es) return -1;
    *count = (size_t)n;
    *bytes = (size_t)n * es;
    return 0;
}

static int init_operand(wna_compiled *g, const wna_operand *o, uint32_t k, wna_error *err)
{
    ocl_operand *v = &g->operands[k];
    v->desc = o->desc;
    v->kind = o->kind;
    v->name = strdup(o->name ? o->name : "");
    if (!v->name) return ocl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    if (desc_size(&o->desc, g->ctx->max_alloc, &v->count, &v->bytes) != 0)
        return ocl_fail(err, WNA_NOT_SUPPORTED_ERROR, "operand %u (%s) is larger than this device allows", k, v->name);
    if (o->kind == WNA_OPERAND_INPUT) return 0;
    if (o->kind == WNA_OPERAND_CONSTANT && (!o->data || o->nbytes != v->bytes))
        return ocl_fail(err, WNA_OPERATION_ERROR, "constant %s has %zu bytes, its descriptor needs %zu", v->name,
                        o->nbytes, v->bytes);
    cl_int rc;
    cl_mem_flags fl = o->kind == WNA_OPERAND_CONSTANT ? CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR : CL_MEM_READ_WRITE;
    v->own = clCreateBuffer(g->ctx->cl, fl, v->bytes, o->kind == WNA_OPERAND_CONSTANT ? (void *)o->data : NULL, &rc);
    return v->own ? 0 : ocl_cl_fail(err, "clCreateBuffer", rc);
}

static int api_build(wna_context *ctx, const wna_graph *graph, wna_compiled **out, wna_error *err)
{
    wna_compiled *g = calloc(1, sizeof *g);
    if (!g) return ocl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    g->ctx = ctx;
    uint32_t n = graph->n_operands;
    g->operands = calloc(n ? n : 1, sizeof *g->operands);
    g->bound = calloc(n ? n : 1, sizeof *g->bound);
    g->inputs = calloc(graph->n_inputs ? graph->n_inputs : 1, sizeof *g->inputs);
    g->outputs = calloc(graph->n_outputs ? graph->n_outputs : 1, sizeof *g->outputs);
    cl_int rc;
    g->dummy = clCreateBuffer(ctx->cl, CL_MEM_READ_WRITE, 64, NULL, &rc);
    if (!g->operands || !g->bound || !g->inputs || !g->outputs || !g->dummy) {
        release_graph(g);
        return ocl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    }
    for (uint32_t k = 0; k < n; k++) {
        g->n_operands = k + 1;
        if (init_operand(g, &graph->operands[k], k, err) != 0) goto fail;
    }
    for (uint32_t j = 0; j < graph->n_inputs; j++) g->inputs[j] = graph->inputs[j];
    for (uint32_t j = 0; j < graph->n_outputs; j++) g->outputs[j] = graph->outputs[j];
    g->n_inputs = graph->n_inputs;
    g->n_outputs = graph->n_outputs;
    ocl_build b = {g, graph, err};
    for (uint32_t i = 0; i < graph->n_operations; i++) {
        const wna_operation *op = &graph->operations[i];
        const ocl_op *impl = ocl_find_op(op->op);
        if (!impl) {
            ocl_fail(err, WNA_NOT_SUPPORTED_ERROR, "operators[%u]: %s has no OpenCL kernel here", i, op->op);
            goto fail;
        }
        err->kind = WNA_OK;
        if ((impl->family ? impl->family(&b, op, impl->code) : impl->direct(&b, op)) != 0) {
            char msg[WNA_ERROR_MESSAGE_MAX];
            snprintf(msg, sizeof msg, "%s", err->message);
            snprintf(err->message, sizeof err->message, "operators[%u] (%s): %.400s", i, op->op, msg);
            if (err->kind == WNA_OK) err->kind = WNA_OPERATION_ERROR;
            goto fail;
        }
    }
    *out = g;
    return 0;
fail:
    release_graph(g);
    return -1;
}

/* ---- device tensors ---- */

/* zero: createTensor's "initialize all bytes to zeros"; compute()'s temporaries skip it (every
 * byte is written before it is read). */
static int new_tensor(wna_context *ctx, const wna_desc *desc, int zero, const void *init, wna_device_tensor **out,
                      wna_error *err)
{
    wna_device_tensor *t = calloc(1, sizeof *t);
    if (!t) return ocl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    size_t count;
    if (desc_size(desc, ctx->max_alloc, &count, &t->bytes) != 0) {
        free(t);
        return ocl_fail(err, WNA_TYPE_ERROR, "the tensor descriptor is invalid or too large for this device");
    }
    cl_int rc;
    t->ctx = ctx;
    t->desc = *desc;
    /* initial bytes are copied at creation: no queue round trip */
    t->mem = clCreateBuffer(ctx->cl, CL_MEM_READ_WRITE | (init ? CL_MEM_COPY_HOST_PTR : 0), t->bytes, (void *)init, &rc);
    if (!t->mem) {
        free(t);
        return ocl_cl_fail(err, "clCreateBuffer (tensor)", rc);
    }
    unsigned char byte = 0;
    if (zero) rc = clEnqueueFillBuffer(ctx->queue, t->mem, &byte, 1, 0, t->bytes, 0, NULL, NULL);
    if (rc != CL_SUCCESS) {
        clReleaseMemObject(t->mem);
        free(t);
        return ocl_cl_fail(err, "clEnqueueFillBuffer", rc);
    }
    *out = t;
    return 0;
}

static int api_create_tensor(wna_context *ctx, const wna_desc *desc, wna_device_tensor **out, wna_error *err)
{
    return new_tensor(ctx, desc, 1, NULL, out, err);
}

static int api_write_tensor(wna_device_tensor *t, const void *data, size_t nbytes, wna_error *err)
{
    if (nbytes != t->bytes)
        return ocl_fail(err, WNA_TYPE_ERROR, "writeTensor: %zu bytes for a tensor of %zu", nbytes, t->bytes);
    cl_int rc = clEnqueueWriteBuffer(t->ctx->queue, t->mem, CL_TRUE, 0, nbytes, data, 0, NULL, NULL);
    return rc == CL_SUCCESS ? 0 : ocl_cl_fail(err, "clEnqueueWriteBuffer", rc);
}

static int api_read_tensor(wna_device_tensor *t, void *data, size_t nbytes, wna_error *err)
{
    if (nbytes != t->bytes)
        return ocl_fail(err, WNA_TYPE_ERROR, "readTensor: %zu bytes for a tensor of %zu", nbytes, t->bytes);
    cl_int rc = clEnqueueReadBuffer(t->ctx->queue, t->mem, CL_TRUE, 0, nbytes, data, 0, NULL, NULL);
    return rc == CL_SUCCESS ? 0 : ocl_cl_fail(err, "clEnqueueReadBuffer", rc);
}

static void api_release_tensor(wna_device_tensor *t)
{
    if (!t) return;
    clReleaseMemObject(t->mem);
    free(t);
}

static int same_desc(const wna_desc *a, const wna_desc *b)
{
    if (a->dtype != b->dtype || a->rank != b->rank) return 0;
    for (uint32_t i = 0; i < a->rank; i++)
        if (a->dims[i] != b->dims[i]) return 0;
    return 1;
}

/* Binds named tensors to the graph operands listed in idx[0..n): the spec's "validate tensors
 * with descriptors" (same count, every name known, equal descriptors). */
static int bind(wna_compiled *g, const uint32_t *idx, uint32_t n, const char *const *names,
                wna_device_tensor *const *ts, uint32_t nt, const char *what, wna_error *err)
{
    if (nt != n) return ocl_fail(err, WNA_TYPE_ERROR, "dispatch: %u %s tensors for %u graph %ss", nt, what, n, what);
    for (uint32_t j = 0; j < nt; j++) {
        uint32_t k = 0;
        while (k < n && strcmp(g->operands[idx[k]].name, names[j]) != 0) k++;
        if (k == n) return ocl_fail(err, WNA_TYPE_ERROR, "dispatch: \"%s\" is not a graph %s", names[j], what);
        const ocl_operand *o = &g->operands[idx[k]];
        if (!ts[j] || ts[j]->ctx != g->ctx || !same_desc(&ts[j]->desc, &o->desc))
            return ocl_fail(err, WNA_TYPE_ERROR, "dispatch: the tensor for %s \"%s\" does not match its descriptor",
                            what, names[j]);
        g->bound[idx[k]] = ts[j]->mem;
    }
    return 0;
}

static int api_dispatch(wna_compiled *g, const char *const *in_names, wna_device_tensor *const *ins, uint32_t n_in,
                        const char *const *out_names, wna_device_tensor *const *outs, uint32_t n_out, wna_error *err)
{
    /* "If allTensors contains any duplicate items, then throw a TypeError" */
    for (uint32_t a = 0; a < n_in + n_out; a++)
        for (uint32_t b = a + 1; b < n_in + n_out; b++) {
            wna_device_tensor *x = a < n_in ? ins[a] : outs[a - n_in], *y = b < n_in ? ins[b] : outs[b - n_in];
            if (x == y) return ocl_fail(err, WNA_TYPE_ERROR, "dispatch: one tensor is bound twice");
        }
    for (uint32_t k = 0; k < g->n_operands; k++) g->bound[k] = g->operands[k].own;
    if (bind(g, g->inputs, g->n_inputs, in_names, ins, n_in, "input", err) != 0 ||
        bind(g, g->outputs, g->n_outputs, out_names, outs, n_out, "output", err) != 0)
        return -1;
    cl_command_queue q = g->ctx->queue;
    for (uint32_t i = 0; i < g->n_launches; i++) {
        ocl_launch *l = &g->launches[i];
        for (uint32_t j = 0; j < l->n_bufs; j++) {
            cl_int rc = clSetKernelArg(l->kernel, l->bufs[j].arg, sizeof(cl_mem), &g->bound[l->bufs[j].operand]);
            if (rc != CL_SUCCESS) return ocl_cl_fail(err, "clSetKernelArg", rc);
        }
        cl_int rc = clEnqueueNDRangeKernel(q, l->kernel, l->dims, NULL, l->global, l->has_local ? l->local : NULL, 0,
                                           NULL, NULL);
        if (rc != CL_SUCCESS) return ocl_cl_fail(err, "clEnqueueNDRangeKernel", rc);
    }
    cl_int rc = clFlush(q);
    return rc == CL_SUCCESS ? 0 : ocl_cl_fail(err, "clFlush", rc);
}

static size_t desc_count(const wna_desc *d)
{
    size_t n = 1;
    for (uint32_t i = 0; i < d->rank && i < WNA_MAX_RANK; i++) n *= d->dims[i];
    return n;
}

/* compute = dispatch on temporary device tensors. */
static int api_compute(wna_compiled *g, const wna_tensor *inputs, uint32_t n_inputs, wna_tensor *outputs,
                       uint32_t n_outputs, wna_error *err)
{
    uint32_t n = n_inputs + n_outputs;
    wna_device_tensor **t = calloc(n ? n : 1, sizeof *t);
    const char **names = calloc(n ? n : 1, sizeof *names);
    int rc = -1;
    if (!t || !names) {
        ocl_fail(err, WNA_OPERATION_ERROR, "out of memory");
        goto done;
    }
    for (uint32_t j = 0; j < n_inputs; j++) {
        names[j] = inputs[j].name;
        if (!inputs[j].data || inputs[j].nbytes != wna_dtype_size(inputs[j].desc.dtype) * desc_count(&inputs[j].desc)) {
            ocl_fail(err, WNA_TYPE_ERROR, "input \"%s\": the byte length does not match its descriptor", inputs[j].name);
            goto done;
        }
        if (new_tensor(g->ctx, &inputs[j].desc, 0, inputs[j].data, &t[j], err) != 0) goto done;
    }
    for (uint32_t j = 0; j < n_outputs; j++) {
        names[n_inputs + j] = outputs[j].name;
        if (new_tensor(g->ctx, &outputs[j].desc, 0, NULL, &t[n_inputs + j], err) != 0) goto done;
        if (t[n_inputs + j]->bytes > outputs[j].nbytes) {
            ocl_fail(err, WNA_TYPE_ERROR, "output \"%s\": the buffer is smaller than the output", outputs[j].name);
            goto done;
        }
    }
    if (api_dispatch(g, names, t, n_inputs, names + n_inputs, t + n_inputs, n_outputs, err) != 0) goto done;
    for (uint32_t j = 0; j < n_outputs; j++)
        if (api_read_tensor(t[n_inputs + j], outputs[j].data, t[n_inputs + j]->bytes, err) != 0) goto done;
    rc = 0;
done:
    for (uint32_t j = 0; t && j < n; j++) api_release_tensor(t[j]);
    free(t);
    free(names);
    return rc;
}

/* ---- entry ---- */

static char version[480] = "opencl adapter";

/* The version string names platform, device and driver. OpenCL is only touched in a child
 * process: the runner forks its workers after loading the adapter, and an OpenCL runtime
 * initialised before a fork (threads, driver state) is not usable in the child. */
static void query_version(void)
{
    int fd[2];
    if (pipe(fd) != 0) return;
    pid_t pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        return;
    }
    if (pid == 0) {
        close(fd[0]);
        wna_context *c = NULL;
        wna_error err = {0};
        const char *s = ocl_create_context(WNA_DEVICE_DEFAULT, &c, &err) == 0 ? ocl_describe(c) : err.message;
        ssize_t w = write(fd[1], s, strlen(s));
        _exit(w < 0);
    }
    close(fd[1]);
    char buf[sizeof version - 16];
    size_t len = 0;
    ssize_t r;
    while (len < sizeof buf - 1 && (r = read(fd[0], buf + len, sizeof buf - 1 - len)) > 0) len += (size_t)r;
    close(fd[0]);
    waitpid(pid, NULL, 0);
    buf[len] = '\0';
    if (len) snprintf(version, sizeof version, "opencl: %s", buf);
}

static wna_api ocl_api = {
    .abi_major = WEBNN_ADAPTER_ABI_MAJOR,
    .abi_minor = WEBNN_ADAPTER_ABI_MINOR,
    .struct_size = sizeof(wna_api),
    .name = "opencl",
    .version = version,
    .create_context = ocl_create_context,
    .release_context = ocl_release_context,
    .op_support_limits = ocl_op_support_limits,
    .build = api_build,
    .compute = api_compute,
    .release_graph = release_graph,
    .create_tensor = api_create_tensor,
    .write_tensor = api_write_tensor,
    .read_tensor = api_read_tensor,
    .dispatch = api_dispatch,
    .release_tensor = api_release_tensor,
};

const wna_api *webnn_adapter_entry(void)
{
    static int queried;
    if (!queried) {
        queried = 1;
        query_version();
    }
    return &ocl_api;
}
