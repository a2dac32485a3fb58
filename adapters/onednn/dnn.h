/* dnn.h — internals of the oneDNN adapter (adapters/onednn): the compiled graph's values and
 * steps, the op table every op file fills, and the helpers op builders use to turn one WebNN
 * operation into oneDNN primitives.
 *
 * Model: every operand is a buffer in its own WebNN data type, described by a plain row-major
 * oneDNN memory descriptor. An op builder creates one or more oneDNN primitives at build time
 * (dnn_step_add); compute() only points the primitives' memory objects at the current buffers
 * and executes them in order. When a primitive prefers another layout (convolution weights,
 * blocked activations) or another data type (float16 operands: oneDNN 2.6 computes them in
 * float32 on CPUs without avx512_fp16), dnn_step_add inserts oneDNN reorders around it; a
 * reorder of a constant runs once, at build. All arithmetic is oneDNN's. */
#ifndef DNN_H
#define DNN_H

#include <stddef.h>
#include <stdint.h>

#include <oneapi/dnnl/dnnl.h>

#include "webnn_adapter.h"

#define DNN_NONE UINT32_MAX

/* One buffer of the compiled graph: a graph operand, or a temporary (a reordered copy). */
typedef struct dnn_value {
    dnnl_memory_desc_t md;
    size_t bytes;
    void *own;       /* this value's buffer (64-byte aligned), or NULL while it is lent */
    void *ptr;       /* where the data is now: own, or a caller's buffer during compute() */
    int is_constant; /* data known at build time */
    int32_t dtype;   /* wna_dtype of a graph operand, -1 for a temporary */
    wna_desc desc;   /* graph operands only */
    char *name;      /* graph operands only */
    uint32_t view_of; /* a view (another descriptor over value view_of's bytes), or DNN_NONE */
    size_t offset;    /* a view: where it starts in view_of's bytes */
} dnn_value;

typedef struct dnn_step {
    dnnl_primitive_t prim;
    dnnl_exec_arg_t *args;
    uint32_t *arg_values; /* the value each argument's memory points at */
    int n_args;
    char *impl;           /* the implementation oneDNN picked (impl_info_str) */
    const char *op;       /* the WebNN op it belongs to */
} dnn_step;

typedef struct dnn_graph {
    dnnl_engine_t engine;
    dnnl_stream_t stream;
    dnn_value *values;
    uint32_t n_values, cap_values;
    dnn_step *steps;
    uint32_t n_steps, cap_steps;
    uint32_t n_operands; /* values[0..n_operands) are the graph's operands, in order */
    const wna_graph *graph;   /* during build only */
    const char *current_op;   /* during build only */
} dnn_graph;

/* One argument of a primitive: its DNNL_ARG_* and the value it reads or writes. */
typedef struct dnn_io {
    int arg;
    uint32_t value;
} dnn_io;

typedef struct dnn_op {
    const char *op;                   /* MLGraphBuilder method name */
    const wna_operand_limits *limits; /* this op's opSupportLimits entry */
    uint32_t n_limits;
    /* Adds the op's primitives to g. The runner has run the spec's builder validation, so the
     * arguments are valid; -1 with NotSupportedError for what oneDNN cannot do. */
    int (*build)(dnn_graph *g, const wna_operation *op, wna_error *err);
} dnn_op;

typedef struct dnn_op_set {
    const dnn_op *ops;
    uint32_t n;
} dnn_op_set;

extern const dnn_op_set dnn_set_eltwise;  /* eltwise.c: unary math, activations, prelu */
extern const dnn_op_set dnn_set_binary;   /* binary.c: add ... min, comparisons */
extern const dnn_op_set dnn_set_matmul;   /* matmul.c: matmul, gemm */
extern const dnn_op_set dnn_set_conv;     /* conv.c: conv2d, convTranspose2d, pools */
extern const dnn_op_set dnn_set_reduce;   /* reduce.c: reduce*, softmax */
extern const dnn_op_set dnn_set_norm;     /* norm.c: batch/layer/instance normalization */
extern const dnn_op_set dnn_set_movement; /* movement.c: reshape, transpose, cast, concat, ... */
extern const dnn_op_set dnn_set_resample; /* resample.c: resample2d */
extern const dnn_op_set dnn_set_rnn;      /* rnn.c: lstm, lstmCell, gru, gruCell */

const dnn_op *dnn_find_op(const char *op);
uint32_t dnn_op_count(void);
const dnn_op *dnn_op_at(uint32_t i);

/* ---- graph building (graph.c) ---- */

