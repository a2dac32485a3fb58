# Mutation testing (issue 21): how many small injected faults the vector corpus alone catches.
# The judge is run-conformance over vectors/ and nothing else (a vendor's port is judged by
# vectors alone). Two fixed targets, each with a fixed file set, count and seed:
#   reference  reference/src/ops/*.c + reference/src/core/*.c but message formatting, built
#              with ASan + UBSan (an out-of-bounds mutant is caught as a careful port's
#              sanitizer CI would catch it)
#   openblas   adapters/openblas/*.c, the same ASan + UBSan build, judged against
#              adapters/openblas/expectations.txt
# Both run on a copy of the tracked (and untracked, not ignored) files in build/mutate/src, never
# on this checkout. conformance/mutation/score.py applies conformance/mutation/equivalent.txt
# (equivalent mutants, each with its reason) and fails below MUTATE_MIN.
# The mutation tool is the shared one beside the project checkout; MUTATE_PY=... to move it.
MUTATE_PY ?= ../shared/tools/mutate.py
MUTATE_OUT := $(BUILD)/mutate
MUTATE_JOBS ?= 2
MUTATE_MIN ?= 0.95
MUTATE_REF_COUNT ?= 600
MUTATE_REF_SEED ?= 1
MUTATE_OBL_COUNT ?= 300
MUTATE_OBL_SEED ?= 7
MUTATE_IDS ?=
MUTATE_ASAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
MUTATE_BUILD = $(MAKE) -s BUILD=build-mut CFLAGS='$(MUTATE_ASAN_FLAGS)' LDFLAGS='-fsanitize=address,undefined' build-mut/run-conformance
# The test of one mutant: the whole corpus, in two runs so the whole-model vectors (the slowest
# files) come last; --fail-fast ends a killed mutant at its first unexpected result.
MUTATE_CONF = build-mut/run-conformance --quiet --fail-fast --jobs 1 --journal none --timeout 10
MUTATE_NOT_MODELS = $$(cd vectors && ls -d */ | grep -v "^models/$$" | sed "s|/$$|/*|; s|^|--filter |")
# (set -f after the listing: the --filter globs must reach the runner unexpanded)
mutate_test = F=$(MUTATE_NOT_MODELS); set -f; $(MUTATE_CONF) $(1) --vectors vectors $$F >/dev/null 2>&1 && $(MUTATE_CONF) $(1) --vectors vectors --filter "models/*" >/dev/null 2>&1
# message formatting (error.c, text.c, the message arguments of the error calls) is left out:
# the corpus judges error kinds, not their wording
MUTATE_REF_FILES := $(filter-out reference/src/core/error.c reference/src/core/text.c,\
                      $(sort $(wildcard reference/src/ops/*.c reference/src/core/*.c)))
MUTATE_SKIP := --skip-call wn_fail --skip-call wn_set_error --skip-call wn_error_prefix
MUTATE_COMMON = $(MUTATE_SKIP) --repo $(MUTATE_OUT)/src --link vectors --jobs $(MUTATE_JOBS) $(if $(MUTATE_IDS),--ids $(MUTATE_IDS))

.PHONY: mutate mutate-src mutate-reference mutate-openblas
mutate: ## mutation score of the corpus: reference (ASan, 600 mutants) and OpenBLAS (300 mutants); long (about an hour on 2 cores)
	$(MAKE) --no-print-directory mutate-reference mutate-openblas
	$(PYTHON) conformance/mutation/score.py --equivalent conformance/mutation/equivalent.txt \
	  --impl-defined conformance/mutation/implementation_defined.txt --min $(MUTATE_MIN) \
	  --src $(MUTATE_OUT)/src $(MUTATE_OUT)/reference.json $(MUTATE_OUT)/openblas.json

mutate-src:
	@test -f $(MUTATE_PY) || { echo "make mutate: no mutation tool at $(MUTATE_PY) (set MUTATE_PY=path/to/mutate.py)"; exit 2; }
	rm -rf $(MUTATE_OUT)/src && mkdir -p $(MUTATE_OUT)/src
	git ls-files -z -c -o --exclude-standard | xargs -0 cp -p --parents -t $(MUTATE_OUT)/src

mutate-reference: mutate-src
	$(PYTHON) $(MUTATE_PY) $(MUTATE_COMMON) $(addprefix --files ,$(MUTATE_REF_FILES)) \
	  --count $(MUTATE_REF_COUNT) --seed $(MUTATE_REF_SEED) --out $(MUTATE_OUT)/reference.json \
	  --build "$(MUTATE_BUILD)" \
	  --test '$(call mutate_test,)'

mutate-openblas: mutate-src
	$(PYTHON) $(MUTATE_PY) $(MUTATE_COMMON) --skip-call obl_fail --skip-call op_fail --files 'adapters/openblas/*.c' \
	  --count $(MUTATE_OBL_COUNT) --seed $(MUTATE_OBL_SEED) --out $(MUTATE_OUT)/openblas.json \
	  --build "$(MUTATE_BUILD) build-mut/adapters/libwebnn_adapter_openblas.so" \
	  --test '$(call mutate_test,--adapter build-mut/adapters/libwebnn_adapter_openblas.so --expectations adapters/openblas/expectations.txt)'
