# The benchmark harness (issue 8): `make bench` measures the adapters through the ABI next to
# direct cblas_sgemm and memcpy, prints a markdown table and writes build/bench/results.json
# (copied to bench/results.json, the committed baseline). `make bench-smoke` runs it on tiny
# sizes to keep it from rotting: it checks that it runs and writes valid JSON, never timings.
BENCH_SRCS := $(sort $(wildcard bench/*.c))
BENCH_OBJS := $(BENCH_SRCS:%.c=$(BUILD)/obj/%.o)
BENCH_BIN := $(BUILD)/webnn-bench
BENCH_OUT := $(BUILD)/bench
BENCH_OPENBLAS_SO := $(BUILD)/adapters/libwebnn_adapter_openblas.so
BENCH_REFERENCE_SO := $(BUILD)/adapters/libwebnn_adapter_reference.so
# (run-conformance by its path: RUN_CONFORMANCE is defined in runner.mk, read after this file)

$(BUILD)/obj/bench/%.o: EXTRA_CFLAGS += -Iadapters/include

$(BENCH_BIN): $(BENCH_OBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ -lopenblas -lcjson -ldl -lm

ALL_TARGETS += $(BENCH_BIN)

# The adapter columns: each adapter's .mk adds its name to BENCH_ADAPTERS and its .so as a
# prerequisite of bench (read when the recipe runs, after every mk/*.mk).
comma := ,
space := $(eval) $(eval)
BENCH_ADAPTER_LIST = $(subst $(space),$(comma),$(strip openblas $(BENCH_ADAPTERS) reference))
# ONNX Runtime (behind the process protocol) beside OpenBLAS; the in-process and the process
# example adapters side by side for the protocol's overhead (issue 16)
BENCH_ADAPTERS += onnxruntime example process-example

.PHONY: bench
bench: $(BENCH_BIN) $(BUILD)/run-conformance $(BENCH_REFERENCE_SO) $(BENCH_OPENBLAS_SO) $(BUILD)/adapters/libwebnn_adapter_onnxruntime.so \
       $(BUILD)/adapters/libwebnn_adapter_example.so $(BUILD)/adapters/libwebnn_adapter_process-example.so ## measure the adapters next to sgemm and memcpy (a few minutes): table + bench/results.json
	@mkdir -p $(BENCH_OUT)
	$(BENCH_ENV) $(BENCH_BIN) --build $(BUILD) --adapters $(BENCH_ADAPTER_LIST) --json $(BENCH_OUT)/results.json | tee $(BENCH_OUT)/results.md
	cp $(BENCH_OUT)/results.json bench/results.json

.PHONY: bench-smoke
bench-smoke: $(BENCH_BIN) $(BUILD)/run-conformance $(BENCH_REFERENCE_SO) ## run the benchmark harness on tiny sizes (seconds) and check its JSON
	@mkdir -p $(BENCH_OUT)
	@# under ASan, LeakSanitizer's exit-time tracer crashes (signal 11) on the worker threads that
	@# oneDNN's OpenMP and XNNPACK's pool leave running in this one process; leaks are valgrind's job
	ASAN_OPTIONS=$${ASAN_OPTIONS:+$$ASAN_OPTIONS:}detect_leaks=0 $(BENCH_BIN) --smoke --build $(BUILD) --json $(BENCH_OUT)/smoke.json > $(BENCH_OUT)/smoke.md
	@$(PYTHON) bench/check_results.py $(BENCH_OUT)/smoke.json

TEST_TARGETS += bench-smoke
