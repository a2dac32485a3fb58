#include "json_path.h"

#include <stdio.h>
#include <string.h>

static size_t append(wn_json_path *p, const char *fmt, const char *s, size_t index)
{
    size_t saved = p->len;
    if (p->len >= sizeof p->text - 1) return saved;
    int n = s ? snprintf(p->text + p->len, sizeof p->text - p->len, fmt, s)
              : snprintf(p->text + p->len, sizeof p->text - p->len, fmt, index);
    if (n > 0) {
        p->len += (size_t)n;
        if (p->len >= sizeof p->text) p->len = sizeof p->text - 1;
    }
    return saved;
}

size_t wn_path_key(wn_json_path *p, const char *key) { return append(p, p->len ? ".%.64s" : "%.64s", key, 0); }

size_t wn_path_index(wn_json_path *p, size_t index) { return append(p, "[%zu]", NULL, index); }

void wn_path_pop(wn_json_path *p, size_t saved_len)
{
    p->len = saved_len;
    p->text[saved_len] = '\0';
}
