/* ocl.h — internals of the OpenCL adapter (adapters/opencl).
 *
 * Model: every operand of a built graph is a cl_mem. Constants and intermediate results are
 * buffers the compiled graph owns; graph inputs and outputs are bound at dispatch time to the
 * caller's device tensors (compute() makes temporary ones). build() turns each operation into
 * one or more kernel launches (ocl_launch): a kernel object with its scalar and metadata
 * arguments set once, plus the operand buffers it reads and writes, set again at every
 * dispatch. Launches run in graph order on one in-order queue.
 *
 * Programs: the OpenCL C source (the files in cl/, one string, ocl_source) is compiled once per
 * context and data type (-DWN_DT=<wna_dtype>), when the first graph needs that type. */
#ifndef OCL_H
#define OCL_H

#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>
#include <stddef.h>
#include <stdint.h>

#include "webnn_adapter.h"

extern const char ocl_source[]; /* generated from opcodes.h and the files in cl/ */

struct wna_context {
    cl_platform_id platform;
    cl_device_id device;
    cl_context cl;
    cl_command_queue queue;
    cl_program programs[WNA_DTYPE_COUNT];
    int half_native; /* cl_khr_fp16: float16 computes in half; else stored as half, computed in float */
    int fp64;        /* cl_khr_fp64: float math in double, rounded once */
    uint64_t max_alloc;
    size_t wg1;      /* work-group size of 1-D launches: a power of two <= 64 */
    char description[512]; /* holds every piece describe() writes (at most 441 bytes) */
};

#define OCL_MAX_BUF_ARGS 8

typedef struct ocl_launch {
    cl_kernel kernel;
    uint32_t n_bufs;
    struct {
        uint32_t arg;     /* kernel argument index */
        uint32_t operand; /* graph operand bound there at dispatch */
    } bufs[OCL_MAX_BUF_ARGS];
    cl_uint dims;
    size_t global[3], local[3];
    int has_local;
} ocl_launch;

typedef struct ocl_operand {
    wna_desc desc;
    size_t count, bytes;
    int kind;   /* wna_operand_kind */
    cl_mem own; /* constants and intermediates */
    char *name;
} ocl_operand;

struct wna_compiled {
    wna_context *ctx;
    ocl_operand *operands;
    uint32_t n_operands;
    uint32_t *inputs, n_inputs, *outputs, n_outputs;
    ocl_launch *launches;
    uint32_t n_launches, cap_launches;
    cl_mem *owned; /* metadata buffers */
    uint32_t n_owned, cap_owned;
    cl_mem dummy;  /* bound where an optional operand is absent */
    cl_mem *bound; /* per operand, during dispatch */
};

struct wna_device_tensor {
    wna_context *ctx;
    wna_desc desc;
    size_t bytes;
    cl_mem mem;
};

/* What an op's builder works with. */
typedef struct ocl_build {
    wna_compiled *g;
    const wna_graph *graph;
    wna_error *err;
} ocl_build;

typedef int (*ocl_op_fn)(ocl_build *b, const wna_operation *op);

typedef struct ocl_op {
    const char *name;
    int (*family)(ocl_build *b, const wna_operation *op, int code); /* shared builder, given code */
    ocl_op_fn direct;                                                 /* or a builder of its own */
    int code;
} ocl_op;

const ocl_op *ocl_find_op(const char *name);

