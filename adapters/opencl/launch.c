/* Building kernel launches: one kernel object per launch, its scalar and metadata arguments
 * set once at build time, its operand buffers recorded for dispatch. Also the shape helpers
 * the op builders share. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ocl.h"

ocl_launch *ocl_launch_new(ocl_build *b, int dtype, const char *name)
{
    wna_compiled *g = b->g;
    cl_program p = ocl_program(g->ctx, dtype, b->err);
    if (!p) return NULL;
    if (g->n_launches == g->cap_launches) {
        uint32_t cap = g->cap_launches ? 2 * g->cap_launches : 16;
        ocl_launch *nl = realloc(g->launches, cap * sizeof *nl);
        if (!nl) {
            ocl_fail(b->err, WNA_OPERATION_ERROR, "out of memory");
            return NULL;
        }
        g->launches = nl;
        g->cap_launches = cap;
    }
    cl_int rc;
    cl_kernel k = clCreateKernel(p, name, &rc);
    if (!k) {
        ocl_cl_fail(b->err, name, rc);
        return NULL;
    }
    ocl_launch *l = &g->launches[g->n_launches++];
    memset(l, 0, sizeof *l);
    l->kernel = k;
    l->local[0] = g->ctx->wg1;
    return l;
}

int ocl_set_operand(ocl_build *b, ocl_launch *l, uint32_t arg, int64_t operand)
{
    if (operand < 0) return ocl_set_scalar(b, l, arg, sizeof(cl_mem), &b->g->dummy);
    if ((uint64_t)operand >= b->g->n_operands || l->n_bufs == OCL_MAX_BUF_ARGS)
        return ocl_fail(b->err, WNA_OPERATION_ERROR, "internal: operand %lld out of range", (long long)operand);
    l->bufs[l->n_bufs].arg = arg;
    l->bufs[l->n_bufs].operand = (uint32_t)operand;
    l->n_bufs++;
    return 0;
}

int ocl_set_scalar(ocl_build *b, ocl_launch *l, uint32_t arg, size_t size, const void *value)
{
    cl_int rc = clSetKernelArg(l->kernel, arg, size, value);
    return rc == CL_SUCCESS ? 0 : ocl_cl_fail(b->err, "clSetKernelArg", rc);
}

int ocl_set_u32(ocl_build *b, ocl_launch *l, uint32_t arg, uint64_t v)
{
    if (v > UINT32_MAX) return ocl_fail(b->err, WNA_NOT_SUPPORTED_ERROR, "a size above 2^32-1");
    cl_uint x = (cl_uint)v;
    return ocl_set_scalar(b, l, arg, sizeof x, &x);
}

int ocl_set_i32(ocl_build *b, ocl_launch *l, uint32_t arg, int32_t v)
{
    cl_int x = v;
    return ocl_set_scalar(b, l, arg, sizeof x, &x);
}

int ocl_set_f32(ocl_build *b, ocl_launch *l, uint32_t arg, double v)
{
    cl_float x = (cl_float)v;
    return ocl_set_scalar(b, l, arg, sizeof x, &x);
}

/* Saturating conversions of an MLNumber to the integer types. */
/* Floats round half to even first, as the spec casts an MLNumber to an integer type. */
static int64_t num_i64(const wna_number *v, int64_t lo, int64_t hi)
{
    if (v->kind == WNA_NUM_INT) return v->i < lo ? lo : v->i > hi ? hi : v->i;
    if (v->kind == WNA_NUM_UINT) return v->u > (uint64_t)hi ? hi : (int64_t)v->u;
    if (isnan(v->f)) return 0;
    if (v->f <= (double)lo) return lo;
    if (v->f >= (double)hi) return hi;
    return (int64_t)nearbyint(v->f);
}

static uint64_t num_u64(const wna_number *v, uint64_t hi)
{
    if (v->kind == WNA_NUM_INT) return v->i < 0 ? 0 : (uint64_t)v->i > hi ? hi : (uint64_t)v->i;
    if (v->kind == WNA_NUM_UINT) return v->u > hi ? hi : v->u;
    if (isnan(v->f) || v->f <= 0) return 0;
    if (v->f >= (double)hi) return hi;
    return (uint64_t)nearbyint(v->f);
}

