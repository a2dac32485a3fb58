/* Raw-text checks of a vector file before parsing: see json_text.h. */
#include "json_text.h"

#include <stdint.h>
#include <stdio.h>

/* Length of the valid UTF-8 sequence at p (1..4), or 0 when it is not one: no overlong
 * forms, no surrogates, nothing above U+10FFFF. */
static size_t utf8_sequence(const unsigned char *p, size_t left)
{
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    size_t n;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1Fu;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0Fu;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07u;
    else return 0;
    if (left < n) return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (p[i] & 0x3Fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

static int problem(size_t at, size_t *offset, bool json_error, bool *is_json_error, char *why, size_t cap,
                   const char *what)
{
    *offset = at;
    *is_json_error = json_error;
    snprintf(why, cap, "%s", what);
    return -1;
}

int wn_json_text_check(const char *text, size_t len, size_t *offset, bool *is_json_error, char *why, size_t why_cap)
{
    const unsigned char *t = (const unsigned char *)text;
    bool in_string = false;
    for (size_t i = 0; i < len;) {
        unsigned char c = t[i];
        if (c == 0) return problem(i, offset, true, is_json_error, why, why_cap, "a NUL byte");
        if (c >= 0x80) {
            size_t n = utf8_sequence(t + i, len - i);
            if (n == 0) return problem(i, offset, true, is_json_error, why, why_cap, "invalid UTF-8");
            i += n;
            continue;
        }
        if (in_string && c < 0x20)
            return problem(i, offset, true, is_json_error, why, why_cap, "a raw control character inside a string");
        if (in_string && c == '\\' && i + 1 < len) {
            if (t[i + 1] == 'u' && i + 6 <= len && t[i + 2] == '0' && t[i + 3] == '0' && t[i + 4] == '0' &&
                t[i + 5] == '0')
                return problem(i, offset, false, is_json_error, why, why_cap,
                               "a string holds \\u0000 (NUL), which names and strings of vector files cannot carry");
            i += 2; /* the escaped character cannot end the string */
            continue;
        }
        if (c == '"') in_string = !in_string;
        i++;
    }
    return 0;
}
