/* opSupportLimits through a pipe from a forked child (limits_query.h). The child writes one
 * line per record: "L layout maxBytes", "I|C|O types min max" (graph inputs, constants,
 * outputs), "P op", then "A operand types min max" for each operand of that op. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "limits_query.h"

static void child(const wna_api *api, FILE *f)
{
    wna_context *ctx = NULL;
    wna_support_limits l;
    wna_error err = {0};
    if (api->create_context("default", &ctx, &err) != 0 || api->op_support_limits(ctx, &l, &err) != 0) {
        fprintf(f, "E %s\n", err.message);
        return;
    }
    fprintf(f, "L %s %llu\n", l.preferred_input_layout ? l.preferred_input_layout : "nchw",
            (unsigned long long)l.max_tensor_byte_length);
    const wna_operand_limits *ctxw[3] = {&l.input, &l.constant, &l.output};
    for (int i = 0; i < 3; i++) fprintf(f, "%c %u %u %u\n", "ICO"[i], ctxw[i]->data_types, ctxw[i]->min_rank, ctxw[i]->max_rank);
    for (uint32_t i = 0; i < l.n_ops; i++) {
        fprintf(f, "P %s\n", l.ops[i].op);
        for (uint32_t j = 0; j < l.ops[i].n_operands; j++) {
            const wna_operand_limits *o = &l.ops[i].operands[j];
            fprintf(f, "A %s %u %u %u\n", o->name, o->data_types, o->min_rank, o->max_rank);
        }
    }
    api->release_context(ctx);
}

/* Copies s into the string storage; returns its offset. */
static size_t keep(fd_limits *L, size_t *used, size_t *cap, const char *s)
{
    size_t n = strlen(s) + 1;
    if (*used + n > *cap) {
        size_t nc = (*used + n) * 2;
        char *p = realloc(L->names, nc);
        if (!p) return SIZE_MAX;
        L->names = p;
        *cap = nc;
    }
    memcpy(L->names + *used, s, n);
    *used += n;
    return *used - n;
}

int fd_limits_query(const wna_api *api, fd_limits *L, char *err, size_t cap)
{
    memset(L, 0, sizeof *L);
    int fds[2];
    if (pipe(fds) != 0) {
        snprintf(err, cap, "pipe failed");
        return -1;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, cap, "fork failed");
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        FILE *f = fdopen(fds[1], "w");
        if (f) {
            child(api, f);
            fclose(f);
        }
        _exit(0);
    }
    close(fds[1]);
    FILE *f = fdopen(fds[0], "r");
    char line[512], name[256];
    size_t used = 0, scap = 0, n_ops = 0, n_operands = 0, cap_ops = 0, cap_operands = 0;
    size_t *op_name = NULL, *operand_name = NULL, *op_first = NULL;
    int rc = -1;
    snprintf(err, cap, "the adapter's child process gave no limits");
    while (f && fgets(line, sizeof line, f)) {
        unsigned types, lo, hi;
        unsigned long long maxb;
        if (line[0] == 'E') {
            snprintf(err, cap, "create_context/op_support_limits failed: %s", line + 2);
            rc = -2;
            break;
        }
        if (line[0] == 'L' && sscanf(line, "L %255s %llu", name, &maxb) == 2) {
            L->l.max_tensor_byte_length = maxb;
            rc = 0;
        } else if (strchr("ICO", line[0]) && sscanf(line + 1, "%u %u %u", &types, &lo, &hi) == 3) {
            wna_operand_limits *o = line[0] == 'I' ? &L->l.input : line[0] == 'C' ? &L->l.constant : &L->l.output;
            *o = (wna_operand_limits){NULL, types, lo, hi};
        } else if (line[0] == 'P' && sscanf(line, "P %255s", name) == 1) {
            if (n_ops == cap_ops) {
                cap_ops = cap_ops ? cap_ops * 2 : 64;
                op_name = realloc(op_name, cap_ops * sizeof *op_name);
                op_first = realloc(op_first, (cap_ops + 1) * sizeof *op_first);
                if (!op_name || !op_first) break;
            }
            op_name[n_ops] = keep(L, &used, &scap, name);
            op_first[n_ops++] = n_operands;
        } else if (line[0] == 'A' && n_ops && sscanf(line, "A %255s %u %u %u", name, &types, &lo, &hi) == 4) {
            if (n_operands == cap_operands) {
                cap_operands = cap_operands ? cap_operands * 2 : 256;
                operand_name = realloc(operand_name, cap_operands * sizeof *operand_name);
                wna_operand_limits *p = realloc(L->operands, cap_operands * sizeof *p);
                if (!operand_name || !p) break;
                L->operands = p;
            }
            operand_name[n_operands] = keep(L, &used, &scap, name);
            L->operands[n_operands++] = (wna_operand_limits){NULL, types, lo, hi};
        }
    }
    if (f) fclose(f);
    int status;
    waitpid(pid, &status, 0);
    if (rc == 0) {
        L->ops = calloc(n_ops + 1, sizeof *L->ops);
        if (!L->ops) rc = -1;
        for (size_t i = 0; rc == 0 && i < n_ops; i++) {
            size_t end = i + 1 < n_ops ? op_first[i + 1] : n_operands;
            L->ops[i] = (wna_op_limits){L->names + op_name[i], L->operands + op_first[i], (uint32_t)(end - op_first[i])};
        }
        for (size_t j = 0; rc == 0 && j < n_operands; j++) L->operands[j].name = L->names + operand_name[j];
        L->l.preferred_input_layout = "nchw";
        L->l.ops = L->ops;
        L->l.n_ops = (uint32_t)n_ops;
        L->l.input.name = "input";
        L->l.constant.name = "constant";
        L->l.output.name = "output";
    }
    free(op_name);
    free(op_first);
    free(operand_name);
    return rc == 0 ? 0 : -1;
}
