/* Building the oneDNN adapter's compiled graph: values (buffers with memory descriptors),
 * steps (primitives with their arguments), and the reorders that connect a primitive to values
 * in another layout or data type. See dnn.h for the model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnn.h"

static const char *status_name(dnnl_status_t st)
{
    switch (st) {
    case dnnl_out_of_memory: return "out of memory";
    case dnnl_invalid_arguments: return "invalid arguments";
    case dnnl_unimplemented: return "unimplemented";
    case dnnl_iterator_ends: return "iterator ends";
    case dnnl_runtime_error: return "runtime error";
    case dnnl_not_required: return "not required";
    default: return "error";
    }
}

int dnn_check(dnnl_status_t st, wna_error *err, const char *what)
{
    if (st == dnnl_success) return 0;
    /* unimplemented: oneDNN has no implementation for these shapes, types or attributes */
    int kind = st == dnnl_unimplemented ? WNA_NOT_SUPPORTED_ERROR : WNA_OPERATION_ERROR;
    return dnn_fail(err, kind, "%s: oneDNN status %d (%s)", what, (int)st, status_name(st));
}

dnnl_data_type_t dnn_dt(int32_t t)
{
    switch (t) {
    case WNA_FLOAT32: return dnnl_f32;
    case WNA_FLOAT16: return dnnl_f16;
    case WNA_INT32: return dnnl_s32;
    case WNA_INT8: return dnnl_s8;
    case WNA_UINT8: return dnnl_u8;
    default: return dnnl_data_type_undef;
    }
}

int dnn_md_plain(dnnl_memory_desc_t *md, uint32_t rank, const uint32_t *dims, dnnl_data_type_t dt)
{
    dnnl_dims_t d, s;
    int nd = rank ? (int)rank : 1;
    if (rank > DNNL_MAX_NDIMS) return -1;
    d[0] = 1;
    for (uint32_t i = 0; i < rank; i++) d[i] = dims[i];
    dnnl_dim_t stride = 1;
    for (int i = nd - 1; i >= 0; i--) {
        s[i] = stride;
        stride *= d[i];
    }
    return dnnl_memory_desc_init_by_strides(md, nd, d, dt, s) == dnnl_success ? 0 : -1;
}

const wna_desc *dnn_desc(const dnn_graph *g, uint32_t k) { return &g->graph->operands[k].desc; }

dnnl_data_type_t dnn_compute_dt(const dnn_graph *g, uint32_t k)
{
    dnnl_data_type_t dt = g->values[k].md.data_type;
    return dt == dnnl_f16 ? dnnl_f32 : dt;
}

static int grow(void **p, uint32_t *cap, uint32_t need, size_t esize)
{
    if (need <= *cap) return 0;
    uint32_t n = *cap ? *cap * 2 : 16;
    while (n < need) n *= 2;
    void *q = realloc(*p, (size_t)n * esize);
    if (!q) return -1;
    memset((char *)q + (size_t)*cap * esize, 0, (size_t)(n - *cap) * esize);
    *p = q;
    *cap = n;
    return 0;
}

int dnn_temp(dnn_graph *g, const dnnl_memory_desc_t *md_in, uint32_t *out, wna_error *err)
{
    const dnnl_memory_desc_t m = *md_in, *md = &m; /* md_in may point into values: grow moves it */
    if (grow((void **)&g->values, &g->cap_values, g->n_values + 1, sizeof *g->values) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "out of memory");
    dnn_value *v = &g->values[g->n_values];
    memset(v, 0, sizeof *v);
    v->md = *md;
    v->dtype = -1;
    v->view_of = DNN_NONE;
    v->bytes = dnnl_memory_desc_get_size(md);
    size_t alloc = (v->bytes + 63) / 64 * 64;
    if (!(v->own = aligned_alloc(64, alloc ? alloc : 64))) return dnn_fail(err, WNA_OPERATION_ERROR, "out of memory");
    memset(v->own, 0, alloc ? alloc : 64);
    v->ptr = v->own;
    *out = g->n_values++;
    return 0;
}

int dnn_view(dnn_graph *g, uint32_t k, const dnnl_memory_desc_t *md, uint32_t *out, wna_error *err)
{
    return dnn_view_at(g, k, md, 0, out, err);
}

int dnn_view_at(dnn_graph *g, uint32_t k, const dnnl_memory_desc_t *md_in, size_t offset, uint32_t *out,
                wna_error *err)
{
    const dnnl_memory_desc_t m = *md_in, *md = &m; /* md_in may point into values: grow moves it */
    if (grow((void **)&g->values, &g->cap_values, g->n_values + 1, sizeof *g->values) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "out of memory");
    for (; g->values[k].view_of != DNN_NONE; k = g->values[k].view_of) offset += g->values[k].offset;
    if (offset > g->values[k].bytes || dnnl_memory_desc_get_size(md) > g->values[k].bytes - offset)
        return dnn_fail(err, WNA_OPERATION_ERROR, "a view larger than its value");
    dnn_value *v = &g->values[g->n_values];
    memset(v, 0, sizeof *v);
    v->md = *md;
    v->dtype = -1;
    v->bytes = dnnl_memory_desc_get_size(md);
    v->view_of = k;
    v->offset = offset;
    v->is_constant = g->values[k].is_constant;
    *out = g->n_values++;
    return 0;
}

