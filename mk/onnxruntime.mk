# The ONNX Runtime adapter (issue 16, adapters/onnxruntime): a process adapter in JavaScript on
# onnxruntime-node 1.30.0 (npm, pinned by adapters/onnxruntime/package-lock.json).
#   build/onnxruntime/node_modules      npm ci --ignore-scripts (the install script only fetches
#                                       optional GPU providers)
#   build/onnxruntime/support.json      the install-time probe: the (op, data type) pairs that
#                                       built and ran, which the adapter claims
#   make conformance-onnxruntime        the suite against it, checked against its expectations
# build/ even for BUILD=build-asan: the JavaScript and the npm tree do not depend on the C flags
ORT_DIR := build/onnxruntime
ORT_STAMP := $(ORT_DIR)/node_modules/.installed
ORT_SUPPORT := $(ORT_DIR)/support.json
ORT_JS := $(sort $(wildcard adapters/onnxruntime/*.js))
ORT_DEPS_STAMP := $(BUILD)/.deps-onnxruntime-ok
# one intra-op thread per session in the suite: the runner already runs one worker per core
ORT_THREADS ?= 1
ORT_ADAPTER = process:node adapters/onnxruntime/adapter.js --modules $(ORT_DIR) --support $(ORT_SUPPORT) --threads $(ORT_THREADS) $(ORT_OPTIONS)

$(ORT_DEPS_STAMP): mk/check-deps.sh
	@bash mk/check-deps.sh nodejs
	@mkdir -p $(BUILD) && touch $@

$(ORT_STAMP): adapters/onnxruntime/package.json adapters/onnxruntime/package-lock.json $(ORT_DEPS_STAMP)
	@mkdir -p $(ORT_DIR)
	cp adapters/onnxruntime/package.json adapters/onnxruntime/package-lock.json $(ORT_DIR)/
	cd $(ORT_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

$(ORT_SUPPORT): $(ORT_STAMP) $(ORT_JS)
	node adapters/onnxruntime/probe.js --modules $(ORT_DIR) --out $@

# not in ALL_TARGETS: `make all` needs no network; the conformance target installs it

ORT_CONFORMANCE_OUT := $(BUILD)/conformance-onnxruntime
.PHONY: conformance-onnxruntime
conformance-onnxruntime: $(BUILD)/run-conformance $(ORT_SUPPORT) ## run the suite against ONNX Runtime (process adapter; must match its expectations)
	@mkdir -p $(ORT_CONFORMANCE_OUT)
	$(BUILD)/run-conformance --adapter '$(ORT_ADAPTER)' --expectations adapters/onnxruntime/expectations.txt \
	  --vectors vectors --journal none --quiet \
	  --report json:$(ORT_CONFORMANCE_OUT)/wptreport.json --report junit:$(ORT_CONFORMANCE_OUT)/junit.xml \
	  --report html:$(ORT_CONFORMANCE_OUT)/report.html $(CONFORMANCE_ARGS)

TEST_TARGETS += conformance-onnxruntime

# the launcher the bench harness loads by name (intra-op threads: the cores, ONNX Runtime-style)
ORT_SO := $(BUILD)/adapters/libwebnn_adapter_onnxruntime.so
$(eval $(call process_launcher,$(ORT_SO),$(ORT_DIR)/command.h,node $(abspath adapters/onnxruntime/adapter.js) --modules $(abspath $(ORT_DIR)) --support $(abspath $(ORT_SUPPORT))))
$(ORT_SO): $(ORT_SUPPORT)
