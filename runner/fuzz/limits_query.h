/* The adapter's opSupportLimits, read in a forked child so that the fuzzer's own process
 * never creates an adapter context (workers fork from it; an adapter's threads would not
 * survive the fork). */
#ifndef FD_LIMITS_QUERY_H
#define FD_LIMITS_QUERY_H

#include <stddef.h>

#include "webnn_adapter.h"

typedef struct fd_limits {
    wna_support_limits l;      /* points into the storage below */
    wna_op_limits *ops;
    wna_operand_limits *operands;
    char *names;               /* all strings, NUL-separated */
} fd_limits;

int fd_limits_query(const wna_api *api, fd_limits *out, char *err, size_t cap);

#endif
