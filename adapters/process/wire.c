/* Child process and frames: see wire.h and adapters/PROCESS.md. */
#define _GNU_SOURCE /* close_range, sigabbrev_np, pipe2, F_SETPIPE_SZ */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "wire.h"

void wire_hex(const void *bytes, size_t n, char *out, size_t cap)
{
    const unsigned char *b = bytes;
    size_t used = 0;
    out[0] = 0;
    for (size_t i = 0; i < n && used + 4 < cap; i++) used += (size_t)snprintf(out + used, cap - used, "%s%02x", i ? " " : "", b[i]);
    if (used + 4 >= cap) return;
    used += (size_t)snprintf(out + used, cap - used, " (\"");
    for (size_t i = 0; i < n && used + 4 < cap; i++) out[used++] = b[i] >= 0x20 && b[i] < 0x7f && b[i] != '"' ? (char)b[i] : '.';
    snprintf(out + used, cap - used, "\")");
}

static void child_exec(const char *shell_cmd, int in_r, int out_w, pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL); /* a killed worker takes its adapter process along */
    if (getppid() != parent) _exit(127);
    if (dup2(in_r, STDIN_FILENO) < 0 || dup2(out_w, STDOUT_FILENO) < 0) _exit(127);
    /* the worker's pipes to the runner must not leak into the adapter */
    if (close_range(3, ~0u, 0) != 0)
        for (int fd = 3; fd < 4096; fd++) close(fd);
    signal(SIGPIPE, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execl("/bin/sh", "sh", "-c", shell_cmd, (char *)NULL);
    _exit(127);
}

int wire_start(wire *w, const char *command, char *msg, size_t cap)
{
    int in[2], out[2];
    w->pid = 0;
    w->to_child = w->from_child = -1;
    size_t n = strlen(command) + 6;
    char *shell_cmd = malloc(n); /* before fork: "exec " so that the pid is the adapter's own */
    if (!shell_cmd) {
        snprintf(msg, cap, "out of memory");
        return -1;
    }
    snprintf(shell_cmd, n, "exec %s", command);
    if (pipe2(in, O_CLOEXEC) != 0) {
        snprintf(msg, cap, "pipe: %s", strerror(errno));
        free(shell_cmd);
        return -1;
    }
    if (pipe2(out, O_CLOEXEC) != 0) {
        snprintf(msg, cap, "pipe: %s", strerror(errno));
        close(in[0]), close(in[1]);
        free(shell_cmd);
        return -1;
    }
    pid_t parent = getpid();
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) child_exec(shell_cmd, in[0], out[1], parent);
    free(shell_cmd);
    close(in[0]);
    close(out[1]);
    if (pid < 0) {
        snprintf(msg, cap, "fork: %s", strerror(errno));
        close(in[1]), close(out[0]);
        return -1;
    }
    w->pid = pid;
    w->to_child = in[1];
    w->from_child = out[0];
    /* 1 MiB pipes (the default maximum) instead of 64 KiB: 16 times fewer context switches per
     * tensor, which a loaded machine makes expensive; failure only costs speed */
    fcntl(in[1], F_SETPIPE_SZ, 1 << 20);
    fcntl(out[0], F_SETPIPE_SZ, 1 << 20);
    return 0;
}

static void close_fds(wire *w)
{
    if (w->to_child >= 0) close(w->to_child);
    if (w->from_child >= 0) close(w->from_child);
    w->to_child = w->from_child = -1;
}

static void nap_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

/* Waits up to grace_ms for the child, then kills it; returns the wait status. */
static int reap(wire *w, int grace_ms, int *killed)
{
    int status = 0;
    *killed = 0;
    for (int t = 0;; t++) {
        pid_t r = waitpid(w->pid, &status, WNOHANG);
        if (r == w->pid || (r < 0 && errno != EINTR)) break;
        if (t >= grace_ms) {
            kill(w->pid, SIGKILL);
            *killed = 1;
            while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {}
            break;
        }
        nap_ms(1);
    }
    w->pid = 0;
    return status;
}

void wire_stop(wire *w, int grace_ms)
{
    if (!w->pid) return close_fds(w);
    close_fds(w); /* EOF on stdin: the adapter's signal to exit */
    int killed;
    reap(w, grace_ms, &killed);
}

void wire_kill(wire *w)
{
    if (!w->pid) return close_fds(w);
    kill(w->pid, SIGKILL);
    close_fds(w);
    int killed;
    reap(w, 1000, &killed);
}

/* The child is gone (EOF or EPIPE): reap it and say how it ended. */
static wire_status lost(wire *w, const char *what, const char *where, char *msg, size_t cap)
{
    close_fds(w);
    int killed;
    pid_t pid = w->pid;
    int status = reap(w, 500, &killed);
    char how[96];
    if (killed)
        snprintf(how, sizeof how, "closed its stdout (still running; killed)");
    else if (WIFSIGNALED(status)) {
        const char *abbrev = sigabbrev_np(WTERMSIG(status));
        if (abbrev) snprintf(how, sizeof how, "was killed by SIG%s", abbrev);
        else snprintf(how, sizeof how, "was killed by signal %d", WTERMSIG(status));
    } else
        snprintf(how, sizeof how, "exited with status %d", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    snprintf(msg, cap, "the adapter process (pid %d) %s %s (%s)", (int)pid, how, where, what);
    return WIRE_LOST;
}

static wire_status garbage(wire *w, char *msg, size_t cap, const char *fmt_what, const char *detail)
{
    wire_kill(w);
    snprintf(msg, cap, "the adapter process sent garbage in its reply to %s: %s; it was killed and will be restarted", fmt_what, detail);
    return WIRE_GARBAGE;
}

/* Reads exactly n bytes; returns how many were read before EOF or an error. */
static size_t read_full(int fd, void *p, size_t n)
{
    char *c = p;
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, c + got, n - got > (1u << 30) ? (1u << 30) : n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
    }
    return got;
}

