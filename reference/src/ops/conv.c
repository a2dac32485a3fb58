/* conv2d, convTranspose2d. Each output element is a sum of input * filter products over
 * its group's input channels and the filter taps, formed in double (bias included) and
 * rounded once. Taps that fall outside the input (padding, or positions a transposed
 * convolution's stride never reaches) are skipped explicitly. */
#include <string.h>

#include "webnn/op.h"

#include "ops_index.h"

static int64_t floor_div(int64_t num, int64_t den) { return num >= 0 ? num / den : -((-num + den - 1) / den); }

/* A list option of `len` items, or the default when absent; TypeError on another length
 * or, when nonzero is set, on a 0 item. */
static int list_option(wn_call *c, const char *name, uint32_t len, const uint32_t *dflt, bool nonzero,
                       uint32_t *out)
{
    if (!wn_arg_present(c, name)) {
        memcpy(out, dflt, len * sizeof *out);
        return 0;
    }
    if (wn_arg_count(c, name) != len)
        return wn_fail(c, WN_TYPE_ERROR, "%s must have %u items, got %u", name, len, wn_arg_count(c, name));
    for (uint32_t i = 0; i < len; i++) {
        out[i] = wn_arg_uint_at(c, name, i);
        if (nonzero && out[i] == 0) return wn_fail(c, WN_TYPE_ERROR, "%s[%u] is 0", name, i);
    }
    return 0;
}

/* Options common to both ops, and the logical sizes the layouts name. */
typedef struct conv_params {
    uint32_t padding[4];   /* [beginH, endH, beginW, endW] */
    uint32_t strides[2];
    uint32_t dilations[2];
    uint32_t groups;
    bool nhwc;
    const char *filter_layout;
    /* logical sizes */
    uint32_t batches, in_channels, in_h, in_w;
    uint32_t filter_in, filter_out, filter_h, filter_w; /* the filter's "i" and "o" dims */
} conv_params;

static int read_common_options(wn_call *c, conv_params *p)
{
    static const uint32_t zeros[4] = {0, 0, 0, 0}, ones[2] = {1, 1};
    if (list_option(c, "padding", 4, zeros, false, p->padding) != 0) return -1;
    if (list_option(c, "strides", 2, ones, true, p->strides) != 0) return -1;
    if (list_option(c, "dilations", 2, ones, true, p->dilations) != 0) return -1;
    return 0;
}

/* The input's logical sizes from inputLayout. */
static void read_input_shape(wn_call *c, const wn_desc *in, conv_params *p)
{
    p->nhwc = strcmp(wn_arg_enum(c, "inputLayout", "nchw"), "nhwc") == 0;
    p->batches = in->dims[0];
    p->in_channels = in->dims[p->nhwc ? 3 : 1];
    p->in_h = in->dims[p->nhwc ? 1 : 2];
    p->in_w = in->dims[p->nhwc ? 2 : 3];
}

/* Position of each logical filter dimension ('o', 'i', 'h', 'w') in the layout string. */
static uint32_t axis_of(const char *layout, char dim) { return (uint32_t)(strchr(layout, dim) - layout); }

static void read_filter_shape(const wn_desc *f, conv_params *p)
{
    const char *l = p->filter_layout;
    p->filter_out = f->dims[axis_of(l, 'o')];
    p->filter_in = f->dims[axis_of(l, 'i')];
    p->filter_h = f->dims[axis_of(l, 'h')];
    p->filter_w = f->dims[axis_of(l, 'w')];
}

/* Linear index of the filter element for logical (o, i, y, x) in the filter's layout. */
static size_t filter_index(const wn_desc *f, const char *layout, uint32_t o, uint32_t i, uint32_t y, uint32_t x)
{
    uint32_t coords[4];
    coords[axis_of(layout, 'o')] = o;
    coords[axis_of(layout, 'i')] = i;
    coords[axis_of(layout, 'h')] = y;
    coords[axis_of(layout, 'w')] = x;
    return wn_ravel(f, coords);
}

/* Linear index of (batch, channel, y, x) in a 4-D input or output of either layout. */
static size_t data_index(const wn_desc *d, bool nhwc, uint32_t n, uint32_t ch, uint32_t y, uint32_t x)
{
    uint32_t coords[4] = {n, ch, y, x};
    if (nhwc) { coords[1] = y; coords[2] = x; coords[3] = ch; }
    return wn_ravel(d, coords);
}

