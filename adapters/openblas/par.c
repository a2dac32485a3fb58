/* par.c — a small fork-join pool of pthreads for the adapter's big direct loops (element-wise,
 * reductions, softmax, im2col, depthwise).
 *
 * Why not OpenMP: libgomp's idle threads spin for milliseconds after each parallel region
 * (OMP_WAIT_POLICY unset), and the sgemm that usually follows runs on OpenBLAS's own two
 * threads: measured on this 2-core machine, a conv2d's im2col region followed by sgemm took
 * 11-16 ms instead of 3 (the spinning thread holds a core for a scheduler time slice). Here
 * idle workers sleep on a condition variable, so an sgemm right after a parallel loop has the
 * cores. Tasks are claimed from an atomic counter, so a worker that is descheduled does not
 * hold back the others (only its current task).
 *
 * The pool starts at the first parallel loop, in the process that computes (the runner forks
 * its workers after loading the adapter; a pool created before a fork has no threads in the
 * child, so the pid is checked and a child starts its own). Size: the online CPUs, or
 * OBL_NUM_THREADS (1 = no pool). One loop at a time: a second caller (another thread) runs its
 * loop alone. */
#include "par.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_WORKERS 15

typedef struct pool {
    pid_t pid; /* the process that started the workers */
    int ready; /* 1: workers running, -1: could not start (run alone) */
    unsigned n_workers;
    pthread_t threads[MAX_WORKERS];
    pthread_mutex_t lock;
    pthread_cond_t wake, done;
    unsigned long job;   /* incremented per loop: workers wake when it changes */
    int quit;
    unsigned busy;       /* workers still in the current loop */
    obl_task_fn fn;
    void *ctx;
    size_t n_tasks;
    atomic_size_t next;  /* next task to claim */
} pool;

static pool the_pool;
static pthread_mutex_t dispatch = PTHREAD_MUTEX_INITIALIZER; /* one loop at a time */

static void run_tasks(pool *p, obl_task_fn fn, void *ctx, size_t n_tasks)
{
    for (size_t t; (t = atomic_fetch_add(&p->next, 1)) < n_tasks;) fn(ctx, t);
}

static void *worker(void *arg)
{
    pool *p = arg;
    unsigned long seen = 0;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->job == seen && !p->quit) pthread_cond_wait(&p->wake, &p->lock);
        if (p->quit) break;
        seen = p->job;
        obl_task_fn fn = p->fn;
        void *ctx = p->ctx;
        size_t n_tasks = p->n_tasks;
        pthread_mutex_unlock(&p->lock);
        run_tasks(p, fn, ctx, n_tasks);
        pthread_mutex_lock(&p->lock);
        if (--p->busy == 0) pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

static unsigned wanted_workers(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    const char *env = getenv("OBL_NUM_THREADS");
    if (env && *env) n = strtol(env, NULL, 10);
    if (n < 1) n = 1;
    return n - 1 > MAX_WORKERS ? MAX_WORKERS : (unsigned)(n - 1); /* the caller is one thread */
}

size_t obl_pool_size(void) { return (size_t)wanted_workers() + 1; }

/* Called with `dispatch` held. */
static int start_pool(pool *p)
{
    memset(p, 0, sizeof *p); /* also forgets a parent's pool after fork */
    p->pid = getpid();
    p->ready = -1;
    unsigned want = wanted_workers();
    if (want == 0) return -1;
    if (pthread_mutex_init(&p->lock, NULL) != 0) return -1;
    if (pthread_cond_init(&p->wake, NULL) != 0 || pthread_cond_init(&p->done, NULL) != 0) return -1;
    for (unsigned i = 0; i < want; i++) {
        if (pthread_create(&p->threads[i], NULL, worker, p) != 0) break;
        p->n_workers++;
    }
    if (p->n_workers == 0) return -1;
    p->ready = 1;
    return 0;
}

void obl_parallel_for(size_t n_tasks, size_t work, obl_task_fn fn, void *ctx)
{
    pool *p = &the_pool;
    int parallel = n_tasks > 1 && work >= OBL_PARALLEL_MIN && pthread_mutex_trylock(&dispatch) == 0;
    if (parallel && (p->ready == 0 || p->pid != getpid()) && start_pool(p) != 0) p->ready = -1;
    if (!parallel || p->ready != 1) {
        if (parallel) pthread_mutex_unlock(&dispatch);
        for (size_t t = 0; t < n_tasks; t++) fn(ctx, t);
        return;
    }
    pthread_mutex_lock(&p->lock);
    p->fn = fn;
    p->ctx = ctx;
    p->n_tasks = n_tasks;
    atomic_store(&p->next, 0);
    p->busy = p->n_workers;
    p->job++;
    pthread_cond_broadcast(&p->wake);
    pthread_mutex_unlock(&p->lock);
    run_tasks(p, fn, ctx, n_tasks);
    pthread_mutex_lock(&p->lock);
    while (p->busy > 0) pthread_cond_wait(&p->done, &p->lock);
    pthread_mutex_unlock(&p->lock);
    pthread_mutex_unlock(&dispatch);
}

/* When the adapter is unloaded (dlclose), the workers' code goes away: stop them first. */
__attribute__((destructor)) static void stop_pool(void)
{
    pool *p = &the_pool;
    if (p->ready != 1 || p->pid != getpid()) return;
    pthread_mutex_lock(&p->lock);
    p->quit = 1;
    pthread_cond_broadcast(&p->wake);
    pthread_mutex_unlock(&p->lock);
    for (unsigned i = 0; i < p->n_workers; i++) pthread_join(p->threads[i], NULL);
    p->ready = 0;
}