/* Creates the primitive for op_desc (an initialized dnnl_*_desc_t) with attr (may be NULL),
 * adding reorders where the primitive's memory descriptor of an argument differs from its
 * value's; the first n_in entries of io are read, the rest written. 0, or -1 with err set
 * (NotSupportedError when oneDNN has no implementation). */
int dnn_step_add(dnn_graph *g, const void *op_desc, const_dnnl_primitive_attr_t attr, const dnn_io *io, int n_in,
                 int n_io, wna_error *err);
/* The same for a primitive descriptor the caller made (concat, reorder); takes ownership. */
int dnn_step_add_pd(dnn_graph *g, dnnl_primitive_desc_t pd, const dnn_io *io, int n_in, int n_io, wna_error *err);
/* A reorder from value src (or the memory descriptor src_md over src's buffer, when not NULL:
 * a permuted, broadcast or sliced view) to value dst. */
int dnn_reorder(dnn_graph *g, uint32_t src, const dnnl_memory_desc_t *src_md, uint32_t dst,
                const dnnl_memory_desc_t *dst_md, wna_error *err);
/* A new temporary value with memory descriptor md (its buffer allocated). */
int dnn_temp(dnn_graph *g, const dnnl_memory_desc_t *md, uint32_t *out, wna_error *err);

/* A view of value k with descriptor md (same bytes, e.g. another rank): no copy. */
int dnn_view(dnn_graph *g, uint32_t k, const dnnl_memory_desc_t *md, uint32_t *out, wna_error *err);
/* The same starting `offset` bytes into k (primitives other than reorder ignore offset0). */
int dnn_view_at(dnn_graph *g, uint32_t k, const dnnl_memory_desc_t *md, size_t offset, uint32_t *out,
                wna_error *err);
/* Value k's (plain) descriptor at rank `rank` with leading 1s; with expand, of shape dims with
 * stride 0 along broadcast dimensions (a reorder's source, reading elements repeatedly). */
int dnn_broadcast_md(const dnn_graph *g, uint32_t k, uint32_t rank, const uint32_t *dims, int expand,
                     dnnl_memory_desc_t *md);
/* Where value k's bytes are now (a view: its base value's). */
void *dnn_ptr(const dnn_graph *g, uint32_t k);

/* The value to give a primitive for operand k when it computes in data type dt: k itself, or
 * a float32 copy of a float16 operand made by a reorder (dnn_input); for outputs a float32
 * temporary that dnn_output_done reorders into k after the op's primitive. */
int dnn_input(dnn_graph *g, uint32_t k, dnnl_data_type_t dt, uint32_t *out, wna_error *err);
int dnn_output(dnn_graph *g, uint32_t k, dnnl_data_type_t dt, uint32_t *out, wna_error *err);
int dnn_output_done(dnn_graph *g, uint32_t k, uint32_t tmp, wna_error *err);
/* The data type an op computes operand k in: float16 -> float32, others their own. */
dnnl_data_type_t dnn_compute_dt(const dnn_graph *g, uint32_t k);

/* A scalar parameter (alpha, epsilon, bounds) as the primitive takes it: float32, after the
 * spec's cast to operand k's type when that is float16 (rounded by oneDNN reorders). */
int dnn_param(dnn_graph *g, uint32_t k, double v, float *out, wna_error *err);

/* Plain row-major memory descriptor of dims[0..rank) (rank 0: one element of shape [1]). */
int dnn_md_plain(dnnl_memory_desc_t *md, uint32_t rank, const uint32_t *dims, dnnl_data_type_t dt);
/* Data type of a WebNN type, or dnnl_data_type_undef when oneDNN has none (u32, i64, u64). */
dnnl_data_type_t dnn_dt(int32_t wna_dtype);
const wna_desc *dnn_desc(const dnn_graph *g, uint32_t k);

/* dnn_check turns a dnnl status into an error (-1 with *err set; dnn_fail, below, is
 * obl_fail from args.c). */
int dnn_check(dnnl_status_t st, wna_error *err, const char *what);

/* ---- argument readers: obl_arg*() of the OpenBLAS adapter's args.c, linked in (one copy of
 * the readers with the spec's defaults for absent arguments) ---- */
#include "obl.h"
#define dnn_fail obl_fail

/* Data type masks for limits tables. */
#define DNN_F32 (1u << WNA_FLOAT32)
#define DNN_F16 (1u << WNA_FLOAT16)
#define DNN_FLOATS (DNN_F32 | DNN_F16)
#define DNN_I32 (1u << WNA_INT32)
#define DNN_I8 (1u << WNA_INT8)
#define DNN_U8 (1u << WNA_UINT8)
#define DNN_INTS (DNN_I32 | DNN_I8 | DNN_U8)

#endif
