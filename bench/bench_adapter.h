/* bench_adapter.h — adapters through the ABI only (dlopen + webnn_adapter_entry), and a small
 * builder for the one-op graphs the benchmark runs through them. */
#ifndef BENCH_ADAPTER_H
#define BENCH_ADAPTER_H

#include "bench.h"

struct bench_adapter {
    char name[32];          /* column name: "openblas", "reference" */
    char path[512];
    int state;              /* CELL_OK when loaded with a context, else CELL_NOT_BUILT / CELL_ERROR */
    char note[BENCH_NOTE_MAX];
    int judged;             /* the targets apply to this adapter */
    int is_check;           /* its outputs serve as the check for the others (the reference) */
    void *dl;
    const wna_api *api;
    wna_context *ctx;
    wna_support_limits limits;
    /* last measured rate per section, to estimate (and skip) cells that would be too slow */
    char rate_key[8][40];
    double rate_per_s[8];
    int n_rates;
};

/* Loads build_dir/adapters/libwebnn_adapter_NAME.so; never fails: a missing library or a
 * refused context is recorded in state/note and every cell of that column says so. */
bench_adapter *bench_adapter_open(const char *build_dir, const char *name, int judged, int is_check);
void bench_adapter_close(bench_adapter *a);

/* ---- one-op graphs ---- */
#define BG_MAX_OPERANDS 8
#define BG_MAX_ARGS 12
#define BG_MAX_NUMBERS 32

typedef struct bench_graph {
    wna_operand operands[BG_MAX_OPERANDS];
    uint32_t n_operands;
    wna_arg args[BG_MAX_ARGS];
    uint32_t n_args;
    wna_number numbers[BG_MAX_NUMBERS];
    uint32_t n_numbers;
    wna_operation op;
    uint32_t op_output;
    uint32_t inputs[BG_MAX_OPERANDS], n_inputs;
    uint32_t outputs[1];
    int overflow; /* set when a fixed capacity was exceeded (a bug in the caller) */
} bench_graph;

void bg_init(bench_graph *g, const char *op);
/* Operands; each returns its index. dims has `rank` entries. */
uint32_t bg_input(bench_graph *g, const char *name, uint32_t rank, const uint32_t *dims);
uint32_t bg_constant(bench_graph *g, const char *name, uint32_t rank, const uint32_t *dims, const float *data);
/* The op's (single) result, which is also the graph's output. */
uint32_t bg_result(bench_graph *g, const char *name, uint32_t rank, const uint32_t *dims);
void bg_arg_operand(bench_graph *g, const char *name, uint32_t operand);
void bg_arg_int(bench_graph *g, const char *name, int64_t v);
void bg_arg_ints(bench_graph *g, const char *name, const int64_t *v, uint32_t n);
void bg_arg_string(bench_graph *g, const char *name, const char *s);
void bg_arg_bool(bench_graph *g, const char *name, int b);
/* The finished graph (pointers into g: keep g alive while it is used). */
wna_graph bg_graph(bench_graph *g);

/* A host tensor for compute(): float32, the operand's descriptor. */
wna_tensor bg_tensor(const bench_graph *g, uint32_t operand, float *data);

/* Measures one adapter cell: build, warm-up + repeated compute (interleaved with `baseline`
 * when given: its stats go to row->baseline). `expect` (may be NULL) is compared with the
 * first output afterwards. The cell is SKIPPED when this adapter's earlier rate in this
 * section predicts a run above cfg.skip_above_s. Returns 1 when compute ran and the outputs
 * hold its result. */
int bench_adapter_cell(bench_run *r, bench_row *row, int adapter_index, const wna_graph *graph,
                       const wna_tensor *inputs, uint32_t n_inputs, wna_tensor *outputs, uint32_t n_outputs,
                       const float *expect, size_t expect_count, const bench_job *baseline);

/* The adapters `which[0..n)` (1 to 4) on `graph` in interleaved rounds (build each, then
 * A B A B ...; the output is not checked: the row's own cells did that). 0, or -1 when one
 * could not build or compute. */
int bench_adapters_paired(bench_run *r, const int *which, int n, const wna_graph *graph, const wna_tensor *inputs,
                          uint32_t n_inputs, wna_tensor output, bench_stats *out);

/* A whole row: every adapter on `graph`, the baseline paired with the first judged adapter
 * (alone when none runs). Outputs are checked against `expect`, or — when check_out is given
 * and the reference adapter runs — against the reference's output, written to check_out. */
void bench_row_measure(bench_run *r, bench_row *row, const wna_graph *graph, const wna_tensor *inputs,
                       uint32_t n_inputs, wna_tensor output, const float *expect, float *check_out, size_t out_count,
                       bench_run_fn baseline_run, void *baseline_ctx);

/* Index of the adapter whose outputs check the others (the reference), or -1. */
int bench_check_adapter(const bench_run *r);

#endif
