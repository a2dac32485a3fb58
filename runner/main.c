/* run-conformance: load the corpus, select cases, take results from a journal being resumed,
 * run the rest in the worker pool, then apply expectations, write reports and summarise. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "adapter.h"
#include "cli.h"
#include "corpus.h"
#include "execute.h"
#include "expectations.h"
#include "journal.h"
#include "pool.h"
#include "run.h"
#include "webnn/tensor.h"

typedef struct state {
    const rn_options *opt;
    rn_corpus corpus;
    rn_adapter adapter;
    rn_exec exec;
    rn_expectations expect;
    rn_journal journal;
    rn_run run;
    uint32_t *selected;          /* case indices, corpus order; entries[i] is selected[i] */
    uint32_t *by_name;           /* positions into selected, sorted by case name */
    uint32_t done, total;
    uint32_t counts[RN_STATUS_COUNT];
    bool tty;
    double last_draw;
    bool journal_failed;
    uint32_t unexpected_seen;
} state;

static double wall(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (double)tv.tv_sec + (double)tv.tv_usec * 1e-6;
}

/* ---- finding a selected case by name (journal resume) ---- */

static const rn_corpus *sort_corpus;
static const uint32_t *sort_selected;

static int cmp_by_name(const void *a, const void *b)
{
    return strcmp(sort_corpus->cases[sort_selected[*(const uint32_t *)a]].name,
                  sort_corpus->cases[sort_selected[*(const uint32_t *)b]].name);
}

