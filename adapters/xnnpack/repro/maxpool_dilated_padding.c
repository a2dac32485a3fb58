/* maxpool_dilated_padding.c — XNNPACK's max pooling with a dilated window partly in the
 * padding, without the adapter: `make xnnpack-repro`.
 *
 * For each case, XNNPACK's NHWC max pooling runs on a 7x6x2 image that is followed in memory by
 * as many values again (1000 + their index), so a read past the image is visible and defined.
 * Every output is compared with the window's maximum (the spec: taps in the padding are left
 * out) and with a model of XNNPACK's indirection (Debian's 0.0~git20220216 snapshot): a tap in
 * the padding is replaced by the "safe" tap at o * s - p % d (+ d when that is negative), which
 * near the bottom and right edges is outside the image itself. Exit 0 when XNNPACK agrees with
 * the model everywhere (and says how often that differs from the window's maximum). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <xnnpack.h>

enum { H = 7, W = 6, C = 2 };

typedef struct pool_case {
    int kh, kw, sh, sw, dh, dw, pt, pb, pl, pr; /* window, strides, dilations, padding */
} pool_case;

/* the sensitivity/boundaries.json "(dilated window in the padding)" shapes */
static const pool_case cases[] = {
    {3, 3, 1, 1, 2, 2, 1, 1, 1, 1},
    {2, 3, 1, 1, 1, 2, 1, 1, 1, 2},
    {3, 2, 2, 1, 2, 1, 2, 1, 1, 1},
};

static int out_size(int in, int k, int s, int d, int p0, int p1) { return (in + p0 + p1 - ((k - 1) * d + 1)) / s + 1; }

/* the maximum over the window's taps; with `safe`, padded taps replaced as XNNPACK does */
static float window_max(const pool_case *p, const float *in, int oy, int ox, int c, int safe)
{
    float m = -INFINITY;
    for (int ky = 0; ky < p->kh; ky++)
        for (int kx = 0; kx < p->kw; kx++) {
            int y = oy * p->sh + ky * p->dh - p->pt, x = ox * p->sw + kx * p->dw - p->pl;
            if (safe) {
                int sy = oy * p->sh, sx = ox * p->sw;
                if (sy < p->pt % p->dh) sy += p->dh;
                if (sx < p->pl % p->dw) sx += p->dw;
                if (y < 0 || y >= H) y = sy - p->pt % p->dh;
                if (x < 0 || x >= W) x = sx - p->pl % p->dw;
            } else if (y < 0 || y >= H || x < 0 || x >= W) {
                continue;
            }
            float v = in[(y * W + x) * C + c]; /* y * W + x < 2 * H * W: inside the allocation */
            if (v > m) m = v;
        }
    return m;
}

int main(void)
{
    if (xnn_initialize(NULL) != xnn_status_success) return 2;
    float *in = malloc(2 * H * W * C * sizeof *in), *out = malloc(H * W * C * sizeof *out);
    if (!in || !out) return 2;
    for (int i = 0; i < 2 * H * W * C; i++) in[i] = i < H * W * C ? (float)(i * 37 % 101) : 1000.0f + (float)i;
    int disagree = 0;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const pool_case *p = &cases[k];
        int oh = out_size(H, p->kh, p->sh, p->dh, p->pt, p->pb), ow = out_size(W, p->kw, p->sw, p->dw, p->pl, p->pr);
        xnn_operator_t op;
        if (xnn_create_max_pooling2d_nhwc_f32(p->pt, p->pr, p->pb, p->pl, p->kh, p->kw, p->sh, p->sw, p->dh, p->dw, C, C,
                                              C, -INFINITY, INFINITY, 0, &op) != xnn_status_success ||
            xnn_setup_max_pooling2d_nhwc_f32(op, 1, H, W, in, out, NULL) != xnn_status_success ||
            xnn_run_operator(op, NULL) != xnn_status_success)
            return 2;
        int wrong = 0, past = 0, model_off = 0;
        for (int oy = 0; oy < oh; oy++)
            for (int ox = 0; ox < ow; ox++)
                for (int c = 0; c < C; c++) {
                    float got = out[(oy * ow + ox) * C + c];
                    wrong += got != window_max(p, in, oy, ox, c, 0);
                    past += got >= 1000.0f;
                    model_off += got != window_max(p, in, oy, ox, c, 1);
                }
        printf("window %dx%d strides %d,%d dilations %d,%d padding %d,%d,%d,%d: %d of %d outputs wrong (%d read "
               "past the image), %d not as modelled\n",
               p->kh, p->kw, p->sh, p->sw, p->dh, p->dw, p->pt, p->pb, p->pl, p->pr, wrong, oh * ow * C, past,
               model_off);
        disagree += model_off;
        xnn_delete_operator(op);
    }
    free(in);
    free(out);
    printf(disagree ? "XNNPACK no longer behaves as modelled\n" : "XNNPACK behaves as modelled in every output\n");
    return disagree != 0;
}
