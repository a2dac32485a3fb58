/* Generated tensor data (vectors/FORMAT.md, "Generated data"): {"generator": "splitmix64",
 * "seed": S, "low": L, "high": H}, bit-identical to vectors/gen/generated.py. */
#ifndef WEBNN_JSON_GENERATE_H
#define WEBNN_JSON_GENERATE_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "webnn/tensor.h"

/* Is data a generator object (it has the key "generator")? */
bool wn_json_is_generated(const cJSON *data);

/* Reads and checks generator object g for data type dt into f (a WN_FILL_SPLITMIX64, made
 * later by wn_tensor_alloc_fill). Returns 0, or -1 with err naming the bad member. */
int wn_json_generator(const cJSON *g, wn_dtype dt, wn_fill *f, wn_error *err);

#endif
