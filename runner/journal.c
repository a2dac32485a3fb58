/* Journal writing (append + fsync) and reading. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "journal.h"

#define JOURNAL_FORMAT "webnn-cts-journal/1"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Each line is written at once (so a killed runner loses nothing: the kernel has it); the
 * disk sync, which only matters if the machine itself goes down, is done at most every
 * SYNC_INTERVAL seconds and at close: one fdatasync per case would cost more than the case. */
#define SYNC_INTERVAL 0.25

static int write_line(int fd, const char *s)
{
    size_t n = strlen(s);
    char *line = malloc(n + 2);
    if (!line) return -1;
    memcpy(line, s, n);
    line[n] = '\n';
    line[n + 1] = 0;
    const char *p = line;
    size_t left = n + 1;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            free(line);
            return -1;
        }
        p += w;
        left -= (size_t)w;
    }
    free(line);
    static double last_sync;
    double t = now();
    if (t - last_sync < SYNC_INTERVAL) return 0;
    last_sync = t;
    return fdatasync(fd);
}

/* A line torn by a kill must not glue onto the next one. */
static void end_torn_line(int fd)
{
    off_t end = lseek(fd, 0, SEEK_END);
    char last = '\n';
    if (end > 0 && pread(fd, &last, 1, end - 1) == 1 && last != '\n') {
        if (write(fd, "\n", 1) != 1) {} /* best effort: the loader skips a torn line anyway */
    }
}

int rn_journal_open(rn_journal *j, const char *path, bool append, const char *corpus_hash, const char *adapter,
                    char *err, size_t cap)
{
    j->fd = open(path, O_RDWR | O_CREAT | O_APPEND | (append ? 0 : O_TRUNC), 0644);
    if (j->fd < 0) {
        snprintf(err, cap, "cannot open the journal %s: %s", path, strerror(errno));
        return -1;
    }
    if (append && lseek(j->fd, 0, SEEK_END) > 0) {
        end_torn_line(j->fd);
        return 0;
    }
    cJSON *h = cJSON_CreateObject();
    char *text = NULL;
    if (h && cJSON_AddStringToObject(h, "journal", JOURNAL_FORMAT) &&
        cJSON_AddStringToObject(h, "corpus_hash", corpus_hash) && cJSON_AddStringToObject(h, "adapter", adapter))
        text = cJSON_PrintUnformatted(h);
    cJSON_Delete(h);
    int rc = text ? write_line(j->fd, text) : -1;
    free(text);
    if (rc != 0) {
        snprintf(err, cap, "cannot write the journal %s", path);
        close(j->fd);
        j->fd = -1;
    }
    return rc;
}

int rn_journal_append(rn_journal *j, const rn_result *r)
{
    if (j->fd < 0) return 0;
    char *text = rn_result_to_json(r);
    int rc = text ? write_line(j->fd, text) : -1;
    free(text);
    return rc;
}

void rn_journal_close(rn_journal *j)
{
    if (j->fd >= 0) {
        fdatasync(j->fd);
        close(j->fd);
    }
    j->fd = -1;
}

static void read_header(const char *line, char hash[65], char adapter[256])
{
    cJSON *h = cJSON_Parse(line);
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(h, "journal");
    if (cJSON_IsString(f) && strcmp(f->valuestring, JOURNAL_FORMAT) == 0) {
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(h, "corpus_hash");
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(h, "adapter");
        if (cJSON_IsString(c)) snprintf(hash, 65, "%s", c->valuestring);
        if (cJSON_IsString(a)) snprintf(adapter, 256, "%s", a->valuestring);
    }
    cJSON_Delete(h);
}

int rn_journal_load(const char *path, char hash[65], char adapter[256], void (*fn)(const rn_result *r, void *ctx),
                    void *ctx)
{
    hash[0] = adapter[0] = 0;
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int n = 0, first = 1;
    rn_result *r = malloc(sizeof *r);
    while (r && (len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] != '\n') break; /* torn by a kill: that case is run again */
        line[len - 1] = 0;
        if (first) {
            first = 0;
            read_header(line, hash, adapter);
            if (hash[0]) continue;
        }
        if (rn_result_from_json(line, r) == 0) {
            fn(r, ctx);
            n++;
        }
    }
    free(r);
    free(line);
    fclose(f);
    return n;
}
