/* conv_kernel.c — a register-tiled GEMM for conv2d, picked at run time for the CPU.
 *
 * Why not cblas_sgemm: OpenBLAS 0.3.21's sgemm speed depends on OPENBLAS_CORETYPE (which an
 * environment may preset, and which its own detection got wrong on a Sapphire Rapids VM:
 * Prescott, SSE3), it splits one call over its threads with a synchronization after every
 * packed panel, and it repacks B at every call. Here the filter is packed once at build into
 * panels as wide as the tile. Measured (single thread, best of 15): on a Xeon with AVX-512
 * 100-128 GFLOP/s against sgemm's 78-102; on an AMD EPYC with AVX2 76 GFLOP/s on 3136x64x576
 * against sgemm's 75 (see adapters/openblas/README.md, "conv2d: the adapter's own GEMM").
 *
 * One tile body, instantiated per ISA (GCC vector extensions; no -march: the .so runs on any
 * x86-64): MR rows of A times NV vectors of VL columns (one panel), MR*NV accumulators in
 * registers (AVX-512: 6 x 4 x 16 lanes, 24 of the 32 zmm; AVX2: 6 x 2 x 8, 12 of the 16 ymm).
 * Per k: NV loads of B, MR broadcasts of A, MR*NV multiply-adds (fused where the ISA has FMA:
 * fp-contract is enabled for these functions only). Rows past m reuse the last row's A (never
 * stored). A's taps may come in segments (a conv2d's kernel rows read in place). A product
 * split into blocks of k continues the running sums, so every element adds its terms in the
 * order of k whatever the blocks. */
#include "conv_kernel.h"

#include <string.h>

/* The accumulators are named variables, never an array: GCC keeps a loop-indexed array of
 * vectors in memory (its scalar replacement runs before the unrolling), which stored all of
 * them at every k and ran this kernel at 15 GFLOP/s instead of 60+ (AVX2, measured). A tile
 * has up to 6 rows (r) of up to 4 vectors (v); the branches on MRn and NVn are constants. */
#define OBL_ROWS(X, N) X(0, N) X(1, N) X(2, N) X(3, N) X(4, N) X(5, N)
#define OBL_DECL(r, N) V t##r##0 = zero, t##r##1 = zero, t##r##2 = zero, t##r##3 = zero; \
    const float *a##r = a_rows[i0 + ((r) < rows ? (size_t)(r) : rows - 1)];
#define OBL_LOAD_C(r, N)                                                                   \
    if ((r) < MRn && ld.p && (r) < rows) {                                                 \
        const float *src = whole_ld ? ld.p + (i0 + (r)) * ld.row + j0 : tb[r];             \
        t##r##0 = N##_load(src);                                                           \
        if (NVn > 1) t##r##1 = N##_load(src + VLn);                                        \
        if (NVn > 2) t##r##2 = N##_load(src + 2 * VLn);                                    \
        if (NVn > 3) t##r##3 = N##_load(src + 3 * VLn);                                    \
    }
#define OBL_FMA(r, N)                                                                      \
    if ((r) < MRn) {                                                                       \
        float x = a##r[k * a_k]; /* k: the tap within the current segment's chunk */        \
        t##r##0 += x * b0;                                                                 \
        if (NVn > 1) t##r##1 += x * b1;                                                    \
        if (NVn > 2) t##r##2 += x * b2;                                                    \
        if (NVn > 3) t##r##3 += x * b3;                                                    \
    }
/* A's row pointers from a segment's chunk to the start of the next segment */
#define OBL_NEXT_SEG(r, N) if ((r) < MRn) a##r += jump;
#define OBL_STORE_C(r, N)                                                                  \
    if ((r) < MRn && (r) < rows) {                                                         \
        float *dst = whole_st ? st.p + (i0 + (r)) * st.row + j0 : tb[r];                   \
        N##_store(dst, t##r##0);                                                           \
        if (NVn > 1) N##_store(dst + VLn, t##r##1);                                        \
        if (NVn > 2) N##_store(dst + 2 * VLn, t##r##2);                                    \
        if (NVn > 3) N##_store(dst + 3 * VLn, t##r##3);                                    \
    }
