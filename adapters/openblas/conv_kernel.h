/* conv_kernel.h — the adapter's own GEMM for conv2d (conv_kernel.c): C += A x B with B a
 * filter packed once into panels of OBL_PANEL output channels. */
#ifndef OBL_CONV_KERNEL_H
#define OBL_CONV_KERNEL_H

#include <stddef.h>

/* Columns per panel: a pass never crosses a multiple of OBL_PANEL columns. */
#define OBL_PANEL 64

/* For i in [0, m), j in [j_begin, j_end), k in [0, k_count): the running value of C[i][j],
 * starting from C[i][j] (accumulate) or 0, plus A[i][k] * B[k][j] in order of k; where
 * A[i][k] = a[(i / a_wrap) * a_outer + (i % a_wrap) * a_row + k * a_k] (rows in runs of a_wrap,
 * SIZE_MAX for one run: an output image's rows of pixels over a padded input),
 * C[i][j] = c[i * c_row + j * c_col] and
 * B[k][j] = b[(j / OBL_PANEL) * b_block + j % OBL_PANEL + k * b_k]:
 *   a filter packed in panels of OBL_PANEL columns, [Kg][OBL_PANEL] each: b_k = OBL_PANEL,
 *   b_block = Kg * OBL_PANEL (pass b at a later row for a later range of k);
 *   a row-major matrix with rows of stride ld: b_k = ld, b_block = OBL_PANEL.
 * A pass reads a whole tile's columns of B (up to VL*NV, within one panel) when they lie below
 * b_cols (B's readable width: panels are zero-padded to a multiple of OBL_PANEL); past it,
 * only its own columns (slower). Each element's sum runs in the same order
 * whatever the ranges of rows and columns, and calls over consecutive ranges of k with
 * accumulate add exactly as one call over their union. */
void obl_gemm_panels(size_t m, size_t j_begin, size_t j_end, size_t k_count, const float *a, size_t a_row,
                     size_t a_wrap, size_t a_outer, size_t a_k, const float *b, size_t b_k, size_t b_block,
                     size_t b_cols, float *c, size_t c_row, size_t c_col, int accumulate);

#endif
