# Sanitizers: everything rebuilt with ASan + UBSan into build-asan/, then every test and a
# full conformance run (run-conformance over all of vectors/) under the sanitizers.
SANITIZE_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
ASAN_MAKE = $(MAKE) --no-print-directory BUILD=build-asan CFLAGS="$(SANITIZE_FLAGS)" LDFLAGS="-fsanitize=address,undefined"

.PHONY: asan
asan: ## build with -fsanitize=address,undefined into build-asan/, run every test and a full conformance run
	$(ASAN_MAKE) -j2 all
	$(ASAN_MAKE) test
	$(ASAN_MAKE) conformance CONFORMANCE_ARGS="--quiet --jobs 2"
