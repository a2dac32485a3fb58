/* conv2d and convTranspose2d, both input layouts, every filter layout and groups:
 *   conv2d: the adapter's own register-tiled GEMM (conv_kernel.c) on the filter packed into
 *           panels, its A operand read in place from a zero-padded nhwc copy of the input (one
 *           group, no horizontal dilation, kernel rows of >= OBL_DIRECT_MIN_TAPS taps; the
 *           "implicit" path), else from an im2col; 1x1 stride-1 unpadded conv2d reads the
 *           input itself in place;
 *   depthwise conv2d (one input channel per group): direct loops;
 *   convTranspose2d: sgemm (OpenBLAS) then col2im.
 *
 * The filter is repacked once into the operand the kernel needs (at prepare when it is a
 * constant, at every run when it is a graph input); the im2col/col2im scratch is allocated at
 * prepare. Output sizes come from the output descriptor the builder inferred, so outputSizes,
 * outputPadding and rounding need no code here: taps landing outside the output are dropped.
 *
 * conv2d per batch n and group g (Kg = Cg*kh*kw): out[pixels, Og] = cols[pixels, Kg] x
 * W[Kg, Og] in both layouts (the im2col writes one row of Kg taps per output pixel, the
 * implicit path reads them in place as kh segments of kw*C; nchw output is the same product
 * stored with a channel's pixels contiguous; nchw 1x1 computes out[Og, pixels] = W[Og, Cg] x in[Cg, pixels] instead), cut into blocks of output rows, or
 * with fewer pixels than output channels into blocks of channels (plan_blocks); each block is
 * computed by one thread.
 * convTranspose2d per batch n and group g:
 *   convT nchw:  cols[Og*kh*kw, H*W] = W[Cg, Og*kh*kw]^T x in[Cg, H*W], then col2im
 *   convT nhwc:  cols[H*W, kh*kw*Og] = in[H*W, Cg] x W[Cg, kh*kw*Og], then col2im
 *
 * Threads: conv2d's blocks (a row block's im2col and product together), im2col and the
 * depthwise loops run on the adapter's pool (par.c) when big; the convTranspose2d sgemm runs
 * on OpenBLAS's own threads, never inside a pool loop (two pools busy on the same cores would
 * oversubscribe them). Each output element's taps are summed in the same order with or
 * without threads, whatever the blocks. */
#include <cblas.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "obl.h"
#include "conv_kernel.h"
#include "par.h"

static const wna_operand_limits conv_limits[] = {
    {"input", OBL_FLOATS, 4, 4}, {"filter", OBL_FLOATS, 4, 4}, {"bias", OBL_FLOATS, 1, 1}, {"output", OBL_FLOATS, 4, 4}};

typedef struct conv_state {
    uint32_t in, filter, out;
    int64_t bias;        /* operand or -1 */
    int transpose, nhwc;
    int depthwise;       /* conv2d with one input channel per group: direct loops */
    int plain_gemm;      /* conv2d 1x1, stride 1, no padding: the input is the GEMM operand */
    int filter_packed;   /* constant filter, packed at prepare */
    int chan_split;      /* conv2d with fewer output pixels than channels: blocks of channels */
    size_t blk_rows;     /* conv2d, else: output rows per block */
    size_t n_blk;        /* conv2d: blocks of rows or of channels per (batch, group) */
    size_t blk_chans;    /* chan_split: output channels per block */
    int implicit;        /* conv2d, one group, no horizontal dilation: over the padded input, no im2col */
    size_t hp, wp;       /* implicit: the padded input's height and width */
    size_t n, c, h, w, o, oh, ow, kh, kw, g, cg, og;
    size_t panel;        /* conv2d: obl_panel_width(), the filter's panels' columns */
    size_t sh, sw, dh, dw, pt, pl;
    size_t fs_o, fs_i, fs_h, fs_w; /* strides of the filter's logical o, i, h, w */
    float *wpack;
    float *cols;
    float *padded;       /* implicit: one batch's input, nhwc, inside a zero border; [hp][wp][C] */
    float *pixel_major;  /* implicit with nchw: one batch's running sums as [OH*OW][O] */
} conv_state;

static void conv_release(void *p)
{
    conv_state *s = p;
    if (!s) return;
    free(s->wpack);
    free(s->cols);
    free(s->padded);
    free(s->pixel_major);
    free(s);
}

/* Strides of the letters 'o', 'i', 'h', 'w' of a 4-letter layout over its dims. */
static void layout_strides(const char *layout, const wna_desc *d, conv_state *s)
{
    size_t stride = 1;
    for (int k = 3; k >= 0; k--) {
        switch (layout[k]) {
        case 'o': s->fs_o = stride; break;
        case 'i': s->fs_i = stride; break;
        case 'h': s->fs_h = stride; break;
        default: s->fs_w = stride; break;
        }
        stride *= d->dims[k];
    }
}

static size_t dim_of(const char *layout, const wna_desc *d, char letter)
{
    return d->dims[strchr(layout, letter) - layout];
}

