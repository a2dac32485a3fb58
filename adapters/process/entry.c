/* libwebnn_adapter_process.so: the process adapter for programs that load adapters by path
 * (the bench harness); the command comes from WEBNN_PROCESS_COMMAND. run-conformance links
 * the same code in and takes `--adapter process:COMMAND`. */
#include <stdlib.h>

#include "process_adapter.h"

const wna_api *webnn_adapter_entry(void);

const wna_api *webnn_adapter_entry(void)
{
    return wna_process_api(getenv("WEBNN_PROCESS_COMMAND"));
}
