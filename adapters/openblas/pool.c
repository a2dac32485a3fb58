/* averagePool2d, l2Pool2d, maxPool2d for both layouts. Output sizes come from the output
 * descriptor; only the window's in-image taps count (reference/DEVIATIONS.md: average pool
 * does not count padded cells, an all-padding window gives NaN for average, 0 for l2 and
 * -Infinity for max; a NaN in a max window makes the result NaN). With outputSizes the
 * padding option is ignored, as the spec says and the reference does.
 * nchw walks one plane at a time; nhwc keeps one accumulator row over the channels, so the
 * inner loop is contiguous. Sums are accumulated in double (the tolerance is relative to the
 * output, and a float sum of mixed signs can lose more than it allows). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "obl.h"

static const wna_operand_limits pool_limits[] = {{"input", OBL_FLOATS, 4, 4}, {"output", OBL_FLOATS, 4, 4}};

enum pool_kind { POOL_AVERAGE, POOL_L2, POOL_MAX };

typedef struct pool_state {
    enum pool_kind kind;
    uint32_t in, out;
    int nhwc;
    size_t n, c, h, w, oh, ow;
    size_t wh, ww, sh, sw, dh, dw, pt, pl;
    double *acc;   /* nhwc: one accumulator per channel */
} pool_state;

static void pool_release(void *p)
{
    pool_state *s = p;
    if (!s) return;
    free(s->acc);
    free(s);
}

static int pool_prepare(const obl_build *b, const wna_operation *op, void **state, wna_error *err,
                        enum pool_kind kind)
{
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "needs an input");
    pool_state *s = calloc(1, sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    s->kind = kind;
    s->in = (uint32_t)in;
    s->out = op->outputs[0];
    s->nhwc = strcmp(obl_arg_string(op, "layout", "nchw"), "nhwc") == 0;
    const wna_desc *id = &b->values[in].desc, *od = &b->values[s->out].desc;
    s->n = id->dims[0];
    s->c = id->dims[s->nhwc ? 3 : 1];
    s->h = id->dims[s->nhwc ? 1 : 2];
    s->w = id->dims[s->nhwc ? 2 : 3];
    s->oh = od->dims[s->nhwc ? 1 : 2];
    s->ow = od->dims[s->nhwc ? 2 : 3];
    size_t window[2] = {s->h, s->w}, pad[4] = {0, 0, 0, 0}, strides[2] = {1, 1}, dil[2] = {1, 1};
    int bad = obl_arg_sizes(op, "windowDimensions", window, 2) || obl_arg_sizes(op, "strides", strides, 2) ||
              obl_arg_sizes(op, "dilations", dil, 2);
    /* the spec: with outputSizes, the padding is zeros */
    if (!obl_arg(op, "outputSizes")) bad = bad || obl_arg_sizes(op, "padding", pad, 4);
    if (bad || window[0] == 0 || window[1] == 0 || strides[0] == 0 || strides[1] == 0) {
        pool_release(s);
        return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "unexpected pooling options");
    }
    s->wh = window[0];
    s->ww = window[1];
    s->sh = strides[0];
    s->sw = strides[1];
    s->dh = dil[0];
    s->dw = dil[1];
    s->pt = pad[0];
    s->pl = pad[2];
    if (s->nhwc && !(s->acc = malloc(s->c * sizeof *s->acc))) {
        pool_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    }
    *state = s;
    return 0;
}

static int average_prepare(const obl_build *b, const wna_operation *op, void **st, wna_error *err)
{
    return pool_prepare(b, op, st, err, POOL_AVERAGE);
}
static int l2_prepare(const obl_build *b, const wna_operation *op, void **st, wna_error *err)
{
    return pool_prepare(b, op, st, err, POOL_L2);
}
static int max_prepare(const obl_build *b, const wna_operation *op, void **st, wna_error *err)
{
    return pool_prepare(b, op, st, err, POOL_MAX);
}

/* The window taps k in [k0, k1) whose input coordinate o*stride + k*dil - pad is in [0, size). */
static void tap_range(size_t o, size_t stride, size_t dil, size_t pad, size_t size, size_t window, size_t *k0,
                      size_t *k1)
{
    long base = (long)(o * stride) - (long)pad, d = (long)dil;
    long first = base >= 0 ? 0 : (-base + d - 1) / d;
    long last = (long)size - 1 - base < 0 ? -1 : ((long)size - 1 - base) / d;
    if (last >= (long)window) last = (long)window - 1;
    *k0 = (size_t)first;
    *k1 = last < first ? (size_t)first : (size_t)(last + 1);
}

/* NaN wins; otherwise the larger. */
static inline float max_nan(float m, float v) { return (v > m || v != v) ? v : m; }

