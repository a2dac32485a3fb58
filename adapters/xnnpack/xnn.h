/* The XNNPACK adapter (Debian's libxnnpack snapshot of 2022-02-16; the API has no version macro).
 *
 * Model: every WebNN operation is lowered to XNNPACK subgraph nodes (xnn_define_*) over the
 * adapter's values, plus pure data movement the subgraph API of this snapshot lacks (transposes
 * for nchw layouts or a softmax axis that is not the last one, filter repacking at build).
 * Consecutive nodes form one XNNPACK subgraph and runtime (a "segment"); a layout step ends it.
 *
 * Every value is stored as float32. A WebNN float16 value holds float16-exact numbers: its
 * segment runs with XNN_FLAG_FORCE_FP16_INFERENCE (XNNPACK's own _f16 operators inside), and
 * float16 graph inputs and outputs are converted by XNNPACK's convert operators (exact in both
 * directions, since the runtime's float32 results come from float16 values). The "npu" profile
 * runs float32 graphs the same way: float32 in and out, float16 inside. */
#ifndef XNN_ADAPTER_H
#define XNN_ADAPTER_H

#include <stddef.h>
#include <stdint.h>

#include <xnnpack.h>

#include "webnn_adapter.h"

#define XA_MAX_RANK XNN_MAX_TENSOR_DIMS

/* One value of the lowered graph. */
typedef struct xa_value {
    uint32_t rank;              /* XNNPACK rank (a WebNN scalar is [1]) */
    size_t dims[XA_MAX_RANK];
    size_t count;
    int f16;                    /* WebNN float16 (stored float32, float16-exact) */
    int qtype;                  /* WNA_INT8 / WNA_UINT8: XNNPACK's quantized qint8 / quint8, one byte each */
    int qset;                   /* its scale and zero point are known (from quantize/dequantizeLinear) */
    float qscale;
    int32_t qzero;
    float *data;                /* constants: the static data; others: a padded buffer or NULL
                                 * (bytes for quantized values) */
    int is_const;
    int graph_input, graph_output;
    int producer;               /* node index, -1 for inputs and constants */
    uint32_t last_use;          /* last node reading it */
    uint32_t ext_id;            /* external id in its current segment (build-time scratch) */
    int seg_def;                /* segment in which ext_id was defined (build-time scratch) */
} xa_value;

typedef enum xa_kind {
    /* subgraph nodes */
    XA_ADD, XA_SUB, XA_MUL, XA_DIV, XA_MAX, XA_MIN,
    XA_ABS, XA_CEIL, XA_FLOOR, XA_NEG, XA_SQRT, XA_ROUND_EVEN, XA_SIGMOID, XA_HARDSWISH, XA_SOFTMAX,
    XA_CLAMP, XA_ELU, XA_LEAKY_RELU, XA_PRELU, XA_PAD, XA_RESHAPE, XA_RESIZE_BILINEAR,
    XA_CONV, XA_DWCONV, XA_DECONV, XA_AVGPOOL, XA_MAXPOOL, XA_GLOBAL_AVGPOOL, XA_FC, XA_CONVERT,
    XA_NODE_KINDS,
    /* adapter steps between segments: data movement, or an XNNPACK operator outside a subgraph */
    XA_TRANSPOSE = 100,         /* layout glue */
    XA_ROUND_F16                /* cast float32 -> float16: XNNPACK's convert operators */
} xa_kind;

typedef struct xa_node {
    int kind;
    uint32_t in[3];             /* value indices; UINT32_MAX: absent (bias) */
    uint32_t n_in;
    uint32_t out;
    float lo, hi, alpha;        /* clamp bounds; elu / leakyRelu alpha; pad value */
    uint32_t pad[4];            /* top, right, bottom, left (XNNPACK's order) */
    uint32_t kh, kw, sh, sw, dh, dw, groups, adj_h, adj_w;
    size_t gic, goc;            /* group input / output channels; depthwise: channels, multiplier */
    size_t pre[XA_MAX_RANK], post[XA_MAX_RANK];
    uint32_t perm[XA_MAX_RANK];
    uint32_t flags;
} xa_node;

