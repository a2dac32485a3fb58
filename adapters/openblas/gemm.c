/* matmul and gemm through cblas_sgemm. Operands are read in place (row-major with the
 * transposes given to BLAS), so nothing is copied or packed: sgemm packs its own panels, and
 * OpenBLAS has no public pre-packed sgemm. matmul's batch dims broadcast; when b has no batch
 * (or only 1s) and a is not broadcast, the batch folds into M for a single sgemm call. */
#include <cblas.h>
#include <stdlib.h>
#include <string.h>

#include "obl.h"

#define RANK_LIMIT WNA_MAX_RANK

static const wna_operand_limits matmul_limits[] = {
    {"a", OBL_FLOATS, 2, RANK_LIMIT}, {"b", OBL_FLOATS, 2, RANK_LIMIT}, {"output", OBL_FLOATS, 2, RANK_LIMIT}};
static const wna_operand_limits gemm_limits[] = {
    {"a", OBL_FLOATS, 2, 2}, {"b", OBL_FLOATS, 2, 2}, {"c", OBL_FLOATS, 0, 2}, {"output", OBL_FLOATS, 2, 2}};

/* ---- matmul ---- */

typedef struct matmul_state {
    uint32_t a, b, out;
    int m, n, k;
    size_t batches;  /* sgemm calls */
    size_t *a_off, *b_off; /* per call: element offsets into a and b */
} matmul_state;

static void matmul_release(void *p)
{
    matmul_state *s = p;
    if (!s) return;
    free(s->a_off);
    free(s->b_off);
    free(s);
}

/* Offset (in matrices) of a broadcast operand's batch for the output batch `index`. */
static size_t batch_offset(const wna_desc *src, const wna_desc *out, size_t index)
{
    uint32_t out_batch_rank = out->rank - 2, src_batch_rank = src->rank - 2;
    size_t offset = 0, stride = 1;
    for (uint32_t d = out_batch_rank; d-- > 0;) {
        size_t coord = index % out->dims[d];
        index /= out->dims[d];
        if (d + src_batch_rank < out_batch_rank) continue;
        uint32_t sd = d + src_batch_rank - out_batch_rank;
        if (src->dims[sd] != 1) offset += coord * stride;
        stride *= src->dims[sd];
    }
    return offset;
}

static size_t batch_count(const wna_desc *d)
{
    size_t n = 1;
    for (uint32_t i = 0; i + 2 < d->rank; i++) n *= d->dims[i];
    return n;
}

static int matmul_prepare(const obl_build *bd, const wna_operation *op, void **state, wna_error *err)
{
    int64_t a = obl_arg_operand(op, "a"), b = obl_arg_operand(op, "b");
    if (a < 0 || b < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "matmul needs a and b");
    const wna_desc *ad = &bd->values[a].desc, *bdsc = &bd->values[b].desc, *od = &bd->values[op->outputs[0]].desc;
    matmul_state *s = calloc(1, sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    s->a = (uint32_t)a;
    s->b = (uint32_t)b;
    s->out = op->outputs[0];
    s->m = (int)ad->dims[ad->rank - 2];
    s->k = (int)ad->dims[ad->rank - 1];
    s->n = (int)bdsc->dims[bdsc->rank - 1];
    size_t out_batches = batch_count(od);
    if (batch_count(bdsc) == 1 && batch_count(ad) == out_batches) {
        /* a's batches are consecutive row blocks of one tall matrix */
        s->m = (int)((size_t)s->m * out_batches);
        out_batches = 1;
    }
    s->batches = out_batches;
    s->a_off = malloc(out_batches * sizeof *s->a_off);
    s->b_off = malloc(out_batches * sizeof *s->b_off);
    if (!s->a_off || !s->b_off) {
        matmul_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    }
    size_t a_mat = (size_t)s->m * s->k, b_mat = (size_t)s->k * s->n;
    for (size_t i = 0; i < out_batches; i++) {
        s->a_off[i] = out_batches == 1 ? 0 : batch_offset(ad, od, i) * a_mat;
        s->b_off[i] = out_batches == 1 ? 0 : batch_offset(bdsc, od, i) * b_mat;
    }
    *state = s;
    return 0;
}

static int matmul_run(const void *p, obl_value *v, wna_error *err)
{
    (void)err;
    const matmul_state *s = p;
    const float *a = v[s->a].f, *b = v[s->b].f;
    float *c = v[s->out].f;
    size_t c_mat = (size_t)s->m * s->n;
    for (size_t i = 0; i < s->batches; i++)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, s->m, s->n, s->k, 1.0f, a + s->a_off[i], s->k,
                    b + s->b_off[i], s->n, 0.0f, c + i * c_mat, s->n);
    return 0;
}