static inline float filter_at(const conv_state *s, const float *f, size_t o, size_t i, size_t y, size_t x)
{
    return f[o * s->fs_o + i * s->fs_i + y * s->fs_h + x * s->fs_w];
}

/* Repacks the filter into the GEMM operand (see the file comment for each layout). */
static void pack_filter(const conv_state *s, const float *f)
{
    float *p = s->wpack;
    size_t kh = s->kh, kw = s->kw;
    if (!s->transpose && s->depthwise && s->nhwc) {
        /* [kh][kw][O]: one tap's weights for every output channel, contiguous */
        for (size_t y = 0; y < kh; y++)
            for (size_t x = 0; x < kw; x++)
                for (size_t o = 0; o < s->o; o++) *p++ = filter_at(s, f, o, 0, y, x);
    } else if (!s->transpose && s->depthwise) {
        /* [O][kh][kw] */
        for (size_t o = 0; o < s->o; o++)
            for (size_t y = 0; y < kh; y++)
                for (size_t x = 0; x < kw; x++) *p++ = filter_at(s, f, o, 0, y, x);
    } else if (!s->transpose && !s->nhwc && s->plain_gemm) {
        /* nchw 1x1: [O][Cg], the A operand of gemm_block's channels-as-rows product */
        for (size_t o = 0; o < s->o; o++)
            for (size_t i = 0; i < s->cg; i++) *p++ = filter_at(s, f, o, i, 0, 0);
    } else if (!s->transpose) {
        /* panels (conv_kernel.h) per group: [G][Og / P][Kg][P], zero past Og (P = s->panel);
         * k in the order of A's taps: (ky, kx, c) for nhwc and the padded input, (c, ky, kx)
         * for the nchw im2col */
        size_t kg = s->cg * kh * kw, panels = obl_tasks(s->og, s->panel);
        int hwc = s->nhwc || s->implicit;
        for (size_t g = 0; g < s->g; g++)
            for (size_t jb = 0; jb < panels; jb++)
                for (size_t k = 0; k < kg; k++) {
                    size_t i = hwc ? k % s->cg : k / (kh * kw);
                    size_t y = hwc ? k / (kw * s->cg) : k / kw % kh, x = hwc ? k / s->cg % kw : k % kw;
                    for (size_t j = 0; j < s->panel; j++) {
                        size_t o = jb * s->panel + j;
                        *p++ = o < s->og ? filter_at(s, f, g * s->og + o, i, y, x) : 0.0f;
                    }
                }
    } else if (!s->nhwc) {
        /* transpose: [C][Og][kh][kw] (the filter's i spans all input channels) */
        for (size_t i = 0; i < s->c; i++)
            for (size_t o = 0; o < s->og; o++)
                for (size_t y = 0; y < kh; y++)
                    for (size_t x = 0; x < kw; x++) *p++ = filter_at(s, f, o, i, y, x);
    } else {
        /* transpose: [C][kh][kw][Og] */
        for (size_t i = 0; i < s->c; i++)
            for (size_t y = 0; y < kh; y++)
                for (size_t x = 0; x < kw; x++)
                    for (size_t o = 0; o < s->og; o++) *p++ = filter_at(s, f, o, i, y, x);
    }
}

/* a * b into *out, false on overflow past `limit`. */
static int mul_le(size_t a, size_t b, size_t limit, size_t *out)
{
    if (a != 0 && b > limit / a) return 0;
    *out = a * b;
    return 1;
}

/* Floats of im2col per row block: a block's rows stay in the L2 cache between its im2col
 * and its product (512 KiB). Overridable to test other splits. */
#ifndef OBL_CONV_BLOCK
#define OBL_CONV_BLOCK ((size_t)1 << 17)
#endif
/* Floats of output per row block on the implicit path (128 KiB: the block's C tiles stay in
 * L2 across its blocks of k). Measured on 1 thread against 2^13 floats of output and against
 * the im2col's rule, when each kernel row was a product of its own: the best of the three on
 * the ResNet-50 rows. */
#ifndef OBL_IMPLICIT_BLOCK
#define OBL_IMPLICIT_BLOCK ((size_t)1 << 15)
#endif

/* conv2d reads the padded input in place (no im2col) only when a kernel row has this many
 * taps (kw * C): the kernel's inner loop runs once per kernel row, and an im2col's single run
 * of Kg taps repays its copy when the rows are short. The ResNet-50 stem (7x7 over 3 channels,
 * 21 taps) is faster in place: nhwc 1.7 ms against 2.1 ms through im2col (2 threads, AVX2,
 * measured with one product per kernel row); fewer taps were not measured. */
#ifndef OBL_DIRECT_MIN_TAPS
#define OBL_DIRECT_MIN_TAPS 16
#endif

/* How a conv2d's product per (batch, group) is cut into blocks for the pool. Many pixels:
 * blocks of output rows, at least two when there are two rows, about OBL_CONV_BLOCK floats of
 * im2col each, or on the implicit path OBL_IMPLICIT_BLOCK floats of output (a 56x56 layer of
 * 64 channels: 9 rows, so 8 blocks of 7 rows on 2 threads). Fewer pixels than
 * output channels (late ResNet layers, 49 pixels x 512 channels): blocks of about 128
 * channels, at least two, whole panels once a block is that wide. The blocks depend on the
 * shape and the pool's size only, and no element's sum depends on them. */
