#define _POSIX_C_SOURCE 200809L
/* Shape-aware argument generators for fuzz_interp.c (see fuzz_interp_shapes.h). Each one
 * draws the free sizes and options from the bytes and derives every coupled shape and
 * argument from them, so the graph validates; which operands are new inputs, constants or
 * earlier results of the same shape is also the bytes' choice. */
#include "fuzz_interp_shapes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webnn/tensor.h"

uint8_t fz_take(fz_bytes *b)
{
    if (b->n == 0) return 0;
    b->n--;
    return *b->p++;
}

int fz_new_operand(fz_builder *B, const wn_desc *d, bool constant, uint32_t *index)
{
    char name[32];
    snprintf(name, sizeof name, "in%u", B->counter++);
    wn_error err;
    if (!constant) {
        if (wn_graph_add_input(B->g, name, d, &err) != 0) return -1;
    } else { /* its bytes from the fuzzer */
        wn_tensor t;
        if (wn_tensor_alloc(&t, d, &err) != 0) return -1;
        for (size_t i = 0; i < t.nbytes; i++) ((uint8_t *)t.data)[i] = fz_take(&B->b);
        int rc = wn_graph_add_constant(B->g, name, d, t.data, t.nbytes, &err);
        wn_tensor_free(&t);
        if (rc != 0) return -1;
    }
    *index = (uint32_t)wn_graph_find(B->g, name);
    return 0;
}

/* ---------------------------------------------------------------- argument setters ---- */

/* 1..max */
static uint32_t dim(fz_builder *B, uint32_t max) { return 1u + fz_take(&B->b) % max; }

/* Whether to set an optional member: two times in three. */
static bool present(fz_builder *B) { return fz_take(&B->b) % 3 != 0; }

static wn_value *arg(const wn_op_spec *spec, wn_value *args, const char *name)
{
    int i = wn_param_index(spec, name);
    return i < 0 ? NULL : &args[i];
}

/* The n-th allowed data type of param `name` (modulo their count; float32 when none). */
static wn_dtype dtype_of(fz_builder *B, const wn_op_spec *spec, const char *name)
{
    int i = wn_param_index(spec, name);
    wn_dtype_set set = i < 0 ? 0 : spec->params[i].rule.allowed;
    uint32_t count = 0, n = fz_take(&B->b);
    for (int t = 0; t < WN_DTYPE_COUNT; t++) count += (set >> t) & 1u;
    if (count == 0) return WN_FLOAT32;
    n %= count;
    for (int t = 0; t < WN_DTYPE_COUNT; t++)
        if (((set >> t) & 1u) && n-- == 0) return (wn_dtype)t;
    return WN_FLOAT32;
}

/* Operand `name` of type t and shape dims: an existing operand of exactly that descriptor
 * (when the bytes say so and one exists), else a new input or constant. */
static int put_operand(fz_builder *B, const wn_op_spec *spec, wn_value *args, const char *name, wn_dtype t,
                       uint32_t rank, const uint32_t *dims)
{
    wn_value *v = arg(spec, args, name);
    if (!v || rank > WN_MAX_RANK) return -1;
    wn_desc d = {.dtype = t, .rank = rank};
    for (uint32_t k = 0; k < rank; k++) d.dims[k] = dims[k];
    uint8_t how = fz_take(&B->b);
    v->kind = WN_V_OPERAND;
    if (how % 4 == 0) {
        uint32_t start = fz_take(&B->b);
        for (uint32_t j = 0; j < B->g->n_operands; j++) {
            uint32_t k = (start + j) % B->g->n_operands;
            const wn_operand *o = &B->g->operands[k];
            if (o->desc_known && o->desc.dtype == t && wn_desc_equal_shape(&o->desc, &d)) {
                v->u.operand = k;
                return 0;
            }
        }
    }
    return fz_new_operand(B, &d, how % 4 == 3, &v->u.operand);
}

static int put_optional(fz_builder *B, const wn_op_spec *spec, wn_value *args, const char *name, wn_dtype t,
                        uint32_t rank, const uint32_t *dims)
{
    return present(B) ? put_operand(B, spec, args, name, t, rank, dims) : 0;
}

static int put_number(const wn_op_spec *spec, wn_value *args, const char *name, wn_number n)
{
    wn_value *v = arg(spec, args, name);
    if (!v) return -1;
    v->kind = WN_V_NUMBER;
    v->u.number = n;
    return 0;
}

static int put_uint(const wn_op_spec *spec, wn_value *args, const char *name, uint64_t n)
{
    return put_number(spec, args, name, wn_number_from_uint(n));
}

