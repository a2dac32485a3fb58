/* Sets of data types and shapes as text, for messages (left out of make mutate: the corpus
 * judges error kinds, not message wording). */
#include "webnn/dtype.h"
#include "webnn/shape.h"

#include <stdio.h>

const char *wn_dtype_set_str(wn_dtype_set s, char *buf, size_t cap)
{
    size_t used = 0;
    if (cap == 0) return buf;
    buf[0] = '\0';
    for (unsigned i = 0; i < WN_DTYPE_COUNT; i++) {
        if (!(s & WN_DTYPE_BIT(i))) continue;
        int n = snprintf(buf + used, cap - used, "%s%s", used ? ", " : "", wn_dtype_name((wn_dtype)i));
        if (n < 0 || (size_t)n >= cap - used) break;
        used += (size_t)n;
    }
    return buf;
}

const char *wn_shape_str(const wn_desc *d, char *buf, size_t cap)
{
    size_t used = 0;
    int n = snprintf(buf, cap, "[");
    if (n < 0 || (size_t)n >= cap) return buf;
    used = (size_t)n;
    uint32_t rank = d->rank <= WN_MAX_RANK ? d->rank : WN_MAX_RANK;
    for (uint32_t i = 0; i < rank; i++) {
        n = snprintf(buf + used, cap - used, "%s%u", i ? ", " : "", d->dims[i]);
        if (n < 0 || (size_t)n >= cap - used) return buf;
        used += (size_t)n;
    }
    snprintf(buf + used, cap - used, "]");
    return buf;
}

const char *wn_desc_str(const wn_desc *d, char *buf, size_t cap)
{
    char shape[128];
    snprintf(buf, cap, "%s%s", wn_dtype_name(d->dtype), wn_shape_str(d, shape, sizeof shape));
    return buf;
}
