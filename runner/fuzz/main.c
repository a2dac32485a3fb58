/* webnn-fuzz: random valid graphs through an adapter, judged against the reference; every
 * finding minimized and written as a vector file (runner/fuzz/README.md). */
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "adapter.h"
#include "cli.h"
#include "fd.h"
#include "fd_worker.h"
#include "limits_query.h"
#include "minimize.h"
#include "pool.h"

typedef struct options {
    const char *adapter, *ops, *out, *tolerances;
    double seconds, timeout;
    uint64_t cases, seed, start;
    uint32_t jobs, max_minimize;
} options;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: webnn-fuzz [options]\n"
            "  --adapter NAME|PATH  adapter (default: reference, built in)\n"
            "  --seconds N          run for N seconds (default 60 unless --cases)\n"
            "  --cases N            run N cases\n"
            "  --seed S             seed (default 1): the same seed and adapter give the same cases\n"
            "  --start N            first case number (default 0): --start N --cases 1 replays case N\n"
            "  --ops GLOB           draw only operations matching GLOB (comma-separated globs)\n"
            "  --jobs N             worker processes (default 1)\n"
            "  --out DIR            where minimized findings are written (default fuzz-findings)\n"
            "  --timeout S          seconds per case before TIMEOUT (default 10)\n"
            "  --max-minimize N     findings minimized per (status, op) (default 2; the rest are counted)\n"
            "  --tolerances FILE    the tolerance table (default vectors/tolerance.json)\n"
            "exit status: 0 no finding, 1 findings, 2 usage or setup error\n");
}

static int parse(int argc, char **argv, options *o)
{
    *o = (options){.adapter = "reference", .out = "fuzz-findings", .tolerances = "vectors/tolerance.json",
                   .seconds = -1, .timeout = 10, .seed = 1, .jobs = 1, .max_minimize = 2};
    const char *a = NULL;
    for (int i = 1; i < argc; i++) {
        a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            exit(0);
        }
        if (!v) goto bad;
        char *end = NULL;
        errno = 0;
        if (strcmp(a, "--adapter") == 0) o->adapter = v;
        else if (strcmp(a, "--ops") == 0) o->ops = v;
        else if (strcmp(a, "--out") == 0) o->out = v;
        else if (strcmp(a, "--tolerances") == 0) o->tolerances = v;
        else if (strcmp(a, "--seconds") == 0) o->seconds = strtod(v, &end);
        else if (strcmp(a, "--timeout") == 0) o->timeout = strtod(v, &end);
        else if (strcmp(a, "--cases") == 0) o->cases = strtoull(v, &end, 10);
        else if (strcmp(a, "--seed") == 0) o->seed = strtoull(v, &end, 0);
        else if (strcmp(a, "--start") == 0) o->start = strtoull(v, &end, 10);
        else if (strcmp(a, "--jobs") == 0) o->jobs = (uint32_t)strtoul(v, &end, 10);
        else if (strcmp(a, "--max-minimize") == 0) o->max_minimize = (uint32_t)strtoul(v, &end, 10);
        else goto bad;
        if (end && (*end || errno)) {
            fprintf(stderr, "webnn-fuzz: %s: not a number: %s\n", a, v);
            return -1;
        }
        i++;
    }
    if (o->jobs < 1 || o->jobs > 64 || o->timeout <= 0) {
        fprintf(stderr, "webnn-fuzz: --jobs must be 1..64 and --timeout positive\n");
        return -1;
    }
    if (o->seconds < 0 && o->cases == 0) o->seconds = 60;
    return 0;
bad:
    fprintf(stderr, "webnn-fuzz: unknown option or missing value: %s\n", a ? a : "");
    usage(stderr);
    return -1;
}

/* ---- the run ---- */

enum { MAX_FINDING_OPS = 128 };