/* B's NV vectors at row k: from pk, or (right edge) from a zero-padded copy of width columns */
#define OBL_LOAD_B(N, pk)                                                                  \
    V b0 = N##_load(pk), b1 = zero, b2 = zero, b3 = zero;                                  \
    if (NVn > 1) b1 = N##_load((pk) + VLn);                                                \
    if (NVn > 2) b2 = N##_load((pk) + 2 * VLn);                                            \
    if (NVn > 3) b3 = N##_load((pk) + 3 * VLn);

/* Where a tile loads its running sums from (p NULL: they start at 0) or stores them to:
 * element (i, j) at p[i * row + j * col] */
typedef struct c_view {
    float *p;
    size_t row, col;
} c_view;

/* A tile of C that is not whole vectors in place (a pass at C's right edge, or a C whose
 * columns are strided) goes through tb[row][column]: rows x width elements, gathered from or
 * scattered to c[i * row + j * col]. */
typedef float v4f __attribute__((vector_size(4 * sizeof(float)), aligned(sizeof(float)), may_alias));
typedef int v4i __attribute__((vector_size(4 * sizeof(int))));

static void gather_tile(float *tb, size_t tb_row, size_t rows, size_t width, const float *c, size_t row, size_t col)
{
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < width; j++) tb[i * tb_row + j] = c[i * row + j * col];
}

/* An nchw output (row 1: a channel's pixels adjacent) takes a tile of 6 pixels as, per channel,
 * 4 + 2 adjacent floats from 4 x 4 and 2 x 2 transpositions in vector registers: 32 stores per
 * 16 channels instead of 96 (the ResNet-50 stem nchw spent about 0.3 ms of 3 in them). */
static void scatter_tile(const float *tb, size_t tb_row, size_t rows, size_t width, float *c, size_t row, size_t col)
{
    size_t j = 0;
#if defined(__GNUC__) && !defined(__clang__) /* __builtin_shuffle; elsewhere the loop below does it all */
    if (row == 1 && rows == 6)
        for (; j + 4 <= width; j += 4) {
            const float *t = tb + j;
            v4f r0 = *(const v4f *)t, r1 = *(const v4f *)(t + tb_row), r2 = *(const v4f *)(t + 2 * tb_row);
            v4f r3 = *(const v4f *)(t + 3 * tb_row), r4 = *(const v4f *)(t + 4 * tb_row);
            v4f r5 = *(const v4f *)(t + 5 * tb_row);
            v4f u0 = __builtin_shuffle(r0, r1, (v4i){0, 4, 1, 5}), u1 = __builtin_shuffle(r0, r1, (v4i){2, 6, 3, 7});
            v4f u2 = __builtin_shuffle(r2, r3, (v4i){0, 4, 1, 5}), u3 = __builtin_shuffle(r2, r3, (v4i){2, 6, 3, 7});
            v4f w0 = __builtin_shuffle(r4, r5, (v4i){0, 4, 1, 5}), w1 = __builtin_shuffle(r4, r5, (v4i){2, 6, 3, 7});
            v4f col4[4] = {__builtin_shuffle(u0, u2, (v4i){0, 1, 4, 5}), __builtin_shuffle(u0, u2, (v4i){2, 3, 6, 7}),
                           __builtin_shuffle(u1, u3, (v4i){0, 1, 4, 5}), __builtin_shuffle(u1, u3, (v4i){2, 3, 6, 7})};
            float pairs[8];
            memcpy(pairs, &w0, sizeof w0);
            memcpy(pairs + 4, &w1, sizeof w1);
            for (size_t q = 0; q < 4; q++) {
                float *d = c + (j + q) * col;
                *(v4f *)d = col4[q];
                memcpy(d + 4, pairs + 2 * q, 2 * sizeof *d);
            }
        }
#endif
    for (size_t i = 0; i < rows; i++)
        for (size_t jj = j; jj < width; jj++) c[i * row + jj * col] = tb[i * tb_row + jj];
}

