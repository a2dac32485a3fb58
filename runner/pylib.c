/* libwebnncts.so: the runner's loading, isolation and comparison code for the pytest driver
 * (conformance/pytest/webnncts.py binds it with ctypes). One corpus and adapter per process;
 * every case runs in a forked worker, exactly as in run-conformance. */
#include <stdlib.h>
#include <string.h>

#include "adapter.h"
#include "corpus.h"
#include "execute.h"
#include "expectations.h"
#include "pool.h"
#include "run.h"

/* The exported functions (declared here: only ctypes calls them). */
int wncts_open(const char *adapter, const char *device, const char *vectors);
const char *wncts_error(void);
unsigned wncts_count(void);
const char *wncts_name(unsigned i);
const char *wncts_corpus_hash(void);
char *wncts_run(unsigned i, double timeout);
char *wncts_run_batch(const unsigned *idx, unsigned n, double timeout);
int wncts_set_expectations(const char *path);
const char *wncts_expected(const char *result_line);
void wncts_free(char *p);
void wncts_close(void);

static struct {
    bool open;
    rn_corpus corpus;
    rn_adapter adapter;
    rn_exec exec;
    char device[64];
    char error[1024];
    char *json;           /* the last result, handed over to the caller */
    char **batch;         /* per corpus case, results of a batch run */
    rn_expectations exp;  /* --expectations: the adapter's known results */
    char expected[96];    /* the last wncts_expected answer */
} L;

int wncts_open(const char *adapter, const char *device, const char *vectors)
{
    wncts_close();
    const char *paths[64];
    char *copy = strdup(vectors ? vectors : "vectors");
    uint32_t n = 0;
    if (!copy) return -1;
    for (char *p = strtok(copy, "\n"); p && n < 64; p = strtok(NULL, "\n")) paths[n++] = p;
    int rc = -1;
    if (rn_adapter_load(&L.adapter, adapter && *adapter ? adapter : NULL, ".", L.error, sizeof L.error) == 0) {
        if (rn_corpus_load(&L.corpus, paths, n, L.error, sizeof L.error) == 0) rc = 0;
        else rn_adapter_unload(&L.adapter);
    }
    free(copy);
    if (rc != 0) return -1;
    snprintf(L.device, sizeof L.device, "%s", device && *device ? device : "default");
    rn_exec_init(&L.exec, &L.adapter, L.device, false);
    L.open = true;
    return 0;
}

const char *wncts_error(void) { return L.error; }
unsigned wncts_count(void) { return L.open ? L.corpus.n_cases : 0; }
const char *wncts_name(unsigned i) { return L.open && i < L.corpus.n_cases ? L.corpus.cases[i].name : NULL; }
const char *wncts_corpus_hash(void) { return L.open ? L.corpus.hash : ""; }

static void work(uint32_t item, void *ctx, rn_result *out)
{
    (void)ctx;
    rn_exec_case(&L.exec, &L.corpus.cases[item], out);
}

static void worker_exit(void *ctx)
{
    (void)ctx;
    rn_exec_fini(&L.exec);
}

static const char *name_of(uint32_t item, void *ctx)
{
    (void)ctx;
    return L.corpus.cases[item].name;
}

static void done(uint32_t item, const rn_result *r, void *ctx)
{
    (void)ctx;
    rn_result copy = *r;
    if (!copy.op[0]) rn_classify(&L.corpus.cases[item], &copy);
    rn_sanitize(copy.message);
    char **slot = L.batch ? &L.batch[item] : &L.json;
    free(*slot);
    *slot = rn_result_to_json(&copy);
}

/* Many cases through one worker (replaced after a crash): one fork per batch, not per case.
 * Returns the results as JSON lines, in idx order. */
char *wncts_run_batch(const unsigned *idx, unsigned n, double timeout)
{
    if (!L.open) return NULL;
    uint32_t *items = calloc(n + 1, sizeof *items);
    L.batch = calloc(L.corpus.n_cases + 1, sizeof *L.batch);
    char *out = NULL;
    uint32_t m = 0;
    size_t len = 1, used = 0;
    if (!items || !L.batch) goto finish;
    for (unsigned k = 0; k < n; k++)
        if (idx[k] < L.corpus.n_cases) items[m++] = idx[k];
    rn_pool_cfg cfg = {1, timeout > 0 ? timeout : 30, NULL, work, worker_exit, done, name_of, 0, NULL};
    rn_pool_run(&cfg, items, m);
    for (uint32_t k = 0; k < m; k++) len += (L.batch[items[k]] ? strlen(L.batch[items[k]]) : 0) + 1;
    out = malloc(len);
    if (!out) goto finish;
    for (uint32_t k = 0; k < m; k++) {
        const char *line = L.batch[items[k]] ? L.batch[items[k]] : "{}";
        size_t l = strlen(line);
        memcpy(out + used, line, l);
        out[used + l] = '\n';
        used += l + 1;
    }
    out[used] = 0;
finish:
    for (uint32_t k = 0; L.batch && k < L.corpus.n_cases; k++) free(L.batch[k]);
    free(L.batch);
    L.batch = NULL;
    free(items);
    return out;
}

char *wncts_run(unsigned i, double timeout)
{
    if (!L.open || i >= L.corpus.n_cases) return NULL;
    uint32_t item = i;
    rn_pool_cfg cfg = {1, timeout > 0 ? timeout : 30, NULL, work, worker_exit, done, name_of, 0, NULL};
    rn_pool_run(&cfg, &item, 1);
    char *out = L.json;
    L.json = NULL;
    return out;
}

/* Loads an expectations file (runner/expectations.h); "" or NULL clears it. */
int wncts_set_expectations(const char *path)
{
    rn_expectations_free(&L.exp);
    memset(&L.exp, 0, sizeof L.exp);
    return path && *path ? rn_expectations_load(&L.exp, path, L.error, sizeof L.error) : 0;
}

/* The statuses expected for a result line (as run-conformance judges it): "PASS,NOTSUPPORTED",
 * or NULL when the line cannot be read. */
const char *wncts_expected(const char *result_line)
{
    rn_result r;
    if (!result_line || rn_result_from_json(result_line, &r) != 0) return NULL;
    return rn_status_set_str(rn_expected(&L.exp, &r), L.expected, sizeof L.expected);
}

void wncts_free(char *p) { free(p); }

void wncts_close(void)
{
    if (!L.open) return;
    rn_corpus_free(&L.corpus);
    rn_adapter_unload(&L.adapter);
    free(L.json);
    L.json = NULL;
    rn_expectations_free(&L.exp);
    memset(&L.exp, 0, sizeof L.exp);
    L.open = false;
}
