# ---- test vectors (vectors/gen: Python 3 + NumPy, Debian's interpreter) ----
# `make vectors` regenerates vectors/<family>/*.json, vectors/tolerance.json and vectors/README.md;
# `make vectors-check` regenerates into a scratch folder and fails if a byte differs.
PYTHON := /usr/bin/python3
VECTORS_SCRATCH := $(BUILD)/vectors-check

.PHONY: vectors vectors-check
vectors: ## regenerate the committed test vectors, tolerance table and coverage table
	$(PYTHON) vectors/gen/make_tolerance.py vectors
	$(PYTHON) vectors/gen/gen.py --out vectors
	$(PYTHON) vectors/gen/coverage.py vectors vectors/README.md

vectors-check: ## regenerate the vectors into $(BUILD)/vectors-check and fail if a byte differs
	@rm -rf $(VECTORS_SCRATCH) && mkdir -p $(VECTORS_SCRATCH)
	@$(PYTHON) vectors/gen/make_tolerance.py $(VECTORS_SCRATCH) >/dev/null
	@$(PYTHON) vectors/gen/gen.py --out $(VECTORS_SCRATCH) >/dev/null
	@cmp vectors/tolerance.json $(VECTORS_SCRATCH)/tolerance.json
	@$(PYTHON) vectors/gen/coverage.py $(VECTORS_SCRATCH) $(VECTORS_SCRATCH)/README.md
	@cmp vectors/README.md $(VECTORS_SCRATCH)/README.md
	@set -e; for d in $(VECTORS_SCRATCH)/*/; do f=$$(basename $$d); \
	  diff -r -q -x README.md vectors/$$f $$d || { echo "vectors-check: vectors/$$f differs from the generator output (run make vectors)"; exit 1; }; \
	done
	@echo "vectors-check: committed vectors match the generator"

TEST_TARGETS += vectors-check

# The settings that change what NumPy and OpenBLAS compute (issue 13): the vectors must not
# depend on any of them. CI runs this; each setting is a full vectors-check (about 10 s).
NPY_NO_AVX512 := AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL
.PHONY: vectors-check-envs
vectors-check-envs: ## vectors-check under 5 BLAS-kernel / thread / NumPy-dispatch settings
	env OPENBLAS_CORETYPE=Haswell $(MAKE) --no-print-directory vectors-check
	env OPENBLAS_CORETYPE=SkylakeX $(MAKE) --no-print-directory vectors-check
	env -u OPENBLAS_CORETYPE $(MAKE) --no-print-directory vectors-check
	env OPENBLAS_NUM_THREADS=1 $(MAKE) --no-print-directory vectors-check
	env -u OPENBLAS_CORETYPE NPY_DISABLE_CPU_FEATURES="$(NPY_NO_AVX512)" $(MAKE) --no-print-directory vectors-check
