/* Loading the graph/vector JSON format (vectors/FORMAT.md) into graphs and tensors.
 * Malformed input never aborts: a file-level problem is reported in file->error, a case-level
 * one in that case's format_error, always naming the file and the JSON path. */
#ifndef WEBNN_VECTOR_FILE_H
#define WEBNN_VECTOR_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "webnn/error.h"
#include "webnn/graph.h"
#include "webnn/tensor.h"

typedef enum wn_tol_metric {
    WN_TOL_EXACT = 0, /* bit-exact (after -0 == +0 and NaN == NaN) */
    WN_TOL_ULP,
    WN_TOL_ATOL
} wn_tol_metric;

typedef struct wn_tolerance {
    wn_tol_metric metric;
    double value;
    /* "absoluteFloor": a finite element also passes when |actual - expected| <= this (0: no
     * floor). It covers accumulations with cancellation, where a bound relative to the result
     * is no bound at all (vectors/FORMAT.md, tolerance). */
    double absolute_floor;
} wn_tolerance;

typedef struct wn_named_tensor {
    char *name;
    wn_tensor tensor;   /* an input with fill set: no data until wn_vec_case_expand; an expected
                           output given as "data": NUMBER: a fill tensor (tensor.h) */
    double *exact;      /* optional unrounded float64 expected values (one per element) */
    bool fill;          /* an input given as one number for several elements or as generated
                           data: fill_how makes its bytes (vector_fill.c) */
    wn_fill fill_how;
} wn_named_tensor;

typedef struct wn_vec_sequence wn_vec_sequence;

typedef struct wn_vec_case {
    char *name;
    char *json_path;           /* "tests[3]" */
    wn_error format_error;     /* kind != WN_OK: the case is malformed; nothing below is set */
    wn_graph *graph;           /* structurally built, not yet validated */
    wn_named_tensor *inputs;   /* non-constant graph inputs, in wn_graph_input_operand order */
    uint32_t n_inputs;
    wn_named_tensor *expected; /* one per graph output, in graph output order */
    uint32_t n_expected;
    bool has_tolerance;
    wn_tolerance tolerance;
    wn_error_kind expected_error; /* WN_OK when the graph must build and run */
    bool implementation_defined;  /* result not asserted */
    bool required;                /* on the spec's required data types and ranks */
    char *warnings;               /* what the loader ignored as a browser would ("; "-joined), or NULL */
    char *wpt_name;               /* "wptName": the case's name in web-platform-tests, or NULL */
    wn_vec_sequence *sequence;    /* a tensor sequence (MLTensor steps), else NULL; graph is NULL then */
} wn_vec_case;

/* ---- tensor sequences (vectors/FORMAT.md, "Tensor sequences"; vector_sequence.c) ---- */
typedef enum wn_seq_kind {
    WN_SEQ_CREATE = 0, /* createTensor */
    WN_SEQ_WRITE,      /* writeTensor */
    WN_SEQ_DISPATCH,   /* dispatch */
    WN_SEQ_READ,       /* readTensor, compared with expected */
    WN_SEQ_DESTROY     /* MLTensor.destroy() */
} wn_seq_kind;

typedef struct wn_seq_binding {
    char *name;        /* graph input or output name */
    uint32_t tensor;   /* index into the sequence's tensors */
} wn_seq_binding;

typedef struct wn_seq_step {
    wn_seq_kind kind;
    uint32_t tensor;            /* create, write, read, destroy */
    wn_desc desc;               /* create */
    bool readable, writable;    /* create */
    wn_tensor data;             /* write: the bytes written; read: the expected contents */
    uint32_t graph;             /* dispatch: index into graphs */
    wn_seq_binding *inputs, *outputs;
    uint32_t n_inputs, n_outputs;
    wn_error_kind expected_error; /* WN_OK: the step must succeed */
} wn_seq_step;

struct wn_vec_sequence {
    wn_graph **graphs;          /* structurally built, not yet validated */
    uint32_t n_graphs;
    char **tensors;             /* tensor names, index = creation order */
    uint32_t n_tensors;
    wn_seq_step *steps;
    uint32_t n_steps;
};

void wn_vec_sequence_free(wn_vec_sequence *s);

typedef struct wn_vec_file {
    char *path;
    char *format;
    char *provenance;          /* the "provenance" object re-serialised, or NULL */
    char *wpt_path;            /* provenance.wpt.path of an imported WPT file ("webnn/conformance_tests/add.https.any.js"), or NULL */
    wn_error error;            /* kind != WN_OK: the file could not be read at all */
    wn_vec_case *cases;
    uint32_t n_cases;
} wn_vec_file;

/* Both return 0 when the file was read (cases may still be malformed), -1 otherwise. */
int wn_vec_load_file(const char *path, wn_vec_file *out);
int wn_vec_load_buffer(const char *text, size_t len, const char *label, wn_vec_file *out);
void wn_vec_file_free(wn_vec_file *f);

/* Filled and generated inputs and constants stay a wn_fill (tensor.h) after loading: loading,
 * validation and listing never make their bytes. Before a case's graph is built or
 * interpreted, wn_vec_case_expand gives them their full bytes (over the byte cap: a
 * WN_RESOURCE_ERROR naming the tensor; the loader has checked the cap already);
 * wn_vec_case_shrink frees them again (the case can run again later),
 * wn_vec_case_shrink_constants only the constants (after build(), which copies them).
 * Expected outputs stay fill tensors: wn_compare compares against the one value. */
int wn_vec_case_expand(wn_vec_case *vc, wn_error *err);
void wn_vec_case_shrink_constants(wn_vec_case *vc);
void wn_vec_case_shrink(wn_vec_case *vc);

/* Nesting depth and size limits the loader enforces. */
#define WN_VEC_MAX_DEPTH 64
#define WN_VEC_MAX_FILE_BYTES ((size_t)256 << 20)

#endif
