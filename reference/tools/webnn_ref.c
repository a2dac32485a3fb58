/* webnn-ref: evaluate vector files with the reference interpreter, for spec editors.
 *   webnn-ref run FILE.json...      evaluate every test, print outputs, check expectations
 *   webnn-ref ops                   list the 95 operations and whether each is implemented
 *   webnn-ref status-table          the markdown status table of reference/README.md
 *   webnn-ref shapes FILE.json      every operand's descriptor after validation, as JSON */
#include <cjson/cJSON.h>
#include <fnmatch.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webnn/compare.h"
#include "webnn/interp.h"
#include "webnn/registry.h"
#include "webnn/vector_file.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: webnn-ref run [--filter GLOB] [--max-print N] [--max-tensor-bytes N] FILE.json...\n"
            "       webnn-ref ops\n"
            "       webnn-ref status-table\n"
            "       webnn-ref shapes FILE.json\n"
            "\n"
            "run           evaluate each test of each file with the reference interpreter and print its\n"
            "              outputs; where expectedOutputs are given, say whether they match under the\n"
            "              test's tolerance; where expectedError is given, whether the graph is rejected\n"
            "              with that error kind. Exit status 0 when every test matches, 1 otherwise,\n"
            "              2 when a file cannot be read.\n"
            "              --max-tensor-bytes caps every tensor a case allocates (checked before the\n"
            "              allocation; the error names the tensor and its size). Default 2 GiB.\n"
            "ops           list the operations of the registry with their implementation status\n"
            "status-table  print the op status table (markdown) generated from the registry\n"
            "shapes        validate each test's graph and print every operand's data type and shape as\n"
            "              one JSON object {\"cases\": [{\"name\", \"operands\": {NAME: {\"dataType\", \"shape\"}}}\n"
            "              or {\"name\", \"error\"}]} (tools/wpt/import.js gives them to tolerance functions)\n");
}

static void print_values(const wn_tensor *t, size_t max_print)
{
    size_t n = wn_desc_count(&t->desc);
    printf("[");
    for (size_t i = 0; i < n && i < max_print; i++) {
        if (i) printf(", ");
        if (wn_dtype_is_float(t->desc.dtype)) printf("%.9g", wn_get_f64(t, i));
        else if (wn_dtype_is_unsigned_int(t->desc.dtype)) printf("%llu", (unsigned long long)wn_get_u64(t, i));
        else printf("%lld", (long long)wn_get_i64(t, i));
    }
    if (n > max_print) printf(", ... (%zu values)", n);
    printf("]\n");
}

