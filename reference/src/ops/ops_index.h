/* The kernel tables of every op family file, NULL-terminated. */
#ifndef WEBNN_OPS_INDEX_H
#define WEBNN_OPS_INDEX_H

#include "webnn/registry.h"

extern const wn_op_impl *const wn_op_families[];

#endif
