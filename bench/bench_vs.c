/* OpenBLAS against oneDNN (issue 18): the time of the openblas adapter over the onednn
 * adapter's in every row both measured, and the conv2d target: OpenBLAS <= 1.2 x oneDNN's time on
 * every ResNet-50 row. Printed only when both adapters are columns of the run. */
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
        double ratio = a->stats.median_s / b->stats.median_s;
        const char *verdict = "";
        if (resnet) {
            judged++;
            met += ratio <= VS_CONV_TARGET;
            verdict = ratio <= VS_CONV_TARGET ? "met" : "missed";
        }
        printf("| %s | %s | %.3f | %.3f | %.2f | %s |\n", row->section, row->name, a->stats.median_s * 1e3,
               b->stats.median_s * 1e3, ratio, verdict);
    }
    if (judged) printf("\nconv2d ResNet-50 target (openblas <= %.1f x onednn time): met on %d of %d rows\n",
                       VS_CONV_TARGET, met, judged);
}
