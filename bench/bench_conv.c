/* Section 2: conv2d on ResNet-50 and MobileNetV2 layer shapes (batch 1), in both layouts
 * (nchw + oihw, nhwc + ohwi), next to sgemm at the equivalent GEMM shape
 * M = N·Hout·Wout, N = Cout, K = Cin/groups·kH·kW. Depthwise layers have no sensible GEMM
 * equivalent (K = kH·kW = 9): they are measured in GB/s next to memcpy of the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_adapter.h"

typedef struct conv_case {
    const char *net;
    uint32_t cin, h, w, cout, k, stride, pad;
    int depthwise; /* groups = cin = cout */
} conv_case;

static const conv_case full_cases[] = {
    {"ResNet-50", 3, 224, 224, 64, 7, 2, 3, 0},
    {"ResNet-50", 64, 56, 56, 256, 1, 1, 0, 0},
    {"ResNet-50", 64, 56, 56, 64, 3, 1, 1, 0},
    {"ResNet-50", 128, 28, 28, 128, 3, 1, 1, 0},
    {"ResNet-50", 256, 14, 14, 256, 3, 1, 1, 0},
    {"ResNet-50", 512, 7, 7, 512, 3, 1, 1, 0},
    {"MobileNetV2", 144, 56, 56, 24, 1, 1, 0, 0},
    {"MobileNetV2", 960, 7, 7, 320, 1, 1, 0, 0},
    {"MobileNetV2", 32, 112, 112, 32, 3, 1, 1, 1},
    {"MobileNetV2", 96, 56, 56, 96, 3, 2, 1, 1},
};
static const conv_case smoke_cases[] = {
    {"tiny", 3, 16, 16, 8, 3, 2, 1, 0},
    {"tiny", 8, 8, 8, 16, 1, 1, 0, 0},
    {"tiny", 8, 8, 8, 8, 3, 1, 1, 1},
};

/* ---- one layer in one layout ---- */
static void run_layout(bench_run *r, const conv_case *c, int nhwc, bench_run_fn baseline_run, void *baseline_ctx,
                       const char *baseline_name)
{
    uint32_t groups = c->depthwise ? c->cin : 1;
    uint32_t ho = (c->h + 2 * c->pad - c->k) / c->stride + 1, wo = (c->w + 2 * c->pad - c->k) / c->stride + 1;
    uint32_t cin_g = c->cin / groups;
    double flops = 2.0 * ho * wo * c->cout * cin_g * c->k * c->k;
    size_t n_in = (size_t)c->cin * c->h * c->w, n_f = (size_t)c->cout * cin_g * c->k * c->k,
           n_out = (size_t)c->cout * ho * wo;
    double bytes = 4.0 * (double)(n_in + n_f + n_out);

    char name[BENCH_NAME_MAX];
    snprintf(name, sizeof name, "%s %ux%ux%u %s%ux%u/%u -> %u, %s", c->net, c->cin, c->h, c->w,
             c->depthwise ? "depthwise " : "", c->k, c->k, c->stride, c->cout, nhwc ? "nhwc+ohwi" : "nchw+oihw");
    bench_row *row = c->depthwise ? bench_add_row(r, "depthwise", name, "GB/s", bytes)
                                  : bench_add_row(r, "conv2d", name, "GFLOP/s", flops);
    if (!row) return;
    if (c->depthwise) row->flops = flops;
    snprintf(row->baseline_name, sizeof row->baseline_name, "%s", baseline_name);
    if (!c->depthwise) {
        row->target = 0.70;
        snprintf(row->target_text, sizeof row->target_text, ">= 0.70 × sgemm (equiv. GEMM)");
    }

    float *in = bench_alloc_floats(n_in), *filter = bench_alloc_floats(n_f);
    float *expect = bench_alloc_floats(n_out), *out = bench_alloc_floats(n_out);
    if (!in || !filter || !expect || !out) {
        for (int i = 0; i < r->n_adapters; i++) {
            row->adapters[i].state = CELL_ERROR;
            bench_fmt(row->adapters[i].note, sizeof row->adapters[i].note, "out of memory");
        }
        goto done;
    }
    bench_fill(in, n_in, 21);
    bench_fill(filter, n_f, 22);

    bench_graph g;
    bg_init(&g, "conv2d");
    uint32_t din[4] = {1, c->cin, c->h, c->w}, dout[4] = {1, c->cout, ho, wo};
    uint32_t dfil[4] = {c->cout, cin_g, c->k, c->k};
    if (nhwc) {
        uint32_t a[4] = {1, c->h, c->w, c->cin}, b[4] = {1, ho, wo, c->cout}, f[4] = {c->cout, c->k, c->k, cin_g};
        memcpy(din, a, sizeof din);
        memcpy(dout, b, sizeof dout);
        memcpy(dfil, f, sizeof dfil);
    }
    uint32_t ii = bg_input(&g, "input", 4, din);
    uint32_t ifl = bg_constant(&g, "filter", 4, dfil, filter);
    uint32_t io = bg_result(&g, "output", 4, dout);
    int64_t pads[4] = {c->pad, c->pad, c->pad, c->pad}, strides[2] = {c->stride, c->stride};
    bg_arg_operand(&g, "input", ii);
    bg_arg_operand(&g, "filter", ifl);
    bg_arg_ints(&g, "padding", pads, 4);
    bg_arg_ints(&g, "strides", strides, 2);
    if (groups != 1) bg_arg_int(&g, "groups", groups);
    if (nhwc) {
        bg_arg_string(&g, "inputLayout", "nhwc");
        bg_arg_string(&g, "filterLayout", "ohwi");
    }
    wna_graph graph = bg_graph(&g);
    wna_tensor tin[1] = {bg_tensor(&g, ii, in)};
    bench_row_measure(r, row, &graph, tin, 1, bg_tensor(&g, io, out), NULL, expect, n_out, baseline_run, baseline_ctx);
    if (!c->depthwise) bench_vs_measure(r, row, &graph, tin, 1, bg_tensor(&g, io, out));
done:
    free(in);
    free(filter);
    free(expect);
    free(out);
}

