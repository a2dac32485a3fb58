/* Registry look-ups, and joining the generated op descriptions with the kernels that the
 * family files under src/ops/ provide. */
#include "webnn/registry.h"

#include <string.h>

#include "../ops/ops_index.h"
#include "registry_table.h"

uint32_t wn_registry_count(void) { return wn_registry_table_count; }

const wn_op_spec *wn_registry_at(uint32_t i)
{
    return i < wn_registry_table_count ? &wn_registry_table[i] : NULL;
}

const wn_op_spec *wn_registry_find(const char *name)
{
    for (unsigned i = 0; name && i < wn_registry_table_count; i++)
        if (strcmp(wn_registry_table[i].name, name) == 0) return &wn_registry_table[i];
    return NULL;
}

int wn_param_index(const wn_op_spec *op, const char *name)
{
    for (int i = 0; i < op->n_params; i++)
        if (strcmp(op->params[i].name, name) == 0) return i;
    return -1;
}

const wn_op_impl *wn_registry_impl(const wn_op_spec *op)
{
    static const wn_op_impl none = {NULL, NULL, NULL};
    for (const wn_op_impl *const *family = wn_op_families; *family; family++)
        for (const wn_op_impl *impl = *family; impl->name; impl++)
            if (strcmp(impl->name, op->name) == 0) return impl;
    return &none;
}

const char *wn_param_kind_name(wn_param_kind k)
{
    static const char *const names[WN_P_KIND_COUNT] = {
        "operand", "operand list", "unsigned long", "list of unsigned long",
        "unsigned long or list", "long", "double", "list of float", "MLNumber", "boolean",
        "data type", "enum", "list of enum",
    };
    return (unsigned)k < WN_P_KIND_COUNT ? names[k] : "?";
}
