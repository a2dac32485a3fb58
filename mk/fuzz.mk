# Fuzzing with libFuzzer (clang; Debian packages clang and libclang-rt-14-dev).
# `make fuzz FUZZ_SECONDS=N` runs each target for N seconds, seeded from vectors/ (and from
# conformance/bad-inputs/ and the target's regression inputs). Crashes land in
# build-fuzz/artifacts/; each one found is fixed and kept in conformance/fuzz/regressions/<target>/,
# which `make test` replays (fuzz-regressions, no clang needed).
FUZZ_SECONDS ?= 60
FUZZ_BUILD := build-fuzz
FUZZ_CFLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
# fuzz_<name>.c is a target; fuzz_interp_shapes.c and fuzz_interp_ops.c are helpers linked into fuzz_interp only
FUZZ_HELPERS := fuzz_interp_shapes fuzz_interp_ops
FUZZ_NAMES := $(filter-out $(FUZZ_HELPERS),$(patsubst conformance/fuzz/%.c,%,$(sort $(wildcard conformance/fuzz/fuzz_*.c))))
FUZZ_TARGETS := $(FUZZ_NAMES:%=$(FUZZ_BUILD)/%)
FUZZ_LIBS_STAMP := $(FUZZ_BUILD)/.libs-ok

# the libraries, rebuilt with clang and the fuzzer instrumentation
.PHONY: fuzz-libs
fuzz-libs:
	@bash mk/check-deps.sh clang libclang-rt-14-dev
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang CFLAGS="$(FUZZ_CFLAGS)" \
	    $(FUZZ_BUILD)/libwebnnref.a $(FUZZ_BUILD)/libwebnnvec.a

$(FUZZ_BUILD)/fuzz_%: conformance/fuzz/fuzz_%.c fuzz-libs
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -std=c11 -Ireference/include -o $@ $(filter %.c,$^) \
	    $(FUZZ_BUILD)/libwebnnvec.a $(FUZZ_BUILD)/libwebnnref.a -lcjson -lm

# fuzz_interp also links the shape-aware generators
$(FUZZ_BUILD)/fuzz_interp: conformance/fuzz/fuzz_interp_shapes.c conformance/fuzz/fuzz_interp_shapes.h \
    conformance/fuzz/fuzz_interp_ops.c conformance/fuzz/fuzz_interp_ops.h

# Seeds: the vector files (small ones first) and the target's regression inputs. The JSON
# seeds also drive the graph targets: their bytes are just choices there.
.PHONY: fuzz
fuzz: $(FUZZ_TARGETS) ## run each fuzz target for FUZZ_SECONDS (default 60), seeded from vectors/
	@mkdir -p $(FUZZ_BUILD)/artifacts
	@set -e; for name in $(FUZZ_NAMES); do \
	  corpus=$(FUZZ_BUILD)/corpus-$$name; mkdir -p $$corpus; \
	  for f in $$(find vectors conformance/bad-inputs -name '*.json' -size -64k -not -path 'vectors/gen/*' | sort); do \
	    cp "$$f" "$$corpus/$$(echo "$$f" | tr / _)"; done; \
	  cp conformance/fuzz/regressions/$$name/* $$corpus/ 2>/dev/null || true; \
	  echo "== $$name ($(FUZZ_SECONDS) s)"; \
	  FUZZ_INTERP_STATS=1 $(FUZZ_BUILD)/$$name -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 \
	    -timeout=25 -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$name- $$corpus \
	    > $(FUZZ_BUILD)/$$name.log 2>&1 \
	    || { tail -60 $(FUZZ_BUILD)/$$name.log; echo "fuzz: $$name found a crash: $$(ls $(FUZZ_BUILD)/artifacts/$$name-* | head -3)"; exit 1; }; \
	  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^fuzz_interp:|: never ran$$|: under 1% valid$$|^Done" $(FUZZ_BUILD)/$$name.log; \
	done

# ---- replaying the kept inputs with the project's compiler (and sanitizers under make asan) ----
REPLAY_BINS := $(FUZZ_NAMES:%=$(BUILD)/fuzz-replay/%)

$(BUILD)/fuzz-replay/fuzz_%: $(BUILD)/obj/conformance/fuzz/fuzz_%.o $(BUILD)/obj/conformance/fuzz/replay.o $(LIBVEC) $(LIBREF)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(filter %.o,$^) $(filter %.a,$^) $(LDLIBS_VEC)

$(BUILD)/fuzz-replay/fuzz_interp: $(BUILD)/obj/conformance/fuzz/fuzz_interp_shapes.o $(BUILD)/obj/conformance/fuzz/fuzz_interp_ops.o

.PHONY: fuzz-regressions
fuzz-regressions: $(REPLAY_BINS) ## replay conformance/fuzz/regressions/<target>/* through each fuzz target
	@set -e; for name in $(FUZZ_NAMES); do \
	  $(BUILD)/fuzz-replay/$$name conformance/fuzz/regressions/$$name/*; \
	done

ALL_TARGETS += $(REPLAY_BINS)
TEST_TARGETS += fuzz-regressions