static void plan_blocks(conv_state *s)
{
    size_t plane = s->oh * s->ow, kg = s->cg * s->kh * s->kw, tmp;
    s->chan_split = plane < s->og && mul_le(plane, s->og, (size_t)INT_MAX, &tmp);
    if (s->chan_split) {
        size_t want = s->og / 128 > 2 ? s->og / 128 : 2;
        size_t width = obl_tasks(s->og, want);
        if (width >= s->panel) width = obl_tasks(width, s->panel) * s->panel;
        s->blk_chans = width;
        s->n_blk = obl_tasks(s->og, width);
        return;
    }
    size_t row_floats, rows = 1; /* no dim is 0 (adapter.c refuses empty tensors) */
    size_t blk = s->implicit ? OBL_IMPLICIT_BLOCK : OBL_CONV_BLOCK, per_row = s->implicit ? s->og : kg;
    if (mul_le(s->ow, per_row, blk, &row_floats)) rows = blk / row_floats;
    if (s->oh >= 2 && rows > s->oh / 2) rows = obl_tasks(s->oh, 2);
    if (rows > s->oh) rows = s->oh;
    /* few blocks: as many as a multiple of the threads, of equal rows (28 rows in blocks of 9
     * left one thread 18 rows and the other 10; in 4 of 7 each has 14) */
    size_t n = obl_tasks(s->oh, rows), threads = obl_pool_size();
    if (threads > 1 && n < 4 * threads) n = obl_tasks(n, threads) * threads;
    if (n > s->oh) n = s->oh;
    s->blk_rows = obl_tasks(s->oh, n);
    s->n_blk = obl_tasks(s->oh, s->blk_rows);
}

/* The padded input of the implicit path: every tap of every output pixel inside it, and the
 * input at offset (pt, pl). False (take im2col) when it would pass `limit` floats. */
static int padded_size(conv_state *s, size_t limit, size_t *floats)
{
    size_t reach_h, reach_w, tmp;
    if (!mul_le(s->oh - 1, s->sh, limit, &reach_h) || !mul_le(s->kh - 1, s->dh, limit, &tmp) ||
        tmp > limit - reach_h || s->pt > limit - s->h)
        return 0;
    reach_h += tmp + 1;
    if (!mul_le(s->ow - 1, s->sw, limit, &reach_w) || !mul_le(s->kw - 1, s->dw, limit, &tmp) ||
        tmp > limit - reach_w || s->pl > limit - s->w)
        return 0;
    reach_w += tmp + 1;
    s->hp = reach_h > s->pt + s->h ? reach_h : s->pt + s->h;
    s->wp = reach_w > s->pl + s->w ? reach_w : s->pl + s->w;
    return mul_le(s->hp, s->wp, limit, &tmp) && mul_le(tmp, s->c, limit, floats);
}