int ocl_set_number(ocl_build *b, ocl_launch *l, uint32_t arg, int dtype, const wna_number *v)
{
    double f = v->kind == WNA_NUM_INT ? (double)v->i : v->kind == WNA_NUM_UINT ? (double)v->u : v->f;
    switch (dtype) {
    case WNA_FLOAT32: case WNA_FLOAT16:
        if (b->g->ctx->fp64) return ocl_set_scalar(b, l, arg, sizeof(cl_double), &f);
        return ocl_set_f32(b, l, arg, f);
    case WNA_INT32: { cl_int x = (cl_int)num_i64(v, INT32_MIN, INT32_MAX); return ocl_set_scalar(b, l, arg, sizeof x, &x); }
    case WNA_UINT32: { cl_uint x = (cl_uint)num_u64(v, UINT32_MAX); return ocl_set_scalar(b, l, arg, sizeof x, &x); }
    case WNA_INT64: { cl_long x = num_i64(v, INT64_MIN, INT64_MAX); return ocl_set_scalar(b, l, arg, sizeof x, &x); }
    case WNA_UINT64: { cl_ulong x = num_u64(v, UINT64_MAX); return ocl_set_scalar(b, l, arg, sizeof x, &x); }
    case WNA_INT8: { cl_char x = (cl_char)num_i64(v, INT8_MIN, INT8_MAX); return ocl_set_scalar(b, l, arg, sizeof x, &x); }
    case WNA_UINT8: { cl_uchar x = (cl_uchar)num_u64(v, UINT8_MAX); return ocl_set_scalar(b, l, arg, sizeof x, &x); }
    default: return ocl_fail(b->err, WNA_OPERATION_ERROR, "internal: data type %d", dtype);
    }
}

int ocl_set_meta(ocl_build *b, ocl_launch *l, uint32_t arg, const int32_t *v, size_t n)
{
    wna_compiled *g = b->g;
    if (g->n_owned == g->cap_owned) {
        uint32_t cap = g->cap_owned ? 2 * g->cap_owned : 16;
        cl_mem *no = realloc(g->owned, cap * sizeof *no);
        if (!no) return ocl_fail(b->err, WNA_OPERATION_ERROR, "out of memory");
        g->owned = no;
        g->cap_owned = cap;
    }
    cl_int rc;
    cl_mem m = clCreateBuffer(g->ctx->cl, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, (n ? n : 1) * sizeof(int32_t),
                              (void *)v, &rc);
    if (!m) return ocl_cl_fail(b->err, "clCreateBuffer (metadata)", rc);
    g->owned[g->n_owned++] = m;
    return ocl_set_scalar(b, l, arg, sizeof m, &m);
}

void ocl_range(ocl_launch *l, size_t n)
{
    size_t wg = l->local[0];
    l->dims = 1;
    l->global[0] = (n + wg - 1) / wg * wg;
    l->has_local = 1;
}

const wna_desc *ocl_desc(const ocl_build *b, uint32_t operand) { return &b->g->operands[operand].desc; }

size_t ocl_count(const wna_desc *d)
{
    size_t n = 1;
    for (uint32_t i = 0; i < d->rank; i++) n *= d->dims[i];
    return n;
}

void ocl_strides(const wna_desc *d, int64_t *s)
{
    int64_t acc = 1;
    for (uint32_t i = d->rank; i-- > 0;) {
        s[i] = acc;
        acc *= d->dims[i];
    }
}

void ocl_bcast_strides(const wna_desc *d, uint32_t rank, const wna_desc *out, int32_t *s)
{
    int64_t own[WNA_MAX_RANK];
    ocl_strides(d, own);
    for (uint32_t i = 0; i < rank; i++) {
        int64_t j = (int64_t)i - (int64_t)(rank - d->rank);
        s[i] = j < 0 || d->dims[j] == 1 || out->dims[i] == 1 ? 0 : (int32_t)own[j];
    }
}

int64_t ocl_layout_stride(const char *layout, const uint32_t *dims, char letter)
{
    const char *p = strchr(layout, letter);
    if (!p) return 0;
    int64_t s = 1;
    for (size_t i = (size_t)(p - layout) + 1; i < 4; i++) s *= dims[i];
    return s;
}

uint32_t ocl_layout_dim(const char *layout, const uint32_t *dims, char letter)
{
    const char *p = strchr(layout, letter);
    return p ? dims[p - layout] : 1;
}