#define TILE_KERNEL(NAME, ATTR, VL, NV, MR)                                                                          \
    /* may_alias and 4-byte alignment: a plain unaligned load or store through any float pointer */         \
    typedef float NAME##_vec __attribute__((vector_size((VL) * sizeof(float)), aligned(sizeof(float)), may_alias)); \
    ATTR static inline NAME##_vec NAME##_load(const float *p) { return *(const NAME##_vec *)p; }                   \
    ATTR static inline void NAME##_store(float *p, NAME##_vec v) { *(NAME##_vec *)p = v; }                         \
    ATTR static void NAME(size_t m, size_t j_begin, size_t j_end, size_t k_count, const float *const *a_rows,      \
                          size_t a_k, size_t k_first, size_t k_seg, size_t seg_step, const float *b, size_t b_k,   \
                          size_t b_block, size_t b_cols, c_view ld, c_view st)                                      \
    {                                                                                                               \
        typedef NAME##_vec V;                                                                                       \
        enum { VLn = (VL), NVn = (NV), MRn = (MR), PW = (VL) * (NV) /* the panel width */ };                       \
        _Static_assert((NV) >= 1 && (NV) <= 4 && (MR) >= 1 && (MR) <= 6, "tile: at most 6 rows of 4 vectors");       \
        const V zero = {0};                                                                                         \
        float tb[MR][PW]; /* a tile of C that is not whole vectors in place */                                      \
        for (size_t j0 = j_begin; j0 < j_end;) {                                                                    \
            size_t width = PW - j0 % PW; /* to the end of the panel */                                              \
            if (width > j_end - j0) width = j_end - j0;                                                             \
            const float *pj = b + (j0 / PW) * b_block + j0 % PW;                                                    \
            int whole_b = j0 + PW <= b_cols && j0 % PW == 0;                                                        \
            /* C's tile rows are whole vectors in place */                                                          \
            int whole_ld = ld.col == 1 && width == PW, whole_st = st.col == 1 && width == PW;                       \
            for (size_t i0 = 0; i0 < m; i0 += (MR)) {                                                               \
                size_t rows = m - i0 < (MR) ? m - i0 : (MR); /* rows past m reuse the last row's A */               \
                OBL_ROWS(OBL_DECL, NAME)                                                                            \
                if (ld.p && !whole_ld) gather_tile(tb[0], PW, rows, width, ld.p + i0 * ld.row + j0 * ld.col, ld.row, ld.col); \
                OBL_ROWS(OBL_LOAD_C, NAME)                                                                          \
                /* chunks of k, each within one segment of A (B's k is contiguous across them) */                 \
                for (size_t kb = 0, left = k_seg - k_first;;) {                                                     \
                    size_t n = k_count - kb < left ? k_count - kb : left;                                           \
                    const float *pk = pj + kb * b_k;                                                                \
                    if (whole_b) {                                                                                  \
                        for (size_t k = 0; k < n; k++) {                                                            \
                            OBL_LOAD_B(NAME, pk + k * b_k)                                                          \
                            OBL_ROWS(OBL_FMA, NAME)                                                                 \
                        }                                                                                           \
                    } else { /* a pass at B's right edge (a separate loop: the other keeps t in registers) */        \
                        for (size_t k = 0; k < n; k++) {                                                            \
                            float part[(VL) * (NV)] = {0}; /* reads only the pass's columns */                      \
                            memcpy(part, pk + k * b_k, width * sizeof *part);                                       \
                            OBL_LOAD_B(NAME, part)                                                                  \
                            OBL_ROWS(OBL_FMA, NAME)                                                                 \
                        }                                                                                           \
                    }                                                                                               \
                    kb += n;                                                                                        \
                    if (kb == k_count) break;                                                                       \
                    /* the segment is done: from this chunk's first tap (k_seg - left) to the next one's first */    \
                    ptrdiff_t jump = (ptrdiff_t)seg_step - (ptrdiff_t)((k_seg - left) * a_k);                       \
                    OBL_ROWS(OBL_NEXT_SEG, NAME)                                                                    \
                    left = k_seg;                                                                                   \
                }                                                                                                   \
                OBL_ROWS(OBL_STORE_C, NAME)                                                                         \
                if (!whole_st) scatter_tile(tb[0], PW, rows, width, st.p + i0 * st.row + j0 * st.col, st.row, st.col); \
            }                                                                                                       \
            j0 += width;                                                                                            \
        }                                                                                                           \
    }

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define ISA(t) __attribute__((target(t), optimize("fp-contract=fast")))
TILE_KERNEL(tile_avx512, ISA("avx512f,fma"), 16, 4, 6)
TILE_KERNEL(tile_avx2, ISA("avx2,fma"), 8, 2, 6)
#define HAVE_ISA_TILES 1
#endif
TILE_KERNEL(tile_generic, , 4, 2, 6)

