/* The reference interpreter: every operation in graph order (a dependency order), each
 * intermediate freed after its last use. */
#include "webnn/interp.h"

#include <stdlib.h>
#include <string.h>

#include "webnn/op.h"

uint32_t wn_graph_input_count(const wn_graph *g)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < g->n_operands; i++) n += g->operands[i].kind == WN_OPERAND_INPUT;
    return n;
}

uint32_t wn_graph_input_operand(const wn_graph *g, uint32_t k)
{
    for (uint32_t i = 0; i < g->n_operands; i++)
        if (g->operands[i].kind == WN_OPERAND_INPUT && k-- == 0) return i;
    return UINT32_MAX;
}

/* Index of the last operation reading each operand (-1: never read). */
static void last_uses(const wn_graph *g, int32_t *last)
{
    for (uint32_t i = 0; i < g->n_operands; i++) last[i] = -1;
    for (uint32_t o = 0; o < g->n_ops; o++) {
        const wn_operation *op = &g->ops[o];
        for (uint32_t p = 0; p < op->spec->n_params; p++) {
            const wn_value *v = &op->args[p];
            if (v->kind == WN_V_OPERAND) last[v->u.operand] = (int32_t)o;
            if (v->kind == WN_V_OPERAND_LIST)
                for (uint32_t k = 0; k < v->count; k++) last[v->u.operands[k]] = (int32_t)o;
        }
    }
}

static bool is_graph_output(const wn_graph *g, uint32_t operand)
{
    for (uint32_t i = 0; i < g->n_outputs; i++)
        if (g->outputs[i] == operand) return true;
    return false;
}

/* The first graph output listing operand v, or -1. */
static int32_t first_output(const wn_graph *g, uint32_t v)
{
    for (uint32_t i = 0; i < g->n_outputs; i++)
        if (g->outputs[i] == v) return (int32_t)i;
    return -1;
}

/* dest (NULL: allocate everything): caller buffers per graph output; a result that is a graph
 * output is computed in its buffer (zeroed first, as wn_tensor_alloc's storage is). */
static int run_op(const wn_graph *g, uint32_t index, wn_tensor *values, const wn_tensor *dest, wn_error *err)
{
    const wn_operation *op = &g->ops[index];
    const wn_op_impl *impl = wn_registry_impl(op->spec);
    if (!impl->compute)
        return wn_set_error(err, WN_NOT_IMPLEMENTED, "%s is not implemented in the reference", op->spec->name);
    wn_tensor *outs = calloc(op->n_outputs, sizeof *outs);
    if (!outs) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
    for (uint32_t k = 0; k < op->n_outputs; k++) {
        const wn_desc *d = &g->operands[op->outputs[k]].desc;
        int32_t j = dest ? first_output(g, op->outputs[k]) : -1;
        size_t bytes;
        if (j >= 0 && wn_desc_bytes(d, &bytes, err) == 0 && bytes <= dest[j].nbytes && dest[j].data) {
            memset(dest[j].data, 0, bytes);
            outs[k] = (wn_tensor){.desc = *d, .data = dest[j].data, .nbytes = bytes};
            continue;
        }
        if (j >= 0) {
            wn_set_error(err, WN_TYPE_ERROR, "output \"%s\": the buffer holds %zu bytes, %s needs more",
                         g->operands[op->outputs[k]].name, dest[j].nbytes, wn_desc_str(d, (char[96]){0}, 96));
        }
        if (j >= 0 || wn_tensor_alloc(&outs[k], d, err) != 0) {
            for (uint32_t i = 0; i < k; i++)
                if (!dest || first_output(g, op->outputs[i]) < 0) wn_tensor_free(&outs[i]);
            free(outs);
            return -1;
        }
    }
    wn_call c = {.graph = g, .op = op, .spec = op->spec, .err = err, .n_out = op->n_outputs,
                 .values = values, .outputs = outs};
    int rc = impl->compute(&c);
    for (uint32_t k = 0; k < op->n_outputs; k++) {
        if (rc == 0) values[op->outputs[k]] = outs[k];
        else if (!dest || first_output(g, op->outputs[k]) < 0) wn_tensor_free(&outs[k]);
    }
    free(outs);
    return rc;
}

/* A result whose storage is a caller buffer (into mode) is not ours to free. */
static bool borrowed(const wn_graph *g, const wn_tensor *dest, uint32_t v)
{
    return dest && g->operands[v].kind == WN_OPERAND_RESULT && first_output(g, v) >= 0;
}

