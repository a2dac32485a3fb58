/* gemm_threads.c — OpenBLAS's thread count set to 1 while the adapter's pool runs sgemm calls.
 *
 * Why: a pthreads OpenBLAS (0.3.21) splits one sgemm across its threads and synchronizes them
 * after every packed panel; on the shared 2-core machine a descheduled thread stalls the other
 * at each of those points (a 3136x64x576 sgemm: 2.1 ms on one thread, 3.3 ms on two, under
 * load). Blocks of a convolution given to the pool as independent single-threaded sgemm calls
 * join once per layer instead. Two pool threads calling a multi-threaded sgemm at once would
 * queue for the same OpenBLAS workers, hence the count of 1 while they run. OpenBLAS 0.3.21
 * has no per-call thread count, so the process-wide one is changed and restored (a counter:
 * the first caller saves it, the last restores it; setting it costs about a microsecond). */
#include "gemm_threads.h"

#include <cblas.h>
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int users, saved;

int obl_blas_threads_begin(void)
{
    int began = 0;
    pthread_mutex_lock(&lock);
    if (users > 0) {
        began = 1; /* another caller already set 1 and saved the count */
    } else {
        int n = openblas_get_num_threads();
        if (n > 1) {
            saved = n;
            openblas_set_num_threads(1);
            began = 1;
        }
    }
    users += began;
    pthread_mutex_unlock(&lock);
    return began;
}

void obl_blas_threads_end(int began)
{
    if (!began) return;
    pthread_mutex_lock(&lock);
    if (--users == 0) openblas_set_num_threads(saved);
    pthread_mutex_unlock(&lock);
}
