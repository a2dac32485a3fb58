/* conv_kernel.c — a register-tiled GEMM for conv2d, picked at run time for the CPU.
 *
 * Why not cblas_sgemm: measured on the 2-vCPU development VM (Xeon with AVX-512, single
 * thread, best of 15): this kernel on the blocks conv.c hands it ran 100-128 GFLOP/s where
 * OpenBLAS 0.3.21's sgemm ran 78-102 with its AVX-512 (SkylakeX) kernels and about half that
 * with the Haswell (AVX2) kernels, which an environment may preset (OPENBLAS_CORETYPE);
 * 0.3.21's own detection takes this CPU for Prescott (SSE3). And the filter, packed once at
 * build into panels, is not repacked by every call.
 *
 * One tile body, instantiated per ISA (GCC vector extensions; no -march: the .so runs on any
 * x86-64): MR rows of A times NV vectors of VL columns of one panel, MR*NV accumulators in
 * registers (AVX-512: 6 x 4 x 16 lanes, 24 of the 32 zmm). Per k: NV loads of B, MR
 * broadcasts of A, MR*NV multiply-adds (fused where the ISA has FMA: fp-contract is enabled
 * for these functions only). Rows past m reuse the last row's A (never stored). With
 * `accumulate` the running sums start from C's values instead of 0, so a product split into
 * calls over consecutive ranges of k adds in the same order as one call. */
#include "conv_kernel.h"

#include <string.h>

#define TILE_KERNEL(NAME, ATTR, VL, NV, MR)                                                                          \
    typedef float NAME##_vec __attribute__((vector_size((VL) * sizeof(float)), aligned(sizeof(float))));           \
    ATTR static void NAME(size_t m, size_t j_begin, size_t j_end, size_t k_count, const float *a, size_t a_row,     \
                          size_t a_k, const float *b, size_t b_k, size_t b_block, size_t b_cols, float *c,          \
                          size_t c_row, size_t c_col,                                                               \
                          int accumulate)                                                                           \
    {                                                                                                               \
        for (size_t j0 = j_begin; j0 < j_end;) {                                                                    \
            size_t in_panel = OBL_PANEL - j0 % OBL_PANEL, width = (VL) * (NV);                                      \
            if (width > in_panel) width = in_panel;                                                                 \
            if (width > j_end - j0) width = j_end - j0;                                                             \
            const float *pj = b + (j0 / OBL_PANEL) * b_block + j0 % OBL_PANEL;                                    \
            for (size_t i0 = 0; i0 < m; i0 += (MR)) {                                                               \
                size_t rows = m - i0 < (MR) ? m - i0 : (MR);                                                        \
                const float *ar[MR];                                                                                \
                for (size_t r = 0; r < (MR); r++) ar[r] = a + (i0 + (r < rows ? r : rows - 1)) * a_row;             \
                NAME##_vec t[MR][NV];                                                                               \
                for (size_t r = 0; r < (MR); r++)                                                                   \
                    for (size_t v = 0; v < (NV); v++) t[r][v] = (NAME##_vec){0};                                    \
                for (size_t r = 0; accumulate && r < rows; r++) {                                                   \
                    const float *cr = c + (i0 + r) * c_row + j0 * c_col;                                            \
                    float *tr = (float *)t[r];                                                                      \
                    if (c_col == 1) memcpy(tr, cr, width * sizeof *tr);                                             \
                    else for (size_t j = 0; j < width; j++) tr[j] = cr[j * c_col];                                  \
                }                                                                                                   \
                if (j0 + (VL) * (NV) <= b_cols && j0 % OBL_PANEL + (VL) * (NV) <= OBL_PANEL) {                      \
                    for (size_t k = 0; k < k_count; k++) {                                                          \
                        const float *pk = pj + k * b_k;                                                             \
                        NAME##_vec bv[NV];                                                                          \
                        for (size_t v = 0; v < (NV); v++) memcpy(&bv[v], pk + v * (VL), sizeof bv[v]);              \
                        for (size_t r = 0; r < (MR); r++) {                                                         \
                            float x = ar[r][k * a_k];                                                               \
                            for (size_t v = 0; v < (NV); v++) t[r][v] += x * bv[v];                                 \
                        }                                                                                           \
                    }                                                                                               \
                } else { /* a pass at B's right edge (a separate loop: the other keeps t in registers) */            \
                    for (size_t k = 0; k < k_count; k++) {                                                          \
                        NAME##_vec bv[NV];                                                                          \
                        float part[(VL) * (NV)] = {0}; /* reads only the pass's columns */                          \
                        memcpy(part, pj + k * b_k, width * sizeof *part);                                           \
                        memcpy(bv, part, sizeof bv);                                                                \
                        for (size_t r = 0; r < (MR); r++) {                                                         \
                            float x = ar[r][k * a_k];                                                               \
                            for (size_t v = 0; v < (NV); v++) t[r][v] += x * bv[v];                                 \
                        }                                                                                           \
                    }                                                                                               \
                }                                                                                                   \
                for (size_t r = 0; r < rows; r++) {                                                                 \
                    float *cr = c + (i0 + r) * c_row + j0 * c_col;                                                  \
                    const float *tr = (const float *)t[r];                                                          \
                    if (c_col == 1) memcpy(cr, tr, width * sizeof *tr);                                             \
                    else for (size_t j = 0; j < width; j++) cr[j * c_col] = tr[j];                                  \
                }                                                                                                   \
            }                                                                                                       \
            j0 += width;                                                                                            \
        }                                                                                                           \
    }

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define ISA(t) __attribute__((target(t), optimize("fp-contract=fast")))
TILE_KERNEL(tile_avx512, ISA("avx512f,fma"), 16, 4, 6)
TILE_KERNEL(tile_avx2, ISA("avx2,fma"), 8, 4, 3)
#define HAVE_ISA_TILES 1
#endif
TILE_KERNEL(tile_generic, , 4, 4, 2)

void obl_gemm_panels(size_t m, size_t j_begin, size_t j_end, size_t k_count, const float *a, size_t a_row,
                     size_t a_k, const float *b, size_t b_k, size_t b_block, size_t b_cols, float *c, size_t c_row,
                     size_t c_col, int accumulate)
{
#ifdef HAVE_ISA_TILES
    if (__builtin_cpu_supports("avx512f")) {
        tile_avx512(m, j_begin, j_end, k_count, a, a_row, a_k, b, b_k, b_block, b_cols, c, c_row, c_col, accumulate);
        return;
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        tile_avx2(m, j_begin, j_end, k_count, a, a_row, a_k, b, b_k, b_block, b_cols, c, c_row, c_col, accumulate);
        return;
    }
#endif
    tile_generic(m, j_begin, j_end, k_count, a, a_row, a_k, b, b_k, b_block, b_cols, c, c_row, c_col, accumulate);
}
