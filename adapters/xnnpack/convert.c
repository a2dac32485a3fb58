/* float16 <-> float32 through XNNPACK's convert operators (graph boundaries, constants, cast). */
#include "xnn.h"

int xa_convert(const void *in, void *out, size_t n, int to_f16, pthreadpool_t pool)
{
    if (n == 0) return 0;
    xnn_operator_t op = NULL;
    enum xnn_status s = to_f16 ? xnn_create_convert_nc_f32_f16(1, 1, 1, 0, &op)
                               : xnn_create_convert_nc_f16_f32(1, 1, 1, 0, &op);
    if (s == xnn_status_success)
        s = to_f16 ? xnn_setup_convert_nc_f32_f16(op, n, in, out, pool) : xnn_setup_convert_nc_f16_f32(op, n, in, out, pool);
    if (s == xnn_status_success) s = xnn_run_operator(op, pool);
    if (op) xnn_delete_operator(op);
    return s == xnn_status_success ? 0 : -1;
}