/* Returns 1 when the case matches its expectations. */
static int run_case(const wn_vec_case *vc, size_t max_print)
{
    char buf[512];
    wn_error err = {0};
    printf("- %s\n", vc->name);
    if (vc->warnings) printf("  WARNING: %s\n", vc->warnings);
    if (vc->format_error.kind != WN_OK) {
        /* a descriptor that input() rejects is a TypeError a validation case may expect */
        if (vc->expected_error != WN_OK && vc->format_error.kind == vc->expected_error) {
            printf("  PASS: rejected with %s: %s\n", wn_error_kind_name(vc->format_error.kind), vc->format_error.message);
            return 1;
        }
        printf("  %s: %s\n", vc->format_error.kind == WN_FORMAT_ERROR ? "MALFORMED" : wn_error_kind_name(vc->format_error.kind),
               vc->format_error.message);
        return 0;
    }
    if (vc->sequence) { /* MLTensor steps need an adapter's device tensors */
        printf("  SKIP: a tensor sequence (run it with run-conformance)\n");
        return 1;
    }
    if (wn_graph_validate(vc->graph, &err) != 0) {
        if (vc->expected_error != WN_OK) {
            bool same = err.kind == vc->expected_error;
            printf("  %s: rejected with %s: %s\n", same ? "PASS" : "FAIL", wn_error_kind_name(err.kind), err.message);
            if (!same) printf("  expected %s\n", wn_error_kind_name(vc->expected_error));
            return same;
        }
        printf("  %s: %s: %s\n", err.kind == WN_NOT_IMPLEMENTED ? "NOT IMPLEMENTED" : "ERROR",
               wn_error_kind_name(err.kind), err.message);
        return 0;
    }
    if (vc->expected_error != WN_OK) {
        printf("  FAIL: the graph was accepted, expected %s\n", wn_error_kind_name(vc->expected_error));
        return 0;
    }
    if (wn_vec_case_expand((wn_vec_case *)vc, &err) != 0) {
        printf("  ERROR: %s\n", err.message);
        return 0;
    }
    wn_tensor *inputs = calloc(vc->n_inputs ? vc->n_inputs : 1, sizeof *inputs);
    wn_tensor *outputs = calloc(vc->graph->n_outputs, sizeof *outputs);
    if (!inputs || !outputs) {
        free(inputs);
        free(outputs);
        printf("  ERROR: out of memory\n");
        return 0;
    }
    for (uint32_t k = 0; k < vc->n_inputs; k++) inputs[k] = vc->inputs[k].tensor;
    int ok = 1;
    if (wn_interp_run(vc->graph, inputs, vc->n_inputs, outputs, &err) != 0) {
        printf("  %s: %s\n", err.kind == WN_NOT_IMPLEMENTED ? "NOT IMPLEMENTED" : "ERROR", err.message);
        ok = 0;
    } else {
        for (uint32_t k = 0; k < vc->graph->n_outputs; k++) {
            const wn_operand *o = &vc->graph->operands[vc->graph->outputs[k]];
            printf("  %s: %s = ", o->name, wn_desc_str(&outputs[k].desc, buf, sizeof buf));
            print_values(&outputs[k], max_print);
            if (k < vc->n_expected) {
                wn_compare_result r;
                wn_compare(&vc->expected[k].tensor, &outputs[k], vc->has_tolerance ? &vc->tolerance : NULL, &r);
                bool pass = r.pass || vc->implementation_defined;
                printf("    %s: %s\n", vc->implementation_defined ? "IMPLEMENTATION-DEFINED" : pass ? "PASS" : "FAIL",
                       wn_compare_str(&r, buf, sizeof buf));
                ok &= pass;
            }
            wn_tensor_free(&outputs[k]);
        }
    }
    free(inputs);
    free(outputs);
    wn_vec_case_shrink((wn_vec_case *)vc);
    return ok;
}

static cJSON *case_shapes(const wn_vec_case *vc)
{
    cJSON *o = cJSON_CreateObject();
    wn_error err = {0};
    if (!o) return NULL;
    cJSON_AddStringToObject(o, "name", vc->name ? vc->name : "");
    if (vc->format_error.kind != WN_OK) err = vc->format_error;
    else if (wn_graph_validate(vc->graph, &err) == 0) err.kind = WN_OK;
    if (err.kind != WN_OK) {
        cJSON_AddStringToObject(o, "error", err.message);
        return o;
    }
    cJSON *ops = cJSON_AddObjectToObject(o, "operands");
    for (uint32_t k = 0; ops && k < vc->graph->n_operands; k++) {
        const wn_operand *d = &vc->graph->operands[k];
        cJSON *e = cJSON_AddObjectToObject(ops, d->name);
        cJSON *shape = e ? cJSON_AddArrayToObject(e, "shape") : NULL;
        if (!shape) break;
        cJSON_AddStringToObject(e, "dataType", wn_dtype_name(d->desc.dtype));
        for (uint32_t i = 0; i < d->desc.rank; i++) cJSON_AddItemToArray(shape, cJSON_CreateNumber(d->desc.dims[i]));
    }
    return o;
}

static int cmd_shapes(int argc, char **argv)
{
    if (argc != 1) {
        usage(stderr);
        return 2;
    }
    wn_vec_file f;
    if (wn_vec_load_file(argv[0], &f) != 0) {
        fprintf(stderr, "webnn-ref: %s\n", f.error.message);
        wn_vec_file_free(&f);
        return 2;
    }
    cJSON *root = cJSON_CreateObject();
    cJSON *cases = root ? cJSON_AddArrayToObject(root, "cases") : NULL;
    for (uint32_t k = 0; cases && k < f.n_cases; k++) {
        cJSON *c = case_shapes(&f.cases[k]);
        if (c) cJSON_AddItemToArray(cases, c);
    }
    char *text = cases ? cJSON_PrintUnformatted(root) : NULL;
    int rc = text ? 0 : 2;
    if (text) printf("%s\n", text);
    else fprintf(stderr, "webnn-ref: out of memory\n");
    free(text);
    cJSON_Delete(root);
    wn_vec_file_free(&f);
    return rc;
}

