/* The journal: one JSON line per finished case, appended as each case ends, so a
 * run killed at any point can be resumed (--resume) without redoing or losing a case. The
 * lines are written at once and synced to disk every quarter second. The
 * first line is a header naming the corpus hash and the adapter. */
#ifndef RUNNER_JOURNAL_H
#define RUNNER_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "result.h"

typedef struct rn_journal {
    int fd;
} rn_journal;

/* append=false truncates and writes the header; append=true adds to an existing journal. */
int rn_journal_open(rn_journal *j, const char *path, bool append, const char *corpus_hash, const char *adapter,
                    char *err, size_t cap);
int rn_journal_append(rn_journal *j, const rn_result *r);
void rn_journal_close(rn_journal *j);

/* Reads a journal: the header's corpus hash and adapter (empty when absent), then fn for every
 * complete result line (a torn last line is skipped). Returns the number of results, or -1
 * when the file cannot be opened. */
int rn_journal_load(const char *path, char hash[65], char adapter[256], void (*fn)(const rn_result *r, void *ctx),
                    void *ctx);

#endif