static int conv_prepare_common(const obl_build *b, const wna_operation *op, void **state, wna_error *err,
                               int transpose)
{
    int64_t in = obl_arg_operand(op, "input"), filter = obl_arg_operand(op, "filter");
    if (in < 0 || filter < 0 || op->n_outputs != 1)
        return obl_fail(err, WNA_OPERATION_ERROR, "needs input and filter");
    conv_state *s = calloc(1, sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    s->transpose = transpose;
    s->in = (uint32_t)in;
    s->filter = (uint32_t)filter;
    s->out = op->outputs[0];
    s->bias = obl_arg_operand(op, "bias");
    s->nhwc = strcmp(obl_arg_string(op, "inputLayout", "nchw"), "nhwc") == 0;
    const char *layout = obl_arg_string(op, "filterLayout", transpose ? "iohw" : "oihw");
    const wna_desc *id = &b->values[in].desc, *fd = &b->values[filter].desc, *od = &b->values[s->out].desc;
    size_t pad[4] = {0, 0, 0, 0}, strides[2] = {1, 1}, dil[2] = {1, 1};
    if (strlen(layout) != 4 || !strchr(layout, 'o') || !strchr(layout, 'i') || !strchr(layout, 'h') ||
        !strchr(layout, 'w') || obl_arg_sizes(op, "padding", pad, 4) || obl_arg_sizes(op, "strides", strides, 2) ||
        obl_arg_sizes(op, "dilations", dil, 2)) {
        conv_release(s);
        return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "unexpected options");
    }
    s->pt = pad[0];
    s->pl = pad[2];
    s->sh = strides[0];
    s->sw = strides[1];
    s->dh = dil[0];
    s->dw = dil[1];
    s->g = (size_t)obl_arg_int(op, "groups", 1);
    s->n = id->dims[0];
    s->c = id->dims[s->nhwc ? 3 : 1];
    s->h = id->dims[s->nhwc ? 1 : 2];
    s->w = id->dims[s->nhwc ? 2 : 3];
    s->o = od->dims[s->nhwc ? 3 : 1];
    s->oh = od->dims[s->nhwc ? 1 : 2];
    s->ow = od->dims[s->nhwc ? 2 : 3];
    s->kh = dim_of(layout, fd, 'h');
    s->kw = dim_of(layout, fd, 'w');
    layout_strides(layout, fd, s);
    if (s->g == 0 || s->c % s->g != 0 || s->o % s->g != 0) {
        conv_release(s);
        return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "channels are not multiples of groups");
    }
    s->cg = s->c / s->g;
    s->og = s->o / s->g;
    if (!transpose) {
        s->depthwise = s->cg == 1 && s->g > 1;
        s->plain_gemm = s->kh == 1 && s->kw == 1 && s->sh == 1 && s->sw == 1 && pad[0] == 0 && pad[1] == 0 &&
                        pad[2] == 0 && pad[3] == 0 && s->oh == s->h && s->ow == s->w && !s->depthwise;
    }
    /* every GEMM dimension must fit BLAS's int (convTranspose2d's sgemm, and the same limits
     * for conv2d); the scratch must stay below 2^31 floats */
    const size_t lim = (size_t)INT_MAX;
    size_t taps = 0, kg = 0, cols = 0, padded = 0, pixel_major = 0, tmp;
    int ok = mul_le(s->kh, s->kw, lim, &taps) && mul_le(taps, s->cg, lim, &kg) && mul_le(taps, s->og, lim, &tmp) &&
             mul_le(s->oh, s->ow, lim, &tmp) && mul_le(s->n * s->h, s->w, lim, &tmp);
    if (ok && !s->depthwise && !s->plain_gemm)
        ok = transpose ? mul_le(taps * s->og, s->h * s->w, lim, &cols) : mul_le(kg, s->oh * s->ow, lim, &cols);
    size_t wcount = (size_t)fd->dims[0] * fd->dims[1] * fd->dims[2] * fd->dims[3];
    s->panel = obl_panel_width();
    if (ok && !transpose && !s->depthwise) /* the panels: G * ceil(Og / P) * P * Kg */
        ok = mul_le(obl_tasks(s->og, s->panel) * s->panel, kg, lim, &tmp) && mul_le(tmp, s->g, lim, &wcount);
    if (!ok) {
        conv_release(s);
        return obl_fail(err, WNA_NOT_SUPPORTED_ERROR, "sizes beyond what one GEMM call can take");
    }
    if (!transpose && !s->depthwise) {
        /* the implicit path, unless its padded copy (or nchw's running sums) would be too big */
        s->implicit = !s->plain_gemm && s->g == 1 && s->dw == 1 && s->kw * s->c >= OBL_DIRECT_MIN_TAPS &&
                      padded_size(s, lim, &padded) && (s->nhwc || mul_le(s->oh * s->ow, s->o, lim, &pixel_major));
        plan_blocks(s);
    }
    if (s->implicit) cols = 0;
    else padded = pixel_major = 0;
    s->wpack = malloc(wcount * sizeof *s->wpack);
    s->cols = cols ? malloc(cols * sizeof *s->cols) : NULL;
    s->padded = padded ? calloc(padded, sizeof *s->padded) : NULL; /* the border stays zero */
    s->pixel_major = pixel_major ? malloc(pixel_major * sizeof *s->pixel_major) : NULL;
    if (!s->wpack || (cols && !s->cols) || (padded && !s->padded) || (pixel_major && !s->pixel_major)) {
        conv_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    }
    if (b->values[filter].is_constant) {
        pack_filter(s, b->values[filter].f);
        s->filter_packed = 1;
    }
    *state = s;
    return 0;
}

static int conv2d_prepare(const obl_build *b, const wna_operation *op, void **state, wna_error *err)
{
    return conv_prepare_common(b, op, state, err, 0);
}

static int conv_transpose2d_prepare(const obl_build *b, const wna_operation *op, void **state, wna_error *err)
{
    return conv_prepare_common(b, op, state, err, 1);
}

/* Output init: the bias per channel, or zeros. */
static void init_output(const conv_state *s, float *out, const float *bias)
{
    size_t plane = s->oh * s->ow;
    if (!bias) {
        memset(out, 0, s->n * plane * s->o * sizeof *out);
        return;
    }
    for (size_t n = 0; n < s->n; n++) {
        if (s->nhwc) {
            for (size_t p = 0; p < plane; p++) memcpy(out + (n * plane + p) * s->o, bias, s->o * sizeof *out);
        } else {
            for (size_t o = 0; o < s->o; o++) {
                float *dst = out + (n * s->o + o) * plane, v = bias[o];
                for (size_t p = 0; p < plane; p++) dst[p] = v;
            }
        }
    }
}

/* The range [lo, hi) of output x whose tap at offset `off` = kx*dw - pl lands in [0, w). */
static void valid_range(size_t out_w, size_t stride, long off, size_t w, size_t *lo, size_t *hi)
{
    long s = (long)stride;
    long first = off >= 0 ? 0 : (-off + s - 1) / s;         /* smallest x with x*s + off >= 0 */
    long last = (long)w - 1 - off < 0 ? -1 : ((long)w - 1 - off) / s; /* largest x with x*s + off < w */
    if (last >= (long)out_w) last = (long)out_w - 1;
    *lo = (size_t)first;
    *hi = last < first ? (size_t)first : (size_t)(last + 1);
}

