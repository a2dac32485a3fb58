/* The JSON side of adapters/PROCESS.md: a wna_graph as a build request (header + constant
 * bytes), descriptors, numbers, and the adapter's opSupportLimits reply as wna_support_limits. */
#ifndef PROCESS_PROTO_H
#define PROCESS_PROTO_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

#include "webnn_adapter.h"

#define PROTO_MAJOR 1
#define PROTO_MINOR 0

/* Body layout: tensors at offsets rounded up to 8 bytes; pieces point at the caller's bytes
 * (and at a zero pad), so nothing is copied. */
typedef struct proto_body {
    const void **piece;
    size_t *len;
    size_t n, cap;
    uint64_t total;
} proto_body;

int proto_body_add(proto_body *b, const void *data, size_t n, uint64_t *offset);
void proto_body_free(proto_body *b);

const char *proto_dtype_name(int32_t dtype);
int proto_dtype_from_name(const char *name); /* -1 if unknown */

/* {"dataType": ..., "shape": [...]} members added to obj. */
int proto_add_desc(cJSON *obj, const wna_desc *d);
/* Reads dataType and shape of obj; 0 or -1 with a message. */
int proto_read_desc(const cJSON *obj, wna_desc *d, char *msg, size_t cap);

/* The "graph" member of a build request; constants' bytes appended to body. */
cJSON *proto_graph_json(const wna_graph *g, proto_body *body);

/* Limits parsed from the reply's "limits" object. Names point into the cJSON tree, which the
 * caller keeps alive as long as the limits. */
typedef struct proto_limits {
    wna_support_limits out;
    wna_op_limits *ops;
    wna_operand_limits *operands;
} proto_limits;

int proto_limits_read(const cJSON *limits, proto_limits *pl, char *msg, size_t cap);
void proto_limits_free(proto_limits *pl);

#endif
