/* Parsing run-conformance's arguments. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#if defined(__SANITIZE_ADDRESS__)
#define RN_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RN_SANITIZED 1
#endif
#endif

bool rn_sanitized_build(void)
{
#ifdef RN_SANITIZED
    return true;
#else
    return false;
#endif
}

uint64_t rn_default_max_memory_mb(void)
{
#ifdef RN_SANITIZED
    return 0;
#else
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || size <= 0) return 0;
    return (uint64_t)pages / 2 * (uint64_t)size >> 20;
#endif
}

void rn_usage(FILE *f)
{
    fputs("usage: run-conformance [--adapter NAME|PATH.so|process:COMMAND] [--device cpu|gpu|npu] [--vectors PATH]...\n"
          "                       [--filter GLOB]... [--jobs N] [--timeout SECONDS] [--expectations FILE]\n"
          "                       [--report FORMAT:FILE]... [--chunk I/N] [--resume JOURNAL] [--journal FILE]\n"
          "                       [--max-tensor-bytes N] [--max-memory MB] [--device-tensors] [--list] [--quiet] [--fail-fast] [--help]\n"
          "\n"
          "Runs the WebNN conformance vectors against an adapter, each case in a forked worker.\n"
          "  --adapter       reference (built in, the default), a NAME (build/adapters/libwebnn_adapter_NAME.so)\n"
          "                  or a PATH to an adapter shared library, or process:COMMAND for an adapter that\n"
          "                  runs as its own process, one per worker (adapters/PROCESS.md)\n"
          "  --device        device kind for the context (default: \"default\")\n"
          "  --vectors       vector file or folder (searched recursively for *.json); repeatable;\n"
          "                  default: the repository's vectors/\n"
          "  --filter        run only cases whose name matches the glob; repeatable (any may match).\n"
          "                  Names are \"<vector file>/<test name>\", e.g. 'examples/*.json/add*'\n"
          "  --jobs          worker processes (default: number of CPUs)\n"
          "  --timeout       seconds per case before the worker is killed (default 30)\n"
          "  --expectations  known results: lines \"STATUS[,STATUS] GLOB\", the last match wins\n"
          "  --report        json:FILE (wptreport), junit:FILE (JUnit XML), html:FILE; repeatable\n"
          "  --chunk         run the I-th of N stable hash-based shares of the cases (1 <= I <= N)\n"
          "  --resume        continue the run recorded in JOURNAL (cases in it are not run again)\n"
          "  --journal       where to record finished cases (default: webnn-cts.journal; \"none\": off)\n"
          "  --max-tensor-bytes  cap on the bytes of any one tensor of a case (inputs, constants, expected,\n"
          "                  intermediate and output tensors), checked before it is allocated; a case over\n"
          "                  it is an ERROR naming the tensor (default: 2 GiB)\n"
          "  --max-memory    memory cap per worker process in MiB (RLIMIT_DATA), so an adapter that\n"
          "                  allocates without bound fails that case only; 0: no cap (default: half the\n"
          "                  physical memory; none in sanitizer builds)\n"
          "  --device-tensors compute through the adapter's device tensors (MLTensor) when it has them\n"
          "  --list          print the selected case names and exit\n"
          "  --quiet         no progress bar and no per-case lines\n"
          "  --fail-fast     stop handing out cases after the first unexpected result (the cases not\n"
          "                  run get no result); for bisecting and mutation testing\n"
          "\n"
          "Statuses: PASS, FAIL, NOTSUPPORTED, ERROR, CRASH, TIMEOUT. Exit status: 0 when every result\n"
          "matches the expectations, 1 otherwise, 2 for usage errors or input that cannot be read.\n",
          f);
}

static int parse_uint(const char *s, uint32_t *out)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (!*s || *end || v > 1000000) return -1;
    *out = (uint32_t)v;
    return 0;
}

static int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    if (*s < '0' || *s > '9') return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end || errno) return -1;
    *out = (uint64_t)v;
    return 0;
}

int rn_parse_args(int argc, char **argv, rn_options *o, char *err, size_t cap)
{
    memset(o, 0, sizeof *o);
    o->device = "default";
    o->timeout = 30;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes = strcmp(a, "--adapter") == 0 || strcmp(a, "--device") == 0 || strcmp(a, "--vectors") == 0 ||
                     strcmp(a, "--filter") == 0 || strcmp(a, "--jobs") == 0 || strcmp(a, "--timeout") == 0 ||
                     strcmp(a, "--expectations") == 0 || strcmp(a, "--report") == 0 || strcmp(a, "--chunk") == 0 ||
                     strcmp(a, "--resume") == 0 || strcmp(a, "--journal") == 0 || strcmp(a, "--max-tensor-bytes") == 0 ||
                     strcmp(a, "--max-memory") == 0;
        if (takes && !v) {
            snprintf(err, cap, "%s needs a value", a);
            return -1;
        }
        if (takes) i++;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) o->help = true;
        else if (strcmp(a, "--list") == 0) o->list = true;
        else if (strcmp(a, "--quiet") == 0) o->quiet = true;
        else if (strcmp(a, "--fail-fast") == 0) o->fail_fast = true;
        else if (strcmp(a, "--device-tensors") == 0) o->device_tensors = true;
        else if (strcmp(a, "--adapter") == 0) o->adapter = v;
        else if (strcmp(a, "--device") == 0) o->device = v;
        else if (strcmp(a, "--expectations") == 0) o->expectations = v;
        else if (strcmp(a, "--resume") == 0) o->resume = v;
        else if (strcmp(a, "--journal") == 0) o->journal = v;
        else if (strcmp(a, "--vectors") == 0 || strcmp(a, "--filter") == 0) {
            bool vec = a[2] == 'v';
            uint32_t *n = vec ? &o->n_vectors : &o->n_filters;
            if (*n == (vec ? RN_MAX_VECTORS : RN_MAX_ARGS)) {
                snprintf(err, cap, "too many %s options", a);
                return -1;
            }
            (vec ? o->vectors : o->filters)[(*n)++] = v;
        } else if (strcmp(a, "--jobs") == 0) {
            if (parse_uint(v, &o->jobs) != 0 || o->jobs == 0) {
                snprintf(err, cap, "--jobs needs a positive integer, got \"%s\"", v);
                return -1;
            }
        } else if (strcmp(a, "--max-tensor-bytes") == 0 || strcmp(a, "--max-memory") == 0) {
            bool tensor = a[6] == 't';
            uint64_t *out = tensor ? &o->max_tensor_bytes : &o->max_memory_mb;
            if (parse_u64(v, out) != 0 || (tensor && *out == 0)) {
                snprintf(err, cap, "%s needs a %s integer, got \"%s\"", a, tensor ? "positive" : "non-negative", v);
                return -1;
            }
            if (!tensor) o->max_memory_set = true;
        } else if (strcmp(a, "--timeout") == 0) {
            char *end;
            o->timeout = strtod(v, &end);
            if (*end || !(o->timeout > 0) || o->timeout > 86400) {
                snprintf(err, cap, "--timeout needs a number of seconds, got \"%s\"", v);
                return -1;
            }
        } else if (strcmp(a, "--chunk") == 0) {
            const char *slash = strchr(v, '/');
            char first[16];
            if (!slash || (size_t)(slash - v) >= sizeof first) {
                snprintf(err, cap, "--chunk needs I/N, got \"%s\"", v);
                return -1;
            }
            memcpy(first, v, (size_t)(slash - v));
            first[slash - v] = 0;
            if (parse_uint(first, &o->chunk_i) != 0 || parse_uint(slash + 1, &o->chunk_n) != 0 || o->chunk_i < 1 ||
                o->chunk_i > o->chunk_n) {
                snprintf(err, cap, "--chunk needs I/N with 1 <= I <= N, got \"%s\"", v);
                return -1;
            }
        } else if (strcmp(a, "--report") == 0) {
            const char *colon = strchr(v, ':');
            size_t n = colon ? (size_t)(colon - v) : 0;
            if (!colon || !colon[1] ||
                !((n == 4 && strncmp(v, "json", 4) == 0) || (n == 5 && strncmp(v, "junit", 5) == 0) ||
                  (n == 4 && strncmp(v, "html", 4) == 0))) {
                snprintf(err, cap, "--report needs json:FILE, junit:FILE or html:FILE, got \"%s\"", v);
                return -1;
            }
            if (o->n_reports == RN_MAX_ARGS) {
                snprintf(err, cap, "too many --report options");
                return -1;
            }
            o->reports[o->n_reports].format = v[0] == 'j' ? (v[1] == 's' ? "json" : "junit") : "html";
            o->reports[o->n_reports++].path = colon + 1;
        } else {
            snprintf(err, cap, "unknown argument \"%s\"", a);
            return -1;
        }
    }
    return 0;
}