/* op families (one file each) */
int ocl_build_unary(ocl_build *b, const wna_operation *op, int code);
int ocl_build_binary(ocl_build *b, const wna_operation *op, int code);
int ocl_build_compare(ocl_build *b, const wna_operation *op, int code);
int ocl_build_where(ocl_build *b, const wna_operation *op);
int ocl_build_matmul(ocl_build *b, const wna_operation *op);
int ocl_build_gemm(ocl_build *b, const wna_operation *op);
int ocl_build_conv(ocl_build *b, const wna_operation *op, int transposed);
int ocl_build_pool(ocl_build *b, const wna_operation *op, int code);
int ocl_build_reduce(ocl_build *b, const wna_operation *op, int code);
int ocl_build_softmax(ocl_build *b, const wna_operation *op);
int ocl_build_cumsum(ocl_build *b, const wna_operation *op);
int ocl_build_batchnorm(ocl_build *b, const wna_operation *op);
int ocl_build_instancenorm(ocl_build *b, const wna_operation *op);
int ocl_build_layernorm(ocl_build *b, const wna_operation *op);
int ocl_build_copy_op(ocl_build *b, const wna_operation *op); /* identity, reshape, transpose, expand, slice, reverse */
int ocl_build_split(ocl_build *b, const wna_operation *op);
int ocl_build_concat(ocl_build *b, const wna_operation *op);
int ocl_build_pad(ocl_build *b, const wna_operation *op);
int ocl_build_gather(ocl_build *b, const wna_operation *op);
int ocl_build_cast(ocl_build *b, const wna_operation *op);
int ocl_build_tile(ocl_build *b, const wna_operation *op);
int ocl_build_triangular(ocl_build *b, const wna_operation *op);

/* ---- launch helpers (launch.c) ---- */
/* A new launch of kernel `name` from the program of data type `dtype`. NULL on failure. */
ocl_launch *ocl_launch_new(ocl_build *b, int dtype, const char *name);
int ocl_set_operand(ocl_build *b, ocl_launch *l, uint32_t arg, int64_t operand); /* -1: the dummy */
int ocl_set_scalar(ocl_build *b, ocl_launch *l, uint32_t arg, size_t size, const void *value);
int ocl_set_u32(ocl_build *b, ocl_launch *l, uint32_t arg, uint64_t v);
int ocl_set_i32(ocl_build *b, ocl_launch *l, uint32_t arg, int32_t v);
int ocl_set_f32(ocl_build *b, ocl_launch *l, uint32_t arg, double v);
/* A number argument in the program's parameter type UT (double or float for float data types,
 * the element type for integers; saturated to its range). */
int ocl_set_number(ocl_build *b, ocl_launch *l, uint32_t arg, int dtype, const wna_number *v);
/* An int array in a new buffer the graph owns, set as argument arg. */
int ocl_set_meta(ocl_build *b, ocl_launch *l, uint32_t arg, const int32_t *v, size_t n);
void ocl_range(ocl_launch *l, size_t n);

/* ---- graph access ---- */
const wna_desc *ocl_desc(const ocl_build *b, uint32_t operand);
size_t ocl_count(const wna_desc *d);
/* Row-major strides of d. */
void ocl_strides(const wna_desc *d, int64_t *s);
/* Strides of d broadcast to rank `rank` (aligned right; 0 where d has size 1 or no axis). */
void ocl_bcast_strides(const wna_desc *d, uint32_t rank, const wna_desc *out, int32_t *s);
/* Stride of `letter` in a layout string ("nchw", "oihw"...) for dims of that layout. */
int64_t ocl_layout_stride(const char *layout, const uint32_t *dims, char letter);
uint32_t ocl_layout_dim(const char *layout, const uint32_t *dims, char letter);

/* ---- arguments (args.c) ---- */
const wna_arg *ocl_arg(const wna_operation *op, const char *name);
int64_t ocl_arg_operand(const wna_operation *op, const char *name);
double ocl_arg_double(const wna_operation *op, const char *name, double dflt);
int64_t ocl_arg_int(const wna_operation *op, const char *name, int64_t dflt);
int ocl_arg_bool(const wna_operation *op, const char *name, int dflt);
const char *ocl_arg_string(const wna_operation *op, const char *name, const char *dflt);
/* A number list into out[0..cap): its length, or -1 when absent or longer than cap. */
int ocl_arg_ints(const wna_operation *op, const char *name, int64_t *out, uint32_t cap);
int ocl_fail(wna_error *err, int kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Fails with a message naming the OpenCL call and its error code. */
int ocl_cl_fail(wna_error *err, const char *what, cl_int rc);

/* ---- programs (context.c) ---- */
cl_program ocl_program(wna_context *c, int dtype, wna_error *err);

/* ---- opSupportLimits (limits_table.c, generated by gen_limits.py) ---- */
extern const wna_op_limits ocl_limits_table[];
extern const uint32_t ocl_limits_count;

#endif
