/* webnn_adapter.h — the adapter ABI of webnn-cts: how a WebNN backend plugs into the
 * conformance runner. Self-contained plain C; an adapter needs nothing else from webnn-cts.
 *
 * An adapter is a shared library exporting one function:
 *
 *     const wna_api *webnn_adapter_entry(void);
 *
 * that returns a table of functions (below). The runner checks the table's ABI major version
 * against WEBNN_ADAPTER_ABI_MAJOR and refuses a mismatch; a newer minor only appends members,
 * so the runner reads members beyond `struct_size` as absent.
 *
 * The model is WebNN's: create a context for a device kind (MLContext), report its
 * opSupportLimits (MLOpSupportLimits), build a whole graph at once with its constants
 * (MLGraphBuilder.build — a graph compiler may fuse and pre-pack here), compute with named
 * inputs and outputs (MLContext.dispatch on host memory), release everything. Device-resident
 * tensors (MLTensor) are optional.
 *
 * Threading: the runner calls an adapter from one thread per process (it isolates cases in
 * forked worker processes; each creates its own context after the fork).
 * Memory: everything the runner passes in is owned by the runner and valid only during the
 * call; everything an adapter returns through a pointer stays owned by the adapter until the
 * matching release function. See adapters/README.md for a walk-through. */
#ifndef WEBNN_ADAPTER_H
#define WEBNN_ADAPTER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WEBNN_ADAPTER_ABI_MAJOR 1
#define WEBNN_ADAPTER_ABI_MINOR 0
#define WEBNN_ADAPTER_ENTRY_SYMBOL "webnn_adapter_entry"

/* MLOperandDataType, in IDL order. Data type sets are bit masks: bit (1u << type). */
typedef enum wna_dtype {
    WNA_FLOAT32 = 0,
    WNA_FLOAT16 = 1, /* IEEE binary16 bits, little-endian */
    WNA_INT32 = 2,
    WNA_UINT32 = 3,
    WNA_INT64 = 4,
    WNA_UINT64 = 5,
    WNA_INT8 = 6,
    WNA_UINT8 = 7,
    WNA_DTYPE_COUNT = 8
} wna_dtype;

/* Error kinds: the exceptions of the spec. */
typedef enum wna_error_kind {
    WNA_OK = 0,
    WNA_TYPE_ERROR = 1,          /* TypeError: the builder rejected an argument */
    WNA_DATA_ERROR = 2,          /* DataError */
    WNA_INVALID_STATE_ERROR = 3, /* InvalidStateError */
    WNA_OPERATION_ERROR = 4,     /* OperationError: build or compute failed */
    WNA_NOT_SUPPORTED_ERROR = 5, /* NotSupportedError: outside this context's limits */
    WNA_UNKNOWN_ERROR = 6        /* anything else */
} wna_error_kind;

#define WNA_ERROR_MESSAGE_MAX 512
typedef struct wna_error {
    int32_t kind; /* wna_error_kind */
    char message[WNA_ERROR_MESSAGE_MAX];
} wna_error;

/* MLOperandDescriptor. Rank 0 is a scalar (one element). */
#define WNA_MAX_RANK 8
typedef struct wna_desc {
    int32_t dtype; /* wna_dtype */
    uint32_t rank;
    uint32_t dims[WNA_MAX_RANK];
} wna_desc;

/* ---- The graph (what MLGraphBuilder recorded) ----
 * Operands are listed so that every operation only uses operands listed before its outputs;
 * operations are in a valid execution order. Names are unique within the graph. */
typedef enum wna_operand_kind {
    WNA_OPERAND_INPUT = 0,    /* MLGraphBuilder.input */
    WNA_OPERAND_CONSTANT = 1, /* MLGraphBuilder.constant: data known at build time */
    WNA_OPERAND_RESULT = 2    /* an output of an operation */
} wna_operand_kind;

