/* The shared-library entry point of the reference adapter. */
#include "reference_adapter.h"

const wna_api *webnn_adapter_entry(void);

const wna_api *webnn_adapter_entry(void) { return wna_reference_api(); }
