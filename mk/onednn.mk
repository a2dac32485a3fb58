# The oneDNN adapter (adapters/onednn, issue 18): WebNN ops on oneDNN 2.6's cpu primitives
# (Debian's libdnnl-dev: C API <oneapi/dnnl/dnnl.h>, -ldnnl, OpenMP runtime). It links the
# OpenBLAS adapter's argument readers (adapters/openblas/args.c).
#   build/adapters/libwebnn_adapter_onednn.so    the adapter
#   make conformance-onednn                      the suite against it, checked against
#                                                adapters/onednn/expectations.txt
ONEDNN_DEPS_STAMP := $(BUILD)/.deps-onednn-ok
$(ONEDNN_DEPS_STAMP): mk/check-deps.sh
	@bash mk/check-deps.sh libdnnl-dev
	@mkdir -p $(BUILD) && touch $@

ONEDNN_SRCS := $(sort $(wildcard adapters/onednn/*.c)) adapters/openblas/args.c
ONEDNN_PIC := $(patsubst %.c,$(BUILD)/pic/%.o,$(ONEDNN_SRCS))
ONEDNN_SO := $(BUILD)/adapters/libwebnn_adapter_onednn.so
$(filter $(BUILD)/pic/adapters/onednn/%,$(ONEDNN_PIC)): EXTRA_CFLAGS += -Iadapters/openblas
$(filter $(BUILD)/pic/adapters/onednn/%,$(ONEDNN_PIC)): $(ONEDNN_DEPS_STAMP)

$(ONEDNN_SO): $(ONEDNN_PIC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -o $@ $^ -ldnnl -lm

ALL_TARGETS += $(ONEDNN_SO)

# Threads: oneDNN runs on OpenMP (libgomp). The runner already runs one forked worker per core,
# each creating its context after the fork (no OpenMP region runs before a fork), and the
# cases are small: one OpenMP thread per worker keeps 2 workers from running 4 spinning
# threads on 2 cores.
ONEDNN_CONFORMANCE_OUT := $(BUILD)/conformance-onednn
.PHONY: conformance-onednn
conformance-onednn: $(BUILD)/run-conformance $(ONEDNN_SO) ## run the suite against the oneDNN adapter (must match its expectations)
	@mkdir -p $(ONEDNN_CONFORMANCE_OUT)
	OMP_NUM_THREADS=1 $(BUILD)/run-conformance --adapter $(ONEDNN_SO) --expectations adapters/onednn/expectations.txt \
	  --vectors vectors --journal none --quiet \
	  --report json:$(ONEDNN_CONFORMANCE_OUT)/wptreport.json --report junit:$(ONEDNN_CONFORMANCE_OUT)/junit.xml \
	  --report html:$(ONEDNN_CONFORMANCE_OUT)/report.html $(CONFORMANCE_ARGS)

TEST_TARGETS += conformance-onednn

# make bench measures the oneDNN adapter too (bench/bench_main.c's default columns). In one
# process with OpenBLAS's pool: libgomp's idle threads spin after each parallel region (for
# about GOMP_SPINCOUNT iterations) and would take a core from the OpenBLAS or sgemm run that
# follows; OMP_WAIT_POLICY=PASSIVE makes them sleep at once. libgomp reads it when it is
# loaded (dlopen of the adapter), so it is set in the environment of the run.
bench: $(ONEDNN_SO)
BENCH_ADAPTERS += onednn
BENCH_ENV += OMP_WAIT_POLICY=PASSIVE