static void run_case(bench_run *r, const conv_case *c)
{
    uint32_t ho = (c->h + 2 * c->pad - c->k) / c->stride + 1, wo = (c->w + 2 * c->pad - c->k) / c->stride + 1;
    char baseline_name[BENCH_NAME_MAX];
    bench_sgemm gemm = {0};
    bench_memcpy copy = {0};
    int ok;
    if (c->depthwise) {
        size_t bytes = 4 * ((size_t)c->cin * c->h * c->w + (size_t)c->cout * c->k * c->k + (size_t)c->cout * ho * wo);
        /* memcpy of half the bytes reads and writes them all once */
        ok = bench_memcpy_init(&copy, bytes / 2) == 0;
        snprintf(baseline_name, sizeof baseline_name, "memcpy %.2f MB", (double)bytes / 2 / 1e6);
    } else {
        int m = (int)(ho * wo), n = (int)c->cout, k = (int)(c->cin * c->k * c->k);
        ok = bench_sgemm_init(&gemm, m, n, k) == 0;
        snprintf(baseline_name, sizeof baseline_name, "sgemm %d×%d×%d", m, n, k);
    }
    if (!ok) {
        fprintf(stderr, "webnn-bench: out of memory for %s\n", baseline_name);
        return;
    }
    bench_run_fn run = c->depthwise ? bench_memcpy_run : bench_sgemm_run;
    void *ctx = c->depthwise ? (void *)&copy : (void *)&gemm;
    run_layout(r, c, 0, run, ctx, baseline_name);
    run_layout(r, c, 1, run, ctx, baseline_name);
    bench_sgemm_free(&gemm);
    bench_memcpy_free(&copy);
}

void bench_conv(bench_run *r)
{
    const conv_case *cases = r->cfg.smoke ? smoke_cases : full_cases;
    size_t n = r->cfg.smoke ? sizeof smoke_cases / sizeof smoke_cases[0] : sizeof full_cases / sizeof full_cases[0];
    for (size_t i = 0; i < n; i++) run_case(r, &cases[i]);
}
