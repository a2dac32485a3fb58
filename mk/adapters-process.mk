# Process adapters (issue 16, adapters/PROCESS.md): the protocol's C side lives in
# adapters/process/ and is linked into run-conformance (--adapter process:COMMAND, see
# runner.mk); this file builds it as loadable adapters too, for programs that load adapters
# by name (the bench harness). Named so that it is read before onnxruntime.mk (mk/*.mk are read
# in name order), which uses process_launcher.
#   build/adapters/libwebnn_adapter_process.so           command from WEBNN_PROCESS_COMMAND
#   build/adapters/libwebnn_adapter_process-example.so   the Python example (a launcher: the
#                                                        command is compiled in)
PROCESS_SO := $(BUILD)/adapters/libwebnn_adapter_process.so
PROCESS_LIB_PIC := $(patsubst %.c,$(BUILD)/pic/%.o,$(filter-out adapters/process/entry.c,$(sort $(wildcard adapters/process/*.c))))
PROCESS_EXAMPLE_SO := $(BUILD)/adapters/libwebnn_adapter_process-example.so

$(PROCESS_SO): $(BUILD)/pic/adapters/process/entry.o $(PROCESS_LIB_PIC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -o $@ $^ -lcjson -lm

# A launcher for one command: entry.c compiled with -include of a header defining it (absolute
# paths, so it works from any directory). $(1): the .so, $(2): the header, $(3): the command.
define process_launcher
$(2): mk/adapters-process.mk
	@mkdir -p $$(dir $$@)
	printf '#define PROCESS_COMMAND "%s"\n' '$(3)' > $$@
$(1): adapters/process/entry.c $(2) $(PROCESS_LIB_PIC)
	@mkdir -p $$(dir $$@)
	$$(CC) $$(ALL_CFLAGS) $$(RUNNER_INC) -fPIC -include $(2) $$(LDFLAGS) -shared -o $$@ adapters/process/entry.c $(PROCESS_LIB_PIC) -lcjson -lm
endef
$(eval $(call process_launcher,$(PROCESS_EXAMPLE_SO),$(BUILD)/process/example-command.h,$(PYTHON) $(abspath adapters/process/example_adapter.py)))

ALL_TARGETS += $(PROCESS_SO) $(PROCESS_EXAMPLE_SO)