typedef struct fuzz {
    options opt;
    rn_adapter adapter;
    fd_limits limits;
    fd_tol_table tol;
    uint32_t *ops, n_ops;
    fd_gen_cfg gen;
    fd_worker worker;
    /* the batch the pool runs: case numbers base + item, or (item == FD_CANDIDATE) the candidate */
    uint64_t base;
    const fd_case *candidate;
    const char *write_dir, *write_prov;
    char written[PATH_MAX];
    /* counts */
    uint64_t n_cases, n_nograph, n_pass, n_findings;
    uint64_t status[RN_STATUS_COUNT];
    uint64_t judged[MAX_FINDING_OPS], open[MAX_FINDING_OPS], found[MAX_FINDING_OPS], minimized[MAX_FINDING_OPS];
    uint64_t found_crash;
    /* findings waiting to be minimized */
    struct pending {
        uint64_t case_no;
        rn_result r;
    } *pending;
    uint32_t n_pending, cap_pending;
    uint32_t sig_count[RN_STATUS_COUNT][MAX_FINDING_OPS];
    FILE *index;
} fuzz;

static fuzz F;

#define FD_CANDIDATE UINT32_MAX
#define FD_WRITE (UINT32_MAX - 1)

static int op_index(const char *name)
{
    for (uint32_t i = 0; i < wn_registry_count() && i < MAX_FINDING_OPS; i++)
        if (strcmp(wn_registry_at(i)->name, name) == 0) return (int)i;
    return -1;
}

static char *provenance(uint64_t case_no, const rn_result *orig, uint32_t orig_ops, uint32_t min_ops)
{
    char *s = malloc(2048);
    if (!s) return NULL;
    char msg[RN_MESSAGE_MAX * 2];
    size_t j = 0;
    for (const char *p = orig->message; *p && j + 3 < sizeof msg; p++) { /* JSON-escape */
        if (*p == '"' || *p == '\\') msg[j++] = '\\';
        msg[j++] = (unsigned char)*p < 0x20 ? ' ' : *p;
    }
    msg[j] = 0;
    snprintf(s, 2048,
             "{\"generator\": \"webnn-fuzz (runner/fuzz)\", \"adapter\": \"%s\", \"adapterVersion\": \"%s\", \"seed\": %llu, "
             "\"case\": %llu, \"finding\": \"%s\", \"originalOperations\": %u, \"minimizedOperations\": %u, \"message\": \"%.900s\"}",
             F.adapter.api->name, F.adapter.api->version ? F.adapter.api->version : "", (unsigned long long)F.opt.seed,
             (unsigned long long)case_no, rn_status_name(orig->status), orig_ops, min_ops, msg);
    return s;
}

/* In the worker. */
static void work(uint32_t item, void *ctx, rn_result *r)
{
    (void)ctx;
    memset(r, 0, sizeof *r);
    int32_t bad = -1;
    if (item == FD_CANDIDATE || item == FD_WRITE) {
        snprintf(r->test, sizeof r->test, "candidate");
        wn_tensor *ref = NULL, *act = NULL;
        fd_worker_eval(&F.worker, F.candidate, r, &ref, &act, &bad);
        if (item == FD_WRITE && ref) {
            uint32_t k = bad >= 0 ? (uint32_t)bad : F.candidate->g->n_ops - 1;
            wn_tolerance tol;
            char why[256], path[400] = "";
            bool have_act = r->status == RN_FAIL;
            if (fd_op_tolerance(&F.tol, F.candidate->g, k, ref, &tol, why, sizeof why) == 0 &&
                fd_write_vector(F.write_dir, F.candidate, k, ref, have_act ? act : NULL, &tol, F.write_prov, path, sizeof path) == 0)
                snprintf(r->family, sizeof r->family, "written");
            /* the path goes back in the test name */
            snprintf(r->test, sizeof r->test, "%s", path);
        }
        if (ref) {
            fd_values_free(ref, F.candidate->g->n_operands);
            free(ref);
        }
        if (act) {
            fd_values_free(act, F.candidate->g->n_operands);
            free(act);
        }
        return;
    }
    uint64_t case_no = F.base + item;
    snprintf(r->test, sizeof r->test, "case %llu", (unsigned long long)case_no);
    fd_case c;
    char why[256];
    if (fd_generate(&F.gen, case_no, &c, why, sizeof why) != 0) {
        r->status = RN_NOTSUPPORTED;
        rn_result_msg(r, "%s", why);
        return;
    }
    fd_worker_eval(&F.worker, &c, r, NULL, NULL, &bad);
    fd_case_free(&c);
}

static void worker_exit(void *ctx)
{
    (void)ctx;
    fd_worker_fini(&F.worker);
}

