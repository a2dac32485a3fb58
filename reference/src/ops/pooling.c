/* averagePool2d, l2Pool2d, maxPool2d (#api-mlgraphbuilder-pool2d). One builder, the
 * spec's "create a pooling operation"; one kernel per op, each with the same loop nest:
 * batch -> output y -> output x -> channel -> window taps. Taps that fall in the padding
 * are skipped (they contribute nothing to any of the three reductions). */
#include <math.h>
#include <string.h>

#include "webnn/op.h"

#include "ops_index.h"

/* floor(num / den) and ceil(num / den) for den > 0 and any sign of num. */
static int64_t floor_div(int64_t num, int64_t den) { return num >= 0 ? num / den : -((-num + den - 1) / den); }
static int64_t ceil_div(int64_t num, int64_t den) { return -floor_div(-num, den); }

/* A list option of `len` items, or the default when absent. Returns -1 (TypeError) when
 * present with another length. */
static int list_option(wn_call *c, const char *name, uint32_t len, const uint32_t *dflt, uint32_t *out)
{
    if (!wn_arg_present(c, name)) {
        memcpy(out, dflt, len * sizeof *out);
        return 0;
    }
    if (wn_arg_count(c, name) != len)
        return wn_fail(c, WN_TYPE_ERROR, "%s must have %u items, got %u", name, len, wn_arg_count(c, name));
    for (uint32_t i = 0; i < len; i++) out[i] = wn_arg_uint_at(c, name, i);
    return 0;
}

/* The pooling geometry, resolved from the options. */
typedef struct pool_geom {
    bool nhwc;
    uint32_t window[2];   /* [windowHeight, windowWidth] */
    uint32_t padding[4];  /* [beginH, endH, beginW, endW] */
    uint32_t strides[2];
    uint32_t dilations[2];
} pool_geom;

static int read_geometry(wn_call *c, const wn_desc *input, pool_geom *g)
{
    static const uint32_t zeros[4] = {0, 0, 0, 0}, ones[2] = {1, 1};
    g->nhwc = strcmp(wn_arg_enum(c, "layout", "nchw"), "nhwc") == 0;
    uint32_t in_hw[2] = {input->dims[g->nhwc ? 1 : 2], input->dims[g->nhwc ? 2 : 3]};
    if (list_option(c, "windowDimensions", 2, in_hw, g->window) != 0) return -1;
    if (g->window[0] == 0 || g->window[1] == 0) return wn_fail(c, WN_TYPE_ERROR, "windowDimensions contains 0");
    /* outputSizes, when given, forces the padding to zeros (spec step, literally) */
    if (wn_arg_present(c, "outputSizes")) {
        memcpy(g->padding, zeros, sizeof g->padding);
    } else if (list_option(c, "padding", 4, zeros, g->padding) != 0) {
        return -1;
    }
    if (list_option(c, "strides", 2, ones, g->strides) != 0) return -1;
    if (g->strides[0] == 0 || g->strides[1] == 0) return wn_fail(c, WN_TYPE_ERROR, "strides contains 0");
    if (wn_arg_present(c, "outputSizes") && wn_arg_count(c, "outputSizes") != 2)
        return wn_fail(c, WN_TYPE_ERROR, "outputSizes must have 2 items, got %u", wn_arg_count(c, "outputSizes"));
    /* DEVIATIONS(pooling): the spec's "outputSizes items not smaller than strides -> throw" is not applied. */
    if (list_option(c, "dilations", 2, ones, g->dilations) != 0) return -1;
    if (g->dilations[0] == 0 || g->dilations[1] == 0) return wn_fail(c, WN_TYPE_ERROR, "dilations contains 0");
    return 0;
}

/* "calculate conv output size" as the exact fraction 1 + num / stride; returns its floor
 * or ceiling. A window far larger than the padded input is clamped to a num whose result
 * is < 1 either way (the window option is 32-bit, so (window - 1) * dilation needs 64). */
static int64_t pooled_size(uint32_t in, uint32_t window, uint32_t pad_begin, uint32_t pad_end, uint32_t stride,
                           uint32_t dilation, bool ceiling)
{
    uint64_t effective = (uint64_t)(window - 1) * dilation + 1;
    uint64_t padded = (uint64_t)in + pad_begin + pad_end;
    int64_t num = effective <= padded ? (int64_t)(padded - effective)
                  : effective - padded > ((uint64_t)1 << 40) ? -((int64_t)1 << 40)
                                                               : -(int64_t)(effective - padded);
    return 1 + (ceiling ? ceil_div(num, stride) : floor_div(num, stride));
}

