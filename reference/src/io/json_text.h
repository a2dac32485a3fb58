/* Checks on the raw text of a vector file that the JSON parser does not make: JSON text is
 * UTF-8 (RFC 8259 section 8.1) without raw control characters inside strings, and the
 * strings of a vector file (names, enum values) are C strings, so they cannot hold \u0000. */
#ifndef WEBNN_JSON_TEXT_H
#define WEBNN_JSON_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Returns 0 when the text passes; else -1 with the byte offset of the first problem in
 * *offset, what it is in why, and in *is_json_error whether it makes the text invalid JSON
 * (false: valid JSON this format cannot carry, i.e. a \u0000 escape). */
int wn_json_text_check(const char *text, size_t len, size_t *offset, bool *is_json_error, char *why, size_t why_cap);

#endif
