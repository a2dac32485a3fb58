/* The corpus: vector files found under the --vectors paths, their cases with stable names,
 * the corpus hash, and case selection (--filter, --chunk). */
#ifndef RUNNER_CORPUS_H
#define RUNNER_CORPUS_H

#include <stdbool.h>
#include <stdint.h>

#include "webnn/vector_file.h"

/* A case, or a whole file that could not be read (file_error set, vc NULL): the latter is
 * still reported (as ERROR, under the file's name) so it cannot go unnoticed. */
typedef struct rn_case {
    char *name;               /* "<vector file>/<test name>", or "<vector file>" */
    const char *file_name;    /* "<vector file>" (owned by the corpus) */
    wn_vec_case *vc;          /* NULL for an unreadable file */
    const char *file_error;   /* set for an unreadable file */
    const char *wpt_path;     /* an imported WPT file's path in the WPT tree, or NULL (owned by the corpus) */
} rn_case;

typedef struct rn_corpus {
    char **file_names;        /* sorted display names */
    wn_vec_file *files;
    uint32_t n_files;
    rn_case *cases;           /* file order, then case order */
    uint32_t n_cases;
    uint32_t n_unreadable;
    uint32_t n_skipped;       /* JSON files that are not vector files (no "tests"/"format") */
    char hash[65];            /* SHA-256 over sorted names and contents */
} rn_corpus;

/* Finds every *.json under the paths (files or folders, recursively), loads them and names
 * the cases. Returns -1 (message in err) only when a path does not exist or nothing can be
 * allocated; unreadable files become ERROR cases instead. */
int rn_corpus_load(rn_corpus *c, const char *const *paths, uint32_t n_paths, char *err, size_t cap);
void rn_corpus_free(rn_corpus *c);

/* The stable display name of a file: relative to the folder it was found in; for a file
 * given directly, the part after a "vectors/" folder, else its base name. */
char *rn_display_name(const char *path, const char *root, bool root_is_dir);

/* Chunk of a name (1..n) by a stable hash, for --chunk I/N. */
uint32_t rn_chunk_of(const char *name, uint32_t n);

/* Indices of the cases that match any glob (all when n_globs == 0) and fall in chunk i of n
 * (n == 0: no chunking). Returns a malloc'd array (count in *n_out) or NULL on OOM. */
uint32_t *rn_corpus_select(const rn_corpus *c, const char *const *globs, uint32_t n_globs, uint32_t chunk_i,
                           uint32_t chunk_n, uint32_t *n_out);

#endif
