/* What an operation's kernel sees: its arguments, operand descriptors (build step) or
 * tensors (compute step), and its outputs. Every kernel file includes this. */
#ifndef WEBNN_OP_H
#define WEBNN_OP_H

#include <stdbool.h>
#include <stdint.h>

#include "webnn/error.h"
#include "webnn/graph.h"
#include "webnn/number.h"
#include "webnn/registry.h"
#include "webnn/shape.h"
#include "webnn/tensor.h"

/* Most outputs any op has except split (which may have up to 8192: valid tensor count). */
#define WN_MAX_TENSOR_COUNT 8192

struct wn_call {
    const wn_graph *graph;
    const wn_operation *op;
    const wn_op_spec *spec;
    wn_error *err;
    /* build step: the kernel fills out_descs[0..n_out) and sets n_out */
    wn_desc *out_descs;
    uint32_t out_cap;
    uint32_t n_out;
    /* compute step: tensors of every operand, by operand index; outputs allocated */
    const wn_tensor *values;
    wn_tensor *outputs;
};

/* ---- arguments (both steps) ---- */
const wn_value *wn_arg(const wn_call *c, const char *name);
bool wn_arg_present(const wn_call *c, const char *name);
/* Descriptor of an operand argument; NULL when an optional operand is absent. */
const wn_desc *wn_arg_desc(const wn_call *c, const char *name);
/* Operand lists (concat inputs). */
uint32_t wn_arg_list_len(const wn_call *c, const char *name);
const wn_desc *wn_arg_list_desc(const wn_call *c, const char *name, uint32_t i);
/* Scalars, with the default used when absent. Integer kinds were range-checked by the
 * generic validation ([EnforceRange]) before the op's build step runs. */
bool wn_arg_bool(const wn_call *c, const char *name, bool dflt);
double wn_arg_double(const wn_call *c, const char *name, double dflt);
uint32_t wn_arg_uint(const wn_call *c, const char *name, uint32_t dflt);
int32_t wn_arg_int(const wn_call *c, const char *name, int32_t dflt);
wn_number wn_arg_number(const wn_call *c, const char *name, wn_number dflt);
const char *wn_arg_enum(const wn_call *c, const char *name, const char *dflt);
/* Lists of numbers (UINT_LIST, DOUBLE_LIST, UINT_OR_LIST given as list) and of strings. */
uint32_t wn_arg_count(const wn_call *c, const char *name);
uint32_t wn_arg_uint_at(const wn_call *c, const char *name, uint32_t i);
double wn_arg_double_at(const wn_call *c, const char *name, uint32_t i);
const char *wn_arg_enum_at(const wn_call *c, const char *name, uint32_t i);
bool wn_arg_is_list(const wn_call *c, const char *name);
/* A data-type argument (cast's dataType, argMin's outputDataType). */
wn_dtype wn_arg_dtype(const wn_call *c, const char *name, wn_dtype dflt);

/* ---- build step ---- */
/* Sets err to "<op>: <message>" with the given kind and returns -1. */
int wn_fail(wn_call *c, wn_error_kind kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Appends an output descriptor after checking it (valid dimensions). */
int wn_add_output(wn_call *c, const wn_desc *d);

/* ---- compute step ---- */
const wn_tensor *wn_in(const wn_call *c, const char *name);      /* NULL if absent */
const wn_tensor *wn_in_list(const wn_call *c, const char *name, uint32_t i);
wn_tensor *wn_out(const wn_call *c, uint32_t i);

/* ---- common build helpers ---- */
/* Validates an axes list (each < rank, no duplicates) -> TypeError. */
int wn_check_axes(wn_call *c, const char *what, const uint32_t *axes, uint32_t n, uint32_t rank);

#endif