static const char *name_of(uint32_t item, void *ctx)
{
    (void)ctx;
    static char buf[64];
    if (item >= FD_WRITE) return "candidate";
    snprintf(buf, sizeof buf, "case %llu", (unsigned long long)(F.base + item));
    return buf;
}

static rn_result last;

static void done(uint32_t item, const rn_result *r, void *ctx)
{
    (void)ctx;
    if (item >= FD_WRITE) {
        last = *r;
        return;
    }
    F.n_cases++;
    if (r->status == RN_NOTSUPPORTED) {
        F.n_nograph++;
        return;
    }
    F.status[r->status]++;
    if (r->status == RN_PASS) {
        F.n_pass++;
        for (const char *p = r->message; *p;) { /* "j12 o3 ..." */
            char kind = *p++;
            unsigned idx = (unsigned)strtoul(p, (char **)&p, 10);
            if (idx < MAX_FINDING_OPS) (kind == 'j' ? F.judged : F.open)[idx]++;
            while (*p == ' ') p++;
        }
        return;
    }
    F.n_findings++;
    rn_result named = *r; /* an ERROR names no op unless its message does ("operators[2] (softmax): ...") */
    const char *at = strstr(r->message, "operators[");
    if (!named.op[0] && at) sscanf(at, "operators[%*u] (%31[^)])", named.op);
    r = &named;
    int oi = r->op[0] ? op_index(r->op) : -1;
    if (oi >= 0) F.found[oi]++;
    else F.found_crash++;
    uint32_t *sig = &F.sig_count[r->status][oi >= 0 ? oi : MAX_FINDING_OPS - 1];
    if ((*sig)++ >= F.opt.max_minimize) return;
    if (F.n_pending == F.cap_pending) {
        uint32_t cap = F.cap_pending ? F.cap_pending * 2 : 16;
        struct pending *p = realloc(F.pending, cap * sizeof *p);
        if (!p) return;
        F.pending = p;
        F.cap_pending = cap;
    }
    F.pending[F.n_pending++] = (struct pending){F.base + item, *r};
}

static rn_pool_cfg pool_cfg(uint32_t jobs)
{
    return (rn_pool_cfg){.jobs = jobs, .timeout = F.opt.timeout, .ctx = &F, .work = work, .worker_exit = worker_exit,
                         .done = done, .name_of = name_of,
                         /* run-conformance's default cap: half the physical memory per worker */
                         .max_memory_bytes = rn_sanitized_build() ? 0 : rn_default_max_memory_mb() << 20};
}

/* Runs the candidate in a fresh worker; its result (and, for FD_WRITE, the file's path). */
static rn_result run_candidate(const fd_case *c, uint32_t item)
{
    F.candidate = c;
    memset(&last, 0, sizeof last);
    rn_pool_cfg cfg = pool_cfg(1);
    uint32_t items[1] = {item};
    rn_pool_run(&cfg, items, 1);
    return last;
}

static bool same_finding(const rn_result *a, const rn_result *b)
{
    return a->status == b->status && (a->status != RN_FAIL || strcmp(a->op, b->op) == 0);
}

static bool reproduces(const fd_case *c, void *ctx)
{
    const rn_result *orig = ctx;
    rn_result r = run_candidate(c, FD_CANDIDATE);
    return same_finding(&r, orig);
}

