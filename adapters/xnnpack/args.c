/* Argument readers: the named arguments of one ABI operation, or the spec's default when an
 * optional argument is absent. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xnn.h"

const wna_arg *xa_arg(const wna_operation *op, const char *name)
{
    for (uint32_t i = 0; i < op->n_args; i++)
        if (op->args[i].name && strcmp(op->args[i].name, name) == 0) return &op->args[i];
    return NULL;
}

int64_t xa_arg_operand(const wna_operation *op, const char *name)
{
    const wna_arg *a = xa_arg(op, name);
    return a && a->kind == WNA_ARG_OPERAND ? (int64_t)a->u.operand : -1;
}

static double as_double(const wna_number *n)
{
    return n->kind == WNA_NUM_INT ? (double)n->i : n->kind == WNA_NUM_UINT ? (double)n->u : n->f;
}

/* integers saturate at +-2^62: every size we accept is far below */
static int64_t as_int(const wna_number *n)
{
    double d = as_double(n);
    if (n->kind == WNA_NUM_INT) return n->i;
    if (!(d == d)) return 0;
    return d > 4.6e18 ? (int64_t)4.6e18 : d < -4.6e18 ? -(int64_t)4.6e18 : (int64_t)d;
}

double xa_arg_double(const wna_operation *op, const char *name, double dflt)
{
    const wna_arg *a = xa_arg(op, name);
    return a && a->kind == WNA_ARG_NUMBER ? as_double(&a->u.number) : dflt;
}

int64_t xa_arg_int(const wna_operation *op, const char *name, int64_t dflt)
{
    const wna_arg *a = xa_arg(op, name);
    return a && a->kind == WNA_ARG_NUMBER ? as_int(&a->u.number) : dflt;
}

int xa_arg_bool(const wna_operation *op, const char *name, int dflt)
{
    const wna_arg *a = xa_arg(op, name);
    if (a && a->kind == WNA_ARG_BOOL) return a->u.boolean != 0;
    return a && a->kind == WNA_ARG_NUMBER ? as_double(&a->u.number) != 0.0 : dflt;
}

const char *xa_arg_string(const wna_operation *op, const char *name, const char *dflt)
{
    const wna_arg *a = xa_arg(op, name);
    return a && a->kind == WNA_ARG_STRING && a->u.string ? a->u.string : dflt;
}

int xa_arg_ints(const wna_operation *op, const char *name, int64_t *out, int cap)
{
    const wna_arg *a = xa_arg(op, name);
    if (!a || a->kind != WNA_ARG_NUMBER_LIST || a->count > (uint32_t)cap) return -1;
    for (uint32_t i = 0; i < a->count; i++) out[i] = as_int(&a->u.numbers[i]);
    return (int)a->count;
}

int xa_fail(wna_error *err, int kind, const char *fmt, ...)
{
    err->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}
