/* resample2d (#api-mlgraphbuilder-resample2d-method). Source coordinates are exact
 * rationals: with scale = outputSize / inputSize, the spec's
 *   inputCoordinate = clamp((outputCoordinate + 0.5) / scale - 0.5, 0, inputSize - 1)
 * equals num / den with num = (2 * outputCoordinate + 1) * inputSize - outputSize and
 * den = 2 * outputSize, so nearest-neighbor rounding never suffers a double error. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "webnn/op.h"

#include "ops_index.h"

/* Numbers at or beyond this magnitude round to an infinite float (IDL float throws). */
#define FLOAT_OVERFLOW (0x1p128 - 0x1p103)

/* Options after the builder's defaults and checks. */
typedef struct resample_params {
    double scales[2];
    uint32_t axes[2];
    bool has_sizes;
    uint32_t sizes[2];
} resample_params;

static int read_params(wn_call *c, uint32_t rank, resample_params *r)
{
    r->scales[0] = r->scales[1] = 1.0;
    if (wn_arg_present(c, "scales")) {
        uint32_t n = wn_arg_count(c, "scales");
        if (n != 2) return wn_fail(c, WN_TYPE_ERROR, "scales must have 2 items, got %u", n);
        for (uint32_t i = 0; i < 2; i++) {
            /* sequence<float>: the IDL value is the float nearest the given number */
            double given = wn_arg_double_at(c, "scales", i);
            if (fabs(given) >= FLOAT_OVERFLOW)
                return wn_fail(c, WN_TYPE_ERROR, "scales[%u] is out of the float range", i);
            r->scales[i] = (double)(float)given;
            if (r->scales[i] <= 0) return wn_fail(c, WN_TYPE_ERROR, "scales[%u] is %g, must be > 0", i, r->scales[i]);
        }
    }
    r->has_sizes = wn_arg_present(c, "sizes");
    if (r->has_sizes) {
        uint32_t n = wn_arg_count(c, "sizes");
        if (n != 2) return wn_fail(c, WN_TYPE_ERROR, "sizes must have 2 items, got %u", n);
        for (uint32_t i = 0; i < 2; i++) {
            r->sizes[i] = wn_arg_uint_at(c, "sizes", i);
            if (r->sizes[i] == 0) return wn_fail(c, WN_TYPE_ERROR, "sizes[%u] is 0", i);
        }
    }
    r->axes[0] = 2;
    r->axes[1] = 3;
    if (wn_arg_present(c, "axes")) {
        uint32_t n = wn_arg_count(c, "axes");
        /* DEVIATIONS(resample2d): axes must have 2 items (the spec does not check its length). */
        if (n != 2) return wn_fail(c, WN_TYPE_ERROR, "axes must have 2 items, got %u", n);
        for (uint32_t i = 0; i < 2; i++) r->axes[i] = wn_arg_uint_at(c, "axes", i);
        if (wn_check_axes(c, "axes", r->axes, 2, rank) != 0) return -1;
    }
    return 0;
}

static int build_resample2d(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    resample_params r;
    if (read_params(c, input->rank, &r) != 0) return -1;
    wn_desc out = *input;
    for (uint32_t i = 0; i < 2; i++) {
        /* DEVIATIONS(resample2d): floor(inputSize * scale) uses the exact product (no float rounding). */
        double size = r.has_sizes ? r.sizes[i] : floor(input->dims[r.axes[i]] * r.scales[i]);
        if (!(size >= 1 && size <= WN_MAX_DIMENSION))
            return wn_fail(c, WN_TYPE_ERROR, "output size %g along axis %u is not a valid dimension", size,
                           r.axes[i]);
        out.dims[r.axes[i]] = (uint32_t)size;
    }
    return wn_add_output(c, &out);
}

/* The clamped source coordinate num / den of output coordinate o along one axis. */
typedef struct source_coord {
    int64_t num, den;
} source_coord;

