/* Finding and loading vector files, naming cases, hashing the corpus, selecting cases. */
#include <dirent.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "corpus.h"
#include "sha256.h"

typedef struct found_file {
    char *path;
    char *name;
    bool named; /* given as a --vectors file, not found in a folder: always a vector file */
} found_file;

typedef struct found_list {
    found_file *v;
    uint32_t n, cap;
} found_list;

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

char *rn_display_name(const char *path, const char *root, bool root_is_dir)
{
    if (root_is_dir) {
        size_t n = strlen(root);
        while (n > 0 && root[n - 1] == '/') n--;
        if (strncmp(path, root, n) == 0 && path[n] == '/') return dup_str(path + n + 1);
        return dup_str(path);
    }
    const char *p = path, *hit = NULL;
    if (strncmp(p, "vectors/", 8) == 0) hit = p + 8;
    for (const char *q = strstr(p, "/vectors/"); q; q = strstr(q + 1, "/vectors/")) hit = q + 9;
    if (hit) return dup_str(hit);
    const char *slash = strrchr(path, '/');
    return dup_str(slash ? slash + 1 : path);
}

static int push(found_list *l, const char *path, const char *root, bool root_is_dir)
{
    if (l->n == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 64;
        found_file *v = realloc(l->v, cap * sizeof *v);
        if (!v) return -1;
        l->v = v;
        l->cap = cap;
    }
    found_file *f = &l->v[l->n];
    f->path = dup_str(path);
    f->name = rn_display_name(path, root, root_is_dir);
    f->named = !root_is_dir;
    if (!f->path || !f->name) {
        free(f->path);
        free(f->name);
        return -1;
    }
    l->n++;
    return 0;
}

static bool ends_with_json(const char *s)
{
    size_t n = strlen(s);
    return n > 5 && strcmp(s + n - 5, ".json") == 0;
}

/* The generator's own JSON inputs (vectors/gen/, vectors/tolerance.json) live beside the
 * vectors but are not vector files; a file named explicitly is always read. */
static bool is_generator_input(const char *name, bool is_dir)
{
    return is_dir ? strcmp(name, "gen") == 0 : strcmp(name, "tolerance.json") == 0;
}

/* Recursive walk; hidden entries and generator inputs are skipped. */
static int walk(found_list *l, const char *dir, const char *root)
{
    DIR *d = opendir(dir);
    if (!d) return 0; /* an unreadable sub-folder holds no cases we could run */
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(n);
        if (!path) {
            rc = -1;
            break;
        }
        snprintf(path, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0) {
            bool is_dir = S_ISDIR(st.st_mode);
            if (is_generator_input(e->d_name, is_dir)) { /* skip */ }
            else if (is_dir) rc = walk(l, path, root);
            else if (S_ISREG(st.st_mode) && ends_with_json(e->d_name)) rc = push(l, path, root, true);
        }
        free(path);
    }
    closedir(d);
    return rc;
}

/* A file that fails to load is still reported as an ERROR when it is meant to be a vector
 * file: not valid JSON, or an object with "tests" or "format". Other JSON is skipped. */
static bool looks_like_vectors(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return true;
    char *text = NULL;
    size_t n = 0, got;
    char buf[65536];
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
        char *t = realloc(text, n + got + 1);
        if (!t) break;
        text = t;
        memcpy(text + n, buf, got);
        n += got;
    }
    fclose(f);
    if (!text) return true;
    text[n] = 0;
    cJSON *j = cJSON_Parse(text);
    free(text);
    bool vec = !j || (cJSON_IsObject(j) && (cJSON_GetObjectItemCaseSensitive(j, "tests") ||
                                            cJSON_GetObjectItemCaseSensitive(j, "format")));
    cJSON_Delete(j);
    return vec;
}

static int cmp_found(const void *a, const void *b)
{
    return strcmp(((const found_file *)a)->name, ((const found_file *)b)->name);
}

/* Hash input per file: name, NUL, 8-byte little-endian length, contents. */
static void hash_file(rn_sha256 *s, const found_file *f)
{
    uint8_t len[8] = {0}, buf[65536];
    rn_sha256_update(s, f->name, strlen(f->name) + 1);
    FILE *fp = fopen(f->path, "rb");
    uint64_t total = 0;
    if (fp) {
        fseek(fp, 0, SEEK_END);
        long size = ftell(fp);
        fseek(fp, 0, SEEK_SET);
        total = size > 0 ? (uint64_t)size : 0;
    }
    for (int i = 0; i < 8; i++) len[i] = (uint8_t)(total >> (8 * i));
    rn_sha256_update(s, len, 8);
    size_t got;
    while (fp && (got = fread(buf, 1, sizeof buf, fp)) > 0) rn_sha256_update(s, buf, got);
    if (fp) fclose(fp);
}

static char *case_name(const char *file, const char *test, uint32_t dup)
{
    size_t n = strlen(file) + strlen(test) + 24;
    char *s = malloc(n);
    if (!s) return NULL;
    if (dup) snprintf(s, n, "%s/%s #%u", file, test, dup + 1);
    else snprintf(s, n, "%s/%s", file, test);
    return s;
}

