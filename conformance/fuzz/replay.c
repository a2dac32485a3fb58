/* Replays files through a fuzz target without libFuzzer: `make test` builds each
 * conformance/fuzz/fuzz_*.c with this main() (the project's compiler and flags, so under
 * `make asan` with the sanitizers) and feeds it every input kept in
 * conformance/fuzz/regressions/<target>/ -- each one a crash or a timeout the fuzzer once
 * found. Each input gets REPLAY_SECONDS (an alarm): a regressed slow path fails the replay
 * instead of hanging the test run. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* libFuzzer's -timeout in make fuzz is 25 s; a kept input must replay well within it */
#define REPLAY_SECONDS 20

static const char *current;

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "replay: an input took longer than the time limit: ";
    (void)!write(2, msg, sizeof msg - 1);
    (void)!write(2, current, strlen(current));
    (void)!write(2, "\n", 1);
    _exit(1);
}

static int replay(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (cap - len < 65536) {
            uint8_t *p = realloc(buf, cap + 65536);
            if (!p) {
                fclose(f);
                free(buf);
                fprintf(stderr, "%s: out of memory\n", path);
                return -1;
            }
            buf = p;
            cap += 65536;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        fprintf(stderr, "%s: read error\n", path);
        return -1;
    }
    /* an exact-size copy, so that reading past the input is caught by ASan */
    uint8_t *exact = malloc(len ? len : 1);
    if (exact && len) memcpy(exact, buf, len);
    free(buf);
    if (!exact) return -1;
    current = path;
    alarm(REPLAY_SECONDS);
    LLVMFuzzerTestOneInput(exact, len);
    alarm(0);
    free(exact);
    return 0;
}

int main(int argc, char **argv)
{
    signal(SIGALRM, on_alarm);
    int failed = 0;
    for (int i = 1; i < argc; i++) failed |= replay(argv[i]) != 0;
    printf("%s: %d inputs replayed%s\n", argv[0], argc - 1, failed ? ", some unreadable" : "");
    return failed;
}
