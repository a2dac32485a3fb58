/* conv_kernel.h — the adapter's own GEMM for conv2d (conv_kernel.c): C += A x B with B a
 * filter packed once into panels of P output channels. */
#ifndef OBL_CONV_KERNEL_H
#define OBL_CONV_KERNEL_H

#include <stddef.h>

/* Columns per panel of B: the width of the register tile this CPU runs (AVX-512 64, AVX2+FMA
 * 16, else 8), so that a pass over a panel reads its rows contiguously. A pass never crosses a
 * multiple of it. */
size_t obl_panel_width(void);

/* Where A[i][k] lies: a[(i / wrap) * outer + (i % wrap) * row + (k / seg) * seg_step + (k % seg) * k].
 * Rows come in runs of `wrap` (SIZE_MAX: one run), e.g. an output image's rows of pixels over a
 * padded input; taps in segments of `seg` (SIZE_MAX: one), e.g. the kernel rows of a conv2d read
 * in place, seg_step >= seg * k apart. */
typedef struct obl_a_operand {
    const float *base;
    size_t row, wrap, outer;
    size_t k, seg, seg_step;
} obl_a_operand;

/* C[i][j] = base[i * row + j * col]. With `sums` (row-major, rows of sums_row: whole vectors
 * for a C whose col is not 1), a product in several blocks of k keeps its running sums there
 * between blocks and only the last block stores into C: sums[i * sums_row + j]. */
typedef struct obl_c_operand {
    float *base;
    size_t row, col;
    float *sums;
    size_t sums_row;
} obl_c_operand;

/* With P = obl_panel_width(): for i in [0, m), j in [j_begin, j_end), k in [0, k_count): the
 * running value of C[i][j], starting from C[i][j] (accumulate) or 0, plus A[i][k] * B[k][j] in order of k; where
 * B[k][j] = b[(j / P) * b_block + j % P + k * b_k]:
 *   a filter packed in panels of P columns, [Kg][P] each: b_k = P,
 *   b_block = Kg * P (pass b at a later row for a later range of k);
 *   a row-major matrix with rows of stride ld: b_k = ld, b_block = P.
 * A pass reads a whole panel of B when it lies below b_cols (B's readable width: panels are
 * zero-padded to a multiple of P); past it, only its own columns (slower). Each element's sum runs in the same order
 * whatever the ranges of rows and columns, and calls over consecutive ranges of k with
 * accumulate add exactly as one call over their union. */
void obl_gemm_panels(size_t m, size_t j_begin, size_t j_end, size_t k_count, const obl_a_operand *a,
                     const float *b, size_t b_k, size_t b_block, size_t b_cols, const obl_c_operand *c,
                     int accumulate);

#endif
