/* par.h — the OpenBLAS adapter's fork-join thread pool (par.c) for its big direct loops. */
#ifndef OBL_PAR_H
#define OBL_PAR_H

#include <stddef.h>

/* Work (elements touched, or multiply-adds) below which a loop runs on the calling thread:
 * waking the pool costs some microseconds. Overridable to test the split on small vectors. */
#ifndef OBL_PARALLEL_MIN
#define OBL_PARALLEL_MIN ((size_t)1 << 17)
#endif

/* Elements, and columns of a [rows, columns] block, per parallel task of the element-wise,
 * reduction and softmax loops (overridable to test the split on the small vectors). */
#ifndef OBL_CHUNK
#define OBL_CHUNK ((size_t)1 << 15)
#endif
#ifndef OBL_COLUMNS
#define OBL_COLUMNS ((size_t)256)
#endif

/* The exp-heavy loops also get an avx2 clone, picked at load time (no -march: the .so must
 * run on any x86-64). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define HOT_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define HOT_CLONES
#endif

/* One task of a parallel loop: task is in [0, n_tasks). Tasks must write disjoint memory. */
typedef void (*obl_task_fn)(void *ctx, size_t task);

/* Runs fn(ctx, 0) ... fn(ctx, n_tasks - 1), on the pool's threads and the caller when work >=
 * OBL_PARALLEL_MIN, else (or when the pool is busy or could not start) on the caller alone,
 * in order. Returns when every task is done. */
void obl_parallel_for(size_t n_tasks, size_t work, obl_task_fn fn, void *ctx);

/* The threads a parallel loop runs on (the caller included): the online CPUs or
 * OBL_NUM_THREADS, at most the pool's limit. */
size_t obl_pool_size(void);

/* Tasks of `chunk` items covering n items: ceil(n / chunk). */
static inline size_t obl_tasks(size_t n, size_t chunk) { return n / chunk + (n % chunk != 0); }

#endif
