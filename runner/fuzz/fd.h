/* webnn-fuzz, the differential fuzzer: random valid graphs, the adapter against the reference
 * (runner/fuzz/README.md). The pieces and what they share. */
#ifndef FD_H
#define FD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "webnn/graph.h"
#include "webnn/tensor.h"
#include "webnn/vector_file.h"
#include "webnn_adapter.h"

/* Every tensor of a generated graph stays under this many bytes: cases stay fast and small. */
#define FD_TENSOR_CAP ((size_t)1 << 16)
#define FD_MAX_OPS 8

/* A graph (validated, every result a graph output) and the data of its inputs, in
 * wn_graph_input_operand order. Constants carry their data in the graph. */
typedef struct fd_case {
    wn_graph *g;
    wn_tensor *in;
    uint32_t n_in;
} fd_case;

void fd_case_free(fd_case *c);

/* ---- tolerance.c: vectors/tolerance.json and its bound formulas ---- */
typedef struct fd_tol_row {
    char op[32], cls[8], primary[24];
    wn_tol_metric metric;
    char bound[96], floor[96];
} fd_tol_row;

typedef struct fd_tol_table {
    fd_tol_row *rows;
    uint32_t n;
} fd_tol_table;

int fd_tol_load(const char *path, fd_tol_table *t, char *err, size_t cap);
void fd_tol_free(fd_tol_table *t);
/* The row of (op, class of t: "float32", "float16" or "integer"), NULL when none. */
const fd_tol_row *fd_tol_find(const fd_tol_table *t, const char *op, wn_dtype dt);
/* Evaluates a bound formula (numbers, + - * / **, parentheses, N S M, max min ceil floor
 * sqrt log2 gamma); u is the unit roundoff gamma() uses. NAN when malformed. */
double fd_tol_eval(const char *expr, double N, double S, double M, double u);

/* ---- values.c: a value per operand, graphs cut out of graphs ---- */
/* vals[i] for every operand i of c->g: input data, constant data, reference results.
 * Caller frees with fd_values_free. */
int fd_values_reference(const fd_case *c, wn_tensor *vals, wn_error *err);
void fd_values_free(wn_tensor *vals, uint32_t n);
/* A new case made of the operations keep[] marks, in order. Operands they read that no kept
 * operation produces become graph inputs holding vals[] (constants stay constants unless
 * all_inputs), with vals[]'s descriptor (so a leaf may be given a smaller shape). Every
 * result becomes a graph output; then validation. 0, or -1 with err. */
int fd_extract(const wn_graph *g, const bool *keep, const wn_tensor *vals, bool all_inputs, fd_case *out,
               wn_error *err);

/* ---- judge.c: each operation against the reference on the values it was given ---- */
typedef enum fd_judgement { FD_PASS = 0, FD_MISMATCH, FD_NOT_JUDGED } fd_judgement;

typedef struct fd_op_verdict {
    fd_judgement j;
    wn_tolerance tol;
    char msg[640];
} fd_op_verdict;

/* Judges operation k of g: its inputs are vals[] of the operands it reads, its results
 * vals[] of its outputs (what the adapter produced); the reference recomputes it on those
 * inputs and the table's tolerance for it decides. */
void fd_judge_op(const fd_tol_table *tt, const wn_graph *g, uint32_t k, const wn_tensor *vals, fd_op_verdict *v);
/* The tolerance of operation k on its input values (also what a written vector carries). */
int fd_op_tolerance(const fd_tol_table *tt, const wn_graph *g, uint32_t k, const wn_tensor *vals, wn_tolerance *tol,
                    char *why, size_t cap);

/* ---- gen.c: cases from a seed ---- */
typedef struct fd_gen_cfg {
    uint64_t seed;
    const uint32_t *ops;        /* registry indices to draw from */
    uint32_t n_ops;
    const wna_support_limits *limits;
} fd_gen_cfg;

/* Case number case_no of the seed: the same arguments give the same case. 0, or -1 when no
 * valid graph inside the limits was found for it (why says so). */
int fd_generate(const fd_gen_cfg *cfg, uint64_t case_no, fd_case *out, char *why, size_t cap);

/* ---- vector_write.c ---- */
/* Writes case c as a vector file: graph outputs the results of operation k, expected values
 * ref[] (per operand), tolerance tol; provenance (a JSON object's text) as given, the
 * adapter's values act[] (may be NULL) added to it. The file name is <op>-<hash>.json under
 * dir; its path in path_out. 0 or -1. */
int fd_write_vector(const char *dir, const fd_case *c, uint32_t k, const wn_tensor *ref, const wn_tensor *act,
                    const wn_tolerance *tol, const char *provenance_json, char *path_out, size_t cap);

#endif