static int find_selected(const state *s, const char *name)
{
    uint32_t lo = 0, hi = s->run.n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = strcmp(s->corpus.cases[s->selected[s->by_name[mid]]].name, name);
        if (c == 0) return (int)s->by_name[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

static void take_resumed(const rn_result *r, void *ctx)
{
    state *s = ctx;
    int k = find_selected(s, r->test);
    if (k < 0) return;
    rn_entry *e = &s->run.entries[k];
    if (!e->have) s->done++, s->counts[r->status]++;
    e->r = *r;
    e->have = true;
    e->resumed = true;
}

/* ---- pool callbacks ---- */

static void work(uint32_t item, void *ctx, rn_result *out)
{
    state *s = ctx;
    rn_exec_case(&s->exec, &s->corpus.cases[s->selected[item]], out);
}

static void worker_exit(void *ctx)
{
    rn_exec_fini(&((state *)ctx)->exec);
}

static const char *name_of(uint32_t item, void *ctx)
{
    state *s = ctx;
    return s->corpus.cases[s->selected[item]].name;
}

static void done(uint32_t item, const rn_result *r, void *ctx)
{
    state *s = ctx;
    rn_entry *e = &s->run.entries[item];
    e->r = *r;
    /* runner-made results (CRASH, TIMEOUT) still need the op and data type for the matrix */
    if (!e->r.op[0]) rn_classify(&s->corpus.cases[s->selected[item]], &e->r);
    rn_sanitize(e->r.message);
    e->have = true;
    e->expected = rn_expected(&s->expect, &e->r);
    e->unexpected = !(e->expected & (1u << e->r.status));
    s->unexpected_seen += e->unexpected;
    if (rn_journal_append(&s->journal, &e->r) != 0 && !s->journal_failed) {
        fprintf(stderr, "run-conformance: warning: cannot append to the journal\n");
        s->journal_failed = true;
    }
    s->done++;
    s->counts[r->status]++;
    if (s->opt->quiet) return;
    if (s->tty) {
        double t = wall();
        if (t - s->last_draw > 0.1 || s->done == s->total) {
            s->last_draw = t;
            rn_progress(stdout, s->done, s->total, s->counts, false);
        }
    } else if (e->unexpected) {
        printf("UNEXPECTED %s %s: %.300s\n", rn_status_name(e->r.status), e->r.test, e->r.message);
    }
}

static int stop_early(void *ctx)
{
    const state *s = ctx;
    return s->opt->fail_fast && s->unexpected_seen > 0;
}

/* ---- reports ---- */

static int write_reports(const state *s)
{
    int rc = 0;
    for (uint32_t i = 0; i < s->opt->n_reports; i++) {
        const rn_report_req *q = &s->opt->reports[i];
        FILE *f = fopen(q->path, "w");
        int w = -1;
        if (f) {
            w = strcmp(q->format, "json") == 0    ? rn_report_json(&s->run, f)
                : strcmp(q->format, "junit") == 0 ? rn_report_junit(&s->run, f)
                                                  : rn_report_html(&s->run, f);
            if (fclose(f) != 0) w = -1;
        }
        if (w != 0) {
            fprintf(stderr, "run-conformance: cannot write the %s report %s\n", q->format, q->path);
            rc = -1;
        } else if (!s->opt->quiet) {
            printf("%s report: %s\n", q->format, q->path);
        }
    }
    return rc;
}

/* ---- setup ---- */

static int load_inputs(state *s, const char *dir, char *err, size_t cap)
{
    const rn_options *o = s->opt;
    static const char *paths[RN_MAX_VECTORS + 1];
    uint32_t n = o->n_vectors;
    memcpy(paths, o->vectors, n * sizeof *paths);
    char def[PATH_MAX + 16];
    if (n == 0) {
        struct stat st;
        snprintf(def, sizeof def, "%s/../vectors", dir);
        paths[n++] = stat(def, &st) == 0 ? def : "vectors";
    }
    if (rn_corpus_load(&s->corpus, paths, n, err, cap) != 0) return -1;
    if (o->expectations && rn_expectations_load(&s->expect, o->expectations, err, cap) != 0) return -1;
    s->selected = rn_corpus_select(&s->corpus, o->filters, o->n_filters, o->chunk_i, o->chunk_n, &s->run.n);
    s->run.entries = calloc(s->run.n + 1, sizeof *s->run.entries);
    s->by_name = calloc(s->run.n + 1, sizeof *s->by_name);
    if (!s->selected || !s->run.entries || !s->by_name) {
        snprintf(err, cap, "out of memory");
        return -1;
    }
    s->run.corpus_index = s->selected;
    s->run.chunk_i = o->chunk_i;
    s->run.chunk_n = o->chunk_n;
    s->run.n_unchunked = s->run.n;
    if (o->chunk_n) { /* for the reports: how many cases all the chunks hold together */
        uint32_t *all = rn_corpus_select(&s->corpus, o->filters, o->n_filters, 0, 0, &s->run.n_unchunked);
        if (!all) {
            snprintf(err, cap, "out of memory");
            return -1;
        }
        free(all);
    }
    for (uint32_t i = 0; i < s->run.n; i++) s->by_name[i] = i;
    sort_corpus = &s->corpus;
    sort_selected = s->selected;
    qsort(s->by_name, s->run.n, sizeof *s->by_name, cmp_by_name);
    return 0;
}

static int open_journal(state *s, char *err, size_t cap)
{
    const rn_options *o = s->opt;
    s->journal.fd = -1;
    const char *path = o->resume ? o->resume : o->journal ? o->journal : "webnn-cts.journal";
    if (!o->resume && (strcmp(path, "none") == 0 || !*path)) return 0;
    bool append = false;
    if (o->resume) {
        char hash[65], adapter[256];
        int n = rn_journal_load(o->resume, hash, adapter, take_resumed, s);
        if (n >= 0 && hash[0] && strcmp(hash, s->corpus.hash) != 0) {
            snprintf(err, cap, "%s was written for another corpus (%.16s..., now %.16s...); start a new run", o->resume,
                     hash, s->corpus.hash);
            return -1;
        }
        if (n >= 0 && adapter[0] && strcmp(adapter, s->adapter.label) != 0) {
            snprintf(err, cap, "%s was written for adapter %s, not %s", o->resume, adapter, s->adapter.label);
            return -1;
        }
        append = n >= 0;
        if (n >= 0 && !o->quiet) printf("resuming %s: %d results recorded\n", o->resume, n);
    }
    return rn_journal_open(&s->journal, path, append, s->corpus.hash, s->adapter.label, err, cap);
}

static void cleanup(state *s)
{
    rn_journal_close(&s->journal);
    rn_expectations_free(&s->expect);
    rn_adapter_unload(&s->adapter);
    rn_corpus_free(&s->corpus);
    free(s->selected);
    free(s->by_name);
    free(s->run.entries);
}

int main(int argc, char **argv)
{
    static state s;
    rn_options opt;
    char err[1024], dir[PATH_MAX];
    if (rn_parse_args(argc, argv, &opt, err, sizeof err) != 0) {
        fprintf(stderr, "run-conformance: %s\n", err);
        rn_usage(stderr);
        return 2;
    }
    if (opt.help) {
        rn_usage(stdout);
        return 0;
    }
    s.opt = &opt;
    s.journal.fd = -1;
    /* before the corpus is loaded: the loader checks every tensor against it */
    if (opt.max_tensor_bytes) wn_set_tensor_byte_cap((size_t)opt.max_tensor_bytes);
    uint64_t max_memory_mb = opt.max_memory_set ? opt.max_memory_mb : rn_default_max_memory_mb();
    if (max_memory_mb && rn_sanitized_build()) {
        fprintf(stderr, "run-conformance: --max-memory is ignored in a sanitizer build (it would break the "
                        "sanitizer's shadow memory)\n");
        max_memory_mb = 0;
    }
    rn_self_dir(dir, sizeof dir);
    int rc = 2;
    if (rn_adapter_load(&s.adapter, opt.adapter, dir, err, sizeof err) != 0 || load_inputs(&s, dir, err, sizeof err) != 0) {
        fprintf(stderr, "run-conformance: %s\n", err);
        goto out;
    }
    if (opt.list) {
        for (uint32_t i = 0; i < s.run.n; i++) printf("%s\n", s.corpus.cases[s.selected[i]].name);
        rc = 0;
        goto out;
    }
    s.run.time_start = wall();
    if (open_journal(&s, err, sizeof err) != 0) {
        fprintf(stderr, "run-conformance: %s\n", err);
        goto out;
    }
    const wna_api *api = s.adapter.api;
    s.run.adapter = s.adapter.label;
    s.run.adapter_name = api->name ? api->name : "?";
    s.run.adapter_version = api->version ? api->version : "";
    s.run.device = opt.device;
    s.run.corpus_hash = s.corpus.hash;
    s.run.n_files = s.corpus.n_files;
    snprintf(s.run.abi_version, sizeof s.run.abi_version, "%u.%u", api->abi_major, api->abi_minor);
    uint32_t jobs = opt.jobs ? opt.jobs : (uint32_t)(sysconf(_SC_NPROCESSORS_ONLN) > 0 ? sysconf(_SC_NPROCESSORS_ONLN) : 1);
    s.tty = isatty(STDOUT_FILENO);
    char mem_text[32] = "none";
    if (max_memory_mb) snprintf(mem_text, sizeof mem_text, "%llu MiB", (unsigned long long)max_memory_mb);
    s.total = s.run.n;
    if (!opt.quiet)
        printf("webnn-cts run-conformance: adapter %s (ABI %s), device %s\ncorpus %s: %u files, %u cases, %u selected"
               "%s%s; %u jobs, timeout %g s, tensor cap %zu bytes, worker memory cap %s\n",
               s.adapter.label, s.run.abi_version, opt.device, s.corpus.hash, s.corpus.n_files, s.corpus.n_cases,
               s.run.n, s.corpus.n_unreadable ? " (some files unreadable)" : "",
               s.corpus.n_skipped ? " (JSON files that are not vector files skipped)" : "", jobs, opt.timeout, wn_tensor_byte_cap(),
               mem_text);
    rn_exec_init(&s.exec, &s.adapter, opt.device, opt.device_tensors);
    uint32_t *todo = malloc((s.run.n + 1) * sizeof *todo);
    if (!todo) {
        fprintf(stderr, "run-conformance: out of memory\n");
        goto out;
    }
    uint32_t n_todo = 0;
    for (uint32_t i = 0; i < s.run.n; i++) {
        rn_entry *e = &s.run.entries[i];
        if (e->have) { /* resumed: judge against today's expectations */
            e->expected = rn_expected(&s.expect, &e->r);
            e->unexpected = !(e->expected & (1u << e->r.status));
        } else {
            todo[n_todo++] = i;
        }
    }
    rn_pool_cfg cfg = {jobs, opt.timeout, &s, work, worker_exit, done, name_of, max_memory_mb << 20, stop_early};
    rn_pool_run(&cfg, todo, n_todo);
    free(todo);
    if (s.tty && !opt.quiet) rn_progress(stdout, s.done, s.total, s.counts, true);
    s.run.time_end = wall();
    int report_rc = write_reports(&s);
    rn_summary_print(&s.run, stdout);
    if (s.done < n_todo)
        printf("--fail-fast: stopped after the first unexpected result; %u cases not run\n", n_todo - s.done);
    if (!opt.quiet && s.run.time_end > s.run.time_start && n_todo)
        printf("%u cases in %.2f s (%.0f cases/s)\n", n_todo, s.run.time_end - s.run.time_start,
               n_todo / (s.run.time_end - s.run.time_start));
    rn_counts c;
    rn_count(&s.run, &c);
    rc = c.unexpected || report_rc ? 1 : 0;
out:
    cleanup(&s);
    return rc;
}