static source_coord source_coordinate(uint32_t o, uint32_t in_size, uint32_t out_size)
{
    source_coord s = {(int64_t)(2 * (uint64_t)o + 1) * in_size - out_size, 2 * (int64_t)out_size};
    int64_t hi = (int64_t)(in_size - 1) * s.den;
    if (s.num < 0) s.num = 0;
    if (s.num > hi) s.num = hi;
    return s;
}

static int64_t ceil_div(int64_t num, int64_t den) { return num >= 0 ? (num + den - 1) / den : -(-num / den); }

/* nearest-neighbor: ceil(inputCoordinate - 0.5) = ceil((num - outputSize) / den). */
static uint32_t nearest(source_coord s) { return (uint32_t)ceil_div(s.num - s.den / 2, s.den); }

/* An integer result of linear interpolation: round half to even, then saturate (the
 * value is a convex combination of inputs, so it already lies in range). */
static double round_for_type(double v, wn_dtype t)
{
    return wn_dtype_is_float(t) ? v : nearbyint(v); /* DEVIATIONS(resample2d): int8/uint8 round half to even */
}

/* a * (1 - t) + b * t, the spec's formula, except that a term whose weight is 0 is left
 * out, so an Inf or NaN that is not sampled does not leak in through 0 * Inf.
 * DEVIATIONS(resample2d): zero-weight terms are omitted. */
static double lerp(double a, double b, double t)
{
    if (t == 0) return a;
    if (t == 1) return b;
    return a * (1 - t) + b * t;
}

static int compute_resample2d(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    wn_tensor *y = wn_out(c, 0);
    resample_params r;
    (void)read_params(c, x->desc.rank, &r); /* validated by the build step */
    bool linear = strcmp(wn_arg_enum(c, "mode", "nearest-neighbor"), "linear") == 0;
    uint32_t ax_y = r.axes[0], ax_x = r.axes[1]; /* the first axis plays "y", the second "x" */
    uint32_t in_y = x->desc.dims[ax_y], in_x = x->desc.dims[ax_x];
    uint32_t out_y = y->desc.dims[ax_y], out_x = y->desc.dims[ax_x];
    uint32_t oc[WN_MAX_RANK], ic[WN_MAX_RANK];
    size_t n = wn_desc_count(&y->desc);
    for (size_t i = 0; i < n; i++) {
        wn_unravel(&y->desc, i, oc);
        memcpy(ic, oc, sizeof ic);
        source_coord sy = source_coordinate(oc[ax_y], in_y, out_y);
        source_coord sx = source_coordinate(oc[ax_x], in_x, out_x);
        if (!linear) {
            ic[ax_y] = nearest(sy);
            ic[ax_x] = nearest(sx);
            wn_put_f64(y, i, wn_get_f64(x, wn_ravel(&x->desc, ic)));
            continue;
        }
        /* bilinear: x0 = floor, x1 = ceil, t = coordinate - x0 */
        uint32_t y0 = (uint32_t)(sy.num / sy.den), y1 = y0 + (sy.num % sy.den != 0);
        uint32_t x0 = (uint32_t)(sx.num / sx.den), x1 = x0 + (sx.num % sx.den != 0);
        double ty = (double)(sy.num % sy.den) / (double)sy.den;
        double tx = (double)(sx.num % sx.den) / (double)sx.den;
        double v[2][2];
        for (uint32_t a = 0; a < 2; a++)
            for (uint32_t b = 0; b < 2; b++) {
                ic[ax_y] = a ? y1 : y0;
                ic[ax_x] = b ? x1 : x0;
                v[a][b] = wn_get_f64(x, wn_ravel(&x->desc, ic));
            }
        double vy0 = lerp(v[0][0], v[0][1], tx);
        double vy1 = lerp(v[1][0], v[1][1], tx);
        wn_put_f64(y, i, round_for_type(lerp(vy0, vy1, ty), y->desc.dtype));
    }
    return 0;
}

const wn_op_impl wn_ops_resample[] = {
    {"resample2d", build_resample2d, compute_resample2d},
    {NULL, NULL, NULL},
};
