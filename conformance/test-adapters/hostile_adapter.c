/* A hostile test adapter: the reference adapter, misbehaving on chosen ops so the runner's
 * isolation can be tested. WEBNN_HOSTILE lists ACTION=OP pairs separated by commas, e.g.
 *     WEBNN_HOSTILE="segv=relu,hang=sigmoid,garbage=sub,shape=mul,abort=div,exit=max"
 * An action applies to every graph containing that op:
 *     segv     dereference NULL in compute          abort    abort() in compute
 *     hang     loop forever in compute              exit     exit(0) in compute
 *     garbage  fill the outputs with random bytes   nan      fill float outputs with NaN
 *     shape    report a wrong output shape          overrun  write past the end of an output
 *     builderr fail build() with OperationError     slow     sleep 50 ms, then behave
 *     alloc    ask malloc for 2^46 bytes, then allocate and touch 256 MiB blocks until
 *              malloc fails (as under run-conformance --max-memory); compute() then fails
 *              with an out-of-memory error; it gives up (and says so) after 8 GiB
 *     leak     leak 64 KiB on every compute, then behave
 *     wrong    a subtle bug: element 0 of every float output that OP itself produces is moved
 *              up by 2^14 representable values (float32; 2^6 for float16), nothing else
 *              changes (the differential fuzzer's smoke test must catch and minimize it) */
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "reference_adapter.h"

const wna_api *webnn_adapter_entry(void);

typedef enum action { A_NONE, A_SEGV, A_ABORT, A_HANG, A_EXIT, A_GARBAGE, A_NAN, A_SHAPE, A_OVERRUN, A_BUILDERR, A_SLOW, A_ALLOC, A_LEAK, A_WRONG } action;

static const char *const action_names[] = {"", "segv", "abort", "hang", "exit", "garbage", "nan",
                                           "shape", "overrun", "builderr", "slow", "alloc", "leak", "wrong"};

#define MAX_WRONG 16

struct wna_compiled {
    wna_compiled *inner;
    action act;
    char *wrong[MAX_WRONG]; /* A_WRONG: names of the outputs the op produces */
    uint32_t n_wrong;
};

static const wna_api *ref;
static wna_api api;

/* The action configured for op, or A_NONE. */
static action action_for(const char *op)
{
    const char *spec = getenv("WEBNN_HOSTILE");
    if (!spec) return A_NONE;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", spec);
    char *save = NULL;
    for (char *item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(item, '=');
        if (!eq) continue;
        *eq = 0;
        if (strcmp(eq + 1, op) != 0) continue;
        for (unsigned a = 1; a < sizeof action_names / sizeof action_names[0]; a++)
            if (strcmp(item, action_names[a]) == 0) return (action)a;
    }
    return A_NONE;
}

static int h_build(wna_context *ctx, const wna_graph *g, wna_compiled **out, wna_error *err)
{
    action act = A_NONE;
    for (uint32_t i = 0; i < g->n_operations && act == A_NONE; i++) {
        act = action_for(g->operations[i].op);
        if (act == A_WRONG) act = A_NONE; /* per output, below */
    }
    if (act == A_BUILDERR) {
        err->kind = WNA_OPERATION_ERROR;
        snprintf(err->message, sizeof err->message, "hostile adapter: build refused");
        return -1;
    }
    wna_compiled *c = calloc(1, sizeof *c);
    if (!c) return -1;
    if (ref->build(ctx, g, &c->inner, err) != 0) {
        free(c);
        return -1;
    }
    c->act = act;
    for (uint32_t i = 0; i < g->n_operations; i++)
        for (uint32_t j = 0; action_for(g->operations[i].op) == A_WRONG && j < g->operations[i].n_outputs; j++)
            if (c->n_wrong < MAX_WRONG) c->wrong[c->n_wrong++] = strdup(g->operands[g->operations[i].outputs[j]].name);
    *out = c;
    return 0;
}

static void misbehave_outputs(action act, wna_tensor *outs, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++) {
        unsigned char *p = outs[k].data;
        size_t bytes = outs[k].nbytes;
        if (act == A_GARBAGE)
            for (size_t i = 0; i < bytes; i++) p[i] = (unsigned char)(rand() & 0xff);
        if (act == A_NAN && outs[k].desc.dtype == WNA_FLOAT32)
            for (size_t i = 0; i + 4 <= bytes; i += 4) memcpy(p + i, &(float){NAN}, 4);
        if (act == A_NAN && outs[k].desc.dtype == WNA_FLOAT16)
            for (size_t i = 0; i + 2 <= bytes; i += 2) p[i] = 0x00, p[i + 1] = 0x7e;
        if (act == A_SHAPE) { /* same element count, different shape */
            uint64_t n_el = 1;
            for (uint32_t d = 0; d < outs[k].desc.rank; d++) n_el *= outs[k].desc.dims[d];
            if (outs[k].desc.rank == 1) {
                outs[k].desc.rank = 2;
                outs[k].desc.dims[0] = 1;
                outs[k].desc.dims[1] = (uint32_t)n_el;
            } else {
                outs[k].desc.rank = 1;
                outs[k].desc.dims[0] = (uint32_t)n_el;
            }
        }
        if (act == A_OVERRUN) memset(p + bytes, 0x5a, 8);
    }
}

