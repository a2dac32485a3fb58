# Model latency (issue 20): build/webnn-bench-models times each adapter on whole-model vectors
# (build once, compute median of >= 5 runs after a warm-up, peak RSS per adapter process);
# bench/models/torch_latency.py runs the same graphs and weights in PyTorch; report.py joins
# them into the table with ratios to PyTorch. `make bench-models` runs it on the full models
# that `make models` writes (MODELS_DIR), or on BENCH_MODELS_VECTORS when given.
BENCH_MODELS_BIN := $(BUILD)/webnn-bench-models
BENCH_MODELS_OUT := $(BUILD)/bench-models
# the reference is left out by default: it takes 90 s per full ResNet-50 compute
BENCH_MODELS_ADAPTERS ?= openblas,xnnpack,onednn,opencl,onnxruntime

$(BUILD)/obj/bench/models/%.o: EXTRA_CFLAGS += -Iadapters/include -Iadapters/reference -Iadapters/process -Irunner

$(BENCH_MODELS_BIN): $(BUILD)/obj/bench/models/bench_models.o $(BUILD)/librunner.a $(LIBVEC) $(LIBREF)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ -lcjson -lm -ldl

ALL_TARGETS += $(BENCH_MODELS_BIN)
BENCH_MODELS_VECTORS ?= $(wildcard $(BUILD)/models/*.json)

.PHONY: bench-models
bench-models: $(ALL_TARGETS) $(BUILD)/adapters/libwebnn_adapter_onnxruntime.so ## model latency per adapter and PyTorch (after make models; or BENCH_MODELS_VECTORS=FILES)
	@test -n "$(BENCH_MODELS_VECTORS)" || { echo "bench-models: no model vectors: run make models first, or give BENCH_MODELS_VECTORS=FILES" >&2; exit 2; }
	@bash mk/check-deps.sh python3-torch
	@mkdir -p $(BENCH_MODELS_OUT)
	@echo "OPENBLAS_CORETYPE=$${OPENBLAS_CORETYPE:-unset}; $$(nproc) CPUs; load $$(cut -d' ' -f1 /proc/loadavg)" | tee $(BENCH_MODELS_OUT)/results.md
	$(BENCH_MODELS_BIN) --adapters $(BENCH_MODELS_ADAPTERS) --json $(BENCH_MODELS_OUT)/adapters.jsonl $(BENCH_MODELS_VECTORS)
	$(PYTHON) bench/models/torch_latency.py --threads 2 $(BENCH_MODELS_VECTORS) > $(BENCH_MODELS_OUT)/pytorch.jsonl
	$(PYTHON) bench/models/report.py $(BENCH_MODELS_OUT)/adapters.jsonl $(BENCH_MODELS_OUT)/pytorch.jsonl | tee -a $(BENCH_MODELS_OUT)/results.md
