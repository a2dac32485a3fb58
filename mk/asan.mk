# Sanitizers: everything rebuilt with ASan + UBSan into build-asan/, then every test.
SANITIZE_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

.PHONY: asan
asan: ## build with -fsanitize=address,undefined into build-asan/ and run every test
	$(MAKE) --no-print-directory BUILD=build-asan CFLAGS="$(SANITIZE_FLAGS)" LDFLAGS="-fsanitize=address,undefined" test