static int put_bool(const wn_op_spec *spec, wn_value *args, const char *name, bool b)
{
    wn_value *v = arg(spec, args, name);
    if (!v) return -1;
    v->kind = WN_V_BOOL;
    v->u.boolean = b;
    return 0;
}

static int put_uints(const wn_op_spec *spec, wn_value *args, const char *name, const uint32_t *n, uint32_t count)
{
    wn_value *v = arg(spec, args, name);
    if (!v) return -1;
    v->kind = WN_V_NUMBER_LIST;
    v->u.numbers = calloc(count ? count : 1, sizeof(wn_number));
    if (!v->u.numbers) return -1;
    for (v->count = 0; v->count < count; v->count++) v->u.numbers[v->count] = wn_number_from_uint(n[v->count]);
    return 0;
}

/* One of the param's enum values, chosen by the bytes. */
static int put_enum(fz_builder *B, const wn_op_spec *spec, wn_value *args, const char *name)
{
    int i = wn_param_index(spec, name);
    if (i < 0 || !spec->params[i].enum_values) return -1;
    uint32_t count = 0;
    while (spec->params[i].enum_values[count]) count++;
    args[i].kind = WN_V_STRING;
    args[i].u.string = strdup(spec->params[i].enum_values[fz_take(&B->b) % count]);
    return args[i].u.string ? 0 : -1;
}