/* The lowered graph, grown by the op lowerings. */
typedef struct xa_graph {
    xa_value *values;
    uint32_t n_values, cap_values;
    xa_node *nodes;
    uint32_t n_nodes, cap_nodes;
    uint32_t *operand_value;    /* WebNN operand index -> value index */
    int npu;                    /* whole graph in float16 */
} xa_graph;

/* adapter support */
int xa_fail(wna_error *err, int kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int xa_add_value(xa_graph *g, uint32_t rank, const size_t *dims, int f16, wna_error *err);
int xa_add_node(xa_graph *g, const xa_node *n, wna_error *err);
/* a constant value owning a copy of data (count floats) */
int xa_add_const(xa_graph *g, uint32_t rank, const size_t *dims, int f16, float **data, wna_error *err);

/* args.c: the named arguments of one operation, with the spec's defaults */
const wna_arg *xa_arg(const wna_operation *op, const char *name);
int64_t xa_arg_operand(const wna_operation *op, const char *name);
double xa_arg_double(const wna_operation *op, const char *name, double dflt);
int64_t xa_arg_int(const wna_operation *op, const char *name, int64_t dflt);
int xa_arg_bool(const wna_operation *op, const char *name, int dflt);
const char *xa_arg_string(const wna_operation *op, const char *name, const char *dflt);
/* a number list of at most cap integers into out; returns the count, or -1 if absent */
int xa_arg_ints(const wna_operation *op, const char *name, int64_t *out, int cap);

/* glue.c: data movement */
void xa_permute(const float *in, float *out, uint32_t rank, const size_t *dims, const uint32_t *perm);
/* a new value: `in` permuted by perm (a node XA_TRANSPOSE, or the permuted constant) */
int xa_transpose(xa_graph *g, uint32_t in, const uint32_t *perm, uint32_t *out, wna_error *err);

/* lower_*.c: one function per WebNN op family; the table in ops.c names them */
typedef int (*xa_lower_fn)(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_binary(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_unary(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_softmax(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_prelu(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_pad(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_reshape(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_resample2d(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_cast(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_conv2d(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_conv_transpose2d(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_pool2d(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_matmul(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_gemm(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_quantize(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);
int xa_lower_dequantize(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err);

/* convert.c: n elements float32 -> float16 (to_f16) or back, by XNNPACK's convert operators */
int xa_convert(const void *in, void *out, size_t n, int to_f16, pthreadpool_t pool);

/* define.c: a lowered node as an xnn_define_* call (id: value index -> subgraph value id) */
int xa_define_node(xnn_subgraph_t sg, const xa_graph *g, const xa_node *n, const uint32_t *id);

/* ops.c: the op table (WebNN op -> lowering, types per profile) */
typedef struct xa_op {
    const char *op;
    xa_lower_fn lower;
    int f16;                    /* XNNPACK's float16 path has it (probed: see README) */
    const wna_operand_limits *limits; /* data_types here are the float32 set; f16 added per profile */
    uint32_t n_limits;
} xa_op;
const xa_op *xa_find_op(const char *name);
uint32_t xa_op_count(void);
const xa_op *xa_op_at(uint32_t i);

/* bytes per stored element of a value */
static inline size_t xa_value_esize(const xa_value *v) { return v->qtype ? 1 : sizeof(float); }

/* helpers shared by the lowerings */
int xa_input_value(xa_graph *g, const wna_operation *op, const char *name, uint32_t *out, wna_error *err);
uint32_t xa_output_value(const xa_graph *g, const wna_operation *op);
/* a value with the shape of `like` in layout perm (dims[i] = like.dims[perm[i]]) */
int xa_add_value_like(xa_graph *g, uint32_t like, const uint32_t *perm, uint32_t *out, wna_error *err);

#endif