static void minimize_pending(void)
{
    for (uint32_t i = 0; i < F.n_pending; i++) {
        struct pending *p = &F.pending[i];
        fd_case c;
        char why[256];
        if (fd_generate(&F.gen, p->case_no, &c, why, sizeof why) != 0) continue;
        uint32_t orig_ops = c.g->n_ops;
        int32_t bad = -1;
        unsigned k;
        if (p->r.status == RN_FAIL && sscanf(p->r.message, "operators[%u]", &k) == 1) bad = (int32_t)k;
        double t0 = now();
        fd_min_stats ms;
        fd_minimize(&c, bad, reproduces, &p->r, &ms);
        char *prov = provenance(p->case_no, &p->r, orig_ops, c.g->n_ops);
        F.write_dir = F.opt.out;
        F.write_prov = prov;
        rn_result w = {0};
        if (p->r.status == RN_FAIL) {
            w = run_candidate(&c, FD_WRITE); /* the worker has the adapter's values */
        } else { /* a crash, hang or error gives no values: written here, from the reference */
            wn_tensor *ref = calloc(c.g->n_operands + 1, sizeof *ref);
            wn_error err;
            wn_tolerance tol;
            uint32_t k = c.g->n_ops - 1;
            if (ref && fd_values_reference(&c, ref, &err) == 0) {
                if (fd_op_tolerance(&F.tol, c.g, k, ref, &tol, why, sizeof why) == 0 &&
                    fd_write_vector(F.opt.out, &c, k, ref, NULL, &tol, prov, w.test, sizeof w.test) == 0)
                    snprintf(w.family, sizeof w.family, "written");
                fd_values_free(ref, c.g->n_operands);
            }
            free(ref);
            if (!p->r.op[0] && c.g->n_ops == 1) snprintf(p->r.op, sizeof p->r.op, "%s", c.g->ops[0].spec->name);
        }
        free(prov);
        int oi = op_index(p->r.op);
        if (oi >= 0) F.minimized[oi]++;
        fprintf(stderr, "webnn-fuzz: case %llu: %s %s%s%s: %u -> %u operations, %u tries (%.1f s): %s\n",
                (unsigned long long)p->case_no, rn_status_name(p->r.status), p->r.op[0] ? p->r.op : "",
                p->r.op[0] ? ": " : "", p->r.message, orig_ops, c.g->n_ops, ms.tries, now() - t0,
                strcmp(w.family, "written") == 0 ? w.test : "(no vector written)");
        if (F.index && strcmp(w.family, "written") == 0)
            fprintf(F.index, "%s\t%s\t%s\t%llu\t%u\t%u\t%s\n", w.test, rn_status_name(p->r.status), p->r.op,
                    (unsigned long long)p->case_no, orig_ops, c.g->n_ops, p->r.message);
        fd_case_free(&c);
    }
    F.n_pending = 0;
}

static uint32_t covered(void)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < MAX_FINDING_OPS; i++) n += F.judged[i] > 0;
    return n;
}

static void progress(double t0, bool final)
{
    double dt = now() - t0;
    fprintf(stderr, "%swebnn-fuzz: %llu cases (%.1f/s), %u of %u drawable ops judged, %llu findings",
            final ? "" : "", (unsigned long long)F.n_cases, dt > 0 ? (double)F.n_cases / dt : 0.0, covered(), F.n_ops,
            (unsigned long long)F.n_findings);
    int shown = 0;
    for (uint32_t i = 0; i < MAX_FINDING_OPS && shown < 6; i++)
        if (F.found[i]) fprintf(stderr, "%s%s %llu", shown++ ? ", " : " (", wn_registry_at(i)->name, (unsigned long long)F.found[i]);
    if (F.found_crash) fprintf(stderr, "%sno op %llu", shown++ ? ", " : " (", (unsigned long long)F.found_crash);
    fprintf(stderr, "%s\n", shown ? ")" : "");
}

static void summary(double t0)
{
    double dt = now() - t0;
    printf("webnn-fuzz summary: adapter %s, seed %llu, %.0f s\n", F.adapter.label, (unsigned long long)F.opt.seed, dt);
    printf("  %llu cases (%.1f/s), %llu without a valid graph inside the limits; %llu passed, %llu findings "
           "(FAIL %llu, ERROR %llu, CRASH %llu, TIMEOUT %llu)\n",
           (unsigned long long)F.n_cases, dt > 0 ? (double)F.n_cases / dt : 0.0, (unsigned long long)F.n_nograph,
           (unsigned long long)F.n_pass, (unsigned long long)F.n_findings, (unsigned long long)F.status[RN_FAIL],
           (unsigned long long)F.status[RN_ERROR], (unsigned long long)F.status[RN_CRASH],
           (unsigned long long)F.status[RN_TIMEOUT]);
    printf("  %u of %u drawable operations judged at least once\n", covered(), F.n_ops);
    printf("  %-22s %10s %10s %8s %9s\n", "op", "judged", "not judged", "findings", "minimized");
    for (uint32_t j = 0; j < F.n_ops; j++) {
        uint32_t i = F.ops[j];
        if (i >= MAX_FINDING_OPS) continue;
        printf("  %-22s %10llu %10llu %8llu %9llu%s\n", wn_registry_at(i)->name, (unsigned long long)F.judged[i],
               (unsigned long long)F.open[i], (unsigned long long)F.found[i], (unsigned long long)F.minimized[i],
               F.judged[i] ? "" : "  (never judged)");
    }
    if (F.found_crash) printf("  %llu findings without an op (CRASH/TIMEOUT/ERROR)\n", (unsigned long long)F.found_crash);
}