static int build_pool(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    pool_geom g;
    if (read_geometry(c, input, &g) != 0) return -1;
    uint32_t in_h = input->dims[g.nhwc ? 1 : 2], in_w = input->dims[g.nhwc ? 2 : 3];
    int64_t floor_hw[2], ceil_hw[2], out_hw[2];
    for (int ceiling = 0; ceiling < 2; ceiling++) {
        int64_t *dst = ceiling ? ceil_hw : floor_hw;
        dst[0] = pooled_size(in_h, g.window[0], g.padding[0], g.padding[1], g.strides[0], g.dilations[0], ceiling);
        dst[1] = pooled_size(in_w, g.window[1], g.padding[2], g.padding[3], g.strides[1], g.dilations[1], ceiling);
    }
    if (wn_arg_present(c, "outputSizes")) {
        out_hw[0] = wn_arg_uint_at(c, "outputSizes", 0);
        out_hw[1] = wn_arg_uint_at(c, "outputSizes", 1);
        bool is_floor = out_hw[0] == floor_hw[0] && out_hw[1] == floor_hw[1];
        bool is_ceil = out_hw[0] == ceil_hw[0] && out_hw[1] == ceil_hw[1];
        if (!is_floor && !is_ceil)
            return wn_fail(c, WN_TYPE_ERROR,
                           "outputSizes [%lld, %lld] is neither the floor [%lld, %lld] nor the ceil [%lld, %lld] sizes",
                           (long long)out_hw[0], (long long)out_hw[1], (long long)floor_hw[0],
                           (long long)floor_hw[1], (long long)ceil_hw[0], (long long)ceil_hw[1]);
    } else {
        bool ceiling = strcmp(wn_arg_enum(c, "outputShapeRounding", "floor"), "ceil") == 0;
        memcpy(out_hw, ceiling ? ceil_hw : floor_hw, sizeof out_hw);
    }
    if (out_hw[0] < 1 || out_hw[1] < 1 || !wn_is_valid_dimension((uint64_t)out_hw[0]) ||
        !wn_is_valid_dimension((uint64_t)out_hw[1]))
        return wn_fail(c, WN_TYPE_ERROR, "output size [%lld, %lld] is not valid", (long long)out_hw[0],
                       (long long)out_hw[1]);
    wn_desc out = *input;
    out.dims[g.nhwc ? 1 : 2] = (uint32_t)out_hw[0];
    out.dims[g.nhwc ? 2 : 3] = (uint32_t)out_hw[1];
    return wn_add_output(c, &out);
}

/* ---- compute ---- */

/* Linear index of (batch, y, x, channel) in a 4-D tensor of either layout. */
static size_t index4(const wn_desc *d, bool nhwc, uint32_t n, uint32_t y, uint32_t x, uint32_t ch)
{
    uint32_t coords[4] = {n, ch, y, x};
    if (nhwc) { coords[1] = y; coords[2] = x; coords[3] = ch; }
    return wn_ravel(d, coords);
}

/* Input coordinate of window tap k for output coordinate o along one spatial axis;
 * false when the tap falls in the padding. */
static bool tap(uint32_t o, uint32_t k, uint32_t stride, uint32_t dilation, uint32_t pad_begin, uint32_t in_size,
                uint32_t *in)
{
    int64_t v = (int64_t)o * stride + (int64_t)k * dilation - pad_begin;
    if (v < 0 || v >= in_size) return false;
    *in = (uint32_t)v;
    return true;
}

/* The taps [*lo, *hi) of a window of `window` taps, for output coordinate o along one axis,
 * that land inside the input: the others are padding, which every pool skips. Looping over
 * these only keeps a huge window over a small padded input from costing window^2 per output. */
