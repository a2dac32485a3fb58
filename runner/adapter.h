/* Loading an adapter: the built-in reference one, or a shared library by path or name
 * (NAME -> build/adapters/libwebnn_adapter_NAME.so next to the runner), with the ABI check. */
#ifndef RUNNER_ADAPTER_H
#define RUNNER_ADAPTER_H

#include <stdbool.h>
#include <stddef.h>

#include "webnn_adapter.h"

typedef struct rn_adapter {
    const wna_api *api;
    void *handle;          /* dlopen handle, NULL for the built-in one */
    char label[256];       /* "reference (built-in)" or the .so path */
    bool has_tensors;      /* all five device-tensor functions present */
    /* process adapters (process:COMMAND): 1 when the last failed call lost the adapter
     * process (a CRASH), with how it ended in msg; NULL for in-process adapters */
    int (*take_crash)(char *msg, size_t cap);
} rn_adapter;

/* spec: NULL or "reference" for the built-in adapter, "process:COMMAND" for an adapter that
 * runs as its own process (adapters/PROCESS.md), a path containing '/' or ending in ".so", or
 * a NAME. Returns 0, or -1 with a message in err (ABI mismatch included). */
int rn_adapter_load(rn_adapter *a, const char *spec, const char *self_dir, char *err, size_t cap);
void rn_adapter_unload(rn_adapter *a);

/* The folder of the running executable (where NAME adapters are looked for), "." when unknown. */
void rn_self_dir(char *out, size_t cap);

/* The check on a table, separate so it can be tested. */
int rn_adapter_check_api(const wna_api *api, const char *label, char *err, size_t cap);

#endif