static int check_bias(wn_call *c, uint32_t out_channels)
{
    const wn_desc *bias = wn_arg_desc(c, "bias");
    if (bias && bias->dims[0] != out_channels)
        return wn_fail(c, WN_TYPE_ERROR, "bias has %u elements, must have outputChannels = %u", bias->dims[0],
                       out_channels);
    return 0;
}

static wn_desc output_desc(const wn_desc *in, const conv_params *p, uint32_t channels, uint32_t h, uint32_t w)
{
    wn_desc out = *in;
    out.dims[0] = p->batches;
    out.dims[p->nhwc ? 3 : 1] = channels;
    out.dims[p->nhwc ? 1 : 2] = h;
    out.dims[p->nhwc ? 2 : 3] = w;
    return out;
}

/* ---- conv2d (#api-mlgraphbuilder-conv2d) ---- */

/* "calculate conv output size", floored: 1 + floor((in - effective + pb + pe) / stride).
 * (k - 1) * d < 2^63 for a valid k and 32-bit d, so int64 holds every term. */
static int64_t conv_output_size(uint32_t in, uint32_t k, uint32_t pb, uint32_t pe, uint32_t s, uint32_t d)
{
    int64_t effective = (int64_t)(k - 1) * d + 1;
    return 1 + floor_div((int64_t)in - effective + pb + pe, s);
}

static int build_conv2d(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    const wn_desc *filter = wn_arg_desc(c, "filter");
    conv_params p;
    if (read_common_options(c, &p) != 0) return -1;
    p.groups = wn_arg_uint(c, "groups", 1);
    if (p.groups == 0) return wn_fail(c, WN_TYPE_ERROR, "groups is 0");
    read_input_shape(c, input, &p);
    p.filter_layout = wn_arg_enum(c, "filterLayout", "oihw");
    read_filter_shape(filter, &p);
    if (p.in_channels % p.groups != 0)
        return wn_fail(c, WN_TYPE_ERROR, "inputChannels %u is not a multiple of groups %u", p.in_channels, p.groups);
    if (p.in_channels / p.groups != p.filter_in)
        return wn_fail(c, WN_TYPE_ERROR, "filter input channels %u differ from inputChannels / groups = %u",
                       p.filter_in, p.in_channels / p.groups);
    if (p.filter_out % p.groups != 0)
        return wn_fail(c, WN_TYPE_ERROR, "outputChannels %u is not a multiple of groups %u", p.filter_out, p.groups);
    if (check_bias(c, p.filter_out) != 0) return -1;
    int64_t h = conv_output_size(p.in_h, p.filter_h, p.padding[0], p.padding[1], p.strides[0], p.dilations[0]);
    int64_t w = conv_output_size(p.in_w, p.filter_w, p.padding[2], p.padding[3], p.strides[1], p.dilations[1]);
    if (h < 1 || w < 1 || !wn_is_valid_dimension((uint64_t)h) || !wn_is_valid_dimension((uint64_t)w))
        return wn_fail(c, WN_TYPE_ERROR, "output size [%lld, %lld] is not valid", (long long)h, (long long)w);
    wn_desc out = output_desc(input, &p, p.filter_out, (uint32_t)h, (uint32_t)w);
    return wn_add_output(c, &out);
}

/* Compute steps re-read the parameters their build step already validated; the filter
 * layout's default differs per operation. */
static void read_validated_params(wn_call *c, const wn_desc *input, const wn_desc *filter, const char *default_layout,
                                  conv_params *p)
{
    (void)read_common_options(c, p); /* validated by the build step */
    p->groups = wn_arg_uint(c, "groups", 1);
    read_input_shape(c, input, p);
    p->filter_layout = wn_arg_enum(c, "filterLayout", default_layout);
    read_filter_shape(filter, p);
}

/* Input coordinate of conv2d tap k for output coordinate o; false when outside the input. */
static bool conv_tap(uint32_t o, uint32_t k, uint32_t stride, uint32_t dilation, uint32_t pad_begin, uint32_t size,
                     uint32_t *in)
{
    int64_t v = (int64_t)o * stride + (int64_t)k * dilation - pad_begin;
    if (v < 0 || v >= size) return false;
    *in = (uint32_t)v;
    return true;
}

