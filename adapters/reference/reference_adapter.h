/* The reference adapter: the webnn-cts interpreter (libwebnnref) behind the adapter ABI.
 * Built into run-conformance (the default adapter) and as a shared library
 * (build/adapters/libwebnn_adapter_reference.so). */
#ifndef WEBNN_REFERENCE_ADAPTER_H
#define WEBNN_REFERENCE_ADAPTER_H

#include "webnn_adapter.h"
#include "webnn/graph.h"

/* The function table (what webnn_adapter_entry returns in the shared library). */
const wna_api *wna_reference_api(void);

/* ABI graph -> reference IR (not validated). NULL with err set on failure. */
wn_graph *ref_graph_from_abi(const wna_graph *g, wn_error *err);

#endif
