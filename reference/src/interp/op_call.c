/* Argument and operand access for kernels (webnn/op.h). */
#include <stdio.h>
#include <string.h>

#include "webnn/op.h"

const wn_value *wn_arg(const wn_call *c, const char *name)
{
    int i = wn_param_index(c->spec, name);
    return i < 0 ? NULL : &c->op->args[i];
}

bool wn_arg_present(const wn_call *c, const char *name)
{
    const wn_value *v = wn_arg(c, name);
    return v && v->kind != WN_V_ABSENT;
}

const wn_desc *wn_arg_desc(const wn_call *c, const char *name)
{
    const wn_value *v = wn_arg(c, name);
    if (!v || v->kind != WN_V_OPERAND) return NULL;
    return &c->graph->operands[v->u.operand].desc;
}

uint32_t wn_arg_list_len(const wn_call *c, const char *name)
{
    const wn_value *v = wn_arg(c, name);
    return v && v->kind == WN_V_OPERAND_LIST ? v->count : 0;
}

const wn_desc *wn_arg_list_desc(const wn_call *c, const char *name, uint32_t i)
{
    const wn_value *v = wn_arg(c, name);
    if (!v || v->kind != WN_V_OPERAND_LIST || i >= v->count) return NULL;
    return &c->graph->operands[v->u.operands[i]].desc;
}

bool wn_arg_bool(const wn_call *c, const char *name, bool dflt)
{
    const wn_value *v = wn_arg(c, name);
    return v && v->kind == WN_V_BOOL ? v->u.boolean : dflt;
}

double wn_arg_double(const wn_call *c, const char *name, double dflt)
{
    const wn_value *v = wn_arg(c, name);
    return v && v->kind == WN_V_NUMBER ? v->u.number.f : dflt;
}

/* An integer argument's value: validation has checked it is integral and in range, but an
 * MLNumber may carry it as a double (WN_NUM_FLOAT: .i is not set), as JavaScript does. */
static int64_t integral(const wn_number *n)
{
    return n->kind == WN_NUM_FLOAT ? (int64_t)n->f : n->i;
}

uint32_t wn_arg_uint(const wn_call *c, const char *name, uint32_t dflt)
{
    const wn_value *v = wn_arg(c, name);
    return v && v->kind == WN_V_NUMBER ? (uint32_t)integral(&v->u.number) : dflt;
}

int32_t wn_arg_int(const wn_call *c, const char *name, int32_t dflt)
{
    const wn_value *v = wn_arg(c, name);
    return v && v->kind == WN_V_NUMBER ? (int32_t)integral(&v->u.number) : dflt;
}

wn_number wn_arg_number(const wn_call *c, const char *name, wn_number dflt)
{
    const wn_value *v = wn_arg(c, name);
    return v && v->kind == WN_V_NUMBER ? v->u.number : dflt;
}

const char *wn_arg_enum(const wn_call *c, const char *name, const char *dflt)
{
    const wn_value *v = wn_arg(c, name);
    return v && v->kind == WN_V_STRING ? v->u.string : dflt;
}

wn_dtype wn_arg_dtype(const wn_call *c, const char *name, wn_dtype dflt)
{
    wn_dtype t;
    const char *s = wn_arg_enum(c, name, NULL);
    return s && wn_dtype_parse(s, &t) ? t : dflt;
}

uint32_t wn_arg_count(const wn_call *c, const char *name)
{
    const wn_value *v = wn_arg(c, name);
    if (!v) return 0;
    if (v->kind == WN_V_NUMBER_LIST || v->kind == WN_V_STRING_LIST || v->kind == WN_V_OPERAND_LIST) return v->count;
    return v->kind == WN_V_ABSENT ? 0 : 1;
}

bool wn_arg_is_list(const wn_call *c, const char *name)
{
    const wn_value *v = wn_arg(c, name);
    return v && (v->kind == WN_V_NUMBER_LIST || v->kind == WN_V_STRING_LIST || v->kind == WN_V_OPERAND_LIST);
}

uint32_t wn_arg_uint_at(const wn_call *c, const char *name, uint32_t i)
{
    const wn_value *v = wn_arg(c, name);
    if (v && v->kind == WN_V_NUMBER_LIST && i < v->count) return (uint32_t)integral(&v->u.numbers[i]);
    if (v && v->kind == WN_V_NUMBER && i == 0) return (uint32_t)integral(&v->u.number);
    return 0;
}

double wn_arg_double_at(const wn_call *c, const char *name, uint32_t i)
{
    const wn_value *v = wn_arg(c, name);
    if (v && v->kind == WN_V_NUMBER_LIST && i < v->count) return v->u.numbers[i].f;
    if (v && v->kind == WN_V_NUMBER && i == 0) return v->u.number.f;
    return 0.0;
}

const char *wn_arg_enum_at(const wn_call *c, const char *name, uint32_t i)
{
    const wn_value *v = wn_arg(c, name);
    if (v && v->kind == WN_V_STRING_LIST && i < v->count) return v->u.strings[i];
    return NULL;
}

int wn_fail(wn_call *c, wn_error_kind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    wn_set_error_v(c->err, kind, fmt, ap);
    va_end(ap);
    return -1;
}

int wn_add_output(wn_call *c, const wn_desc *d)
{
    if (c->n_out >= c->out_cap)
        return wn_fail(c, WN_FORMAT_ERROR, "more outputs than output names given (%u)", c->out_cap);
    if (wn_desc_check(d, c->err) != 0) {
        wn_error_prefix(c->err, "output %u", c->n_out);
        return -1;
    }
    c->out_descs[c->n_out++] = *d;
    return 0;
}

const wn_tensor *wn_in(const wn_call *c, const char *name)
{
    const wn_value *v = wn_arg(c, name);
    if (!v || v->kind != WN_V_OPERAND) return NULL;
    return &c->values[v->u.operand];
}

const wn_tensor *wn_in_list(const wn_call *c, const char *name, uint32_t i)
{
    const wn_value *v = wn_arg(c, name);
    if (!v || v->kind != WN_V_OPERAND_LIST || i >= v->count) return NULL;
    return &c->values[v->u.operands[i]];
}

wn_tensor *wn_out(const wn_call *c, uint32_t i) { return i < c->n_out ? &c->outputs[i] : NULL; }

int wn_check_axes(wn_call *c, const char *what, const uint32_t *axes, uint32_t n, uint32_t rank)
{
    for (uint32_t i = 0; i < n; i++) {
        if (axes[i] >= rank)
            return wn_fail(c, WN_TYPE_ERROR, "%s[%u] is %u, must be less than the input rank %u", what, i, axes[i],
                           rank);
        for (uint32_t j = 0; j < i; j++)
            if (axes[j] == axes[i])
                return wn_fail(c, WN_TYPE_ERROR, "%s contains %u twice", what, axes[i]);
    }
    return 0;
}
