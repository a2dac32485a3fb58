/* obl.h — internals of the OpenBLAS adapter (adapters/openblas): the compiled graph's values,
 * the kernel table every op file fills, and the argument readers kernels use at build time.
 *
 * Numeric model: float32 operands are computed in float32. float16 operands are *stored* as
 * float16 (every op's float16 result is rounded to binary16 once, when the op finishes) but
 * *computed* in float32: kernels only ever see float32 arrays. A kernel therefore has no
 * per-element type dispatch: it reads `values[i].f` and writes `values[o].f`; the framework
 * expands float16 inputs into `.f` before the first use and rounds float16 results afterwards.
 * Operands of other types (uint8 comparison results, say) live in `.raw`.
 *
 * Life cycle: build() calls each op's kernel->prepare once (parse arguments, check what the
 * kernel handles, pre-pack constant weights into the state); compute() calls kernel->run in
 * graph order; release_graph() calls kernel->release on each state. */
#ifndef OBL_H
#define OBL_H

#include <stddef.h>
#include <stdint.h>

#include "webnn_adapter.h"

#define OBL_MAX_OUTPUTS 4

/* One operand of the compiled graph. */
typedef struct obl_value {
    wna_desc desc;
    size_t count;      /* elements (1 for a scalar) */
    float *f;          /* float32 and float16 operands: the float32 view kernels use */
    uint16_t *h;       /* float16 operands only: the binary16 storage */
    void *raw;         /* operands of any other type: element bytes, row-major */
    int is_constant;   /* data known at build time (and already in f / raw) */
    char *name;
} obl_value;

/* What prepare() sees: the ABI graph and the values, with every descriptor known and every
 * constant's data already in its float32 view (so weights can be packed from values[k].f). */
typedef struct obl_build {
    const wna_graph *graph;
    const obl_value *values;
} obl_build;

typedef struct obl_kernel {
    const char *op;                   /* MLGraphBuilder method name */
    const wna_operand_limits *limits; /* this kernel's opSupportLimits entry */
    uint32_t n_limits;
    /* Parse op's arguments into a new state (*state, freed by release). The runner has run the
     * spec's builder validation, so arguments are valid; return -1 with WNA_NOT_SUPPORTED_ERROR
     * only for something outside `limits`. */
    int (*prepare)(const obl_build *b, const wna_operation *op, void **state, wna_error *err);
    /* Compute: read inputs' .f (or .raw), write outputs' .f (or .raw). */
    int (*run)(const void *state, obl_value *values, wna_error *err);
    void (*release)(void *state); /* may be NULL: then free(state) */
} obl_kernel;

/* The kernel sets, one per source file (kernels.c lists them all). */
typedef struct obl_kernel_set {
    const obl_kernel *kernels;
    uint32_t n;
} obl_kernel_set;

extern const obl_kernel_set obl_set_gemm;        /* gemm.c: matmul, gemm */
extern const obl_kernel_set obl_set_conv;        /* conv.c: conv2d, convTranspose2d */
extern const obl_kernel_set obl_set_pool;        /* pool.c: averagePool2d, maxPool2d, l2Pool2d */
extern const obl_kernel_set obl_set_binary;      /* binary.c: add ... pow, comparisons */
extern const obl_kernel_set obl_set_unary;       /* unary.c: math functions and activations */
extern const obl_kernel_set obl_set_reduce;      /* reduce.c: reduce* */
extern const obl_kernel_set obl_set_softmax;     /* softmax.c */
extern const obl_kernel_set obl_set_norm;        /* norm.c: batch/instance/layer normalization */
extern const obl_kernel_set obl_set_movement;    /* movement.c: reshape ... concat, cumulativeSum */

/* The kernel for an op name, or NULL. */
const obl_kernel *obl_find_kernel(const char *op);
/* Every kernel, in a stable order (for opSupportLimits). */
uint32_t obl_kernel_count(void);
const obl_kernel *obl_kernel_at(uint32_t i);

/* ---- argument readers (args.c) ---- */
const wna_arg *obl_arg(const wna_operation *op, const char *name);
/* Operand index of an operand argument, or -1 when absent. */
int64_t obl_arg_operand(const wna_operation *op, const char *name);
double obl_arg_double(const wna_operation *op, const char *name, double dflt);
int64_t obl_arg_int(const wna_operation *op, const char *name, int64_t dflt);
int obl_arg_bool(const wna_operation *op, const char *name, int dflt);
const char *obl_arg_string(const wna_operation *op, const char *name, const char *dflt);
/* A number list into out[0..cap); returns its length, or -1 when the argument is absent
 * (or longer than cap: the caller sized cap from the spec's limits). */
int obl_arg_ints(const wna_operation *op, const char *name, int64_t *out, uint32_t cap);

/* A list of n sizes (padding, strides, ...) into out[0..n), each in [0, 2^32): 0 when present and
 * well formed or when absent (out is left as the caller's defaults), -1 otherwise. */
int obl_arg_sizes(const wna_operation *op, const char *name, size_t *out, uint32_t n);

/* A tensor viewed as [outer, len, inner] around one axis (softmax, argMax, cumulativeSum, ...). */
void obl_axis_split(const wna_desc *d, uint32_t axis, size_t *outer, size_t *len, size_t *inner);

/* Set *err and return -1. */
int obl_fail(wna_error *err, int kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* binary16 <-> float32, round to nearest even (f16.c). */
void obl_f16_to_f32(const uint16_t *in, float *out, size_t n);
void obl_f32_to_f16(const float *in, uint16_t *out, size_t n);

/* Data type bit masks for limits tables. */
#define OBL_F32 (1u << WNA_FLOAT32)
#define OBL_F16 (1u << WNA_FLOAT16)
#define OBL_FLOATS (OBL_F32 | OBL_F16)
#define OBL_U8 (1u << WNA_UINT8)

#endif
