/* The process adapter: the C ABI (webnn_adapter.h) implemented over the protocol of
 * adapters/PROCESS.md, so a backend in any language runs as its own process. A context is
 * one child process, started by create_context (in the runner: once per worker, after the
 * fork) and restarted by the next call after it died or sent garbage. */
#ifndef PROCESS_ADAPTER_H
#define PROCESS_ADAPTER_H

#include <stddef.h>

#include "webnn_adapter.h"

/* The function table for COMMAND (run as /bin/sh -c "exec COMMAND"; the string is copied). */
const wna_api *wna_process_api(const char *command);

/* 1 when the last failed call failed because the adapter process died (a CRASH of the case,
 * not an ERROR), with how it died in msg; clears the flag. */
int wna_process_take_crash(char *msg, size_t cap);

#endif