/* The huge allocation: 0 when malloc said no (the memory cap works), -1 when 8 GiB were
 * allocated and touched without a failure (no cap). Everything is freed again. */
static int allocate_until_refused(size_t *got_mib)
{
    enum { BLOCK = 256u << 20, MAX_BLOCKS = 32 };
    void *volatile huge = malloc((size_t)1 << 46); /* volatile: the call must really happen */
    free(huge); /* overcommit may let it through: untouched, it costs nothing */
    char *blocks[MAX_BLOCKS];
    int n = 0, rc = -1;
    for (; n < MAX_BLOCKS; n++) {
        blocks[n] = malloc(BLOCK);
        if (!blocks[n]) {
            rc = 0;
            break;
        }
        for (size_t i = 0; i < BLOCK; i += 4096) ((volatile char *)blocks[n])[i] = 0x5a; /* commit every page */
    }
    *got_mib = (size_t)n * (BLOCK >> 20);
    while (n > 0) free(blocks[--n]);
    return rc;
}

static int h_compute(wna_compiled *c, const wna_tensor *ins, uint32_t n_in, wna_tensor *outs, uint32_t n_out,
                     wna_error *err)
{
    switch (c->act) {
    case A_SEGV: {
        /* a real SIGSEGV: an address in the unmapped first page, not NULL itself, which
         * UBSan would catch first in a sanitizer build */
        volatile int *volatile p = (volatile int *)(uintptr_t)64;
        *p = 1;
        break;
    }
    case A_ABORT: abort();
    case A_HANG: for (;;) pause();
    case A_EXIT: exit(0);
    case A_SLOW: {
        struct timespec ts = {0, 50000000};
        nanosleep(&ts, NULL);
        break;
    }
    case A_ALLOC: {
        size_t mib = 0;
        int capped = allocate_until_refused(&mib);
        err->kind = WNA_UNKNOWN_ERROR;
        if (capped == 0)
            snprintf(err->message, sizeof err->message, "hostile adapter: out of memory after %zu MiB", mib);
        else
            snprintf(err->message, sizeof err->message, "hostile adapter: allocated %zu MiB and was never refused", mib);
        return -1;
    }
    case A_LEAK: {
        char *volatile lost = malloc(64u << 10);
        if (lost) memset(lost, 1, 64u << 10); /* touched, so it really costs memory */
        break;
    }
    default: break;
    }
    if (ref->compute(c->inner, ins, n_in, outs, n_out, err) != 0) return -1;
    misbehave_outputs(c->act, outs, n_out);
    for (uint32_t k = 0; k < n_out; k++)
        for (uint32_t w = 0; w < c->n_wrong; w++) {
            if (!c->wrong[w] || strcmp(c->wrong[w], outs[k].name) != 0) continue;
            if (outs[k].desc.dtype == WNA_FLOAT32 && outs[k].nbytes >= 4) {
                uint32_t bits;
                memcpy(&bits, outs[k].data, 4);
                bits += 1u << 14;
                memcpy(outs[k].data, &bits, 4);
            } else if (outs[k].desc.dtype == WNA_FLOAT16 && outs[k].nbytes >= 2) {
                uint16_t bits;
                memcpy(&bits, outs[k].data, 2);
                bits = (uint16_t)(bits + 64);
                memcpy(outs[k].data, &bits, 2);
            }
        }
    return 0;
}

static void h_release_graph(wna_compiled *c)
{
    if (!c) return;
    ref->release_graph(c->inner);
    for (uint32_t w = 0; w < c->n_wrong; w++) free(c->wrong[w]);
    free(c);
}

const wna_api *webnn_adapter_entry(void)
{
    ref = wna_reference_api();
    api = *ref;
    api.name = "hostile";
    api.version = "test adapter";
    api.build = h_build;
    api.compute = h_compute;
    api.release_graph = h_release_graph;
    /* no device tensors: also tests the runner without them */
    api.create_tensor = NULL;
    api.write_tensor = NULL;
    api.read_tensor = NULL;
    api.dispatch = NULL;
    api.release_tensor = NULL;
    return &api;
}
