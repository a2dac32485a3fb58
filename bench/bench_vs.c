/* OpenBLAS against oneDNN (issue 18): the time of the openblas adapter over the onednn
 * adapter's in every row both measured, and the conv2d target: OpenBLAS <= 1.2 x oneDNN's time on
 * every ResNet-50 row. Printed only when both adapters are columns of the run.
 *
 * The conv2d rows measure the two adapters a second time in the same rounds (A B A B ...,
 * bench_vs_measure): on the shared 2-core machine the load changes within seconds, and the
 * two medians of the row's own cells, taken one after the other, differed by 2-5x from run to
 * run on the same code. The paired medians are the ones judged where they exist. */
#include <stdio.h>
#include <string.h>

#include "bench_adapter.h"

#define VS_CONV_TARGET 1.2

static int column(const bench_run *r, const char *name)
{
    for (int a = 0; a < r->n_adapters; a++)
        if (strcmp(r->adapters[a]->name, name) == 0) return a;
    return -1;
}

void bench_vs_measure(bench_run *r, bench_row *row, const wna_graph *graph, const wna_tensor *inputs,
                      uint32_t n_inputs, wna_tensor output)
{
    int which[2] = {column(r, "openblas"), column(r, "onednn")};
    if (which[0] < 0 || which[1] < 0 || row->adapters[which[0]].state != CELL_OK ||
        row->adapters[which[1]].state != CELL_OK)
        return;
    row->vs_ok = bench_adapters_paired(r, which, 2, graph, inputs, n_inputs, output, row->vs) == 0;
}

void bench_print_openblas_vs_onednn(const bench_run *r)
{
    int ob = column(r, "openblas"), od = column(r, "onednn");
    if (ob < 0 || od < 0) return;
    printf("\n### OpenBLAS vs oneDNN (time ratio = openblas ms / onednn ms; target: conv2d ResNet-50 rows "
           "<= %.1f)\n\n| section | shape | openblas ms | onednn ms | ratio | target |\n|---|---|---:|---:|---:|---|\n",
           VS_CONV_TARGET);
    int met = 0, judged = 0;
    for (int i = 0; i < r->n_rows; i++) {
        const bench_row *row = &r->rows[i];
        const bench_cell *a = &row->adapters[ob], *b = &row->adapters[od];
        if (strcmp(row->section, "conformance") == 0) continue;
        int resnet = strcmp(row->section, "conv2d") == 0 && strncmp(row->name, "ResNet-50", 9) == 0;
        if (a->state != CELL_OK || b->state != CELL_OK || b->stats.median_s <= 0) {
            printf("| %s | %s | %s | %s | — | %s |\n", row->section, row->name, a->state == CELL_OK ? "ok" : "n/a",
                   b->state == CELL_OK ? "ok" : "n/a", resnet ? "not judged" : "");
            continue;
        }
        double ta = row->vs_ok ? row->vs[0].median_s : a->stats.median_s;
        double tb = row->vs_ok ? row->vs[1].median_s : b->stats.median_s;
        double ratio = ta / tb;
        const char *verdict = "";
        if (resnet) {
            judged++;
            met += ratio <= VS_CONV_TARGET;
            verdict = ratio <= VS_CONV_TARGET ? "met" : "missed";
        }
        printf("| %s | %s | %.3f | %.3f | %.2f%s | %s |\n", row->section, row->name, ta * 1e3, tb * 1e3, ratio,
               row->vs_ok ? " (paired)" : "", verdict);
    }
    if (judged) printf("\nconv2d ResNet-50 target (openblas <= %.1f x onednn time): met on %d of %d rows\n"
                       "(paired: the two adapters measured again in alternating rounds, medians of those)\n",
                       VS_CONV_TARGET, met, judged);
}