/* A list of n of the param's enum values. */
static int put_enums(fz_builder *B, const wn_op_spec *spec, wn_value *args, const char *name, uint32_t n)
{
    int i = wn_param_index(spec, name);
    if (i < 0 || !spec->params[i].enum_values) return -1;
    uint32_t count = 0;
    while (spec->params[i].enum_values[count]) count++;
    wn_value *v = &args[i];
    v->kind = WN_V_STRING_LIST;
    v->u.strings = calloc(n ? n : 1, sizeof(char *));
    if (!v->u.strings) return -1;
    for (v->count = 0; v->count < n; v->count++) {
        v->u.strings[v->count] = strdup(spec->params[i].enum_values[fz_take(&B->b) % count]);
        if (!v->u.strings[v->count]) return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- recurrent networks ---- */

/* gru, gruCell, lstm, lstmCell: weight [nd, gates * hidden, inputSize] and the rest follow
 * from steps, batch, inputSize, hiddenSize and the direction count. */
static int gen_recurrent(fz_builder *B, const wn_op_spec *spec, wn_value *args, uint32_t *n_outputs)
{
    bool lstm = strncmp(spec->name, "lstm", 4) == 0, cell = strstr(spec->name, "Cell") != NULL;
    uint32_t gates = lstm ? 4 : 3, steps = dim(B, 3), batch = dim(B, 3), isz = dim(B, 4), hid = dim(B, 4);
    wn_dtype t = dtype_of(B, spec, "input");
    uint32_t nd = 1;
    if (!cell && present(B)) {
        if (put_enum(B, spec, args, "direction") != 0) return -1;
        nd = strcmp(arg(spec, args, "direction")->u.string, "both") == 0 ? 2 : 1;
    }
    /* the cells drop the leading [steps] / [nd] dimension */
    uint32_t lead = cell ? 1 : 0, r3 = 3 - lead, r2 = 2 - lead;
    uint32_t in[3] = {steps, batch, isz}, w[3] = {nd, gates * hid, isz}, rw[3] = {nd, gates * hid, hid};
    uint32_t b[2] = {nd, gates * hid}, p[2] = {nd, 3 * hid}, state[3] = {nd, batch, hid};
    if (put_operand(B, spec, args, "input", t, r3, in + lead) != 0) return -1;
    if (put_operand(B, spec, args, "weight", t, r3, w + lead) != 0) return -1;
    if (put_operand(B, spec, args, "recurrentWeight", t, r3, rw + lead) != 0) return -1;
    if (put_uint(spec, args, "hiddenSize", hid) != 0) return -1;
    if (put_optional(B, spec, args, "bias", t, r2, b + lead) != 0) return -1;
    if (put_optional(B, spec, args, "recurrentBias", t, r2, b + lead) != 0) return -1;
    if (lstm && put_optional(B, spec, args, "peepholeWeight", t, r2, p + lead) != 0) return -1;
    if (cell) {
        if (put_operand(B, spec, args, "hiddenState", t, 2, state + 1) != 0) return -1;
        if (lstm && put_operand(B, spec, args, "cellState", t, 2, state + 1) != 0) return -1;
    } else {
        if (put_uint(spec, args, "steps", steps) != 0) return -1;
        if (put_optional(B, spec, args, "initialHiddenState", t, 3, state) != 0) return -1;
        if (lstm && put_optional(B, spec, args, "initialCellState", t, 3, state) != 0) return -1;
    }
    bool sequence = !cell && present(B) && fz_take(&B->b) % 2;
    if (sequence && put_bool(spec, args, "returnSequence", true) != 0) return -1;
    if (!lstm && present(B) && put_bool(spec, args, "resetAfter", fz_take(&B->b) % 2) != 0) return -1;
    if (present(B) && put_enum(B, spec, args, "layout") != 0) return -1;
    if (present(B) && put_enums(B, spec, args, "activations", lstm ? 3 : 2) != 0) return -1;
    *n_outputs = (lstm ? 2 : 1) + (sequence ? 1 : 0); /* gru(Cell): hidden; lstm(Cell): hidden, cell */
    return 0;
}

/* ---------------------------------------------------------------- shape helpers ---- */

/* A rank in 1..max and that many dims in 1..3. */
static uint32_t shape(fz_builder *B, uint32_t max, uint32_t *dims)
{
    uint32_t rank = dim(B, max);
    for (uint32_t k = 0; k < rank; k++) dims[k] = dim(B, 3);
    return rank;
}

/* ---------------------------------------------------------------- normalization, split ---- */

/* batchNormalization: mean, variance, scale and bias are [input.shape[axis]]. */
static int gen_batch_norm(fz_builder *B, const wn_op_spec *spec, wn_value *args, uint32_t *n_outputs)
{
    (void)n_outputs;
    uint32_t dims[FZ_MAX_RANK], rank = shape(B, FZ_MAX_RANK, dims), axis = 1 % rank;
    wn_dtype t = dtype_of(B, spec, "input");
    if (rank == 1 || present(B)) { /* the default axis 1 needs rank 2 */
        axis = fz_take(&B->b) % rank;
        if (put_uint(spec, args, "axis", axis) != 0) return -1;
    }
    if (put_operand(B, spec, args, "input", t, rank, dims) != 0) return -1;
    if (put_operand(B, spec, args, "mean", t, 1, &dims[axis]) != 0) return -1;
    if (put_operand(B, spec, args, "variance", t, 1, &dims[axis]) != 0) return -1;
    if (put_optional(B, spec, args, "scale", t, 1, &dims[axis]) != 0) return -1;
    if (put_optional(B, spec, args, "bias", t, 1, &dims[axis]) != 0) return -1;
    if (present(B) && put_number(spec, args, "epsilon", wn_number_from_double(fz_take(&B->b) / 64.0)) != 0) return -1;
    return 0;
}

/* split: input.shape[axis] is a multiple of the count, or the sum of the sizes (1-3 outputs). */
static int gen_split(fz_builder *B, const wn_op_spec *spec, wn_value *args, uint32_t *n_outputs)
{
    uint32_t dims[FZ_MAX_RANK], rank = shape(B, FZ_MAX_RANK, dims), axis = 0, parts = dim(B, 3), sizes[3];
    if (present(B)) {
        axis = fz_take(&B->b) % rank;
        if (put_uint(spec, args, "axis", axis) != 0) return -1;
    }
    if (fz_take(&B->b) % 2) { /* a count */
        dims[axis] = parts * dim(B, 2);
        if (put_uint(spec, args, "splits", parts) != 0) return -1;
    } else { /* sizes */
        dims[axis] = 0;
        for (uint32_t k = 0; k < parts; k++) dims[axis] += sizes[k] = dim(B, 3);
        if (put_uints(spec, args, "splits", sizes, parts) != 0) return -1;
    }
    *n_outputs = parts;
    return put_operand(B, spec, args, "input", dtype_of(B, spec, "input"), rank, dims);
}

/* ---------------------------------------------------------------- convolutions ---- */

/* The four dims of a 2-D layout given as letters ("nchw", "oihw", ...). */
static void layout_dims(const char *layout, uint32_t n, uint32_t c, uint32_t h, uint32_t w, uint32_t *dims)
{
    for (int k = 0; k < 4; k++) {
        char l = layout[k];
        dims[k] = l == 'h' ? h : l == 'w' ? w : l == 'n' || l == 'o' ? n : c;
    }
}

/* Optional enum `name`; its value (or the default) returned for the shapes. */
static const char *layout_of(fz_builder *B, const wn_op_spec *spec, wn_value *args, const char *name, const char *def)
{
    if (!present(B)) return def;
    if (put_enum(B, spec, args, name) != 0) return NULL;
    return arg(spec, args, name)->u.string;
}

/* conv2d and convTranspose2d: channels split into groups, a window that fits the input
 * (with padding, strides and dilations drawn small), filter and bias in the chosen layouts. */
static int gen_conv(fz_builder *B, const wn_op_spec *spec, wn_value *args, uint32_t *n_outputs)
{
    (void)n_outputs;
    bool transpose = strcmp(spec->name, "convTranspose2d") == 0;
    wn_dtype t = dtype_of(B, spec, "input");
    uint32_t batch = dim(B, 2), groups = dim(B, 2), cin = groups * dim(B, 2), cout_g = dim(B, 2);
    uint32_t k[2] = {dim(B, 3), dim(B, 3)}, stride[2] = {dim(B, 2), dim(B, 2)}, dil[2] = {1, 1}, pad[4] = {0};
    uint32_t size[2], opad[2] = {0, 0};
    bool has_dil = present(B), has_pad = present(B), has_stride = present(B), has_opad = transpose && present(B);
    for (int i = 0; i < 2; i++) {
        if (!has_stride) stride[i] = 1;
        if (has_dil) dil[i] = dim(B, 2);
        if (has_pad) pad[2 * i] = fz_take(&B->b) % 2, pad[2 * i + 1] = fz_take(&B->b) % 2;
        if (has_opad) opad[i] = fz_take(&B->b) % stride[i];
        /* the window, dilated, fits in the input (conv2d) and the output is at least 2 (transposed) */
        size[i] = (transpose ? 1 : dil[i] * (k[i] - 1) + 1) + fz_take(&B->b) % 3;
        if (transpose) pad[2 * i] = pad[2 * i + 1] = 0;
    }
    if (has_pad && !transpose && put_uints(spec, args, "padding", pad, 4) != 0) return -1;
    if (has_stride && put_uints(spec, args, "strides", stride, 2) != 0) return -1;
    if (has_dil && put_uints(spec, args, "dilations", dil, 2) != 0) return -1;
    if (has_opad && put_uints(spec, args, "outputPadding", opad, 2) != 0) return -1;
    if (groups > 1 || present(B)) {
        if (put_uint(spec, args, "groups", groups) != 0) return -1;
    } else {
        groups = 1;
    }
    const char *in_layout = layout_of(B, spec, args, "inputLayout", "nchw");
    const char *f_layout = layout_of(B, spec, args, "filterLayout", transpose ? "iohw" : "oihw");
    if (!in_layout || !f_layout) return -1;
    uint32_t in[4], filter[4], cout = groups * cout_g;
    layout_dims(in_layout, batch, cin, size[0], size[1], in);
    /* conv2d filter: [O = cout, I = cin / groups]; transposed: [I = cin, O = cout / groups] */
    if (transpose) layout_dims(f_layout, cout_g, cin, k[0], k[1], filter);
    else layout_dims(f_layout, cout, cin / groups, k[0], k[1], filter);
    if (put_operand(B, spec, args, "input", t, 4, in) != 0) return -1;
    if (put_operand(B, spec, args, "filter", t, 4, filter) != 0) return -1;
    return put_optional(B, spec, args, "bias", t, 1, &cout);
}

/* ---------------------------------------------------------------- the table ---- */

typedef int (*gen_fn)(fz_builder *B, const wn_op_spec *spec, wn_value *args, uint32_t *n_outputs);

static const struct {
    const char *op;
    gen_fn gen;
} generators[] = {
    {"gru", gen_recurrent},
    {"gruCell", gen_recurrent},
    {"lstm", gen_recurrent},
    {"lstmCell", gen_recurrent},
    {"batchNormalization", gen_batch_norm},
    {"split", gen_split},
    {"conv2d", gen_conv},
    {"convTranspose2d", gen_conv},
};

static gen_fn find_gen(const wn_op_spec *spec)
{
    for (size_t i = 0; i < sizeof generators / sizeof generators[0]; i++)
        if (strcmp(generators[i].op, spec->name) == 0) return generators[i].gen;
    return NULL;
}

bool fz_has_shaped(const wn_op_spec *spec) { return find_gen(spec) != NULL; }

int fz_shaped_args(fz_builder *B, const wn_op_spec *spec, wn_value *args, uint32_t *n_outputs)
{
    gen_fn gen = find_gen(spec);
    return gen ? gen(B, spec, args, n_outputs) : -1;
}
