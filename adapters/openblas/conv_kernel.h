/* conv_kernel.h — the adapter's own GEMM for conv2d (conv_kernel.c): C += A x B with B a
 * filter packed once into panels of OBL_PANEL output channels. */
#ifndef OBL_CONV_KERNEL_H
#define OBL_CONV_KERNEL_H

#include <stddef.h>

/* Output channels per panel (zero past the last channel). A panel buffer needs OBL_PANEL_PAD floats more
 * at its end (a narrow pass may read, and never use, floats past its last panel). */
#define OBL_PANEL 64
#define OBL_PANEL_PAD 64

/* For i in [0, m), j in [j_begin, j_end), k in [0, k_count): the running value of C[i][j],
 * starting from C[i][j] (accumulate) or 0, plus A[i][k] * B[k][j] in order of k; where
 * A[i][k] = a[i * a_row + k * a_k], C[i][j] = c[i * c_row + j * c_col], and B the panels
 * whose rows are panel_k long (B[k][j] = panels[((j / OBL_PANEL) * panel_k + k) * OBL_PANEL +
 * j % OBL_PANEL]; pass an offset panels pointer for a later range of k). Each element's sum
 * runs in the same order whatever the ranges of rows and columns, and calls over consecutive
 * ranges of k with accumulate add exactly as one call over their union. */
void obl_gemm_panels(size_t m, size_t j_begin, size_t j_end, size_t k_count, const float *a, size_t a_row,
                     size_t a_k, const float *panels, size_t panel_k, float *c, size_t c_row, size_t c_col,
                     int accumulate);

#endif
