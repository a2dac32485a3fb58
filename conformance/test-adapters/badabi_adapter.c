/* A test adapter built for a future ABI major version: the runner must refuse it. */
#include "webnn_adapter.h"

const wna_api *webnn_adapter_entry(void);

static const wna_api api = {.abi_major = WEBNN_ADAPTER_ABI_MAJOR + 1, .abi_minor = 0,
                            .struct_size = sizeof(wna_api), .name = "badabi", .version = "0"};

const wna_api *webnn_adapter_entry(void) { return &api; }
