/* Parsing and applying the expectations file (format in expectations.h). */
#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expectations.h"

static int parse_statuses(const char *s, size_t n, unsigned *out)
{
    *out = 0;
    while (n > 0) {
        size_t k = 0;
        while (k < n && s[k] != ',') k++;
        char word[32];
        if (k == 0 || k >= sizeof word) return -1;
        memcpy(word, s, k);
        word[k] = 0;
        rn_status st = rn_status_parse(word);
        if (st == RN_STATUS_COUNT) return -1;
        *out |= 1u << st;
        s += k;
        n -= k;
        if (n > 0) s++, n--;
    }
    return *out ? 0 : -1;
}

static int add_rule(rn_expectations *e, const char *glob, size_t n, unsigned statuses, int line)
{
    rn_expect_rule *v = realloc(e->rules, (e->n + 1) * sizeof *v);
    if (!v) return -1;
    e->rules = v;
    char *g = malloc(n + 1);
    if (!g) return -1;
    memcpy(g, glob, n);
    g[n] = 0;
    e->rules[e->n++] = (rn_expect_rule){g, statuses, line};
    return 0;
}

int rn_expectations_parse(rn_expectations *e, const char *text, const char *label, char *err, size_t cap)
{
    memset(e, 0, sizeof *e);
    int line = 0;
    for (const char *p = text; *p;) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        line++;
        const char *s = p, *stop = p + len;
        while (s < stop && isspace((unsigned char)*s)) s++;
        while (stop > s && isspace((unsigned char)stop[-1])) stop--;
        if (s < stop && *s != '#') {
            const char *sp = s;
            while (sp < stop && !isspace((unsigned char)*sp)) sp++;
            const char *glob = sp;
            while (glob < stop && isspace((unsigned char)*glob)) glob++;
            unsigned st;
            if (parse_statuses(s, (size_t)(sp - s), &st) != 0 || glob == stop) {
                snprintf(err, cap, "%s:%d: expected \"STATUS[,STATUS...] GLOB\" with statuses among PASS, FAIL, "
                         "NOTSUPPORTED, ERROR, CRASH, TIMEOUT", label, line);
                rn_expectations_free(e);
                return -1;
            }
            if (add_rule(e, glob, (size_t)(stop - glob), st, line) != 0) {
                snprintf(err, cap, "out of memory");
                rn_expectations_free(e);
                return -1;
            }
        }
        p = end ? end + 1 : p + len;
    }
    return 0;
}

int rn_expectations_load(rn_expectations *e, const char *path, char *err, size_t cap)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, cap, "cannot read the expectations file %s", path);
        return -1;
    }
    char *text = NULL;
    size_t n = 0, got;
    char buf[8192];
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
        char *t = realloc(text, n + got + 1);
        if (!t) {
            free(text);
            fclose(f);
            snprintf(err, cap, "out of memory");
            return -1;
        }
        text = t;
        memcpy(text + n, buf, got);
        n += got;
    }
    fclose(f);
    if (!text) text = calloc(1, 1);
    if (!text) return -1;
    text[n] = 0;
    int rc = rn_expectations_parse(e, text, path, err, cap);
    free(text);
    return rc;
}

void rn_expectations_free(rn_expectations *e)
{
    for (unsigned i = 0; i < e->n; i++) free(e->rules[i].glob);
    free(e->rules);
    memset(e, 0, sizeof *e);
}

unsigned rn_expected(const rn_expectations *e, const rn_result *r)
{
    for (unsigned i = e ? e->n : 0; i-- > 0;)
        if (fnmatch(e->rules[i].glob, r->test, 0) == 0) return e->rules[i].statuses;
    return r->gap ? 1u << RN_PASS : (1u << RN_PASS) | (1u << RN_NOTSUPPORTED);
}

const char *rn_status_set_str(unsigned set, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = 0;
    for (unsigned s = 0; s < RN_STATUS_COUNT && used < cap; s++)
        if (set & (1u << s))
            used += (size_t)snprintf(buf + used, cap - used, "%s%s", used ? "," : "", rn_status_name((rn_status)s));
    return buf;
}
