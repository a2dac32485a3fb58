/* The operation registry: one description of each of the 95 MLGraphBuilder operations
 * (operands, positional arguments, options, allowed and required data types and ranks).
 * The table is generated from the spec inventory by reference/registry/gen_registry.py;
 * kernels are attached by name from the family files in reference/src/ops/. */
#ifndef WEBNN_REGISTRY_H
#define WEBNN_REGISTRY_H

#include <stdbool.h>
#include <stdint.h>

#include "webnn/dtype.h"

/* What kind of value a parameter takes (the IDL type, simplified). */
typedef enum wn_param_kind {
    WN_P_OPERAND,         /* MLOperand */
    WN_P_OPERAND_LIST,    /* sequence<MLOperand> (concat inputs) */
    WN_P_UINT,            /* [EnforceRange] unsigned long */
    WN_P_UINT_LIST,       /* sequence<[EnforceRange] unsigned long> */
    WN_P_UINT_OR_LIST,    /* unsigned long or sequence<unsigned long> (split) */
    WN_P_INT,             /* [EnforceRange] long */
    WN_P_DOUBLE,          /* double / float */
    WN_P_DOUBLE_LIST,     /* sequence<float> */
    WN_P_NUMBER,          /* MLNumber (double or bigint) */
    WN_P_BOOL,            /* boolean */
    WN_P_DTYPE,           /* MLOperandDataType */
    WN_P_ENUM,            /* one of enum_values */
    WN_P_ENUM_LIST,       /* sequence of enum_values */
    WN_P_KIND_COUNT
} wn_param_kind;

/* A rank range; max 255 stands for "N" (no upper bound). */
#define WN_RANK_ANY 255

/* Data type / rank rule for one operand position (also used for outputs). */
typedef struct wn_operand_rule {
    wn_dtype_set allowed;      /* when same_type_as < 0 */
    wn_dtype_set required;     /* what every implementation must support */
    int8_t same_type_as;       /* index of the param whose type this must equal, or -1 */
    uint8_t min_rank, max_rank;          /* allowed ranks */
    uint8_t req_min_rank, req_max_rank;  /* required ranks */
    int8_t same_rank_as;       /* index of the param whose rank this must equal, or -1 */
} wn_operand_rule;

typedef struct wn_param_spec {
    const char *name;
    wn_param_kind kind;
    bool optional;        /* may be absent (options members, optional operands) */
    bool in_options;      /* member of the options dictionary */
    const char *default_text; /* the spec's default, for documentation ("" = none) */
    const char *const *enum_values; /* NULL-terminated, for WN_P_ENUM / WN_P_ENUM_LIST */
    wn_operand_rule rule; /* for operand kinds */
} wn_param_spec;

typedef struct wn_call wn_call;
typedef int (*wn_build_fn)(wn_call *c);
typedef int (*wn_compute_fn)(wn_call *c);

/* Kernel entry for one op, defined in a family file. */
typedef struct wn_op_impl {
    const char *name;
    wn_build_fn build;     /* validation + output descriptors (the spec's builder steps) */
    wn_compute_fn compute; /* NULL: "not implemented" */
} wn_op_impl;

typedef struct wn_op_spec {
    const char *name;
    const char *family;
    const char *spec_anchor;     /* "#api-mlgraphbuilder-conv2d" */
    const char *spec_heading;
    uint8_t n_params;
    const wn_param_spec *params;
    bool multi_output;           /* returns sequence<MLOperand> */
    uint8_t n_output_rules;
    const wn_operand_rule *output_rules; /* output, or output0..2, or outputs */
} wn_op_spec;

uint32_t wn_registry_count(void);
const wn_op_spec *wn_registry_at(uint32_t i);
const wn_op_spec *wn_registry_find(const char *name);
/* Index of the param called name, or -1. */
int wn_param_index(const wn_op_spec *op, const char *name);
/* Kernels for op (never NULL; its members are NULL where not implemented). */
const wn_op_impl *wn_registry_impl(const wn_op_spec *op);
const char *wn_param_kind_name(wn_param_kind k);

#endif
