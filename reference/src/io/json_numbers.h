/* Reading numbers and tensor data from JSON values: "NaN", "Infinity", "-Infinity", "-0"
 * and decimal strings for 64-bit integers beyond 2^53, flat arrays, fills, generated data and base64. */
#ifndef WEBNN_JSON_NUMBERS_H
#define WEBNN_JSON_NUMBERS_H

#include <cjson/cJSON.h>

#include "webnn/number.h"
#include "webnn/tensor.h"

/* A JSON number or number string -> wn_number. On failure writes why into why (cap 128). */
int wn_json_number(const cJSON *item, wn_number *out, char *why, size_t why_cap);

/* Stores n into element i of t: rounded for a float type; for an integer type it must be an
 * integer in the type's range (beyond 2^53 given exactly, as a decimal string). On failure
 * returns -1 and writes why. */
int wn_json_store_number(wn_tensor *t, size_t i, const wn_number *n, char *why, size_t why_cap);

/* DATA for a tensor with the given (checked) descriptor: allocates t. On failure returns -1
 * with err set; the message names the element index, relative to the data path. */
int wn_json_tensor_data(const cJSON *data, const wn_desc *desc, wn_tensor *t, wn_error *err);

/* DATA whose bytes need not be stored: one number for a shape of several elements, or a
 * generator object (json_generate.h). Sets f (nothing allocated) and returns 1 then, 0 when
 * data is neither (nothing done), -1 with err set (a bad number or generator, or the shape
 * over the tensor byte cap, checked as if the whole tensor were allocated). */
int wn_json_tensor_lazy(const cJSON *data, const wn_desc *desc, wn_fill *f, wn_error *err);

/* DATA that is one number for a shape of several elements, kept as that one element: t is a
 * fill tensor (wn_tensor_is_fill; what an expected output keeps). Returns 1 then, 0 when data
 * is not such a fill (nothing done; a generator is not), -1 with err set as above. */
int wn_json_tensor_fill(const cJSON *data, const wn_desc *desc, wn_tensor *t, wn_error *err);

/* Float64 values for DATA of a float tensor ("exact" expected values). */
int wn_json_f64_array(const cJSON *data, size_t count, double **out, wn_error *err);

#endif
