/* Lowerings of the element-wise, activation and shape ops: one XNNPACK subgraph node each
 * (softmax over an inner axis adds the transposes around it). */
#include <math.h>
#include <string.h>

#include "xnn.h"

static int unary_node(xa_graph *g, int kind, uint32_t in, uint32_t out, wna_error *err, xa_node *n)
{
    n->kind = kind;
    n->in[0] = in;
    n->n_in = 1;
    n->out = out;
    return xa_add_node(g, n, err);
}

int xa_lower_binary(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    static const struct { const char *op; int kind; } map[] = {
        {"add", XA_ADD}, {"sub", XA_SUB}, {"mul", XA_MUL}, {"div", XA_DIV}, {"max", XA_MAX}, {"min", XA_MIN}};
    uint32_t a, b;
    if (xa_input_value(g, op, "a", &a, err) || xa_input_value(g, op, "b", &b, err)) return -1;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(op->op, map[i].op) == 0) {
            xa_node n = {.kind = map[i].kind, .in = {a, b}, .n_in = 2, .out = xa_output_value(g, op),
                         .lo = -INFINITY, .hi = INFINITY};
            return xa_add_node(g, &n, err);
        }
    return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s is not a binary op of this adapter", op->op);
}

int xa_lower_unary(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    static const struct { const char *op; int kind; } map[] = {
        {"abs", XA_ABS},         {"ceil", XA_CEIL},         {"floor", XA_FLOOR},       {"neg", XA_NEG},
        {"sqrt", XA_SQRT},       {"roundEven", XA_ROUND_EVEN}, {"sigmoid", XA_SIGMOID}, {"hardSwish", XA_HARDSWISH},
        {"identity", XA_RESHAPE /* XNNPACK's copy */}, {"relu", XA_CLAMP},        {"clamp", XA_CLAMP},       {"elu", XA_ELU},
        {"leakyRelu", XA_LEAKY_RELU}};
    uint32_t in;
    if (xa_input_value(g, op, "input", &in, err)) return -1;
    xa_node n = {.lo = -INFINITY, .hi = INFINITY};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(op->op, map[i].op) != 0) continue;
        if (strcmp(op->op, "relu") == 0) n.lo = 0.0f;
        if (strcmp(op->op, "clamp") == 0) {
            n.lo = (float)xa_arg_double(op, "minValue", -INFINITY);
            n.hi = (float)xa_arg_double(op, "maxValue", INFINITY);
        }
        if (strcmp(op->op, "elu") == 0) n.alpha = (float)xa_arg_double(op, "alpha", 1.0);
        if (strcmp(op->op, "leakyRelu") == 0) n.alpha = (float)xa_arg_double(op, "alpha", 0.01);
        return unary_node(g, map[i].kind, in, xa_output_value(g, op), err, &n);
    }
    return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "%s is not a unary op of this adapter", op->op);
}

/* XNNPACK's softmax runs over the last axis; another axis is swapped with it around the node */
int xa_lower_softmax(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    uint32_t in, out = xa_output_value(g, op);
    if (xa_input_value(g, op, "input", &in, err)) return -1;
    uint32_t rank = g->values[in].rank;
    int64_t axis = xa_arg_int(op, "axis", (int64_t)rank - 1);
    if (axis < 0 || axis >= (int64_t)rank) return xa_fail(err, WNA_TYPE_ERROR, "softmax: axis %lld", (long long)axis);
    xa_node n = {0};
    if (axis == (int64_t)rank - 1) return unary_node(g, XA_SOFTMAX, in, out, err, &n);
    uint32_t perm[XA_MAX_RANK], t_in, t_out;
    for (uint32_t i = 0; i < rank; i++) perm[i] = i;
    perm[axis] = rank - 1;
    perm[rank - 1] = (uint32_t)axis; /* a swap is its own inverse */
    if (xa_transpose(g, in, perm, &t_in, err) || xa_add_value_like(g, t_in, NULL, &t_out, err) ||
        unary_node(g, XA_SOFTMAX, t_in, t_out, err, &n))
        return -1;
    xa_node back = {.kind = XA_TRANSPOSE, .in = {t_out}, .n_in = 1, .out = out};
    memcpy(back.perm, perm, sizeof perm);
    return xa_add_node(g, &back, err);
}