/* ---- gemm ---- */

typedef struct gemm_state {
    uint32_t a, b, out;
    int64_t c;        /* operand or -1 */
    int m, n, k;
    int a_t, b_t;
    float alpha, beta;
    wna_desc c_desc;
    float *scratch;   /* alpha == 0: the product, so Inf/NaN in a or b still give NaN */
} gemm_state;

static void gemm_release(void *p)
{
    gemm_state *s = p;
    if (!s) return;
    free(s->scratch);
    free(s);
}

static int gemm_prepare(const obl_build *bd, const wna_operation *op, void **state, wna_error *err)
{
    int64_t a = obl_arg_operand(op, "a"), b = obl_arg_operand(op, "b");
    if (a < 0 || b < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "gemm needs a and b");
    gemm_state *s = calloc(1, sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    s->a = (uint32_t)a;
    s->b = (uint32_t)b;
    s->out = op->outputs[0];
    s->c = obl_arg_operand(op, "c");
    s->a_t = obl_arg_bool(op, "aTranspose", 0);
    s->b_t = obl_arg_bool(op, "bTranspose", 0);
    s->alpha = (float)obl_arg_double(op, "alpha", 1.0);
    s->beta = (float)obl_arg_double(op, "beta", 1.0);
    const wna_desc *ad = &bd->values[a].desc, *od = &bd->values[s->out].desc;
    s->m = (int)od->dims[0];
    s->n = (int)od->dims[1];
    s->k = (int)ad->dims[s->a_t ? 0 : 1];
    if (s->c >= 0) s->c_desc = bd->values[s->c].desc;
    if (s->alpha == 0.0f && !(s->scratch = malloc((size_t)s->m * s->n * sizeof *s->scratch))) {
        gemm_release(s);
        return obl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    }
    *state = s;
    return 0;
}

/* out = beta * c, c broadcast to [m, n] (rank 0, [n], [1, n], [m, 1], [m, n], ...). */
static void fill_beta_c(const gemm_state *s, const float *c, float *out)
{
    const wna_desc *d = &s->c_desc;
    size_t rows = d->rank == 2 ? d->dims[0] : 1, cols = d->rank >= 1 ? d->dims[d->rank - 1] : 1;
    for (int i = 0; i < s->m; i++) {
        const float *crow = c + (rows == 1 ? 0 : (size_t)i * cols);
        float *orow = out + (size_t)i * s->n;
        if (cols == 1)
            for (int j = 0; j < s->n; j++) orow[j] = s->beta * crow[0];
        else
            for (int j = 0; j < s->n; j++) orow[j] = s->beta * crow[j];
    }
}

static int gemm_run(const void *p, obl_value *v, wna_error *err)
{
    (void)err;
    const gemm_state *s = p;
    float *out = v[s->out].f;
    int lda = s->a_t ? s->m : s->k, ldb = s->b_t ? s->k : s->n;
    CBLAS_TRANSPOSE ta = s->a_t ? CblasTrans : CblasNoTrans, tb = s->b_t ? CblasTrans : CblasNoTrans;
    float beta_blas = 0.0f;
    if (s->c >= 0) {
        fill_beta_c(s, v[s->c].f, out);
        beta_blas = 1.0f;
    }
    if (s->scratch) {
        /* BLAS skips the product when alpha is 0; the spec's alpha * (A B) does not */
        size_t mn = (size_t)s->m * s->n;
        cblas_sgemm(CblasRowMajor, ta, tb, s->m, s->n, s->k, 1.0f, v[s->a].f, lda, v[s->b].f, ldb, 0.0f,
                    s->scratch, s->n);
        if (s->c < 0)
            for (size_t i = 0; i < mn; i++) out[i] = 0.0f * s->scratch[i];
        else
            for (size_t i = 0; i < mn; i++) out[i] += 0.0f * s->scratch[i];
        return 0;
    }
    cblas_sgemm(CblasRowMajor, ta, tb, s->m, s->n, s->k, s->alpha, v[s->a].f, lda, v[s->b].f, ldb, beta_blas, out,
                s->n);
    return 0;
}

static const obl_kernel gemm_kernels[] = {
    {"matmul", matmul_limits, 3, matmul_prepare, matmul_run, matmul_release},
    {"gemm", gemm_limits, 4, gemm_prepare, gemm_run, gemm_release},
};

const obl_kernel_set obl_set_gemm = {gemm_kernels, 2};
