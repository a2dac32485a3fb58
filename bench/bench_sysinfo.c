/* The configuration printed at the top of the table: OpenBLAS build and threads, the
 * environment that steers it, the CPU, and which libopenblas copies are loaded (adapter and
 * direct sgemm must share one, hence one thread pool and one thread count). */
#define _GNU_SOURCE /* dl_iterate_phdr, and cpu_set_t in OpenBLAS's cblas.h */
#include <cblas.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "bench.h"

static void cpu_model(char *out, size_t size)
{
    snprintf(out, size, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f) return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) != 0) continue;
        const char *v = strchr(line, ':');
        if (!v) continue;
        v++;
        while (*v == ' ' || *v == '\t') v++;
        snprintf(out, size, "%s", v);
        out[strcspn(out, "\n")] = 0;
        break;
    }
    fclose(f);
}

typedef struct blas_libs {
    char paths[4][256];
    int n;
} blas_libs;

static int find_openblas(struct dl_phdr_info *info, size_t size, void *p)
{
    (void)size;
    blas_libs *libs = p;
    /* the library itself (libopenblas.so.0, libopenblasp-r0.3.21.so ...), not adapters named after it */
    const char *base = info->dlpi_name ? strrchr(info->dlpi_name, '/') : NULL;
    base = base ? base + 1 : info->dlpi_name;
    if (base && strncmp(base, "libopenblas", 11) == 0 && libs->n < 4)
        snprintf(libs->paths[libs->n++], sizeof libs->paths[0], "%s", info->dlpi_name);
    return 0;
}

/* The 1-minute load average: this machine is shared, so say how busy it was. */
double bench_loadavg(void)
{
    double load = -1;
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (fscanf(f, "%lf", &load) != 1) load = -1;
        fclose(f);
    }
    return load;
}

static const char *env_or(const char *name, const char *dflt)
{
    const char *v = getenv(name);
    return v ? v : dflt;
}

void bench_sysinfo(bench_run *r)
{
    r->load_start = bench_loadavg();
    char cpu[256];
    cpu_model(cpu, sizeof cpu);
    long nproc = sysconf(_SC_NPROCESSORS_ONLN);
    const char *config = openblas_get_config();
    const char *core = openblas_get_corename();
    int threads = openblas_get_num_threads();
    int parallel = openblas_get_parallel(); /* 0 sequential, 1 pthreads, 2 OpenMP */
    blas_libs libs = {.n = 0};
    dl_iterate_phdr(find_openblas, &libs);
    const char *coretype = env_or("OPENBLAS_CORETYPE", "(unset)");
    const char *obl_threads = env_or("OPENBLAS_NUM_THREADS", "(unset)");
    const char *omp_threads = env_or("OMP_NUM_THREADS", "(unset)");
    const char *par = parallel == 0 ? "sequential" : parallel == 1 ? "pthreads" : parallel == 2 ? "OpenMP" : "?";

    char libline[1100] = "";
    for (int i = 0; i < libs.n; i++) {
        size_t used = strlen(libline);
        snprintf(libline + used, sizeof libline - used, "%s%s", i ? ", " : "", libs.paths[i]);
    }
    snprintf(r->sysinfo_md, sizeof r->sysinfo_md,
             "BLAS configuration used by direct sgemm and by every adapter in this process:\n\n"
             "- OpenBLAS: %s; core %s; %d thread(s) (%s)\n"
             "- env: OPENBLAS_CORETYPE=%s OPENBLAS_NUM_THREADS=%s OMP_NUM_THREADS=%s\n"
             "- CPU: %s; %ld online CPU(s) (nproc)\n"
             "- libopenblas loaded: %s%s\n"
             "- load average (1 min) at the start: %.2f\n",
             config ? config : "?", core ? core : "?", threads, par, coretype, obl_threads, omp_threads, cpu, nproc,
             libs.n ? libline : "(none found)",
             libs.n > 1 ? " — WARNING: more than one copy, thread counts may differ" : " (one copy: shared thread count)",
             r->load_start);

    cJSON *o = cJSON_CreateObject();
    if (!o) return;
    cJSON_AddStringToObject(o, "openblas_config", config ? config : "");
    cJSON_AddStringToObject(o, "openblas_corename", core ? core : "");
    cJSON_AddNumberToObject(o, "openblas_num_threads", threads);
    cJSON_AddStringToObject(o, "openblas_parallel", par);
    cJSON *env = cJSON_AddObjectToObject(o, "env");
    if (env) {
        const char *names[] = {"OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"};
        for (size_t i = 0; i < 3; i++) {
            const char *v = getenv(names[i]);
            if (v) cJSON_AddStringToObject(env, names[i], v);
            else cJSON_AddNullToObject(env, names[i]);
        }
    }
    cJSON_AddStringToObject(o, "cpu_model", cpu);
    cJSON_AddNumberToObject(o, "nproc", (double)nproc);
    cJSON_AddNumberToObject(o, "loadavg_1min_start", r->load_start);
    cJSON *arr = cJSON_AddArrayToObject(o, "libopenblas_loaded");
    for (int i = 0; i < libs.n && arr; i++) cJSON_AddItemToArray(arr, cJSON_CreateString(libs.paths[i]));
    r->sysinfo_json = o;
}