static int write_full(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t r = write(fd, c, n > (1u << 30) ? (1u << 30) : n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        c += r;
        n -= (size_t)r;
    }
    return 0;
}

static void put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--) v = v << 8 | p[i];
    return v;
}

wire_status wire_send(wire *w, const char *header, size_t header_len, const void *const *pieces,
                      const size_t *piece_len, size_t n_pieces, const char *what, char *msg, size_t cap)
{
    unsigned char prefix[WIRE_PREFIX_BYTES];
    uint64_t body = 0;
    for (size_t i = 0; i < n_pieces; i++) body += piece_len[i];
    memcpy(prefix, WIRE_MAGIC, 4);
    put_u32(prefix + 4, (uint32_t)header_len);
    put_u64(prefix + 8, body);
    /* a dead reader gives EPIPE here, not a SIGPIPE that would kill the worker */
    sigset_t pipe_set, old;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    sigprocmask(SIG_BLOCK, &pipe_set, &old);
    int rc = write_full(w->to_child, prefix, sizeof prefix);
    if (rc == 0) rc = write_full(w->to_child, header, header_len);
    for (size_t i = 0; rc == 0 && i < n_pieces; i++) rc = write_full(w->to_child, pieces[i], piece_len[i]);
    int saved = errno;
    if (rc != 0 && saved == EPIPE) {
        struct timespec zero = {0, 0};
        while (sigtimedwait(&pipe_set, NULL, &zero) == SIGPIPE) {}
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) return lost(w, what, "while the request was written", msg, cap);
    return WIRE_OK;
}

wire_status wire_recv(wire *w, uint64_t max_body, wire_frame *f, const char *what, char *msg, size_t cap)
{
    memset(f, 0, sizeof *f);
    unsigned char prefix[WIRE_PREFIX_BYTES];
    char where[160], hex[200], detail[400];
    size_t got = read_full(w->from_child, prefix, sizeof prefix);
    if (got == 0) return lost(w, what, "before replying", msg, cap);
    if (memcmp(prefix, WIRE_MAGIC, got < 4 ? got : 4) != 0) {
        wire_hex(prefix, got, hex, sizeof hex);
        snprintf(detail, sizeof detail, "a frame starts with \"WNNP\", got %s", hex);
        return garbage(w, msg, cap, what, detail);
    }
    if (got < sizeof prefix) {
        snprintf(where, sizeof where, "in the middle of a frame (%zu of the %d prefix bytes sent)", got, WIRE_PREFIX_BYTES);
        return lost(w, what, where, msg, cap);
    }
    uint64_t header_len = get_le(prefix + 4, 4), body_len = get_le(prefix + 8, 8);
    wire_hex(prefix, sizeof prefix, hex, sizeof hex);
    if (header_len < 2 || header_len > WIRE_MAX_HEADER) {
        snprintf(detail, sizeof detail, "a header of %llu bytes (2 to %u allowed), prefix %s",
                 (unsigned long long)header_len, WIRE_MAX_HEADER, hex);
        return garbage(w, msg, cap, what, detail);
    }
    if (body_len > max_body) {
        snprintf(detail, sizeof detail, "an oversized frame: a body of %llu bytes where this reply carries at most %llu, prefix %s",
                 (unsigned long long)body_len, (unsigned long long)max_body, hex);
        return garbage(w, msg, cap, what, detail);
    }
    f->header = malloc((size_t)header_len + 1);
    f->body = malloc(body_len ? (size_t)body_len : 1);
    if (!f->header || !f->body) {
        wire_frame_free(f);
        wire_kill(w);
        snprintf(msg, cap, "out of memory receiving a %llu-byte frame (%s)", (unsigned long long)(header_len + body_len), what);
        return WIRE_NOMEM;
    }
    f->header_len = (size_t)header_len;
    f->body_len = body_len;
    got = read_full(w->from_child, f->header, f->header_len);
    if (got < f->header_len) {
        snprintf(where, sizeof where, "in the middle of a frame (%zu of %zu header bytes sent)", got, f->header_len);
        wire_frame_free(f);
        return lost(w, what, where, msg, cap);
    }
    f->header[f->header_len] = 0;
    got = read_full(w->from_child, f->body, (size_t)body_len);
    if (got < body_len) {
        snprintf(where, sizeof where, "in the middle of a frame (%zu of %llu body bytes sent)", got, (unsigned long long)body_len);
        wire_frame_free(f);
        return lost(w, what, where, msg, cap);
    }
    return WIRE_OK;
}

void wire_frame_free(wire_frame *f)
{
    free(f->header);
    free(f->body);
    memset(f, 0, sizeof *f);
}