/* What a parallel conv task needs (im2col: batch n and group g). */
typedef struct conv_job {
    const conv_state *s;
    const float *in;
    float *out;
    size_t n, g;
    int accumulate;      /* conv2d: 1 adds onto the bias already in out, 0 overwrites */
} conv_job;

/* nchw im2col, batch n, group g: cols[oy*OW + ox][(c, ky, kx)], the pixels as rows. Each pixel's
 * row is written contiguously; the source planes of a small layer stay in L1/L2. Interior
 * pixels (every tap inside the input) take a loop without bounds checks. Task oy fills the
 * rows of output row oy. */
static void im2col_nchw_t_task(void *ctx, size_t oy)
{
    const conv_job *job = ctx;
    const conv_state *s = job->s;
    const size_t kh = s->kh, kw = s->kw, cg = s->cg, hw = s->h * s->w, w = s->w;
    const size_t dh = s->dh, dw = s->dw;
    const float *src0 = job->in + (job->n * s->c + job->g * cg) * hw;
    float *dst = s->cols + oy * s->ow * cg * kh * kw;
    long iy0 = (long)(oy * s->sh) - (long)s->pt;
    int rows_inside = iy0 >= 0 && iy0 + (long)((kh - 1) * dh) < (long)s->h;
    for (size_t ox = 0; ox < s->ow; ox++) {
        long ix0 = (long)(ox * s->sw) - (long)s->pl;
        if (rows_inside && ix0 >= 0 && ix0 + (long)((kw - 1) * dw) < (long)w) {
            const float *src = src0 + (size_t)iy0 * w + (size_t)ix0;
            if (kh == 3 && kw == 3 && dh == 1 && dw == 1) {
                for (size_t c = 0; c < cg; c++, src += hw, dst += 9) {
                    dst[0] = src[0], dst[1] = src[1], dst[2] = src[2];
                    dst[3] = src[w], dst[4] = src[w + 1], dst[5] = src[w + 2];
                    dst[6] = src[2 * w], dst[7] = src[2 * w + 1], dst[8] = src[2 * w + 2];
                }
                continue;
            }
            for (size_t c = 0; c < cg; c++, src += hw)
                for (size_t ky = 0; ky < kh; ky++)
                    for (size_t kx = 0; kx < kw; kx++) *dst++ = src[ky * dh * w + kx * dw];
            continue;
        }
        for (size_t c = 0; c < cg; c++) {
            const float *plane = src0 + c * hw;
            for (size_t ky = 0; ky < kh; ky++) {
                long iy = iy0 + (long)(ky * dh);
                int row_in = iy >= 0 && iy < (long)s->h;
                for (size_t kx = 0; kx < kw; kx++) {
                    long ix = ix0 + (long)(kx * dw);
                    *dst++ = row_in && ix >= 0 && ix < (long)w ? plane[(size_t)iy * w + (size_t)ix] : 0.0f;
                }
            }
        }
    }
}

/* nhwc im2col of batch n, group g: cols[oy*OW + ox][(ky, kx, c)]. With one group and no
 * horizontal dilation the taps of one kernel row are one contiguous run of the input (kw*C
 * floats), copied at once: a 7x7 kernel over 3 channels copies 21 floats, not 7 runs of 3. */
static void im2col_nhwc_task(void *ctx, size_t oy)
{
    const conv_job *job = ctx;
    const conv_state *s = job->s;
    const float *in = job->in;
    size_t n = job->n, g = job->g;
    size_t cg = s->cg, kw = s->kw, krow = kw * cg, kg = s->kh * krow;
    int runs = s->g == 1 && s->dw == 1;
    float *dst = s->cols + oy * s->ow * kg;
    for (size_t ox = 0; ox < s->ow; ox++)
        for (size_t ky = 0; ky < s->kh; ky++, dst += krow) {
            long iy = (long)(oy * s->sh + ky * s->dh) - (long)s->pt;
            if (iy < 0 || iy >= (long)s->h) {
                memset(dst, 0, krow * sizeof *dst);
                continue;
            }
            const float *srow = in + (n * s->h + (size_t)iy) * s->w * s->c + g * cg;
            long ix0 = (long)(ox * s->sw) - (long)s->pl;
            if (runs) { /* taps kx in [klo, khi) land inside the row */
                long lo = ix0 < 0 ? -ix0 : 0, hi = (long)s->w - ix0;
                size_t klo = lo > (long)kw ? kw : (size_t)lo;
                size_t khi = hi < (long)klo ? klo : hi > (long)kw ? kw : (size_t)hi;
                memset(dst, 0, klo * cg * sizeof *dst);
                if (khi > klo)
                    memcpy(dst + klo * cg, srow + (size_t)(ix0 + (long)klo) * cg, (khi - klo) * cg * sizeof *dst);
                memset(dst + khi * cg, 0, (kw - khi) * cg * sizeof *dst);
                continue;
            }
            for (size_t kx = 0; kx < kw; kx++) {
                long ix = ix0 + (long)(kx * s->dw);
                if (ix < 0 || ix >= (long)s->w) memset(dst + kx * cg, 0, cg * sizeof *dst);
                else memcpy(dst + kx * cg, srow + (size_t)ix * s->c, cg * sizeof *dst);
            }
        }
}

