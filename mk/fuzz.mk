# Fuzzing with libFuzzer (clang; Debian packages clang and libclang-rt-14-dev).
# `make fuzz FUZZ_SECONDS=N` runs each target for N seconds, seeded from vectors/.
FUZZ_SECONDS ?= 60
FUZZ_BUILD := build-fuzz
FUZZ_CFLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_TARGETS := $(patsubst conformance/fuzz/%.c,$(FUZZ_BUILD)/%,$(wildcard conformance/fuzz/fuzz_*.c))

$(FUZZ_BUILD)/fuzz_%: conformance/fuzz/fuzz_%.c
	@bash mk/check-deps.sh clang libclang-rt-14-dev
	$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang CFLAGS="$(FUZZ_CFLAGS)" \
	    $(FUZZ_BUILD)/libwebnnref.a $(FUZZ_BUILD)/libwebnnvec.a
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -std=c11 -Ireference/include -o $@ $< \
	    $(FUZZ_BUILD)/libwebnnvec.a $(FUZZ_BUILD)/libwebnnref.a -lcjson -lm

.PHONY: fuzz
fuzz: $(FUZZ_TARGETS) ## run each fuzz target for FUZZ_SECONDS (default 60), seeded from vectors/
	@set -e; for t in $(FUZZ_TARGETS); do \
	  corpus=$(FUZZ_BUILD)/corpus-$$(basename $$t); mkdir -p $$corpus; \
	  find vectors conformance/bad-inputs -name '*.json' -size -64k 2>/dev/null | head -500 | xargs -r cp -t $$corpus; \
	  echo "== $$t ($(FUZZ_SECONDS) s)"; \
	  $$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 $$corpus 2>&1 | tail -5; \
	done
