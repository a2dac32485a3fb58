# run-conformance, the adapter ABI and its adapters, the pytest driver (issue 7).
#   build/run-conformance                      the runner (reference adapter built in)
#   build/adapters/libwebnn_adapter_*.so       reference, example and the hostile test adapter
#   build/libwebnncts.so                       runner code for the pytest driver (ctypes)
#   build/librunner.a                          runner pieces, for the cmocka tests

RUNNER_INC := -Iadapters/include -Iadapters/reference -Iadapters/process -Irunner
RUNNER_LIB_SRCS := $(filter-out runner/main.c runner/pylib.c,$(sort $(wildcard runner/*.c)))
REFADAPTER_SRCS := adapters/reference/reference_adapter.c adapters/reference/graph_from_abi.c
# the process adapter (adapters/PROCESS.md) is linked in for --adapter process:COMMAND
PROCESS_ADAPTER_SRCS := $(filter-out adapters/process/entry.c,$(sort $(wildcard adapters/process/*.c)))
RUNNER_LIB_OBJS := $(RUNNER_LIB_SRCS:%.c=$(BUILD)/obj/%.o) $(REFADAPTER_SRCS:%.c=$(BUILD)/obj/%.o) \
                   $(PROCESS_ADAPTER_SRCS:%.c=$(BUILD)/obj/%.o)
LIBRUNNER := $(BUILD)/librunner.a
RUN_CONFORMANCE := $(BUILD)/run-conformance
LDLIBS_RUNNER := -lcjson -lm -ldl

$(BUILD)/obj/runner/%.o $(BUILD)/obj/adapters/%.o: EXTRA_CFLAGS += $(RUNNER_INC)
$(BUILD)/obj/conformance/unit/test_runner_%.o: EXTRA_CFLAGS += $(RUNNER_INC)

$(LIBRUNNER): $(RUNNER_LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(RUN_CONFORMANCE): $(BUILD)/obj/runner/main.o $(LIBRUNNER) $(LIBVEC) $(LIBREF)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS_RUNNER)

# ---- position-independent copies for the shared libraries ----
$(BUILD)/pic/%.o: %.c $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(RUNNER_INC) -fPIC -c $< -o $@

pic = $(patsubst %.c,$(BUILD)/pic/%.o,$(1))
REF_PIC := $(call pic,$(REF_SRCS))
VEC_PIC := $(call pic,$(VEC_SRCS))
REFADAPTER_PIC := $(call pic,$(REFADAPTER_SRCS))

$(BUILD)/adapters/libwebnn_adapter_reference.so: $(call pic,adapters/reference/entry.c) $(REFADAPTER_PIC) $(REF_PIC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -o $@ $^ -lm

# the example adapter needs nothing but the ABI header
$(BUILD)/adapters/libwebnn_adapter_example.so: $(call pic,adapters/example/example_adapter.c)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -o $@ $^

$(BUILD)/adapters/libwebnn_adapter_hostile.so: $(call pic,conformance/test-adapters/hostile_adapter.c) $(REFADAPTER_PIC) $(REF_PIC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -o $@ $^ -lm

$(BUILD)/adapters/libwebnn_adapter_badabi.so: $(call pic,conformance/test-adapters/badabi_adapter.c)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -o $@ $^

$(BUILD)/libwebnncts.so: $(call pic,runner/pylib.c) $(call pic,$(RUNNER_LIB_SRCS)) $(REFADAPTER_PIC) $(call pic,$(PROCESS_ADAPTER_SRCS)) $(VEC_PIC) $(REF_PIC)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -o $@ $^ $(LDLIBS_RUNNER)

RUNNER_ADAPTERS := $(BUILD)/adapters/libwebnn_adapter_reference.so $(BUILD)/adapters/libwebnn_adapter_example.so \
                   $(BUILD)/adapters/libwebnn_adapter_hostile.so $(BUILD)/adapters/libwebnn_adapter_badabi.so

# cmocka tests of runner pieces: conformance/unit/test_runner_*.c (shorter stem: wins over the
# generic unit-test rule, and links the runner library)
$(BUILD)/tests/test_runner_%: $(BUILD)/obj/conformance/unit/test_runner_%.o $(BUILD)/obj/conformance/unit/support.o $(LIBRUNNER) $(LIBVEC) $(LIBREF)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ -lcmocka $(LDLIBS_RUNNER)

ALL_TARGETS += $(LIBRUNNER) $(RUN_CONFORMANCE) $(RUNNER_ADAPTERS) $(BUILD)/libwebnncts.so
TEST_TARGETS += pytest

CONFORMANCE_OUT := $(BUILD)/conformance
.PHONY: conformance
conformance: $(RUN_CONFORMANCE) ## run the conformance suite (vectors/) against the reference adapter
	@mkdir -p $(CONFORMANCE_OUT)
	$(RUN_CONFORMANCE) --vectors vectors --journal $(CONFORMANCE_OUT)/journal.jsonl \
	  --report json:$(CONFORMANCE_OUT)/wptreport.json --report junit:$(CONFORMANCE_OUT)/junit.xml \
	  --report html:$(CONFORMANCE_OUT)/report.html $(CONFORMANCE_ARGS)

# a sanitized libwebnncts.so can only be loaded into python with the sanitizer runtimes preloaded
PYTEST_ENV := $(if $(findstring -fsanitize=address,$(CFLAGS)),LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" ASAN_OPTIONS=detect_leaks=0:verify_asan_link_order=0)

.PHONY: pytest
pytest: $(RUN_CONFORMANCE) $(RUNNER_ADAPTERS) $(BUILD)/libwebnncts.so ## run the pytest driver and the runner's end-to-end tests
	$(PYTEST_ENV) $(PYTHON) -m pytest -q -p no:cacheprovider -n 2 conformance/pytest --build $(BUILD)
-include $(shell find $(BUILD)/pic -name '*.d' 2>/dev/null)