/* The columns of a group's panels (zero past Og). */
static size_t panel_cols(const conv_state *s) { return obl_tasks(s->og, s->panel) * s->panel; }

/* The A operand of pixels [p0, ...) of batch n, group g, and its row stride: the im2col rows
 * (pixel-major in both layouts), or for nhwc 1x1 stride-1 unpadded the input itself (a
 * pixel's channels are contiguous). */
static const float *a_operand(const conv_job *job, size_t p0, size_t *a_row)
{
    const conv_state *s = job->s;
    size_t kg = s->cg * s->kh * s->kw;
    if (!s->plain_gemm) {
        *a_row = kg;
        return s->cols + p0 * kg;
    }
    *a_row = s->c;
    return job->in + (job->n * s->oh * s->ow + p0) * s->c + job->g * s->cg;
}

/* out[pixels [p0, p0 + pixels), channels [c0, c1)] of batch n, group g. Rows of the product
 * are pixels (nhwc: a pixel's channels contiguous in C; nchw: a channel's pixels contiguous,
 * stored element by element), B the filter panels; except nchw 1x1, whose product is taken
 * the other way: rows are channels (A the filter as [Og][Cg]), B the input planes read in
 * place (a row of B: one input channel's pixels), so C rows are contiguous too. */
static void gemm_block(const conv_job *job, size_t p0, size_t pixels, size_t c0, size_t c1)
{
    const conv_state *s = job->s;
    size_t plane = s->oh * s->ow, kg = s->cg * s->kh * s->kw, a_row;
    if (!s->nhwc && s->plain_gemm) {
        obl_a_operand a = {s->wpack + (job->g * s->og + c0) * kg, kg, SIZE_MAX, 0, 1, SIZE_MAX, 0};
        obl_c_operand c = {job->out + (job->n * s->o + job->g * s->og + c0) * plane + p0, plane, 1, NULL, 0};
        obl_gemm_panels(c1 - c0, 0, pixels, kg, &a, job->in + (job->n * s->c + job->g * s->cg) * plane + p0, plane,
                        s->panel, plane - p0, &c, job->accumulate);
        return;
    }
    const float *a_base = a_operand(job, p0, &a_row);
    obl_a_operand a = {a_base, a_row, SIZE_MAX, 0, 1, SIZE_MAX, 0};
    const float *panels = s->wpack + job->g * panel_cols(s) * kg;
    obl_c_operand c = {s->nhwc ? job->out + (job->n * plane + p0) * s->o + job->g * s->og
                               : job->out + (job->n * s->o + job->g * s->og) * plane + p0,
                       s->nhwc ? s->o : 1, s->nhwc ? 1 : plane, NULL, 0};
    obl_gemm_panels(pixels, c0, c1, kg, &a, panels, s->panel, kg * s->panel, panel_cols(s), &c, job->accumulate);
}

/* Implicit path, input row y of batch n into the padded copy, at (pt + y, pl): a row copy
 * (nhwc) or a transposition (nchw, one channel's row at a time). */
static void pad_row_task(void *ctx, size_t y)
{
    const conv_job *job = ctx;
    const conv_state *s = job->s;
    size_t c = s->c, w = s->w;
    float *dst = s->padded + ((s->pt + y) * s->wp + s->pl) * c;
    if (s->nhwc) {
        memcpy(dst, job->in + (job->n * s->h + y) * w * c, w * c * sizeof *dst);
        return;
    }
    const float *src = job->in + job->n * c * s->h * w + y * w;
    for (size_t ch = 0; ch < c; ch++, src += s->h * w)
        for (size_t x = 0; x < w; x++) dst[x * c + ch] = src[x];
}

/* Implicit path: out[pixels of output rows [y0, y0 + rows), channels [c0, c1)] as one product
 * with A read in place from the padded input: the taps (kx, c) of kernel row ky for pixel
 * (oy, ox) are kw*C contiguous floats at padded[oy*sh + ky*dh][ox*sw], so A's rows step by
 * sw*C within an output row and by sh*wp*C from one output row to the next, and its taps come
 * in kh segments of kw*C, dh*wp*C apart ("implicit GEMM"). Each element adds its taps in the
 * order (ky, kx, c). nchw: the kernel stores the result channel-strided, and keeps the running
 * sums between its blocks of k in the pixel-major scratch (whole vectors, not element by
 * element); the first block starts from the bias init_output wrote. */
