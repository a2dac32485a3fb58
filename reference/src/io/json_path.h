/* A JSON path being walked ("tests[3].graph.operators[0]"), for error messages. */
#ifndef WEBNN_JSON_PATH_H
#define WEBNN_JSON_PATH_H

#include <stddef.h>

#define WN_JSON_PATH_MAX 256

typedef struct wn_json_path {
    char text[WN_JSON_PATH_MAX];
    size_t len;
} wn_json_path;

/* Push ".key" or "[index]"; pop restores the previous length. Truncates silently. */
size_t wn_path_key(wn_json_path *p, const char *key);
size_t wn_path_index(wn_json_path *p, size_t index);
void wn_path_pop(wn_json_path *p, size_t saved_len);

#endif