typedef void tile_fn(size_t, size_t, size_t, size_t, const float *const *, size_t, size_t, size_t, size_t,
                     const float *, size_t, size_t, size_t, c_view, c_view);

/* The instance for this CPU, and its tile's width VL * NV (the panel width) */
typedef struct tile_impl {
    tile_fn *fn;
    size_t width;
} tile_impl;

static tile_impl pick_tile(void)
{
#ifdef HAVE_ISA_TILES
    if (__builtin_cpu_supports("avx512f")) return (tile_impl){tile_avx512, 16 * 4};
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return (tile_impl){tile_avx2, 8 * 2};
#endif
    return (tile_impl){tile_generic, 4 * 2};
}

size_t obl_panel_width(void) { return pick_tile().width; }

/* Cache blocks: KC taps by MC rows of A (KC*MC*4 = 288 KiB, in L2) are swept by every column pass
 * before the next block is read, and a pass's B (KC rows) stays in L1/L2. Without them a
 * 49x512x4608 or 3136x256x64 product re-read all of A from memory for each pass: 38 and 48
 * GFLOP/s on AVX2 instead of 60+ (measured). The split over k continues the running sums
 * (accumulate), so each element still adds its terms in order of k. */
enum { KC = 512, MC = 144 };

void obl_gemm_panels(size_t m, size_t j_begin, size_t j_end, size_t k_count, const obl_a_operand *a,
                     const float *b, size_t b_k, size_t b_block, size_t b_cols, const obl_c_operand *c,
                     int accumulate)
{
    tile_fn *tile = pick_tile().fn;
    const float *rows[MC];
    size_t blocks = k_count > KC ? (k_count + KC - 1) / KC : 1, k0 = 0;
    size_t kc_max = (k_count + blocks - 1) / blocks; /* equal blocks: no short last one */
    c_view out = {c->base, c->row, c->col}, sums = c->sums ? (c_view){c->sums, c->sums_row, 1} : out;
    do { /* at least once: k_count == 0 without accumulate still writes C = 0 */
        size_t kc = k_count - k0 < kc_max ? k_count - k0 : kc_max;
        size_t k_first = k0 % a->seg, k_at = (k0 / a->seg) * a->seg_step + k_first * a->k;
        /* the first block starts from C or 0, the last stores into C, the others keep the sums */
        c_view ld = k0 == 0 ? (accumulate ? out : (c_view){NULL, 0, 0}) : sums;
        c_view st = k0 + kc >= k_count ? out : sums;
        for (size_t i0 = 0; i0 < m; i0 += MC) {
            size_t mc = m - i0 < MC ? m - i0 : MC, q = i0 / a->wrap, rem = i0 % a->wrap;
            for (size_t i = 0; i < mc; i++) { /* row i0 + i of A: (q, rem) = its (i0 + i) / wrap, % wrap */
                rows[i] = a->base + q * a->outer + rem * a->row + k_at;
                if (++rem == a->wrap) rem = 0, q++;
            }
            c_view ld_i = {ld.p ? ld.p + i0 * ld.row : NULL, ld.row, ld.col}, st_i = {st.p + i0 * st.row, st.row, st.col};
            tile(mc, j_begin, j_end, kc, rows, a->k, k_first, a->seg, a->seg_step, b + k0 * b_k, b_k, b_block, b_cols,
                 ld_i, st_i);
        }
        k0 += kc;
    } while (k0 < k_count);
}