static int cmd_run(int argc, char **argv)
{
    const char *filter = NULL;
    size_t max_print = 32;
    int files = 0, bad_file = 0, total = 0, passed = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--filter") == 0 && i + 1 < argc) {
            filter = argv[++i];
            continue;
        }
        if (strcmp(argv[i], "--max-tensor-bytes") == 0 && i + 1 < argc) {
            wn_set_tensor_byte_cap((size_t)strtoull(argv[++i], NULL, 10));
            continue;
        }
        if (strcmp(argv[i], "--max-print") == 0 && i + 1 < argc) {
            max_print = (size_t)strtoul(argv[++i], NULL, 10);
            continue;
        }
        if (argv[i][0] == '-') {
            fprintf(stderr, "webnn-ref: unknown option %s\n", argv[i]);
            usage(stderr);
            return 2;
        }
        wn_vec_file f;
        files++;
        if (wn_vec_load_file(argv[i], &f) != 0) {
            fprintf(stderr, "webnn-ref: %s\n", f.error.message);
            bad_file = 1;
            wn_vec_file_free(&f);
            continue;
        }
        printf("%s (%u tests)\n", f.path, f.n_cases);
        for (uint32_t k = 0; k < f.n_cases; k++) {
            if (filter && fnmatch(filter, f.cases[k].name, 0) != 0) continue;
            total++;
            passed += run_case(&f.cases[k], max_print);
        }
        wn_vec_file_free(&f);
    }
    if (files == 0) {
        usage(stderr);
        return 2;
    }
    printf("\n%d passed, %d failed\n", passed, total - passed);
    return bad_file ? 2 : passed == total ? 0 : 1;
}

static const char *ranks(const wn_operand_rule *r, char *buf, size_t cap)
{
    if (r->max_rank == WN_RANK_ANY) snprintf(buf, cap, "%u..N", r->min_rank);
    else if (r->min_rank == r->max_rank) snprintf(buf, cap, "%u", r->min_rank);
    else snprintf(buf, cap, "%u..%u", r->min_rank, r->max_rank);
    return buf;
}

static int cmd_ops(bool markdown)
{
    uint32_t implemented = 0;
    if (markdown) {
        printf("| op | family | status | data types (primary operand; **bold** = required) | ranks | options | spec |\n");
        printf("|---|---|---|---|---|---|---|\n");
    }
    for (uint32_t i = 0; i < wn_registry_count(); i++) {
        const wn_op_spec *op = wn_registry_at(i);
        const wn_op_impl *impl = wn_registry_impl(op);
        bool done = impl->build && impl->compute;
        implemented += done;
        if (!markdown) {
            printf("%-24s %-20s %s\n", op->name, op->family, done ? "implemented" : "not implemented");
            continue;
        }
        const wn_param_spec *primary = &op->params[0];
        char types[256] = "", rk[32], opts[512] = "";
        size_t used = 0;
        for (unsigned t = 0; t < WN_DTYPE_COUNT; t++) {
            if (!(primary->rule.allowed & WN_DTYPE_BIT(t))) continue;
            bool req = primary->rule.required & WN_DTYPE_BIT(t);
            used += (size_t)snprintf(types + used, sizeof types - used, "%s%s%s%s", used ? ", " : "", req ? "**" : "",
                                     wn_dtype_name((wn_dtype)t), req ? "**" : "");
            if (used >= sizeof types) break;
        }
        used = 0;
        for (uint32_t p = 0; p < op->n_params; p++) {
            if (!op->params[p].in_options) continue;
            used += (size_t)snprintf(opts + used, sizeof opts - used, "%s%s", used ? ", " : "", op->params[p].name);
            if (used >= sizeof opts) break;
        }
        printf("| %s | %s | %s | %s | %s | %s | [%s](https://www.w3.org/TR/webnn/%s) |\n", op->name, op->family,
               done ? "implemented" : "not implemented", types, ranks(&primary->rule, rk, sizeof rk),
               *opts ? opts : "—", op->spec_heading, op->spec_anchor);
    }
    if (!markdown) printf("\n%u of %u operations implemented\n", implemented, wn_registry_count());
    else printf("\n%u of %u operations implemented.\n", implemented, wn_registry_count());
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "run") == 0) return cmd_run(argc - 2, argv + 2);
    if (strcmp(argv[1], "ops") == 0) return cmd_ops(false);
    if (strcmp(argv[1], "shapes") == 0) return cmd_shapes(argc - 2, argv + 2);
    if (strcmp(argv[1], "status-table") == 0) return cmd_ops(true);
    fprintf(stderr, "webnn-ref: unknown command \"%s\"\n", argv[1]);
    usage(stderr);
    return 2;
}