static void implicit_block(const conv_job *job, size_t y0, size_t rows, size_t c0, size_t c1)
{
    const conv_state *s = job->s;
    size_t c = s->c, krow = s->kw * c, kg = s->kh * krow, plane = s->oh * s->ow, p0 = y0 * s->ow;
    obl_a_operand a = {s->padded + y0 * s->sh * s->wp * c, s->sw * c, s->ow, s->sh * s->wp * c,
                       1, krow, s->dh * s->wp * c};
    obl_c_operand out = {job->out + (job->n * plane + p0) * s->o, s->o, 1, NULL, 0};
    if (!s->nhwc)
        out = (obl_c_operand){job->out + job->n * s->o * plane + p0, 1, plane, s->pixel_major + p0 * s->o, s->o};
    obl_gemm_panels(rows * s->ow, c0, c1, kg, &a, s->wpack, s->panel, kg * s->panel, panel_cols(s), &out,
                    job->accumulate);
}

/* Row block b: output rows [y0, y1), their im2col, then their product, on one thread. */
static void conv_rows_task(void *ctx, size_t b)
{
    const conv_job *job = ctx;
    const conv_state *s = job->s;
    size_t y0 = b * s->blk_rows, y1 = y0 + s->blk_rows < s->oh ? y0 + s->blk_rows : s->oh;
    if (s->implicit) {
        implicit_block(job, y0, y1 - y0, 0, s->og);
        return;
    }
    if (!s->plain_gemm)
        for (size_t y = y0; y < y1; y++) (s->nhwc ? im2col_nhwc_task : im2col_nchw_t_task)(ctx, y);
    gemm_block(job, y0 * s->ow, (y1 - y0) * s->ow, 0, s->og);
}

/* Channel block b (the im2col of the whole plane is done): channels [c0, c0 + blk_chans). */
static void conv_channels_task(void *ctx, size_t b)
{
    const conv_job *job = ctx;
    const conv_state *s = job->s;
    size_t c0 = b * s->blk_chans, c1 = c0 + s->blk_chans < s->og ? c0 + s->blk_chans : s->og;
    if (s->implicit) implicit_block(job, 0, s->oh, c0, c1);
    else gemm_block(job, 0, s->oh * s->ow, c0, c1);
}

/* conv2d through conv_kernel.c, per batch and group: the blocks of plan_blocks() on the pool. */
static void conv2d_gemm(const conv_state *s, const float *in, float *out, int accumulate)
{
    size_t plane = s->oh * s->ow, kg = s->cg * s->kh * s->kw, work = plane * s->og * kg;
    for (size_t n = 0; n < s->n; n++)
        for (size_t g = 0; g < s->g; g++) {
            conv_job job = {s, in, out, n, g, accumulate};
            if (s->implicit) obl_parallel_for(s->h, s->h * s->w * s->c, pad_row_task, &job);
            if (!s->chan_split) {
                obl_parallel_for(s->n_blk, work, conv_rows_task, &job);
                continue;
            }
            if (!s->plain_gemm && !s->implicit)
                obl_parallel_for(s->oh, plane * kg, s->nhwc ? im2col_nhwc_task : im2col_nchw_t_task, &job);
            obl_parallel_for(s->n_blk, work, conv_channels_task, &job);
        }
}

/* Depthwise conv2d (Cg == 1, O = G * m): out[oc] += w[oc, tap] * in[oc / m] over the taps.
 * nchw: one task per (batch, output channel) plane; nhwc: one task per output row. */
static void depthwise_nchw_task(void *ctx, size_t t)
{
    const conv_job *job = ctx;
    const conv_state *s = job->s;
    const float *in = job->in;
    float *out = job->out;
    size_t m = s->og, taps = s->kh * s->kw;
    size_t n = t / s->o, oc = t % s->o;
    const float *src = in + (n * s->c + oc / m) * s->h * s->w;
    float *dst = out + t * s->oh * s->ow;
    for (size_t ky = 0; ky < s->kh; ky++)
        for (size_t kx = 0; kx < s->kw; kx++) {
            float wv = s->wpack[oc * taps + ky * s->kw + kx];
            long offx = (long)(kx * s->dw) - (long)s->pl;
            size_t lo, hi;
            valid_range(s->ow, s->sw, offx, s->w, &lo, &hi);
            for (size_t oy = 0; oy < s->oh; oy++) {
                long iy = (long)(oy * s->sh + ky * s->dh) - (long)s->pt;
                if (iy < 0 || iy >= (long)s->h) continue;
                const float *restrict srow = src + (size_t)iy * s->w;
                float *restrict drow = dst + oy * s->ow;
                if (s->sw == 1) {
                    const float *restrict sp = srow + offx;
                    for (size_t ox = lo; ox < hi; ox++) drow[ox] += wv * sp[ox];
                } else {
                    for (size_t ox = lo; ox < hi; ox++) drow[ox] += wv * srow[(long)(ox * s->sw) + offx];
                }
            }
        }
}

