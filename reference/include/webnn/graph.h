/* The graph IR: operands (inputs, constants, op results) and operations with their
 * arguments, in the order they were added (which is a dependency order: an operation may
 * only use operands that exist). This is what adapters receive; it needs no JSON. */
#ifndef WEBNN_GRAPH_H
#define WEBNN_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "webnn/error.h"
#include "webnn/number.h"
#include "webnn/registry.h"
#include "webnn/shape.h"
#include "webnn/tensor.h"

typedef enum wn_operand_kind {
    WN_OPERAND_INPUT,
    WN_OPERAND_CONSTANT,
    WN_OPERAND_RESULT /* produced by an operation */
} wn_operand_kind;

typedef struct wn_operand {
    char *name;             /* unique within the graph */
    wn_operand_kind kind;
    wn_desc desc;           /* results: known after wn_graph_validate */
    bool desc_known;
    void *data;             /* constants: little-endian element bytes */
    size_t nbytes;
    bool fill;              /* a constant whose bytes fill_how makes (one repeated element or
                               generated data): data is NULL until wn_graph_expand_fills, and
                               again after wn_graph_shrink_fills */
    wn_fill fill_how;
    int32_t producer;       /* results: index of the operation, else -1 */
} wn_operand;

typedef enum wn_value_kind {
    WN_V_ABSENT = 0,
    WN_V_OPERAND,
    WN_V_OPERAND_LIST,
    WN_V_NUMBER,
    WN_V_NUMBER_LIST,
    WN_V_BOOL,
    WN_V_STRING,
    WN_V_STRING_LIST
} wn_value_kind;

/* One argument value, stored at the index of its registry param. */
typedef struct wn_value {
    wn_value_kind kind;
    uint32_t count;         /* list kinds */
    union {
        uint32_t operand;   /* operand index */
        uint32_t *operands;
        wn_number number;
        wn_number *numbers;
        bool boolean;
        char *string;
        char **strings;
    } u;
} wn_value;

typedef struct wn_operation {
    const wn_op_spec *spec;
    wn_value *args;         /* spec->n_params entries */
    uint32_t n_outputs;
    uint32_t *outputs;      /* operand indices */
    char *label;
} wn_operation;

typedef struct wn_graph {
    wn_operand *operands;
    uint32_t n_operands, cap_operands;
    wn_operation *ops;
    uint32_t n_ops, cap_ops;
    uint32_t *outputs;      /* graph outputs: operand indices */
    uint32_t n_outputs;
    bool validated;
} wn_graph;

wn_graph *wn_graph_new(void);
void wn_graph_free(wn_graph *g);

/* -1 when no operand has that name. */
int32_t wn_graph_find(const wn_graph *g, const char *name);
int wn_graph_add_input(wn_graph *g, const char *name, const wn_desc *desc, wn_error *err);
/* Copies nbytes of data; nbytes must equal the descriptor's byte length. */
int wn_graph_add_constant(wn_graph *g, const char *name, const wn_desc *desc, const void *data,
                          size_t nbytes, wn_error *err);
/* A constant whose bytes f makes (tensor.h), kept as f: a 6000x6000 fill or generated
 * constant costs nothing until a case runs. */
int wn_graph_add_constant_fill(wn_graph *g, const char *name, const wn_desc *desc, const wn_fill *f, wn_error *err);
/* Gives every fill constant its full bytes (for build and interpretation) / frees them again. */
int wn_graph_expand_fills(wn_graph *g, wn_error *err);
void wn_graph_shrink_fills(wn_graph *g);
/* Adds an operation. args has spec->n_params entries and is taken over (freed by the graph,
 * even on failure). Output operands are created with the given names; their descriptors
 * are filled in by wn_graph_validate. */
int wn_graph_add_op(wn_graph *g, const wn_op_spec *spec, wn_value *args, const char *const *output_names,
                    uint32_t n_outputs, const char *label, wn_error *err);
int wn_graph_set_outputs(wn_graph *g, const uint32_t *operands, uint32_t n, wn_error *err);
/* Makes every operation result that no operation reads a graph output, in operand order. */
int wn_graph_set_unread_outputs(wn_graph *g, wn_error *err);

/* Runs the spec's builder validation on every operation in order and infers every result
 * descriptor; then the build() checks on the outputs. Errors carry the spec's kind and name
 * the operation ("operators[2] (conv2d): ..."). */
int wn_graph_validate(wn_graph *g, wn_error *err);

void wn_value_free(wn_value *v);
/* Allocates n zeroed values (NULL on allocation failure). */
wn_value *wn_values_new(uint32_t n);
void wn_values_free(wn_value *v, uint32_t n);

#endif