static int run_graph(const wn_graph *g, const wn_tensor *inputs, uint32_t n_inputs, wn_tensor *outputs,
                     const wn_tensor *dest, wn_error *err)
{
    if (!g->validated) return wn_set_error(err, WN_INVALID_STATE_ERROR, "graph has not been validated");
    if (n_inputs != wn_graph_input_count(g))
        return wn_set_error(err, WN_TYPE_ERROR, "graph has %u inputs, %u given", wn_graph_input_count(g), n_inputs);
    /* values[i] views or owns the tensor of operand i; only results are owned */
    wn_tensor *values = calloc(g->n_operands ? g->n_operands : 1, sizeof *values);
    int32_t *last = calloc(g->n_operands ? g->n_operands : 1, sizeof *last);
    int rc = 0;
    if (!values || !last) {
        rc = wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
        goto done;
    }
    last_uses(g, last);
    for (uint32_t i = 0, k = 0; i < g->n_operands; i++) {
        const wn_operand *o = &g->operands[i];
        if (o->kind == WN_OPERAND_CONSTANT) {
            if (o->fill && !o->data) {
                rc = wn_set_error(err, WN_INVALID_STATE_ERROR, "constant \"%s\" is a fill not yet expanded", o->name);
                goto done;
            }
            values[i].desc = o->desc;
            values[i].data = o->data;
            values[i].nbytes = o->nbytes;
        } else if (o->kind == WN_OPERAND_INPUT) {
            const wn_tensor *t = &inputs[k++];
            if (t->desc.dtype != o->desc.dtype || !wn_desc_equal_shape(&t->desc, &o->desc)) {
                char a[128], b[128];
                rc = wn_set_error(err, WN_TYPE_ERROR, "input \"%s\": tensor is %s, descriptor says %s", o->name,
                                  wn_desc_str(&t->desc, a, sizeof a), wn_desc_str(&o->desc, b, sizeof b));
                goto done;
            }
            size_t bytes;
            if (wn_desc_bytes(&o->desc, &bytes, err) != 0) { rc = -1; goto done; }
            if (t->nbytes != bytes || (bytes > 0 && !t->data)) {
                /* e.g. a validation vector's input, which carries a descriptor but no data */
                rc = wn_set_error(err, WN_TYPE_ERROR, "input \"%s\": %zu bytes of data given, its descriptor needs %zu",
                                  o->name, t->data ? t->nbytes : (size_t)0, bytes);
                goto done;
            }
            values[i] = *t;
        }
    }
    for (uint32_t o = 0; o < g->n_ops && rc == 0; o++) {
        rc = run_op(g, o, values, dest, err);
        if (rc != 0) {
            wn_error_prefix(err, "operators[%u] (%s)", o, g->ops[o].spec->name);
            break;
        }
        /* free results nobody reads any more */
        for (uint32_t i = 0; i < g->n_operands; i++)
            if (g->operands[i].kind == WN_OPERAND_RESULT && last[i] == (int32_t)o && !is_graph_output(g, i))
                wn_tensor_free(&values[i]);
    }
    if (rc == 0 && dest) {
        /* into mode: results computed in place; others (inputs, constants, repeats) copied */
        for (uint32_t k = 0; k < g->n_outputs && rc == 0; k++) {
            uint32_t v = g->outputs[k];
            if (!(borrowed(g, dest, v) && first_output(g, v) == (int32_t)k)) {
                if (values[v].nbytes > dest[k].nbytes || !dest[k].data) {
                    rc = wn_set_error(err, WN_TYPE_ERROR, "output \"%s\": the buffer holds %zu bytes, %zu needed",
                                      g->operands[v].name, dest[k].nbytes, values[v].nbytes);
                    break;
                }
                if (values[v].nbytes) memcpy(dest[k].data, values[v].data, values[v].nbytes);
            }
            outputs[k].desc = values[v].desc;
            outputs[k].nbytes = values[v].nbytes;
        }
    } else if (rc == 0) {
        /* a result listed once more later is copied; its last listing takes the tensor over */
        for (uint32_t k = 0; k < g->n_outputs && rc == 0; k++) {
            uint32_t v = g->outputs[k];
            bool later = false;
            for (uint32_t j = k + 1; j < g->n_outputs; j++) later |= g->outputs[j] == v;
            if (g->operands[v].kind == WN_OPERAND_RESULT && !later) {
                outputs[k] = values[v];
                values[v] = (wn_tensor){0};
            } else {
                rc = wn_tensor_copy(&outputs[k], &values[v], err);
            }
        }
        if (rc != 0)
            for (uint32_t k = 0; k < g->n_outputs; k++) wn_tensor_free(&outputs[k]);
    }
done:
    if (values)
        for (uint32_t i = 0; i < g->n_operands; i++)
            if (g->operands[i].kind == WN_OPERAND_RESULT && !borrowed(g, dest, i)) wn_tensor_free(&values[i]);
    free(values);
    free(last);
    return rc;
}

int wn_interp_run(const wn_graph *g, const wn_tensor *inputs, uint32_t n_inputs, wn_tensor *outputs, wn_error *err)
{
    return run_graph(g, inputs, n_inputs, outputs, NULL, err);
}

int wn_interp_run_into(const wn_graph *g, const wn_tensor *inputs, uint32_t n_inputs, wn_tensor *outputs,
                       wn_error *err)
{
    wn_tensor *dest = malloc((g->n_outputs ? g->n_outputs : 1) * sizeof *dest);
    if (!dest) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
    memcpy(dest, outputs, g->n_outputs * sizeof *dest);
    int rc = run_graph(g, inputs, n_inputs, outputs, dest, err);
    free(dest);
    return rc;
}