/* How many earlier cases of this file have the same test name (names must stay unique). */
static uint32_t earlier_same(const wn_vec_file *f, uint32_t k)
{
    uint32_t n = 0;
    for (uint32_t j = 0; j < k; j++)
        if (f->cases[j].name && f->cases[k].name && strcmp(f->cases[j].name, f->cases[k].name) == 0) n++;
    return n;
}

static int add_cases(rn_corpus *c, uint32_t fi)
{
    wn_vec_file *f = &c->files[fi];
    const char *fname = c->file_names[fi];
    uint32_t n = f->error.kind != WN_OK ? 1 : f->n_cases;
    rn_case *v = realloc(c->cases, (c->n_cases + n + 1) * sizeof *v);
    if (!v) return -1;
    c->cases = v;
    if (f->error.kind != WN_OK) {
        rn_case *rc = &c->cases[c->n_cases];
        rc->name = dup_str(fname);
        rc->file_name = fname;
        rc->vc = NULL;
        rc->file_error = f->error.message;
        rc->wpt_path = NULL;
        if (!rc->name) return -1;
        c->n_cases++;
        c->n_unreadable++;
        return 0;
    }
    for (uint32_t k = 0; k < f->n_cases; k++) {
        rn_case *rc = &c->cases[c->n_cases];
        const char *test = f->cases[k].name ? f->cases[k].name : f->cases[k].json_path ? f->cases[k].json_path : "?";
        rc->name = case_name(fname, test, earlier_same(f, k));
        rc->file_name = fname;
        rc->vc = &f->cases[k];
        rc->file_error = NULL;
        rc->wpt_path = f->wpt_path;
        if (!rc->name) return -1;
        c->n_cases++;
    }
    return 0;
}

int rn_corpus_load(rn_corpus *c, const char *const *paths, uint32_t n_paths, char *err, size_t cap)
{
    memset(c, 0, sizeof *c);
    found_list l = {0};
    int rc = -1;
    for (uint32_t i = 0; i < n_paths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            snprintf(err, cap, "%s: no such file or folder", paths[i]);
            goto done;
        }
        if (S_ISDIR(st.st_mode) ? walk(&l, paths[i], paths[i]) : push(&l, paths[i], paths[i], false)) {
            snprintf(err, cap, "out of memory listing %s", paths[i]);
            goto done;
        }
    }
    qsort(l.v, l.n, sizeof *l.v, cmp_found);
    c->file_names = calloc(l.n + 1, sizeof *c->file_names);
    c->files = calloc(l.n + 1, sizeof *c->files);
    if (!c->file_names || !c->files) {
        snprintf(err, cap, "out of memory");
        goto done;
    }
    rn_sha256 sha;
    rn_sha256_init(&sha);
    for (uint32_t i = 0; i < l.n; i++) {
        if (c->n_files > 0 && strcmp(l.v[i].name, c->file_names[c->n_files - 1]) == 0) continue; /* given twice */
        uint32_t fi = c->n_files;
        wn_vec_load_file(l.v[i].path, &c->files[fi]); /* a failure is kept in files[fi].error */
        if (c->files[fi].error.kind != WN_OK && !l.v[i].named && !looks_like_vectors(l.v[i].path)) {
            wn_vec_file_free(&c->files[fi]);
            memset(&c->files[fi], 0, sizeof c->files[fi]);
            c->n_skipped++; /* other JSON (tolerance tables, generator data): not ours to run */
            continue;
        }
        hash_file(&sha, &l.v[i]);
        c->n_files++;
        c->file_names[fi] = l.v[i].name;
        l.v[i].name = NULL;
        if (add_cases(c, fi) != 0) {
            snprintf(err, cap, "out of memory loading %s", l.v[i].path);
            goto done;
        }
    }
    rn_sha256_final_hex(&sha, c->hash);
    rc = 0;
done:
    for (uint32_t i = 0; i < l.n; i++) {
        free(l.v[i].path);
        free(l.v[i].name);
    }
    free(l.v);
    if (rc != 0) rn_corpus_free(c);
    return rc;
}

void rn_corpus_free(rn_corpus *c)
{
    for (uint32_t i = 0; i < c->n_cases; i++) free(c->cases[i].name);
    for (uint32_t i = 0; i < c->n_files; i++) {
        wn_vec_file_free(&c->files[i]);
        free(c->file_names[i]);
    }
    free(c->cases);
    free(c->files);
    free(c->file_names);
    memset(c, 0, sizeof *c);
}

/* FNV-1a, 64-bit: stable across machines and runs. */
uint32_t rn_chunk_of(const char *name, uint32_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h ^= *p;
        h *= 1099511628211ull;
    }
    return n ? (uint32_t)(h % n) + 1 : 1;
}

uint32_t *rn_corpus_select(const rn_corpus *c, const char *const *globs, uint32_t n_globs, uint32_t chunk_i,
                           uint32_t chunk_n, uint32_t *n_out)
{
    uint32_t *sel = malloc((c->n_cases + 1) * sizeof *sel);
    if (!sel) return NULL;
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->n_cases; i++) {
        bool match = n_globs == 0;
        for (uint32_t g = 0; !match && g < n_globs; g++) match = fnmatch(globs[g], c->cases[i].name, 0) == 0;
        if (match && chunk_n > 0 && rn_chunk_of(c->cases[i].name, chunk_n) != chunk_i) match = false;
        if (match) sel[n++] = i;
    }
    *n_out = n;
    return sel;
}
