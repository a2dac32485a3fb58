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

static int run_op(const wn_graph *g, uint32_t index, wn_tensor *values, wn_error *err)
{
    const wn_operation *op = &g->ops[index];
    const wn_op_impl *impl = wn_registry_impl(op->spec);
    if (!impl->compute)
        return wn_set_error(err, WN_NOT_IMPLEMENTED, "%s is not implemented in the reference", op->spec->name);
    wn_tensor *outs = calloc(op->n_outputs, sizeof *outs);
    if (!outs) return wn_set_error(err, WN_RESOURCE_ERROR, "out of memory");
    for (uint32_t k = 0; k < op->n_outputs; k++) {
        if (wn_tensor_alloc(&outs[k], &g->operands[op->outputs[k]].desc, err) != 0) {
            for (uint32_t j = 0; j < k; j++) wn_tensor_free(&outs[j]);
            free(outs);
            return -1;
        }
    }
    wn_call c = {.graph = g, .op = op, .spec = op->spec, .err = err, .n_out = op->n_outputs,
                 .values = values, .outputs = outs};
    int rc = impl->compute(&c);
    for (uint32_t k = 0; k < op->n_outputs; k++) {
        if (rc == 0) values[op->outputs[k]] = outs[k];
        else wn_tensor_free(&outs[k]);
    }
    free(outs);
    return rc;
}

int wn_interp_run(const wn_graph *g, const wn_tensor *inputs, uint32_t n_inputs, wn_tensor *outputs, wn_error *err)
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
        rc = run_op(g, o, values, err);
        if (rc != 0) {
            wn_error_prefix(err, "operators[%u] (%s)", o, g->ops[o].spec->name);
            break;
        }
        /* free results nobody reads any more */
        for (uint32_t i = 0; i < g->n_operands; i++)
            if (g->operands[i].kind == WN_OPERAND_RESULT && last[i] == (int32_t)o && !is_graph_output(g, i))
                wn_tensor_free(&values[i]);
    }
    if (rc == 0) {
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
            if (g->operands[i].kind == WN_OPERAND_RESULT) wn_tensor_free(&values[i]);
    free(values);
    free(last);
    return rc;
}
