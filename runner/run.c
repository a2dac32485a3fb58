/* Small helpers shared by the reports. */
#include "run.h"

void rn_count(const rn_run *run, rn_counts *c)
{
    *c = (rn_counts){{0}, 0, 0, 0, 0};
    for (uint32_t i = 0; i < run->n; i++) {
        const rn_entry *e = &run->entries[i];
        if (!e->have) continue;
        c->total++;
        c->status[e->r.status]++;
        c->unexpected += e->unexpected;
        c->gaps += e->r.gap;
        c->impl_defined += e->r.implementation_defined && e->r.status == RN_PASS;
    }
}

const char *rn_wpt_status(rn_status s)
{
    return s == RN_NOTSUPPORTED ? "PRECONDITION_FAILED" : rn_status_name(s);
}

/* Length of a valid UTF-8 sequence at s, or 0. */
static int utf8_len(const unsigned char *s)
{
    int n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : 0;
    if (s[0] >= 0xF8) return 0;
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return n;
}

void rn_sanitize(char *s)
{
    unsigned char *p = (unsigned char *)s;
    while (*p) {
        if (*p < 0x20 || *p == 0x7F) {
            *p++ = ' ';
        } else if (*p < 0x80) {
            p++;
        } else {
            int n = utf8_len(p);
            if (n == 0) *p++ = '?';
            else p += n;
        }
    }
}