typedef struct wna_operand {
    const char *name;
    int32_t kind;          /* wna_operand_kind */
    int32_t desc_known;    /* 0 only for results in the raw graph given to validate() */
    wna_desc desc;
    const void *data;      /* constants: little-endian element bytes, row-major */
    size_t nbytes;
    int32_t producer;      /* results: index of the producing operation, else -1 */
} wna_operand;

/* MLNumber (and every other numeric argument): a double, or an exact 64-bit integer. */
typedef enum wna_number_kind { WNA_NUM_FLOAT = 0, WNA_NUM_INT = 1, WNA_NUM_UINT = 2 } wna_number_kind;
typedef struct wna_number {
    int32_t kind;  /* wna_number_kind */
    double f;      /* always set (rounded for large integers) */
    int64_t i;     /* WNA_NUM_INT */
    uint64_t u;    /* WNA_NUM_UINT (values above INT64_MAX) */
} wna_number;

/* One argument of an operation, named as in the spec's IDL (positional arguments and options
 * members alike: "input", "filter", "padding", "strides", "axes", "keepDimensions").
 * Absent optional arguments are not listed: the spec's defaults apply. */
typedef enum wna_arg_kind {
    WNA_ARG_OPERAND = 1,      /* u.operand: operand index */
    WNA_ARG_OPERAND_LIST = 2, /* u.operands[count] (concat inputs) */
    WNA_ARG_NUMBER = 3,       /* u.number (integers, doubles, MLNumber) */
    WNA_ARG_NUMBER_LIST = 4,  /* u.numbers[count] (sequences of integers or floats) */
    WNA_ARG_BOOL = 5,         /* u.boolean (0 or 1) */
    WNA_ARG_STRING = 6,       /* u.string: an enum value or an MLOperandDataType name */
    WNA_ARG_STRING_LIST = 7   /* u.strings[count] (recurrent activations) */
} wna_arg_kind;

typedef struct wna_arg {
    const char *name;
    int32_t kind;     /* wna_arg_kind */
    uint32_t count;   /* list kinds */
    union {
        uint32_t operand;
        const uint32_t *operands;
        wna_number number;
        const wna_number *numbers;
        int32_t boolean;
        const char *string;
        const char *const *strings;
    } u;
} wna_arg;

typedef struct wna_operation {
    const char *op;             /* the MLGraphBuilder method name: "conv2d", "add", ... */
    const wna_arg *args;
    uint32_t n_args;
    const uint32_t *outputs;    /* operand indices of the results, in the spec's order */
    uint32_t n_outputs;
    const char *label;          /* MLOperatorOptions.label, may be NULL */
} wna_operation;

typedef struct wna_graph {
    const wna_operand *operands;
    uint32_t n_operands;
    const wna_operation *operations;
    uint32_t n_operations;
    const uint32_t *inputs;     /* operand indices of the inputs, in operand order */
    uint32_t n_inputs;
    const uint32_t *outputs;    /* operand indices of the named graph outputs */
    uint32_t n_outputs;
} wna_graph;

/* A host tensor passed to compute: inputs are read, outputs written. For outputs the runner
 * fills desc with the descriptor the spec's builder inferred and provides `capacity` bytes; the
 * adapter writes the elements and sets desc to what it actually produced (the runner checks). */
typedef struct wna_tensor {
    const char *name;
    wna_desc desc;
    void *data;
    size_t nbytes;    /* inputs: bytes of data; outputs: capacity of data */
} wna_tensor;

/* ---- opSupportLimits (MLOpSupportLimits) ----
 * Per op and per operand position: data types (bit mask) and rank range. Operand positions
 * are named by the IDL argument ("input", "a", "filter", "bias", "inputs"), outputs "output"
 * for single-output ops, "outputs" for split, "output0".."outputN" for gru/lstm (one
 * entry per output of the spec's return sequence). An op missing from the table is not
 * supported; an operand position missing from an op's entry is not supported either. */
typedef struct wna_operand_limits {
    const char *name;
    uint32_t data_types; /* bit (1u << wna_dtype) */
    uint32_t min_rank, max_rank;
} wna_operand_limits;