static void depthwise_nhwc_task(void *ctx, size_t t)
{
    const conv_job *job = ctx;
    const conv_state *s = job->s;
    const float *in = job->in;
    float *out = job->out;
    size_t m = s->og;
    size_t n = t / s->oh, oy = t % s->oh;
    for (size_t ox = 0; ox < s->ow; ox++) {
        float *restrict drow = out + (t * s->ow + ox) * s->o;
        for (size_t ky = 0; ky < s->kh; ky++) {
            long iy = (long)(oy * s->sh + ky * s->dh) - (long)s->pt;
            if (iy < 0 || iy >= (long)s->h) continue;
            for (size_t kx = 0; kx < s->kw; kx++) {
                long ix = (long)(ox * s->sw + kx * s->dw) - (long)s->pl;
                if (ix < 0 || ix >= (long)s->w) continue;
                const float *restrict srow = in + ((n * s->h + (size_t)iy) * s->w + (size_t)ix) * s->c;
                const float *restrict wrow = s->wpack + (ky * s->kw + kx) * s->o;
                if (m == 1) {
                    for (size_t c = 0; c < s->o; c++) drow[c] += srow[c] * wrow[c];
                } else {
                    for (size_t c = 0; c < s->c; c++)
                        for (size_t j = 0; j < m; j++) drow[c * m + j] += srow[c] * wrow[c * m + j];
                }
            }
        }
    }
}

static void conv2d_depthwise(const conv_state *s, const float *in, float *out)
{
    conv_job job = {s, in, out, 0, 0, 0};
    size_t work = s->n * s->o * s->oh * s->ow * s->kh * s->kw;
    if (s->nhwc) obl_parallel_for(s->n * s->oh, work, depthwise_nhwc_task, &job);
    else obl_parallel_for(s->n * s->o, work, depthwise_nchw_task, &job);
}

/* convTranspose2d: per batch and group, the sgemm then col2im (scatter-add into the output). */
static void conv_transpose2d_run(const conv_state *s, const float *in, float *out)
{
    size_t hw = s->h * s->w, plane = s->oh * s->ow, og = s->og;
    size_t rows = og * s->kh * s->kw;
    for (size_t n = 0; n < s->n; n++)
        for (size_t g = 0; g < s->g; g++) {
            const float *wg = s->wpack + g * s->cg * rows;
            if (!s->nhwc) {
                cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)rows, (int)hw, (int)s->cg, 1.0f, wg,
                            (int)rows, in + (n * s->c + g * s->cg) * hw, (int)hw, 0.0f, s->cols, (int)hw);
                const float *col = s->cols;
                for (size_t o = 0; o < og; o++) {
                    float *dst = out + (n * s->o + g * og + o) * plane;
                    for (size_t ky = 0; ky < s->kh; ky++)
                        for (size_t kx = 0; kx < s->kw; kx++, col += hw)
                            for (size_t iy = 0; iy < s->h; iy++) {
                                long oy = (long)(iy * s->sh + ky * s->dh) - (long)s->pt;
                                if (oy < 0 || oy >= (long)s->oh) continue;
                                long offx = (long)(kx * s->dw) - (long)s->pl;
                                float *drow = dst + (size_t)oy * s->ow;
                                const float *crow = col + iy * s->w;
                                for (size_t ix = 0; ix < s->w; ix++) {
                                    long ox = (long)(ix * s->sw) + offx;
                                    if (ox >= 0 && ox < (long)s->ow) drow[ox] += crow[ix];
                                }
                            }
                }
            } else {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)hw, (int)rows, (int)s->cg, 1.0f,
                            in + n * hw * s->c + g * s->cg, (int)s->c, wg, (int)rows, 0.0f, s->cols, (int)rows);
                for (size_t iy = 0; iy < s->h; iy++)
                    for (size_t ix = 0; ix < s->w; ix++) {
                        const float *col = s->cols + (iy * s->w + ix) * rows;
                        for (size_t ky = 0; ky < s->kh; ky++) {
                            long oy = (long)(iy * s->sh + ky * s->dh) - (long)s->pt;
                            for (size_t kx = 0; kx < s->kw; kx++, col += og) {
                                long ox = (long)(ix * s->sw + kx * s->dw) - (long)s->pl;
                                if (oy < 0 || oy >= (long)s->oh || ox < 0 || ox >= (long)s->ow) continue;
                                float *drow = out + ((n * s->oh + (size_t)oy) * s->ow + (size_t)ox) * s->o + g * og;
                                for (size_t o = 0; o < og; o++) drow[o] += col[o];
                            }
                        }
                    }
            }
        }
}

static int conv_run(const void *p, obl_value *v, wna_error *err)
{
    (void)err;
    const conv_state *s = p;
    if (!s->filter_packed) pack_filter(s, v[s->filter].f);
    const float *in = v[s->in].f, *bias = s->bias >= 0 ? v[s->bias].f : NULL;
    float *out = v[s->out].f;
    if (s->transpose) {
        init_output(s, out, bias);
        conv_transpose2d_run(s, in, out);
    } else if (s->depthwise) {
        init_output(s, out, bias);
        conv2d_depthwise(s, in, out);
    } else {
        /* with a bias, the product adds onto it; without, it overwrites the output */
        if (bias) init_output(s, out, bias);
        conv2d_gemm(s, in, out, bias != NULL);
    }
    return 0;
}

static const obl_kernel conv_kernels[] = {
    {"conv2d", conv_limits, 4, conv2d_prepare, conv_run, conv_release},
    {"convTranspose2d", conv_limits, 4, conv_transpose2d_prepare, conv_run, conv_release},
};

const obl_kernel_set obl_set_conv = {conv_kernels, 2};