/* XNNPACK's prelu takes one slope per channel of the last axis, static: a constant slope whose
 * shape is [C] (or broadcasts to it: ones, then C or 1) is expanded to [C] at build */
int xa_lower_prelu(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    uint32_t in, slope;
    if (xa_input_value(g, op, "input", &in, err) || xa_input_value(g, op, "slope", &slope, err)) return -1;
    const xa_value *s = &g->values[slope];
    const xa_value *x = &g->values[in];
    size_t c = x->dims[x->rank - 1];
    int ok = s->is_const && s->rank <= x->rank;
    for (uint32_t i = 0; ok && i + 1 < s->rank; i++) ok = s->dims[i] == 1;
    ok = ok && (s->dims[s->rank - 1] == c || s->dims[s->rank - 1] == 1);
    if (!ok)
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR,
                       "prelu: XNNPACK takes a constant slope of one value per channel of the last axis");
    float *data;
    int k = xa_add_const(g, 1, &c, g->values[slope].f16, &data, err);
    if (k < 0) return -1;
    const float *src = g->values[slope].data;
    for (size_t i = 0; i < c; i++) data[i] = src[g->values[slope].count == 1 ? 0 : i];
    xa_node n = {.kind = XA_PRELU, .in = {in, (uint32_t)k}, .n_in = 2, .out = xa_output_value(g, op)};
    return xa_add_node(g, &n, err);
}

int xa_lower_pad(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    uint32_t in;
    if (xa_input_value(g, op, "input", &in, err)) return -1;
    const char *mode = xa_arg_string(op, "mode", "constant");
    if (strcmp(mode, "constant") != 0)
        return xa_fail(err, WNA_NOT_SUPPORTED_ERROR, "pad: XNNPACK has only constant padding, not %s", mode);
    int64_t b[XA_MAX_RANK], e[XA_MAX_RANK];
    int nb = xa_arg_ints(op, "beginningPadding", b, XA_MAX_RANK), ne = xa_arg_ints(op, "endingPadding", e, XA_MAX_RANK);
    uint32_t rank = g->values[in].rank;
    xa_node n = {.kind = XA_PAD, .in = {in}, .n_in = 1, .out = xa_output_value(g, op),
                 .alpha = (float)xa_arg_double(op, "value", 0.0)};
    if (nb != ne || (nb != (int)rank && !(nb == 0 && rank == 1)))
        return xa_fail(err, WNA_TYPE_ERROR, "pad: padding lengths %d/%d for rank %u", nb, ne, rank);
    for (int i = 0; i < nb; i++) {
        n.pre[i] = (size_t)b[i];
        n.post[i] = (size_t)e[i];
    }
    return xa_add_node(g, &n, err);
}

int xa_lower_reshape(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    uint32_t in, out = xa_output_value(g, op);
    if (xa_input_value(g, op, "input", &in, err)) return -1;
    xa_node n = {.kind = XA_RESHAPE, .in = {in}, .n_in = 1, .out = out}; /* to the output's shape */
    return xa_add_node(g, &n, err);
}

/* cast between float32 and float16: to float16 is XNNPACK's convert (a step of its own), to
 * float32 or to the same type a copy */
int xa_lower_cast(xa_graph *g, const wna_graph *wg, const wna_operation *op, wna_error *err)
{
    (void)wg;
    uint32_t in, out = xa_output_value(g, op);
    if (xa_input_value(g, op, "input", &in, err)) return -1;
    if (g->values[out].f16 && !g->values[in].f16) {
        xa_node n = {.kind = XA_ROUND_F16, .in = {in}, .n_in = 1, .out = out};
        return xa_add_node(g, &n, err);
    }
    xa_node n = {.kind = XA_RESHAPE, .in = {in}, .n_in = 1, .out = out}; /* to the output's shape */
    return xa_add_node(g, &n, err);
}