static void tap_range(uint32_t o, uint32_t window, uint32_t stride, uint32_t dilation, uint32_t pad_begin,
                      uint32_t in_size, uint32_t *lo, uint32_t *hi)
{
    int64_t start = (int64_t)pad_begin - (int64_t)o * stride; /* k * dilation >= start */
    int64_t last = (int64_t)in_size - 1 + start;              /* k * dilation <= last */
    int64_t first = start <= 0 ? 0 : (start + dilation - 1) / dilation;
    int64_t end = last < 0 ? 0 : last / dilation + 1;
    if (end > window) end = window;
    *lo = (uint32_t)(first < end ? first : end);
    *hi = (uint32_t)end;
}

/* The shared loop nest: for each output element, every in-image tap of its window. */
typedef struct pool_loop {
    const wn_tensor *x;
    wn_tensor *y;
    pool_geom g;
    uint32_t batches, channels, in_h, in_w, out_h, out_w;
} pool_loop;

static void pool_loop_init(wn_call *c, pool_loop *p)
{
    p->x = wn_in(c, "input");
    p->y = wn_out(c, 0);
    (void)read_geometry(c, &p->x->desc, &p->g); /* validated by the build step */
    const uint32_t *xd = p->x->desc.dims, *yd = p->y->desc.dims;
    p->batches = xd[0];
    p->channels = xd[p->g.nhwc ? 3 : 1];
    p->in_h = xd[p->g.nhwc ? 1 : 2];
    p->in_w = xd[p->g.nhwc ? 2 : 3];
    p->out_h = yd[p->g.nhwc ? 1 : 2];
    p->out_w = yd[p->g.nhwc ? 2 : 3];
}

/* The in-image taps of output (oy, ox)'s window: ky in [ky0, ky1), kx in [kx0, kx1). */
static void window_taps(const pool_loop *p, uint32_t oy, uint32_t ox, uint32_t *ky0, uint32_t *ky1, uint32_t *kx0,
                        uint32_t *kx1)
{
    const pool_geom *g = &p->g;
    tap_range(oy, g->window[0], g->strides[0], g->dilations[0], g->padding[0], p->in_h, ky0, ky1);
    tap_range(ox, g->window[1], g->strides[1], g->dilations[1], g->padding[2], p->in_w, kx0, kx1);
}

/* Input element index of tap (ky, kx) for output (n, oy, ox, ch); false when in padding. */
static bool window_cell(const pool_loop *p, uint32_t n, uint32_t oy, uint32_t ox, uint32_t ch, uint32_t ky,
                        uint32_t kx, size_t *index)
{
    const pool_geom *g = &p->g;
    uint32_t iy, ix;
    if (!tap(oy, ky, g->strides[0], g->dilations[0], g->padding[0], p->in_h, &iy)) return false;
    if (!tap(ox, kx, g->strides[1], g->dilations[1], g->padding[2], p->in_w, &ix)) return false;
    *index = index4(&p->x->desc, g->nhwc, n, iy, ix, ch);
    return true;
}

/* averagePool2d (#api-mlgraphbuilder-pool2d-average): mean of the in-image cells.
 * DEVIATIONS(pooling): padded cells are excluded from the count; an all-padding window gives NaN. */
static int compute_average_pool2d(wn_call *c)
{
    pool_loop p;
    pool_loop_init(c, &p);
    for (uint32_t n = 0; n < p.batches; n++)
        for (uint32_t oy = 0; oy < p.out_h; oy++)
            for (uint32_t ox = 0; ox < p.out_w; ox++) {
                uint32_t ky0, ky1, kx0, kx1; /* the same for every channel */
                window_taps(&p, oy, ox, &ky0, &ky1, &kx0, &kx1);
                for (uint32_t ch = 0; ch < p.channels; ch++) {
                    double sum = 0.0;
                    double count = 0.0;
                    size_t xi;
                    for (uint32_t ky = ky0; ky < ky1; ky++)
                        for (uint32_t kx = kx0; kx < kx1; kx++) {
                            if (!window_cell(&p, n, oy, ox, ch, ky, kx, &xi)) continue;
                            sum += wn_get_f64(p.x, xi);
                            count += 1.0;
                        }
                    wn_put_f64(p.y, index4(&p.y->desc, p.g.nhwc, n, oy, ox, ch), sum / count);
                }
            }
    return 0;
}

/* l2Pool2d (#api-mlgraphbuilder-pool2d-l2): sqrt of the sum of squares of the in-image
 * cells (an all-padding window gives 0). */
