/* conv_kernel.h — the adapter's own GEMM for conv2d (conv_kernel.c): C += A x B with B a
 * filter packed once into panels of OBL_PANEL output channels. */
#ifndef OBL_CONV_KERNEL_H
#define OBL_CONV_KERNEL_H

#include <stddef.h>

/* Output channels per panel: B[k][j] is panels[((j / OBL_PANEL) * k_count + k) * OBL_PANEL +
 * j % OBL_PANEL], zero past the last channel. A panel buffer needs OBL_PANEL_PAD floats more
 * at its end (a narrow pass may read, and never use, floats past its last panel). */
#define OBL_PANEL 64
#define OBL_PANEL_PAD 64

/* For i in [0, m), j in [j_begin, j_end): C[i][j] = (accumulate ? C[i][j] : 0) + sum over k
 * in order of A[i][k] * B[k][j], where A[i][k] = a[i * a_row + k * a_k] and C[i][j] =
 * c[i * c_row + j * c_col]. Each C element's sum runs in the same order whatever the ranges,
 * so blocks of rows or columns give the same result as one call. */
void obl_gemm_panels(size_t m, size_t j_begin, size_t j_end, size_t k_count, const float *a, size_t a_row,
                     size_t a_k, const float *panels, float *c, size_t c_row, size_t c_col, int accumulate);

#endif
