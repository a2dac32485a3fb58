/* Fork-based worker pool with poll(): see pool.h. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "pool.h"

typedef struct slot {
    pid_t pid;               /* 0: no worker */
    int cmd_fd, res_fd;      /* runner's ends: write items, read results */
    int busy;
    uint32_t item;
    double deadline;
    char *buf;
    size_t len, cap;
} slot;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

const char *rn_signal_name(int sig, char *buf, size_t cap)
{
    static const struct { int sig; const char *name; } names[] = {
        {SIGSEGV, "SIGSEGV"}, {SIGABRT, "SIGABRT"}, {SIGBUS, "SIGBUS"}, {SIGFPE, "SIGFPE"}, {SIGILL, "SIGILL"},
        {SIGKILL, "SIGKILL"}, {SIGTERM, "SIGTERM"}, {SIGINT, "SIGINT"}, {SIGPIPE, "SIGPIPE"}, {SIGTRAP, "SIGTRAP"},
        {SIGSYS, "SIGSYS"}, {SIGXCPU, "SIGXCPU"}, {SIGALRM, "SIGALRM"}, {SIGHUP, "SIGHUP"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].sig == sig) return names[i].name;
    snprintf(buf, cap, "signal %d", sig);
    return buf;
}

static int write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

static int read_all(int fd, void *p, size_t n)
{
    char *c = p;
    while (n > 0) {
        ssize_t r = read(fd, c, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        c += r;
        n -= (size_t)r;
    }
    return 0;
}

/* ---- the worker side ---- */

static void worker_loop(const rn_pool_cfg *cfg, int cmd_fd, int res_fd)
{
    uint32_t item;
    rn_result *r = malloc(sizeof *r);
    while (r && read_all(cmd_fd, &item, sizeof item) == 0) {
        cfg->work(item, cfg->ctx, r);
        char *line = rn_result_to_json(r);
        int rc = line ? write_all(res_fd, line, strlen(line)) : -1;
        free(line);
        if (rc != 0 || write_all(res_fd, "\n", 1) != 0) break;
    }
    free(r);
    if (cfg->worker_exit) cfg->worker_exit(cfg->ctx);
}

static int spawn(const rn_pool_cfg *cfg, slot *slots, uint32_t self)
{
    int cmd[2], res[2];
    if (pipe(cmd) != 0) return -1;
    if (pipe(res) != 0) {
        close(cmd[0]);
        close(cmd[1]);
        return -1;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(cmd[0]); close(cmd[1]); close(res[0]); close(res[1]);
        return -1;
    }
    if (pid == 0) {
#ifdef __linux__
        prctl(PR_SET_PDEATHSIG, SIGKILL); /* a killed runner takes its workers along */
#endif
        signal(SIGPIPE, SIG_DFL);
        if (cfg->max_memory_bytes) {
            struct rlimit rl = {(rlim_t)cfg->max_memory_bytes, (rlim_t)cfg->max_memory_bytes};
            if (setrlimit(RLIMIT_DATA, &rl) != 0) perror("run-conformance: worker memory cap (setrlimit)");
        }
        for (uint32_t k = 0; k < cfg->jobs; k++)
            if (k != self && slots[k].pid > 0) {
                close(slots[k].cmd_fd);
                close(slots[k].res_fd);
            }
        close(cmd[1]);
        close(res[0]);
        dup2(STDERR_FILENO, STDOUT_FILENO); /* adapter chatter must not garble the terminal output */
        worker_loop(cfg, cmd[0], res[1]);
        _exit(0);
    }
    close(cmd[0]);
    close(res[1]);
    slot *s = &slots[self];
    s->pid = pid;
    s->cmd_fd = cmd[1];
    s->res_fd = res[0];
    s->busy = 0;
    s->len = 0;
    return 0;
}

/* ---- the runner side ---- */

static void report_lost(const rn_pool_cfg *cfg, uint32_t item, rn_status st, const char *msg, double duration)
{
    rn_result *r = calloc(1, sizeof *r);
    rn_result stack;
    if (!r) r = &stack, memset(r, 0, sizeof *r);
    snprintf(r->test, sizeof r->test, "%s", cfg->name_of(item, cfg->ctx));
    r->status = st;
    r->duration = duration;
    rn_result_msg(r, "%s", msg);
    cfg->done(item, r, cfg->ctx);
    if (r != &stack) free(r);
}

static void close_slot(slot *s)
{
    close(s->cmd_fd);
    close(s->res_fd);
    s->pid = 0;
    s->busy = 0;
    s->len = 0;
}

/* The worker's pipe closed: reap it; a case in flight becomes CRASH. */
static void reap(const rn_pool_cfg *cfg, slot *s)
{
    int status = 0;
    while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR) {}
    if (s->busy) {
        char msg[224], buf[32];
        if (WIFSIGNALED(status))
            snprintf(msg, sizeof msg, "the worker was killed by %s during this case",
                     rn_signal_name(WTERMSIG(status), buf, sizeof buf));
        else
            snprintf(msg, sizeof msg, "the worker exited with status %d during this case",
                     WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        if (cfg->max_memory_bytes) { /* an allocation refused by the cap often ends like this */
            size_t n = strlen(msg);
            snprintf(msg + n, sizeof msg - n, " (its memory is capped at %llu MiB, --max-memory)",
                     (unsigned long long)(cfg->max_memory_bytes >> 20));
        }
        report_lost(cfg, s->item, RN_CRASH, msg, now() - (s->deadline - cfg->timeout));
    }
    close_slot(s);
}

static void kill_timed_out(const rn_pool_cfg *cfg, slot *s)
{
    kill(s->pid, SIGKILL);
    while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR) {}
    char msg[128];
    snprintf(msg, sizeof msg, "no result within %g s; the worker was killed", cfg->timeout);
    report_lost(cfg, s->item, RN_TIMEOUT, msg, cfg->timeout);
    close_slot(s);
}

