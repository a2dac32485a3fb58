# The XNNPACK adapter (adapters/xnnpack): WebNN graphs lowered onto XNNPACK subgraphs (Debian's
# libxnnpack-dev, the 2022-02-16 snapshot), devices "cpu" and "npu" (float16 inference).
#   build/adapters/libwebnn_adapter_xnnpack.so   the adapter
#   make conformance-xnnpack                     the suite on both profiles, checked against
#                                                adapters/xnnpack/expectations.txt (cpu) and
#                                                adapters/xnnpack/expectations-npu.txt
#   make xnnpack-repro                           a finding reproduced against XNNPACK alone
XNN_PACKAGES := libxnnpack-dev libpthreadpool-dev
XNN_DEPS_STAMP := $(BUILD)/.deps-xnnpack-ok
$(XNN_DEPS_STAMP): mk/check-deps.sh
	@bash mk/check-deps.sh $(XNN_PACKAGES)
	@mkdir -p $(BUILD) && touch $@

XNN_SRCS := $(sort $(wildcard adapters/xnnpack/*.c))
XNN_PIC := $(patsubst %.c,$(BUILD)/pic/%.o,$(XNN_SRCS))
XNN_SO := $(BUILD)/adapters/libwebnn_adapter_xnnpack.so
# xnnpack.h includes pthreadpool.h but the library is not pulled in by libXNNPACK: link both
XNN_LDLIBS := -lXNNPACK -lpthreadpool -lm
$(XNN_PIC): $(XNN_DEPS_STAMP)

$(XNN_SO): $(XNN_PIC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -o $@ $^ $(XNN_LDLIBS)

ALL_TARGETS += $(XNN_SO)

# one worker process per core already: each computes on its own thread (a pthreadpool per
# worker oversubscribes the cores and its spinning workers made the run ten times slower)
XNN_CONFORMANCE_OUT := $(BUILD)/conformance-xnnpack
.PHONY: conformance-xnnpack
conformance-xnnpack: $(BUILD)/run-conformance $(XNN_SO) ## run the suite against the XNNPACK adapter, cpu and npu (must match its expectations)
	@mkdir -p $(XNN_CONFORMANCE_OUT)/cpu $(XNN_CONFORMANCE_OUT)/npu
	@set -e; for run in "cpu expectations" "npu expectations-npu"; do set -- $$run; dev=$$1; echo "== xnnpack $$dev"; \
	  WEBNN_XNNPACK_THREADS=1 $(BUILD)/run-conformance --adapter $(XNN_SO) --device $$dev \
	    --expectations adapters/xnnpack/$$2.txt --vectors vectors --journal none --quiet \
	    --report json:$(XNN_CONFORMANCE_OUT)/$$dev/wptreport.json --report junit:$(XNN_CONFORMANCE_OUT)/$$dev/junit.xml \
	    --report html:$(XNN_CONFORMANCE_OUT)/$$dev/report.html $(CONFORMANCE_ARGS); done

TEST_TARGETS += conformance-xnnpack

# The dilated max-pooling finding, checked against XNNPACK alone (adapters/xnnpack/README.md):
# fails when the installed XNNPACK stops behaving as the README says (then revisit the
# adapter's explicit padding in lower_conv.c)
XNN_REPRO := $(BUILD)/xnnpack-repro/maxpool_dilated_padding
$(XNN_REPRO): adapters/xnnpack/repro/maxpool_dilated_padding.c $(XNN_DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(XNN_LDLIBS)
.PHONY: xnnpack-repro
xnnpack-repro: $(XNN_REPRO) ## XNNPACK's dilated max pooling in the padding, without the adapter
	$(XNN_REPRO)
TEST_TARGETS += xnnpack-repro

# make bench measures the XNNPACK adapter too (its cpu device), beside OpenBLAS
bench: $(XNN_SO)
BENCH_ADAPTERS += xnnpack
