/* The generated table (registry_table.c) and its size. */
#ifndef WEBNN_REGISTRY_TABLE_H
#define WEBNN_REGISTRY_TABLE_H

#include <stddef.h>

#include "webnn/registry.h"

extern const wn_op_spec wn_registry_table[];
extern const unsigned wn_registry_table_count;

#endif