/* Complete lines in the buffer are results. */
static void take_lines(const rn_pool_cfg *cfg, slot *s)
{
    char *nl;
    while ((nl = memchr(s->buf, '\n', s->len)) != NULL) {
        *nl = 0;
        if (s->busy) {
            rn_result *r = malloc(sizeof *r);
            if (r && rn_result_from_json(s->buf, r) == 0) cfg->done(s->item, r, cfg->ctx);
            else report_lost(cfg, s->item, RN_ERROR, "the worker sent an unreadable result", 0);
            free(r);
            s->busy = 0;
        }
        size_t used = (size_t)(nl - s->buf) + 1;
        memmove(s->buf, nl + 1, s->len - used);
        s->len -= used;
    }
}

/* Returns 0 normally, 1 at end of file. */
static int read_some(slot *s)
{
    if (s->cap - s->len < 65536) {
        size_t cap = s->cap ? s->cap * 2 : 131072;
        char *b = realloc(s->buf, cap);
        if (!b) return 1; /* treat as a lost worker */
        s->buf = b;
        s->cap = cap;
    }
    ssize_t r = read(s->res_fd, s->buf + s->len, s->cap - s->len - 1);
    if (r < 0 && errno == EINTR) return 0;
    if (r <= 0) return 1;
    s->len += (size_t)r;
    return 0;
}

/* A worker told to stop gets two seconds to release its adapter, then SIGKILL. */
static void finish_worker(pid_t pid)
{
    for (int i = 0; i < 200; i++) {
        pid_t r = waitpid(pid, NULL, WNOHANG);
        if (r == pid || (r < 0 && errno != EINTR)) return;
        struct timespec ts = {0, 10000000};
        nanosleep(&ts, NULL);
    }
    kill(pid, SIGKILL);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
}

int rn_pool_run(const rn_pool_cfg *cfg, const uint32_t *items, uint32_t n)
{
    uint32_t jobs = cfg->jobs ? cfg->jobs : 1;
    slot *slots = calloc(jobs, sizeof *slots);
    struct pollfd *pfd = calloc(jobs, sizeof *pfd);
    uint32_t *who = calloc(jobs, sizeof *who);
    if (!slots || !pfd || !who) {
        free(slots); free(pfd); free(who);
        for (uint32_t i = 0; i < n; i++) report_lost(cfg, items[i], RN_ERROR, "out of memory in the runner", 0);
        return -1;
    }
    rn_pool_cfg c = *cfg;
    c.jobs = jobs;
    signal(SIGPIPE, SIG_IGN);
    uint32_t next = 0, finished_workers_fail = 0;
    int rc = 0;
    for (;;) {
        /* hand out work; start workers where needed */
        uint32_t live = 0, busy = 0;
        if (next < n && c.stop && c.stop(c.ctx)) n = next; /* --fail-fast: the rest is not run */
        for (uint32_t k = 0; k < jobs; k++) {
            slot *s = &slots[k];
            if (!s->pid && next < n && spawn(&c, slots, k) != 0) continue;
            if (!s->pid) continue;
            live++;
            if (!s->busy && next < n) {
                s->item = items[next];
                if (write_all(s->cmd_fd, &s->item, sizeof s->item) != 0) {
                    reap(&c, s); /* died while idle; the item is handed out again */
                    continue;
                }
                next++;
                s->busy = 1;
                s->deadline = now() + c.timeout;
            }
            busy += s->busy;
        }
        if (busy == 0 && next >= n) break;
        if (live == 0) {
            if (++finished_workers_fail > 3) { /* fork keeps failing: give up on the rest */
                for (; next < n; next++) report_lost(&c, items[next], RN_ERROR, "cannot start a worker process", 0);
                rc = -1;
                break;
            }
            continue;
        }
        finished_workers_fail = 0;
        /* wait for results or the nearest deadline */
        uint32_t np = 0;
        double t = now(), wait = -1;
        for (uint32_t k = 0; k < jobs; k++) {
            if (!slots[k].pid) continue;
            pfd[np].fd = slots[k].res_fd;
            pfd[np].events = POLLIN;
            pfd[np].revents = 0;
            who[np++] = k;
            if (slots[k].busy) {
                double left = slots[k].deadline - t;
                if (wait < 0 || left < wait) wait = left < 0 ? 0 : left;
            }
        }
        int ms = wait < 0 ? -1 : (int)(wait * 1000.0) + 1;
        int got = poll(pfd, np, ms);
        if (got < 0 && errno != EINTR) break;
        for (uint32_t i = 0; got > 0 && i < np; i++) {
            slot *s = &slots[who[i]];
            if (!pfd[i].revents) continue;
            if (read_some(s) != 0) {
                take_lines(&c, s);
                reap(&c, s);
            } else {
                take_lines(&c, s);
            }
        }
        t = now();
        for (uint32_t k = 0; k < jobs; k++)
            if (slots[k].pid && slots[k].busy && t >= slots[k].deadline) kill_timed_out(&c, &slots[k]);
    }
    for (uint32_t k = 0; k < jobs; k++)
        if (slots[k].pid) {
            close(slots[k].cmd_fd); /* EOF: the worker exits */
            char tmp[4096];
            while (read(slots[k].res_fd, tmp, sizeof tmp) > 0) {}
            close(slots[k].res_fd);
            finish_worker(slots[k].pid);
        }
    for (uint32_t k = 0; k < jobs; k++) free(slots[k].buf);
    free(slots);
    free(pfd);
    free(who);
    return rc;
}