static int compute_l2_pool2d(wn_call *c)
{
    pool_loop p;
    pool_loop_init(c, &p);
    for (uint32_t n = 0; n < p.batches; n++)
        for (uint32_t oy = 0; oy < p.out_h; oy++)
            for (uint32_t ox = 0; ox < p.out_w; ox++) {
                uint32_t ky0, ky1, kx0, kx1; /* the same for every channel */
                window_taps(&p, oy, ox, &ky0, &ky1, &kx0, &kx1);
                for (uint32_t ch = 0; ch < p.channels; ch++) {
                    double sum = 0.0;
                    size_t xi;
                    for (uint32_t ky = ky0; ky < ky1; ky++)
                        for (uint32_t kx = kx0; kx < kx1; kx++) {
                            if (!window_cell(&p, n, oy, ox, ch, ky, kx, &xi)) continue;
                            double v = wn_get_f64(p.x, xi);
                            sum += v * v;
                        }
                    wn_put_f64(p.y, index4(&p.y->desc, p.g.nhwc, n, oy, ox, ch), sqrt(sum));
                }
            }
    return 0;
}

/* The running maximum of one window in the element type's own domain. */
typedef struct max_acc {
    wn_dtype t;
    bool any;
    double f;
    int64_t i;
    uint64_t u;
} max_acc;

/* DEVIATIONS(pooling): NaN in a window makes the result NaN. */
static void max_acc_add(max_acc *m, const wn_tensor *x, size_t xi)
{
    if (wn_dtype_is_float(m->t)) {
        double v = wn_get_f64(x, xi);
        bool have_nan = m->any && m->f != m->f;
        if (!m->any || (!have_nan && (v != v || v > m->f))) m->f = v;
    } else if (wn_dtype_is_signed_int(m->t)) {
        int64_t v = wn_get_i64(x, xi);
        if (!m->any || v > m->i) m->i = v;
    } else {
        uint64_t v = wn_get_u64(x, xi);
        if (!m->any || v > m->u) m->u = v;
    }
    m->any = true;
}

static int64_t type_minimum(wn_dtype t)
{
    unsigned bits = wn_dtype_int_bits(t);
    return bits == 64 ? INT64_MIN : -((int64_t)1 << (bits - 1));
}

/* DEVIATIONS(pooling): an all-padding window gives -Infinity (floats) or the type's minimum. */
static void max_acc_store(const max_acc *m, wn_tensor *y, size_t yi)
{
    if (wn_dtype_is_float(m->t))
        wn_put_f64(y, yi, m->any ? m->f : -INFINITY);
    else if (wn_dtype_is_signed_int(m->t))
        wn_put_i64(y, yi, m->any ? m->i : type_minimum(m->t));
    else
        wn_put_u64(y, yi, m->any ? m->u : 0);
}

/* maxPool2d (#api-mlgraphbuilder-pool2d-max): maximum of the in-image cells; integers
 * compare exactly. */
static int compute_max_pool2d(wn_call *c)
{
    pool_loop p;
    pool_loop_init(c, &p);
    for (uint32_t n = 0; n < p.batches; n++)
        for (uint32_t oy = 0; oy < p.out_h; oy++)
            for (uint32_t ox = 0; ox < p.out_w; ox++) {
                uint32_t ky0, ky1, kx0, kx1; /* the same for every channel */
                window_taps(&p, oy, ox, &ky0, &ky1, &kx0, &kx1);
                for (uint32_t ch = 0; ch < p.channels; ch++) {
                    max_acc m = {.t = p.x->desc.dtype};
                    size_t xi;
                    for (uint32_t ky = ky0; ky < ky1; ky++)
                        for (uint32_t kx = kx0; kx < kx1; kx++)
                            if (window_cell(&p, n, oy, ox, ch, ky, kx, &xi)) max_acc_add(&m, p.x, xi);
                    max_acc_store(&m, p.y, index4(&p.y->desc, p.g.nhwc, n, oy, ox, ch));
                }
            }
    return 0;
}

const wn_op_impl wn_ops_pooling[] = {
    {"averagePool2d", build_pool, compute_average_pool2d},
    {"l2Pool2d", build_pool, compute_l2_pool2d},
    {"maxPool2d", build_pool, compute_max_pool2d},
    {NULL, NULL, NULL},
};