static int compute_conv2d(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    const wn_tensor *f = wn_in(c, "filter");
    const wn_tensor *bias = wn_in(c, "bias");
    wn_tensor *y = wn_out(c, 0);
    conv_params p;
    read_validated_params(c, &x->desc, &f->desc, "oihw", &p);
    uint32_t out_h = y->desc.dims[p.nhwc ? 1 : 2], out_w = y->desc.dims[p.nhwc ? 2 : 3];
    uint32_t out_per_group = p.filter_out / p.groups, in_per_group = p.filter_in;
    for (uint32_t n = 0; n < p.batches; n++)
        for (uint32_t oy = 0; oy < out_h; oy++)
            for (uint32_t ox = 0; ox < out_w; ox++)
                for (uint32_t oc = 0; oc < p.filter_out; oc++) {
                    uint32_t group = oc / out_per_group;
                    double sum = bias ? wn_get_f64(bias, oc) : 0.0;
                    for (uint32_t icg = 0; icg < in_per_group; icg++) {
                        uint32_t ic = group * in_per_group + icg;
                        for (uint32_t ky = 0; ky < p.filter_h; ky++)
                            for (uint32_t kx = 0; kx < p.filter_w; kx++) {
                                uint32_t iy, ix;
                                if (!conv_tap(oy, ky, p.strides[0], p.dilations[0], p.padding[0], p.in_h, &iy)) continue;
                                if (!conv_tap(ox, kx, p.strides[1], p.dilations[1], p.padding[2], p.in_w, &ix)) continue;
                                sum += wn_get_f64(x, data_index(&x->desc, p.nhwc, n, ic, iy, ix)) *
                                       wn_get_f64(f, filter_index(&f->desc, p.filter_layout, oc, icg, ky, kx));
                            }
                    }
                    wn_put_f64(y, data_index(&y->desc, p.nhwc, n, oc, oy, ox), sum);
                }
    return 0;
}

/* ---- convTranspose2d (#api-mlgraphbuilder-convtranspose2d) ---- */

/* "calculate convtranspose output size": (in - 1) * s + (k - 1) * d + 1 - pb - pe. Each
 * product is < 2^63; a sum beyond int64 saturates (such a size is never valid). */
static int64_t convtranspose_output_size(uint32_t in, uint32_t k, uint32_t pb, uint32_t pe, uint32_t s, uint32_t d)
{
    int64_t spread = (int64_t)(in - 1) * s;
    int64_t effective = (int64_t)(k - 1) * d + 1;
    int64_t total = spread > INT64_MAX - effective ? INT64_MAX : spread + effective;
    return total - pb - pe;
}

/* outputSizes[axis] must lie in [calculated, calculated + stride). */
static int check_output_size(wn_call *c, const char *axis, uint32_t size, int64_t calculated, uint32_t stride)
{
    if ((int64_t)size < calculated || (int64_t)size >= calculated + stride)
        return wn_fail(c, WN_TYPE_ERROR, "outputSizes %s %u is outside [%lld, %lld + stride %u)", axis, size,
                       (long long)calculated, (long long)calculated, stride);
    return 0;
}

static int build_conv_transpose2d(wn_call *c)
{
    const wn_desc *input = wn_arg_desc(c, "input");
    const wn_desc *filter = wn_arg_desc(c, "filter");
    conv_params p;
    static const uint32_t zeros[2] = {0, 0};
    uint32_t output_padding[2];
    if (read_common_options(c, &p) != 0) return -1;
    if (list_option(c, "outputPadding", 2, zeros, false, output_padding) != 0) return -1;
    bool has_sizes = wn_arg_present(c, "outputSizes");
    if (has_sizes && wn_arg_count(c, "outputSizes") != 2)
        return wn_fail(c, WN_TYPE_ERROR, "outputSizes must have 2 items, got %u", wn_arg_count(c, "outputSizes"));
    if (!has_sizes && (output_padding[0] >= p.strides[0] || output_padding[1] >= p.strides[1]))
        return wn_fail(c, WN_TYPE_ERROR, "outputPadding [%u, %u] must be smaller than strides [%u, %u]",
                       output_padding[0], output_padding[1], p.strides[0], p.strides[1]);
    p.groups = wn_arg_uint(c, "groups", 1);
    if (p.groups == 0) return wn_fail(c, WN_TYPE_ERROR, "groups is 0");
    read_input_shape(c, input, &p);
    p.filter_layout = wn_arg_enum(c, "filterLayout", "iohw");
    read_filter_shape(filter, &p);
    if (p.in_channels != p.filter_in)
        return wn_fail(c, WN_TYPE_ERROR, "inputChannels %u differ from the filter's input channels %u",
                       p.in_channels, p.filter_in);
    /* DEVIATIONS(conv): inputChannels must be a multiple of groups (the spec does not check it). */
    if (p.in_channels % p.groups != 0)
        return wn_fail(c, WN_TYPE_ERROR, "inputChannels %u is not a multiple of groups %u", p.in_channels, p.groups);
    uint64_t out_channels = (uint64_t)p.filter_out * p.groups;
    if (!wn_is_valid_dimension(out_channels))
        return wn_fail(c, WN_TYPE_ERROR, "outputChannels %llu is not a valid dimension",
                       (unsigned long long)out_channels);
    if (check_bias(c, (uint32_t)out_channels) != 0) return -1;
    int64_t calc_h =
        convtranspose_output_size(p.in_h, p.filter_h, p.padding[0], p.padding[1], p.strides[0], p.dilations[0]);
    int64_t calc_w =
        convtranspose_output_size(p.in_w, p.filter_w, p.padding[2], p.padding[3], p.strides[1], p.dilations[1]);
    int64_t h, w;
    if (has_sizes) {
        h = wn_arg_uint_at(c, "outputSizes", 0);
        w = wn_arg_uint_at(c, "outputSizes", 1);
        if (check_output_size(c, "height", (uint32_t)h, calc_h, p.strides[0]) != 0) return -1;
        if (check_output_size(c, "width", (uint32_t)w, calc_w, p.strides[1]) != 0) return -1;
    } else {
        h = calc_h + output_padding[0];
        w = calc_w + output_padding[1];
    }
    if (h < 1 || w < 1 || !wn_is_valid_dimension((uint64_t)h) || !wn_is_valid_dimension((uint64_t)w))
        return wn_fail(c, WN_TYPE_ERROR, "output size [%lld, %lld] is not valid", (long long)h, (long long)w);
    wn_desc out = output_desc(input, &p, (uint32_t)out_channels, (uint32_t)h, (uint32_t)w);
    return wn_add_output(c, &out);
}

