/* Tensor sequences in vector files (vectors/FORMAT.md, "Tensor sequences"): the loader of the
 * "graphs"/"steps" form of a test (vector_sequence.c) and the two pieces of the ordinary loader
 * it reuses (vector_load.c). */
#ifndef WEBNN_VECTOR_SEQUENCE_H
#define WEBNN_VECTOR_SEQUENCE_H

#include <cjson/cJSON.h>

#include "json_path.h"
#include "webnn/vector_file.h"

/* Loads tj's "graphs" and "steps" into vc->sequence (name, tolerance and flags are already
 * read). 0, or -1 with *err set naming file and path. */
int wn_vec_load_sequence(const char *file, wn_json_path *path, wn_error *err, const cJSON *tj, wn_vec_case *vc);

/* The "descriptor" member of obj. */
int wn_vec_load_desc(const char *file, wn_json_path *path, wn_error *err, const cJSON *obj, wn_desc *d);
/* A graph object {"inputs", "operators", "outputs": [names]} -> a new graph. */
int wn_vec_load_graph(const char *file, wn_json_path *path, wn_error *err, const cJSON *gj, wn_graph **out);

#endif
