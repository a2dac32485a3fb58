/* Generated tensor data (vectors/FORMAT.md, "Generated data"): {"generator": "splitmix64",
 * "seed": S, "low": L, "high": H}, bit-identical to vectors/gen/generated.py. */
#ifndef WEBNN_JSON_GENERATE_H
#define WEBNN_JSON_GENERATE_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "webnn/tensor.h"

/* Is data a generator object (it has the key "generator")? */
bool wn_json_is_generated(const cJSON *data);

/* Fills the allocated tensor t (its desc and nbytes set) from generator object g. Returns 0,
 * or -1 with err naming the bad member. */
int wn_json_tensor_generate(const cJSON *g, wn_tensor *t, wn_error *err);

#endif
