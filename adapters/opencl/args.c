/* Argument readers: the named arguments of one ABI operation, the spec's defaults when an
 * optional argument is absent; and the error helpers. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ocl.h"

const wna_arg *ocl_arg(const wna_operation *op, const char *name)
{
    for (uint32_t i = 0; i < op->n_args; i++)
        if (op->args[i].name && strcmp(op->args[i].name, name) == 0) return &op->args[i];
    return NULL;
}

int64_t ocl_arg_operand(const wna_operation *op, const char *name)
{
    const wna_arg *a = ocl_arg(op, name);
    return a && a->kind == WNA_ARG_OPERAND ? (int64_t)a->u.operand : -1;
}

static int64_t as_int(const wna_number *n)
{
    if (n->kind == WNA_NUM_INT) return n->i;
    if (n->kind == WNA_NUM_UINT) return n->u > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n->u;
    if (!(n->f == n->f)) return 0;
    return n->f >= 9.2e18 ? INT64_MAX : n->f <= -9.2e18 ? INT64_MIN : (int64_t)n->f;
}

double ocl_arg_double(const wna_operation *op, const char *name, double dflt)
{
    const wna_arg *a = ocl_arg(op, name);
    if (!a || a->kind != WNA_ARG_NUMBER) return dflt;
    return a->u.number.kind == WNA_NUM_INT ? (double)a->u.number.i
           : a->u.number.kind == WNA_NUM_UINT ? (double)a->u.number.u : a->u.number.f;
}

int64_t ocl_arg_int(const wna_operation *op, const char *name, int64_t dflt)
{
    const wna_arg *a = ocl_arg(op, name);
    return a && a->kind == WNA_ARG_NUMBER ? as_int(&a->u.number) : dflt;
}

int ocl_arg_bool(const wna_operation *op, const char *name, int dflt)
{
    const wna_arg *a = ocl_arg(op, name);
    return a && a->kind == WNA_ARG_BOOL ? a->u.boolean != 0 : dflt;
}

const char *ocl_arg_string(const wna_operation *op, const char *name, const char *dflt)
{
    const wna_arg *a = ocl_arg(op, name);
    return a && a->kind == WNA_ARG_STRING && a->u.string ? a->u.string : dflt;
}

int ocl_arg_ints(const wna_operation *op, const char *name, int64_t *out, uint32_t cap)
{
    const wna_arg *a = ocl_arg(op, name);
    if (!a || a->kind != WNA_ARG_NUMBER_LIST || a->count > cap) return -1;
    for (uint32_t i = 0; i < a->count; i++) out[i] = as_int(&a->u.numbers[i]);
    return (int)a->count;
}

int ocl_fail(wna_error *err, int kind, const char *fmt, ...)
{
    err->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

int ocl_cl_fail(wna_error *err, const char *what, cl_int rc)
{
    return ocl_fail(err, WNA_OPERATION_ERROR, "%s failed with OpenCL error %d", what, (int)rc);
}
