/* Argument readers for the OpenBLAS adapter's kernels: the named arguments of one ABI
 * operation, with the spec's defaults when an optional argument is absent. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "obl.h"

const wna_arg *obl_arg(const wna_operation *op, const char *name)
{
    for (uint32_t i = 0; i < op->n_args; i++)
        if (op->args[i].name && strcmp(op->args[i].name, name) == 0) return &op->args[i];
    return NULL;
}

int64_t obl_arg_operand(const wna_operation *op, const char *name)
{
    const wna_arg *a = obl_arg(op, name);
    return a && a->kind == WNA_ARG_OPERAND ? (int64_t)a->u.operand : -1;
}

/* An integer from any number kind; doubles are truncated, out-of-range ones saturate. */
static int64_t number_int(const wna_number *n)
{
    if (n->kind == WNA_NUM_INT) return n->i;
    if (n->kind == WNA_NUM_UINT) return n->u > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n->u;
    if (!(n->f == n->f)) return 0;
    if (n->f >= 9.2e18) return INT64_MAX;
    if (n->f <= -9.2e18) return INT64_MIN;
    return (int64_t)n->f;
}

static double number_double(const wna_number *n)
{
    if (n->kind == WNA_NUM_INT) return (double)n->i;
    if (n->kind == WNA_NUM_UINT) return (double)n->u;
    return n->f;
}

double obl_arg_double(const wna_operation *op, const char *name, double dflt)
{
    const wna_arg *a = obl_arg(op, name);
    return a && a->kind == WNA_ARG_NUMBER ? number_double(&a->u.number) : dflt;
}

int64_t obl_arg_int(const wna_operation *op, const char *name, int64_t dflt)
{
    const wna_arg *a = obl_arg(op, name);
    return a && a->kind == WNA_ARG_NUMBER ? number_int(&a->u.number) : dflt;
}

int obl_arg_bool(const wna_operation *op, const char *name, int dflt)
{
    const wna_arg *a = obl_arg(op, name);
    if (!a) return dflt;
    if (a->kind == WNA_ARG_BOOL) return a->u.boolean != 0;
    if (a->kind == WNA_ARG_NUMBER) return number_double(&a->u.number) != 0.0;
    return dflt;
}

const char *obl_arg_string(const wna_operation *op, const char *name, const char *dflt)
{
    const wna_arg *a = obl_arg(op, name);
    return a && a->kind == WNA_ARG_STRING && a->u.string ? a->u.string : dflt;
}

int obl_arg_ints(const wna_operation *op, const char *name, int64_t *out, uint32_t cap)
{
    const wna_arg *a = obl_arg(op, name);
    if (!a || a->kind != WNA_ARG_NUMBER_LIST || a->count > cap) return -1;
    for (uint32_t i = 0; i < a->count; i++) out[i] = number_int(&a->u.numbers[i]);
    return (int)a->count;
}

int obl_fail(wna_error *err, int kind, const char *fmt, ...)
{
    err->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

int obl_arg_sizes(const wna_operation *op, const char *name, size_t *out, uint32_t n)
{
    int64_t v[8];
    if (n > 8) return -1;
    int got = obl_arg_ints(op, name, v, 8);
    if (got < 0) return obl_arg(op, name) ? -1 : 0;
    if ((uint32_t)got != n) return -1;
    for (uint32_t i = 0; i < n; i++) /* [EnforceRange] unsigned long: all of it is valid (64-bit arithmetic below) */
        if (v[i] < 0 || v[i] > UINT32_MAX) return -1;
    for (uint32_t i = 0; i < n; i++) out[i] = (size_t)v[i];
    return 0;
}

void obl_axis_split(const wna_desc *d, uint32_t axis, size_t *outer, size_t *len, size_t *inner)
{
    *outer = *inner = 1;
    for (uint32_t a = 0; a < d->rank; a++) {
        if (a < axis) *outer *= d->dims[a];
        if (a > axis) *inner *= d->dims[a];
    }
    *len = axis < d->rank ? d->dims[axis] : 1;
}