static bool glob_match(const char *globs, const char *name)
{
    if (!globs) return true;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", globs);
    char *save = NULL;
    for (char *g = strtok_r(buf, ",", &save); g; g = strtok_r(NULL, ",", &save))
        if (fnmatch(g, name, 0) == 0) return true;
    return false;
}

int main(int argc, char **argv)
{
    if (parse(argc, argv, &F.opt) != 0) return 2;
    char dir[PATH_MAX], err[512];
    rn_self_dir(dir, sizeof dir);
    if (rn_adapter_load(&F.adapter, F.opt.adapter, dir, err, sizeof err) != 0) {
        fprintf(stderr, "webnn-fuzz: %s\n", err);
        return 2;
    }
    if (fd_tol_load(F.opt.tolerances, &F.tol, err, sizeof err) != 0) {
        fprintf(stderr, "webnn-fuzz: %s (--tolerances)\n", err);
        return 2;
    }
    if (fd_limits_query(F.adapter.api, &F.limits, err, sizeof err) != 0) {
        fprintf(stderr, "webnn-fuzz: opSupportLimits: %s\n", err);
        return 2;
    }
    F.ops = calloc(wn_registry_count() + 1, sizeof *F.ops);
    if (!F.ops) return 2;
    for (uint32_t i = 0; i < wn_registry_count(); i++) {
        const wn_op_spec *s = wn_registry_at(i);
        bool claimed = false;
        for (uint32_t j = 0; j < F.limits.l.n_ops; j++) claimed |= strcmp(F.limits.l.ops[j].op, s->name) == 0;
        if (claimed && wn_registry_impl(s)->compute && glob_match(F.opt.ops, s->name)) F.ops[F.n_ops++] = i;
    }
    if (F.n_ops == 0) {
        fprintf(stderr, "webnn-fuzz: no operation both in the adapter's opSupportLimits and matching --ops\n");
        return 2;
    }
    if (mkdir(F.opt.out, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "webnn-fuzz: --out %s: %s\n", F.opt.out, strerror(errno));
        return 2;
    }
    char index_path[PATH_MAX];
    snprintf(index_path, sizeof index_path, "%s/findings.tsv", F.opt.out);
    F.index = fopen(index_path, "a");
    wn_set_tensor_byte_cap(FD_TENSOR_CAP * 4);
    F.gen = (fd_gen_cfg){F.opt.seed, F.ops, F.n_ops, &F.limits.l};
    F.worker = (fd_worker){.api = F.adapter.api, .tol = &F.tol};
    fprintf(stderr, "webnn-fuzz: adapter %s, seed %llu, %u operations to draw from, %u jobs, %s\n", F.adapter.label,
            (unsigned long long)F.opt.seed, F.n_ops, F.opt.jobs, F.opt.cases ? "case budget" : "time budget");
    double t0 = now(), last_progress = t0;
    uint32_t batch = F.opt.jobs * 16;
    uint32_t *items = malloc(batch * sizeof *items);
    if (!items) return 2;
    for (uint32_t i = 0; i < batch; i++) items[i] = i;
    F.base = F.opt.start;
    for (;;) {
        uint64_t left = F.opt.cases ? F.opt.start + F.opt.cases - F.base : batch;
        if (F.opt.cases && left == 0) break;
        if (F.opt.seconds >= 0 && now() - t0 >= F.opt.seconds) break;
        uint32_t n = left < batch ? (uint32_t)left : batch;
        rn_pool_cfg cfg = pool_cfg(F.opt.jobs);
        rn_pool_run(&cfg, items, n);
        F.base += n;
        minimize_pending();
        if (now() - last_progress >= 2.0) {
            progress(t0, false);
            last_progress = now();
        }
    }
    progress(t0, true);
    summary(t0);
    if (F.index) fclose(F.index);
    free(items);
    return F.n_findings ? 1 : 0;
}