typedef struct wna_op_limits {
    const char *op;
    const wna_operand_limits *operands;
    uint32_t n_operands;
} wna_op_limits;

typedef struct wna_support_limits {
    const char *preferred_input_layout; /* "nchw" or "nhwc" */
    uint64_t max_tensor_byte_length;
    wna_operand_limits input, constant, output; /* graph inputs, constants, graph outputs */
    const wna_op_limits *ops;
    uint32_t n_ops;
} wna_support_limits;

/* Opaque adapter objects. */
typedef struct wna_context wna_context;
typedef struct wna_compiled wna_compiled;
typedef struct wna_device_tensor wna_device_tensor;

/* Device kinds (MLContextOptions.deviceType, plus "default"). */
#define WNA_DEVICE_DEFAULT "default"

typedef struct wna_api {
    uint32_t abi_major, abi_minor;   /* WEBNN_ADAPTER_ABI_MAJOR / _MINOR the adapter was built with */
    uint32_t struct_size;            /* sizeof(wna_api) as the adapter knows it */
    const char *name;                /* "reference", "xnnpack", ... */
    const char *version;             /* the adapter's own version string */

    /* Every function returns 0 on success; on failure -1 with *err set (kind + message). */

    /* device: "cpu", "gpu", "npu" or "default". An unavailable device is NotSupportedError. */
    int (*create_context)(const char *device, wna_context **out, wna_error *err);
    void (*release_context)(wna_context *ctx);
    /* Fills *out; the pointed-to tables live until release_context. */
    int (*op_support_limits)(wna_context *ctx, wna_support_limits *out, wna_error *err);

    /* Builds (compiles) a whole graph. The runner has already run the spec's builder
     * validation, so every result descriptor is known. Constants' bytes may be kept by
     * reference only during this call: copy or pre-pack them. */
    int (*build)(wna_context *ctx, const wna_graph *graph, wna_compiled **out, wna_error *err);
    /* Runs a built graph. inputs/outputs are matched by name (given in graph order). */
    int (*compute)(wna_compiled *graph, const wna_tensor *inputs, uint32_t n_inputs, wna_tensor *outputs,
                   uint32_t n_outputs, wna_error *err);
    void (*release_graph)(wna_compiled *graph);

    /* Optional (may be NULL): the adapter's own builder validation on the raw graph, before
     * the runner's (result operands have desc_known == 0). Return 0 to accept, or -1 with the
     * kind the spec's builder would throw. */
    int (*validate)(wna_context *ctx, const wna_graph *raw_graph, wna_error *err);

    /* Optional device-resident tensors (MLTensor); all five are NULL or all are set. */
    int (*create_tensor)(wna_context *ctx, const wna_desc *desc, wna_device_tensor **out, wna_error *err);
    int (*write_tensor)(wna_device_tensor *t, const void *data, size_t nbytes, wna_error *err);
    int (*read_tensor)(wna_device_tensor *t, void *data, size_t nbytes, wna_error *err);
    /* Like compute, with tensors that stay on the device (names as in compute). */
    int (*dispatch)(wna_compiled *graph, const char *const *input_names, wna_device_tensor *const *inputs,
                    uint32_t n_inputs, const char *const *output_names, wna_device_tensor *const *outputs,
                    uint32_t n_outputs, wna_error *err);
    void (*release_tensor)(wna_device_tensor *t);
} wna_api;

typedef const wna_api *(*wna_entry_fn)(void);

/* Bytes per element of a data type (0 for an unknown type). */
static inline size_t wna_dtype_size(int32_t dtype)
{
    static const unsigned char sizes[WNA_DTYPE_COUNT] = {4, 2, 4, 4, 8, 8, 1, 1};
    return dtype >= 0 && dtype < WNA_DTYPE_COUNT ? sizes[dtype] : 0;
}

#ifdef __cplusplus
}
#endif
#endif
