/* vectors/tolerance.json in C: the rows, and the bound formulas the NumPy generator evaluates
 * (vectors/gen/common.py eval_bound), so the fuzzer judges with the corpus's own figures. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fd.h"
#include "webnn/dtype.h"

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[8192];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        memcpy(buf + len, chunk, n);
        len += n;
    }
    fclose(f);
    if (buf) buf[len] = 0;
    return buf;
}

static void copy_str(char *dst, size_t cap, const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    snprintf(dst, cap, "%s", cJSON_IsString(v) ? v->valuestring : "");
}

int fd_tol_load(const char *path, fd_tol_table *t, char *err, size_t cap)
{
    memset(t, 0, sizeof *t);
    char *text = read_text(path);
    if (!text) {
        snprintf(err, cap, "%s: cannot be read", path);
        return -1;
    }
    cJSON *root = cJSON_Parse(text);
    free(text);
    const cJSON *rows = cJSON_GetObjectItemCaseSensitive(root, "rows");
    if (!cJSON_IsArray(rows)) {
        snprintf(err, cap, "%s: no \"rows\" array", path);
        cJSON_Delete(root);
        return -1;
    }
    t->rows = calloc((size_t)cJSON_GetArraySize(rows) + 1, sizeof *t->rows);
    if (!t->rows) {
        cJSON_Delete(root);
        snprintf(err, cap, "out of memory");
        return -1;
    }
    const cJSON *r;
    cJSON_ArrayForEach(r, rows) {
        fd_tol_row *row = &t->rows[t->n];
        char metric[16];
        copy_str(row->op, sizeof row->op, r, "op");
        copy_str(row->cls, sizeof row->cls, r, "types");
        copy_str(row->primary, sizeof row->primary, r, "primaryOperand");
        copy_str(row->bound, sizeof row->bound, r, "bound");
        copy_str(row->floor, sizeof row->floor, r, "floor");
        copy_str(metric, sizeof metric, r, "metric");
        row->metric = strcmp(metric, "ULP") == 0 ? WN_TOL_ULP : strcmp(metric, "ATOL") == 0 ? WN_TOL_ATOL : WN_TOL_EXACT;
        if (!row->op[0] || !row->cls[0] || (row->metric != WN_TOL_EXACT && !row->bound[0])) {
            snprintf(err, cap, "%s: rows[%u] lacks op, types or bound", path, t->n);
            cJSON_Delete(root);
            fd_tol_free(t);
            return -1;
        }
        t->n++;
    }
    cJSON_Delete(root);
    return 0;
}

void fd_tol_free(fd_tol_table *t)
{
    free(t->rows);
    memset(t, 0, sizeof *t);
}

const fd_tol_row *fd_tol_find(const fd_tol_table *t, const char *op, wn_dtype dt)
{
    const char *cls = dt == WN_FLOAT32 ? "float32" : dt == WN_FLOAT16 ? "float16" : "integer";
    for (uint32_t i = 0; i < t->n; i++)
        if (strcmp(t->rows[i].op, op) == 0 && strcmp(t->rows[i].cls, cls) == 0) return &t->rows[i];
    return NULL;
}

/* ---- the formula evaluator: recursive descent over the grammar of eval_bound ---- */
typedef struct parser {
    const char *p;
    double N, S, M, u;
    bool bad;
} parser;

static double expr(parser *P);

static void skip(parser *P)
{
    while (isspace((unsigned char)*P->p)) P->p++;
}

static bool eat(parser *P, const char *tok)
{
    skip(P);
    size_t n = strlen(tok);
    if (strncmp(P->p, tok, n) != 0) return false;
    if (n == 1 && tok[0] == '*' && P->p[1] == '*') return false; /* '*' is not '**' */
    P->p += n;
    return true;
}

static double call(parser *P, const char *name)
{
    double a[2] = {0, 0};
    int n = 0;
    if (!eat(P, ")"))
        do {
            double v = expr(P);
            if (n < 2) a[n] = v;
            n++;
        } while (eat(P, ","));
    if (n && !eat(P, ")")) P->bad = true;
    if (strcmp(name, "max") == 0 && n == 2) return fmax(a[0], a[1]);
    if (strcmp(name, "min") == 0 && n == 2) return fmin(a[0], a[1]);
    if (strcmp(name, "ceil") == 0 && n == 1) return ceil(a[0]);
    if (strcmp(name, "floor") == 0 && n == 1) return floor(a[0]);
    if (strcmp(name, "sqrt") == 0 && n == 1) return sqrt(a[0]);
    if (strcmp(name, "log2") == 0 && n == 1) return log2(a[0]);
    if (strcmp(name, "gamma") == 0 && n == 1) return a[0] * P->u < 1.0 ? a[0] * P->u / (1.0 - a[0] * P->u) : INFINITY;
    P->bad = true;
    return NAN;
}

static double primary(parser *P)
{
    skip(P);
    if (eat(P, "(")) {
        double v = expr(P);
        if (!eat(P, ")")) P->bad = true;
        return v;
    }
    if (isdigit((unsigned char)*P->p) || *P->p == '.') {
        char *end;
        double v = strtod(P->p, &end);
        P->p = end;
        return v;
    }
    char name[16];
    size_t n = 0;
    while (isalnum((unsigned char)*P->p) && n + 1 < sizeof name) name[n++] = *P->p++;
    name[n] = 0;
    if (n == 0) {
        P->bad = true;
        return NAN;
    }
    if (eat(P, "(")) return call(P, name);
    if (strcmp(name, "N") == 0) return P->N;
    if (strcmp(name, "S") == 0) return P->S;
    if (strcmp(name, "M") == 0) return P->M;
    P->bad = true;
    return NAN;
}

static double unary(parser *P);

static double power(parser *P)
{
    double b = primary(P);
    if (eat(P, "**")) return pow(b, unary(P)); /* right-associative, binds tighter than unary minus on its left */
    return b;
}

static double unary(parser *P)
{
    if (eat(P, "-")) return -unary(P);
    return power(P);
}

static double term(parser *P)
{
    double v = unary(P);
    for (;;) {
        if (eat(P, "*")) v *= unary(P);
        else if (eat(P, "/")) v /= unary(P);
        else return v;
    }
}

static double expr(parser *P)
{
    double v = term(P);
    for (;;) {
        if (eat(P, "+")) v += term(P);
        else if (eat(P, "-")) v -= term(P);
        else return v;
    }
}

double fd_tol_eval(const char *text, double N, double S, double M, double u)
{
    parser P = {text, N, S, M, u, false};
    double v = expr(&P);
    skip(&P);
    return P.bad || *P.p ? NAN : v;
}