static void pool_nchw(const pool_state *s, const float *in, float *out)
{
    for (size_t plane = 0; plane < s->n * s->c; plane++) {
        const float *src = in + plane * s->h * s->w;
        float *dst = out + plane * s->oh * s->ow;
        for (size_t oy = 0; oy < s->oh; oy++) {
            size_t ky0, ky1;
            tap_range(oy, s->sh, s->dh, s->pt, s->h, s->wh, &ky0, &ky1);
            for (size_t ox = 0; ox < s->ow; ox++) {
                size_t kx0, kx1;
                tap_range(ox, s->sw, s->dw, s->pl, s->w, s->ww, &kx0, &kx1);
                size_t iy0 = oy * s->sh + ky0 * s->dh - s->pt, ix0 = ox * s->sw + kx0 * s->dw - s->pl;
                if (s->kind == POOL_MAX) {
                    float m = -INFINITY;
                    for (size_t ky = ky0, iy = iy0; ky < ky1; ky++, iy += s->dh)
                        for (size_t kx = kx0, ix = ix0; kx < kx1; kx++, ix += s->dw) m = max_nan(m, src[iy * s->w + ix]);
                    dst[oy * s->ow + ox] = m;
                    continue;
                }
                double sum = 0.0;
                for (size_t ky = ky0, iy = iy0; ky < ky1; ky++, iy += s->dh)
                    for (size_t kx = kx0, ix = ix0; kx < kx1; kx++, ix += s->dw) {
                        double v = src[iy * s->w + ix];
                        sum += s->kind == POOL_L2 ? v * v : v;
                    }
                double count = (double)((ky1 - ky0) * (kx1 - kx0));
                dst[oy * s->ow + ox] = (float)(s->kind == POOL_L2 ? sqrt(sum) : sum / count);
            }
        }
    }
}

static void pool_nhwc(const pool_state *s, const float *in, float *out)
{
    size_t c = s->c;
    double *acc = s->acc;
    for (size_t n = 0; n < s->n; n++)
        for (size_t oy = 0; oy < s->oh; oy++) {
            size_t ky0, ky1;
            tap_range(oy, s->sh, s->dh, s->pt, s->h, s->wh, &ky0, &ky1);
            for (size_t ox = 0; ox < s->ow; ox++) {
                size_t kx0, kx1;
                tap_range(ox, s->sw, s->dw, s->pl, s->w, s->ww, &kx0, &kx1);
                float *dst = out + ((n * s->oh + oy) * s->ow + ox) * c;
                size_t iy0 = oy * s->sh + ky0 * s->dh - s->pt, ix0 = ox * s->sw + kx0 * s->dw - s->pl;
                if (s->kind == POOL_MAX) {
                    for (size_t k = 0; k < c; k++) dst[k] = -INFINITY;
                    for (size_t ky = ky0, iy = iy0; ky < ky1; ky++, iy += s->dh)
                        for (size_t kx = kx0, ix = ix0; kx < kx1; kx++, ix += s->dw) {
                            const float *src = in + ((n * s->h + iy) * s->w + ix) * c;
                            for (size_t k = 0; k < c; k++) dst[k] = max_nan(dst[k], src[k]);
                        }
                    continue;
                }
                memset(acc, 0, c * sizeof *acc);
                for (size_t ky = ky0, iy = iy0; ky < ky1; ky++, iy += s->dh)
                    for (size_t kx = kx0, ix = ix0; kx < kx1; kx++, ix += s->dw) {
                        const float *src = in + ((n * s->h + iy) * s->w + ix) * c;
                        if (s->kind == POOL_L2)
                            for (size_t k = 0; k < c; k++) acc[k] += (double)src[k] * src[k];
                        else
                            for (size_t k = 0; k < c; k++) acc[k] += src[k];
                    }
                if (s->kind == POOL_L2) {
                    for (size_t k = 0; k < c; k++) dst[k] = (float)sqrt(acc[k]);
                } else {
                    double count = (double)((ky1 - ky0) * (kx1 - kx0));
                    for (size_t k = 0; k < c; k++) dst[k] = (float)(acc[k] / count);
                }
            }
        }
}

static int pool_run(const void *p, obl_value *v, wna_error *err)
{
    (void)err;
    const pool_state *s = p;
    if (s->nhwc) pool_nhwc(s, v[s->in].f, v[s->out].f);
    else pool_nchw(s, v[s->in].f, v[s->out].f);
    return 0;
}

static const obl_kernel pool_kernels[] = {
    {"averagePool2d", pool_limits, 2, average_prepare, pool_run, pool_release},
    {"l2Pool2d", pool_limits, 2, l2_prepare, pool_run, pool_release},
    {"maxPool2d", pool_limits, 2, max_prepare, pool_run, pool_release},
};

const obl_kernel_set obl_set_pool = {pool_kernels, 3};
