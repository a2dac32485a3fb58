/* gemm_threads.h — running many small single-threaded sgemm calls on the adapter's pool
 * (gemm_threads.c) instead of one sgemm on OpenBLAS's own threads. */
#ifndef OBL_GEMM_THREADS_H
#define OBL_GEMM_THREADS_H

/* Returns 1 when the caller may run sgemm calls on the pool's threads: OpenBLAS was set to
 * more than one thread (OPENBLAS_NUM_THREADS=1 keeps every conv single-threaded), and its
 * thread count is now 1 until obl_blas_threads_end(1). Returns 0 otherwise (nothing changed;
 * the caller runs its calls in order on its own thread). Nested and concurrent callers share
 * one saved count: the last to end restores it. */
int obl_blas_threads_begin(void);
void obl_blas_threads_end(int began);

#endif
