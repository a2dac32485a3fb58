# webnn-fuzz, the differential fuzzer (issue 19; runner/fuzz/README.md): random valid graphs
# through an adapter, every operation judged against the reference, findings minimized and
# written as vector files. `make fuzz-diff` is the seeded smoke `make test` runs.
FUZZDIFF := $(BUILD)/webnn-fuzz
FUZZDIFF_SRCS := $(sort $(wildcard runner/fuzz/*.c)) conformance/fuzz/fuzz_interp_ops.c conformance/fuzz/fuzz_interp_shapes.c
FUZZDIFF_OBJS := $(FUZZDIFF_SRCS:%.c=$(BUILD)/obj/fuzzdiff/%.o)

$(BUILD)/obj/fuzzdiff/%.o: %.c $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(RUNNER_INC) -Irunner/fuzz -Iconformance/fuzz -c $< -o $@

# (runner.mk is read after this file: its variables are spelled out in prerequisites)
$(FUZZDIFF): $(FUZZDIFF_OBJS) $(BUILD)/librunner.a $(LIBVEC) $(LIBREF)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS_RUNNER)

ALL_TARGETS += $(FUZZDIFF)
TEST_TARGETS += fuzz-diff

.PHONY: fuzz-diff
fuzz-diff: $(FUZZDIFF) $(BUILD)/run-conformance $(BUILD)/adapters/libwebnn_adapter_hostile.so ## seeded smoke of webnn-fuzz: reference vs itself finds nothing; a broken adapter is caught and minimized
	@bash conformance/fuzzdiff/smoke.sh $(BUILD)

FUZZDIFF_SECONDS ?= 600
FUZZDIFF_ADAPTER ?= reference
.PHONY: fuzz-diff-long
fuzz-diff-long: $(FUZZDIFF) ## webnn-fuzz for FUZZDIFF_SECONDS (600) on FUZZDIFF_ADAPTER (reference); findings in build/fuzz-diff/<adapter>/
	$(FUZZDIFF) --adapter $(FUZZDIFF_ADAPTER) --seconds $(FUZZDIFF_SECONDS) --out $(BUILD)/fuzz-diff/$(notdir $(FUZZDIFF_ADAPTER)) $(FUZZDIFF_ARGS)
-include $(shell find $(BUILD)/obj/fuzzdiff -name '*.d' 2>/dev/null)
