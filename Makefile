# webnn-cts — build, test and run the WebNN conformance suite.
# `make help` lists the targets. Build output goes to build/.
# Each part of the project adds its own targets in mk/*.mk.

.DEFAULT_GOAL := all
SHELL := /bin/bash

# Debian's interpreter: the python3 first on PATH may be another one without numpy/pytest.
PYTHON := /usr/bin/python3
BUILD := build
CC ?= cc
WERROR ?= -Werror
# CFLAGS/LDFLAGS are the user's (e.g. sanitizers); the project's own flags are added below.
CFLAGS ?= -O2 -g
LDFLAGS ?=
ALL_CFLAGS = $(CFLAGS) $(EXTRA_CFLAGS) -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra $(WERROR) -Ireference/include -MMD -MP
LDLIBS_REF := -lm
LDLIBS_VEC := -lcjson -lm
SPEC_DIR ?= ../shared/spec

# ---- dependencies (Debian packages) ----
APT_PACKAGES := gcc make libcjson-dev libcmocka-dev libopenblas-dev python3-numpy python3-mpmath python3-gmpy2 python3-pytest python3-pytest-xdist
DEPS_STAMP := $(BUILD)/.deps-ok

$(DEPS_STAMP): mk/check-deps.sh
	@bash mk/check-deps.sh $(APT_PACKAGES)
	@mkdir -p $(BUILD) && touch $@

.PHONY: deps
deps: $(DEPS_STAMP) ## check (and as root install) the Debian packages the build needs

# ---- libwebnnref: tensors, registry, graph, validation, kernels, interpreter ----
REF_SRCS := $(sort $(wildcard reference/src/core/*.c reference/src/registry/*.c reference/src/graph/*.c \
                    reference/src/interp/*.c reference/src/ops/*.c reference/src/compare/*.c))
# the vector-file loader (needs cJSON; adapters reading the IR do not)
VEC_SRCS := $(sort $(wildcard reference/src/io/*.c))
REF_OBJS := $(REF_SRCS:%.c=$(BUILD)/obj/%.o)
VEC_OBJS := $(VEC_SRCS:%.c=$(BUILD)/obj/%.o)
LIBREF := $(BUILD)/libwebnnref.a
LIBVEC := $(BUILD)/libwebnnvec.a

$(BUILD)/obj/%.o: %.c $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIBREF): $(REF_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(LIBVEC): $(VEC_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/webnn-ref: $(BUILD)/obj/reference/tools/webnn_ref.o $(LIBVEC) $(LIBREF)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS_VEC)

# ---- unit tests (cmocka), one binary per conformance/unit/test_*.c ----
UNIT_SRCS := $(sort $(wildcard conformance/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:conformance/unit/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/%: $(BUILD)/obj/conformance/unit/%.o $(BUILD)/obj/conformance/unit/support.o $(LIBVEC) $(LIBREF)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ -lcmocka $(LDLIBS_VEC)

ALL_TARGETS := $(LIBREF) $(LIBVEC) $(BUILD)/webnn-ref $(UNIT_BINS)
TEST_TARGETS := unit

-include mk/*.mk

.PHONY: all
all: $(ALL_TARGETS) ## build everything into build/

.PHONY: unit
unit: $(UNIT_BINS) ## run the cmocka unit tests
	@set -e; failed=0; for t in $(UNIT_BINS); do \
	  echo "== $$t"; $$t || failed=1; \
	done; exit $$failed

.PHONY: test
test: all ## run every test (cmocka, pytest, vector checks)
	@$(MAKE) --no-print-directory $(TEST_TARGETS)

.PHONY: registry
registry: ## regenerate the op registry table from $(SPEC_DIR)/ops.json
	$(PYTHON) reference/registry/gen_registry.py $(SPEC_DIR)/ops.json reference/src/registry/registry_table.c

.PHONY: status-table
status-table: $(BUILD)/webnn-ref ## regenerate the op status table in reference/README.md
	$(PYTHON) reference/registry/update_status_table.py $(BUILD)/webnn-ref reference/README.md

.PHONY: clean
clean: ## remove build/ and the sanitizer and fuzzing builds (build-asan/, build-fuzz/)
	rm -rf $(BUILD) build-asan build-fuzz

.PHONY: help
help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'

.SECONDARY:

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
