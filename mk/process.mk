# Process adapters (issue 16, adapters/PROCESS.md): the protocol's C side lives in
# adapters/process/ and is linked into run-conformance (--adapter process:COMMAND, see
# runner.mk); this file builds it as a loadable adapter too and runs the example.
#   build/adapters/libwebnn_adapter_process.so   the same code, command from WEBNN_PROCESS_COMMAND
#   make conformance-process-example             the suite against adapters/process/example_adapter.py
PROCESS_SO := $(BUILD)/adapters/libwebnn_adapter_process.so
PROCESS_EXAMPLE := $(PYTHON) adapters/process/example_adapter.py

$(PROCESS_SO): $(patsubst %.c,$(BUILD)/pic/%.o,$(sort $(wildcard adapters/process/*.c)))
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -o $@ $^ -lcjson -lm

ALL_TARGETS += $(PROCESS_SO)

.PHONY: conformance-process-example
conformance-process-example: $(BUILD)/run-conformance ## run the suite against the Python example process adapter (must match its expectations)
	$(BUILD)/run-conformance --adapter 'process:$(PROCESS_EXAMPLE)' --expectations adapters/process/example-expectations.txt \
	  --vectors vectors --journal none --quiet $(CONFORMANCE_ARGS)
