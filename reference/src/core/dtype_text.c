/* Sets of data types as text, for messages (left out of make mutate: the corpus judges error
 * kinds, not message wording). */
#include "webnn/dtype.h"

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