/* Input coordinate whose tap k lands on output coordinate o: o = i * stride + k * dilation
 * - pad_begin. False when no input position does (off the stride grid or outside). */
static bool transposed_tap(uint32_t o, uint32_t k, uint32_t stride, uint32_t dilation, uint32_t pad_begin,
                           uint32_t size, uint32_t *in)
{
    int64_t t = (int64_t)o + pad_begin - (int64_t)k * dilation;
    if (t < 0 || t % stride != 0 || t / stride >= size) return false;
    *in = (uint32_t)(t / stride);
    return true;
}

static int compute_conv_transpose2d(wn_call *c)
{
    const wn_tensor *x = wn_in(c, "input");
    const wn_tensor *f = wn_in(c, "filter");
    const wn_tensor *bias = wn_in(c, "bias");
    wn_tensor *y = wn_out(c, 0);
    conv_params p;
    read_validated_params(c, &x->desc, &f->desc, "iohw", &p);
    uint32_t out_h = y->desc.dims[p.nhwc ? 1 : 2], out_w = y->desc.dims[p.nhwc ? 2 : 3];
    uint32_t out_channels = p.filter_out * p.groups;
    uint32_t in_per_group = p.in_channels / p.groups;
    for (uint32_t n = 0; n < p.batches; n++)
        for (uint32_t oy = 0; oy < out_h; oy++)
            for (uint32_t ox = 0; ox < out_w; ox++)
                for (uint32_t oc = 0; oc < out_channels; oc++) {
                    uint32_t group = oc / p.filter_out, ocg = oc % p.filter_out;
                    double sum = bias ? wn_get_f64(bias, oc) : 0.0;
                    for (uint32_t icg = 0; icg < in_per_group; icg++) {
                        uint32_t ic = group * in_per_group + icg;
                        for (uint32_t ky = 0; ky < p.filter_h; ky++)
                            for (uint32_t kx = 0; kx < p.filter_w; kx++) {
                                uint32_t iy, ix;
                                if (!transposed_tap(oy, ky, p.strides[0], p.dilations[0], p.padding[0], p.in_h, &iy))
                                    continue;
                                if (!transposed_tap(ox, kx, p.strides[1], p.dilations[1], p.padding[2], p.in_w, &ix))
                                    continue;
                                /* the filter's "i" dim spans all input channels, "o" one group's outputs */
                                sum += wn_get_f64(x, data_index(&x->desc, p.nhwc, n, ic, iy, ix)) *
                                       wn_get_f64(f, filter_index(&f->desc, p.filter_layout, ocg, ic, ky, kx));
                            }
                    }
                    wn_put_f64(y, data_index(&y->desc, p.nhwc, n, oc, oy, ox), sum);
                }
    return 0;
}

const wn_op_impl wn_ops_conv[] = {
    {"conv2d", build_conv2d, compute_conv2d},
    {"convTranspose2d", build_conv_transpose2d, compute_conv_transpose2d},
    {NULL, NULL, NULL},
};
