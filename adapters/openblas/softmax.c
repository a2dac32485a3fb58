/* softmax.c — softmax(input, axis) in the OpenBLAS adapter: exp(x - max) / sum(exp(x - max))
 * along one axis.
 *
 * The input is viewed as [outer, len, inner] around the axis. For the last axis (inner = 1)
 * each line is contiguous; otherwise each [len, inner] block is processed row by row, with a
 * row of maxima and a row of sums, so every loop runs over contiguous memory. exp(x - max) is
 * evaluated in double (x - max is exact there; in float32 its rounding error would be
 * amplified by exp), stored as float32 in the output, and divided by the double sum.
 * A NaN in a line, a +Inf, or a line of only -Inf makes the whole line NaN, as the spec's
 * emulation (and the reference) do: x - max is then NaN somewhere. */
#include <math.h>
#include <stdlib.h>

#include "obl.h"

typedef struct softmax_state {
    uint32_t in, out;
    size_t outer, len, inner;
    double *max, *sum; /* inner entries each (scratch) */
} softmax_state;

/* Last axis: one contiguous line of n. */
static void softmax_line(const float *x, float *y, size_t n)
{
    double m = -INFINITY;
    for (size_t i = 0; i < n; i++)
        if (isnan(x[i]) || x[i] > m) m = x[i]; /* once NaN, m stays NaN */
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        double e = exp(x[i] - m);
        y[i] = (float)e;
        sum += e;
    }
    for (size_t i = 0; i < n; i++) y[i] = (float)(y[i] / sum);
}

/* Inner axis: a block of len rows of `inner` contiguous elements. */
static void softmax_block(const float *x, float *y, size_t len, size_t inner, double *m, double *sum)
{
    for (size_t j = 0; j < inner; j++) {
        m[j] = -INFINITY;
        sum[j] = 0;
    }
    for (size_t k = 0; k < len; k++) {
        const float *row = x + k * inner;
        for (size_t j = 0; j < inner; j++)
            if (isnan(row[j]) || row[j] > m[j]) m[j] = row[j];
    }
    for (size_t k = 0; k < len; k++) {
        const float *row = x + k * inner;
        float *out = y + k * inner;
        for (size_t j = 0; j < inner; j++) {
            double e = exp(row[j] - m[j]);
            out[j] = (float)e;
            sum[j] += e;
        }
    }
    for (size_t k = 0; k < len; k++) {
        float *out = y + k * inner;
        for (size_t j = 0; j < inner; j++) out[j] = (float)(out[j] / sum[j]);
    }
}

static int softmax_run(const void *state, obl_value *values, wna_error *err)
{
    const softmax_state *s = state;
    const float *x = values[s->in].f;
    float *y = values[s->out].f;
    if (!x || !y) return obl_fail(err, WNA_OPERATION_ERROR, "softmax: operands must be float");
    size_t block = s->len * s->inner;
    for (size_t o = 0; o < s->outer; o++) {
        if (s->inner == 1) softmax_line(x + o * block, y + o * block, s->len);
        else softmax_block(x + o * block, y + o * block, s->len, s->inner, s->max, s->sum);
    }
    return 0;
}

static void softmax_release(void *state)
{
    softmax_state *s = state;
    if (!s) return;
    free(s->max);
    free(s->sum);
    free(s);
}

static int softmax_prepare(const obl_build *bld, const wna_operation *op, void **state, wna_error *err)
{
    int64_t in = obl_arg_operand(op, "input");
    if (in < 0 || op->n_outputs != 1) return obl_fail(err, WNA_OPERATION_ERROR, "softmax: missing operand");
    const wna_desc *d = &bld->values[in].desc;
    int64_t axis = obl_arg_int(op, "axis", -1);
    if (axis < 0 || axis >= (int64_t)d->rank) return obl_fail(err, WNA_OPERATION_ERROR, "softmax: invalid axis");
    if (bld->values[op->outputs[0]].count != bld->values[in].count)
        return obl_fail(err, WNA_OPERATION_ERROR, "softmax: output element count mismatch");
    softmax_state *s = calloc(1, sizeof *s);
    if (!s) return obl_fail(err, WNA_OPERATION_ERROR, "softmax: out of memory");
    s->in = (uint32_t)in;
    s->out = op->outputs[0];
    s->outer = s->inner = 1;
    for (int64_t a = 0; a < (int64_t)d->rank; a++) {
        if (a < axis) s->outer *= d->dims[a];
        if (a > axis) s->inner *= d->dims[a];
    }
    s->len = d->dims[axis];
    if (s->inner > 1) {
        s->max = malloc(s->inner * sizeof *s->max);
        s->sum = malloc(s->inner * sizeof *s->sum);
        if (!s->max || !s->sum) {
            softmax_release(s);
            return obl_fail(err, WNA_OPERATION_ERROR, "softmax: out of memory");
        }
    }
    *state = s;
    return 0;
}

static const wna_operand_limits softmax_limits[] = {
    {"input", OBL_FLOATS, 1, WNA_MAX_RANK},
    {"output", OBL_FLOATS, 1, WNA_MAX_RANK},
};

static const obl_kernel kernels[] = {
    {"softmax", softmax_limits, 2, softmax_prepare, softmax_run, softmax_release},
};

const obl_kernel_set obl_set_softmax = {kernels, 1};