void *dnn_ptr(const dnn_graph *g, uint32_t k)
{
    uint32_t b = g->values[k].view_of;
    return b == DNN_NONE ? g->values[k].ptr : (char *)g->values[b].ptr + g->values[k].offset;
}

static int push_step(dnn_graph *g, dnnl_primitive_desc_t pd, const int *args, const uint32_t *values,
                     const dnnl_memory_desc_t *const *mds, int n, wna_error *err)
{
    if (grow((void **)&g->steps, &g->cap_steps, g->n_steps + 1, sizeof *g->steps) != 0)
        return dnn_fail(err, WNA_OPERATION_ERROR, "out of memory");
    dnn_step *st = &g->steps[g->n_steps];
    memset(st, 0, sizeof *st);
    st->op = g->current_op;
    st->args = calloc((size_t)n, sizeof *st->args);
    st->arg_values = calloc((size_t)n, sizeof *st->arg_values);
    const char *impl = NULL;
    dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl);
    st->impl = strdup(impl ? impl : "?");
    g->n_steps++; /* from here on release_graph frees what is set */
    if (!st->args || !st->arg_values || !st->impl) return dnn_fail(err, WNA_OPERATION_ERROR, "out of memory");
    if (dnn_check(dnnl_primitive_create(&st->prim, pd), err, "creating the primitive") != 0) return -1;
    for (int i = 0; i < n; i++) {
        st->args[i].arg = args[i];
        st->arg_values[i] = values[i];
        st->n_args = i + 1;
        if (dnn_check(dnnl_memory_create(&st->args[i].memory, mds[i], g->engine, dnn_ptr(g, values[i])), err,
                      "creating a memory object") != 0)
            return -1;
    }
    return 0;
}

/* Runs the last step now (a reorder of a constant) and drops it. */
static int run_last_step_now(dnn_graph *g, wna_error *err)
{
    dnn_step *st = &g->steps[g->n_steps - 1];
    int rc = dnn_check(dnnl_primitive_execute(st->prim, g->stream, st->n_args, st->args), err, "reordering a constant");
    if (rc == 0) rc = dnn_check(dnnl_stream_wait(g->stream), err, "reordering a constant");
    for (int i = 0; i < st->n_args; i++) dnnl_memory_destroy(st->args[i].memory);
    dnnl_primitive_destroy(st->prim);
    free(st->args);
    free(st->arg_values);
    free(st->impl);
    g->n_steps--;
    return rc;
}

int dnn_reorder(dnn_graph *g, uint32_t src, const dnnl_memory_desc_t *src_md, uint32_t dst,
                const dnnl_memory_desc_t *dst_md, wna_error *err)
{
    dnnl_memory_desc_t smd = src_md ? *src_md : g->values[src].md;
    dnnl_memory_desc_t dmd = dst_md ? *dst_md : g->values[dst].md;
    dnnl_primitive_desc_t pd;
    if (dnn_check(dnnl_reorder_primitive_desc_create(&pd, &smd, g->engine, &dmd, g->engine, NULL), err,
                  "reorder") != 0)
        return -1;
    const int args[2] = {DNNL_ARG_FROM, DNNL_ARG_TO};
    const uint32_t vals[2] = {src, dst};
    const dnnl_memory_desc_t *mds[2] = {&smd, &dmd};
    int rc = push_step(g, pd, args, vals, mds, 2, err);
    dnnl_primitive_desc_destroy(pd);
    if (rc != 0) return -1;
    /* a constant reordered into a temporary: done once, here */
    if (g->values[src].is_constant && g->values[dst].dtype < 0 && g->values[dst].view_of == DNN_NONE) {
        g->values[dst].is_constant = 1;
        return run_last_step_now(g, err);
    }
    return 0;
}

int dnn_step_add_pd(dnn_graph *g, dnnl_primitive_desc_t pd, const dnn_io *io, int n_in, int n_io, wna_error *err)
{
    enum { MAX_IO = 24 };
    int args[MAX_IO];
    uint32_t use[MAX_IO];
    const dnnl_memory_desc_t *mds[MAX_IO];
    int rc = -1;
    if (n_io > MAX_IO) {
        dnn_fail(err, WNA_OPERATION_ERROR, "too many primitive arguments");
        goto done;
    }
    for (int i = 0; i < n_io; i++) {
        const dnnl_memory_desc_t *md = dnnl_primitive_desc_query_md(pd, dnnl_query_exec_arg_md, io[i].arg);
        if (!md || md->ndims == 0) {
            dnn_fail(err, WNA_OPERATION_ERROR, "the primitive has no argument %d", io[i].arg);
            goto done;
        }
        args[i] = io[i].arg;
        use[i] = io[i].value;
        if (!dnnl_memory_desc_equal(md, &g->values[io[i].value].md)) {
            if (dnn_temp(g, md, &use[i], err) != 0) goto done;
            if (i < n_in && dnn_reorder(g, io[i].value, NULL, use[i], NULL, err) != 0) goto done;
        }
    }
    for (int i = 0; i < n_io; i++) mds[i] = &g->values[use[i]].md;
    if (push_step(g, pd, args, use, mds, n_io, err) != 0) goto done;
    for (int i = n_in; i < n_io; i++)
        if (use[i] != io[i].value && dnn_reorder(g, use[i], NULL, io[i].value, NULL, err) != 0) goto done;
    rc = 0;
done:
    dnnl_primitive_desc_destroy(pd);
    return rc;
}

