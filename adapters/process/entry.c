/* libwebnn_adapter_process.so: the process adapter for programs that load adapters by path
 * (the bench harness); the command comes from WEBNN_PROCESS_COMMAND. Built with
 * `-include FILE` defining PROCESS_COMMAND, it is a launcher for that one command instead
 * (libwebnn_adapter_onnxruntime.so, libwebnn_adapter_process-example.so). run-conformance
 * links the same code in and takes `--adapter process:COMMAND`. */
#include <stdlib.h>

#include "process_adapter.h"

const wna_api *webnn_adapter_entry(void);

const wna_api *webnn_adapter_entry(void)
{
#ifdef PROCESS_COMMAND
    return wna_process_api(PROCESS_COMMAND);
#else
    return wna_process_api(getenv("WEBNN_PROCESS_COMMAND"));
#endif
}
