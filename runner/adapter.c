/* Adapter loading and the ABI version check. */
#include <dlfcn.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "adapter.h"
#include "process_adapter.h"
#include "reference_adapter.h"

int rn_adapter_check_api(const wna_api *api, const char *label, char *err, size_t cap)
{
    if (!api) {
        snprintf(err, cap, "%s: webnn_adapter_entry() returned NULL", label);
        return -1;
    }
    if (api->abi_major != WEBNN_ADAPTER_ABI_MAJOR) {
        snprintf(err, cap,
                 "%s: adapter ABI version %u.%u is incompatible with this runner's %u.%u "
                 "(the major versions differ); rebuild the adapter against adapters/include/webnn_adapter.h",
                 label, api->abi_major, api->abi_minor, WEBNN_ADAPTER_ABI_MAJOR, WEBNN_ADAPTER_ABI_MINOR);
        return -1;
    }
    if (api->struct_size < offsetof(wna_api, validate) || !api->create_context || !api->release_context ||
        !api->op_support_limits || !api->build || !api->compute || !api->release_graph) {
        snprintf(err, cap, "%s: the function table lacks a required function", label);
        return -1;
    }
    return 0;
}

static bool tensors_complete(const wna_api *api)
{
    if (api->struct_size < sizeof(wna_api)) return false;
    return api->create_tensor && api->write_tensor && api->read_tensor && api->dispatch && api->release_tensor;
}

int rn_adapter_load(rn_adapter *a, const char *spec, const char *self_dir, char *err, size_t cap)
{
    memset(a, 0, sizeof *a);
    if (!spec || strcmp(spec, "reference") == 0) {
        a->api = wna_reference_api();
        snprintf(a->label, sizeof a->label, "reference (built-in)");
    } else if (strncmp(spec, "process:", 8) == 0) {
        a->api = wna_process_api(spec + 8);
        a->take_crash = wna_process_take_crash;
        snprintf(a->label, sizeof a->label, "%s", spec);
    } else {
        size_t n = strlen(spec);
        if (strchr(spec, '/') || (n > 3 && strcmp(spec + n - 3, ".so") == 0))
            snprintf(a->label, sizeof a->label, "%s", spec);
        else
            snprintf(a->label, sizeof a->label, "%s/adapters/libwebnn_adapter_%s.so", self_dir ? self_dir : ".", spec);
        a->handle = dlopen(a->label, RTLD_NOW | RTLD_LOCAL);
        if (!a->handle) {
            snprintf(err, cap, "cannot load adapter %s: %s", a->label, dlerror());
            return -1;
        }
        wna_entry_fn entry;
        void *sym = dlsym(a->handle, WEBNN_ADAPTER_ENTRY_SYMBOL);
        memcpy(&entry, &sym, sizeof entry); /* object pointer -> function pointer, as POSIX allows */
        if (!sym) {
            snprintf(err, cap, "%s does not export %s()", a->label, WEBNN_ADAPTER_ENTRY_SYMBOL);
            rn_adapter_unload(a);
            return -1;
        }
        a->api = entry();
        /* a process adapter built as a library (adapters/process/entry.c) reports lost processes */
        void *crash = dlsym(a->handle, "wna_process_take_crash");
        if (crash) memcpy(&a->take_crash, &crash, sizeof a->take_crash);
    }
    if (rn_adapter_check_api(a->api, a->label, err, cap) != 0) {
        rn_adapter_unload(a);
        return -1;
    }
    a->has_tensors = tensors_complete(a->api);
    return 0;
}

void rn_adapter_unload(rn_adapter *a)
{
    if (a->handle) dlclose(a->handle);
    a->handle = NULL;
    a->api = NULL;
}

void rn_self_dir(char *out, size_t cap)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        snprintf(out, cap, ".");
        return;
    }
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash) *slash = 0;
    snprintf(out, cap, "%s", exe);
}