int dnn_step_add(dnn_graph *g, const void *op_desc, const_dnnl_primitive_attr_t attr, const dnn_io *io, int n_in,
                 int n_io, wna_error *err)
{
    dnnl_primitive_desc_t pd;
    if (dnn_check(dnnl_primitive_desc_create(&pd, op_desc, attr, g->engine, NULL), err, "primitive descriptor") != 0)
        return -1;
    return dnn_step_add_pd(g, pd, io, n_in, n_io, err);
}

/* A plain temporary shaped like operand k, in data type dt. */
static int temp_like(dnn_graph *g, uint32_t k, dnnl_data_type_t dt, uint32_t *out, wna_error *err)
{
    dnnl_memory_desc_t md = g->values[k].md;
    md.data_type = dt;
    dnnl_memory_desc_t plain;
    if (dnnl_memory_desc_init_by_strides(&plain, md.ndims, md.dims, dt, md.format_desc.blocking.strides) !=
        dnnl_success)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    return dnn_temp(g, &plain, out, err);
}

int dnn_input(dnn_graph *g, uint32_t k, dnnl_data_type_t dt, uint32_t *out, wna_error *err)
{
    if (g->values[k].md.data_type == dt) {
        *out = k;
        return 0;
    }
    if (temp_like(g, k, dt, out, err) != 0) return -1;
    return dnn_reorder(g, k, NULL, *out, NULL, err);
}

int dnn_output(dnn_graph *g, uint32_t k, dnnl_data_type_t dt, uint32_t *out, wna_error *err)
{
    if (g->values[k].md.data_type == dt) {
        *out = k;
        return 0;
    }
    return temp_like(g, k, dt, out, err);
}

int dnn_output_done(dnn_graph *g, uint32_t k, uint32_t tmp, wna_error *err)
{
    return tmp == k ? 0 : dnn_reorder(g, tmp, NULL, k, NULL, err);
}

int dnn_broadcast_md(const dnn_graph *g, uint32_t k, uint32_t rank, const uint32_t *dims, int expand,
                     dnnl_memory_desc_t *md)
{
    const dnnl_memory_desc_t *src = &g->values[k].md;
    int nd = rank ? (int)rank : 1, lead = nd - src->ndims;
    if (lead < 0 || src->format_kind != dnnl_blocked) return -1;
    dnnl_dims_t dd, ss;
    for (int i = 0; i < nd; i++) {
        int j = i - lead;
        dnnl_dim_t n = j >= 0 ? src->dims[j] : 1;
        dd[i] = expand ? (rank ? dims[i] : 1) : n;
        ss[i] = j < 0 || n == 1 ? 0 : src->format_desc.blocking.strides[j];
    }
    if (!expand) /* a view at another rank: the same bytes, row-major */
        for (int i = nd - 1, s = 1; i >= 0; i--) {
            ss[i] = s;
            s *= (int)dd[i];
        }
    return dnnl_memory_desc_init_by_strides(md, nd, dd, src->data_type, ss) == dnnl_success ? 0 : -1;
}

int dnn_param(dnn_graph *g, uint32_t k, double v, float *out, wna_error *err)
{
    *out = (float)v;
    if (g->values[k].md.data_type != dnnl_f16) return 0;
    /* the spec casts the parameter to the operand's type: float16, by oneDNN's reorder there
     * and back (both run now: their source is a constant) */
    dnnl_memory_desc_t f32, f16;
    dnnl_dims_t one = {1};
    uint32_t a, h, b;
    if (dnnl_memory_desc_init_by_tag(&f32, 1, one, dnnl_f32, dnnl_a) != dnnl_success ||
        dnnl_memory_desc_init_by_tag(&f16, 1, one, dnnl_f16, dnnl_a) != dnnl_success)
        return dnn_fail(err, WNA_OPERATION_ERROR, "memory descriptor");
    if (dnn_temp(g, &f32, &a, err) != 0 || dnn_temp(g, &f16, &h, err) != 0 || dnn_temp(g, &f32, &b, err) != 0)
        return -1;
    memcpy(g->values[a].own, out, sizeof *out);
    g->values[a].is_constant = 1;
    if (dnn_reorder(g, a, NULL, h, NULL, err) != 0 || dnn_reorder(g, h, NULL, b, NULL, err) != 0) return -1;
    memcpy(out, g->values[b].own, sizeof *out);
    return 0;
}
