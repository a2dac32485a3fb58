# web-platform-tests' WebNN cases, run natively (issue 14): tools/wpt/import.js turns a WPT
# checkout's webnn/conformance_tests/*.https.any.js into vector files, each file evaluated in a
# sandboxed Node process; run-conformance then runs them on any adapter, reporting under
# WPT's own ids. tools/wpt/README.md has the details.
#   make wpt-import WPT=DIR [WPT_OUT=DIR]      import (default output build/wpt)
#   make wpt-conformance [WPT_OUT=DIR]         run the reference over an import, judged by tools/wpt/expectations.txt
#   make wpt-samples                           import + run both trees of ../shared/wpt-sample (part of make test; skipped when absent)
WPT ?=
WPT_OUT ?= $(BUILD)/wpt
WPT_SAMPLE ?= ../shared/wpt-sample
WPT_EXPECTATIONS := tools/wpt/expectations.txt
WPT_DEPS_STAMP := $(BUILD)/.deps-wpt-ok

$(WPT_DEPS_STAMP): mk/check-deps.sh
	@bash mk/check-deps.sh nodejs
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || \
	  { echo "error: wpt-import needs Node 20 or later (its permission model sandboxes the WPT files); found $$(node --version)" >&2; exit 1; }
	@mkdir -p $(BUILD) && touch $@

.PHONY: wpt-import
wpt-import: $(BUILD)/webnn-ref $(WPT_DEPS_STAMP) ## import WPT=DIR's webnn conformance tests as vector files into WPT_OUT (default build/wpt)
	@test -n "$(WPT)" || { echo "usage: make wpt-import WPT=/path/to/wpt [WPT_OUT=DIR]" >&2; exit 2; }
	node tools/wpt/import.js --wpt "$(WPT)" --out "$(WPT_OUT)" --webnn-ref $(BUILD)/webnn-ref

.PHONY: wpt-conformance
wpt-conformance: $(RUN_CONFORMANCE) ## run the reference over an import (WPT_OUT), judged by tools/wpt/expectations.txt
	@mkdir -p $(WPT_OUT)-report
	$(RUN_CONFORMANCE) --vectors "$(WPT_OUT)" --expectations $(WPT_EXPECTATIONS) --journal none \
	  --report json:$(WPT_OUT)-report/wptreport.json --report html:$(WPT_OUT)-report/report.html $(CONFORMANCE_ARGS)

# Both sample trees: every graph case imported and run on the reference; every non-PASS must
# be in the WPT expectations file; the wptreport uses WPT's ids.
.PHONY: wpt-samples
wpt-samples: $(BUILD)/webnn-ref $(RUN_CONFORMANCE) $(WPT_DEPS_STAMP)
	@if [ ! -d "$(WPT_SAMPLE)/webnn" ]; then echo "wpt-samples: $(WPT_SAMPLE) is absent, skipped"; exit 0; fi; \
	set -e; out=$(BUILD)/wpt-samples; rm -rf $$out; \
	for tree in "$(WPT_SAMPLE)" "$(WPT_SAMPLE)/later"; do \
	  name=$$( [ "$$tree" = "$(WPT_SAMPLE)" ] && echo 2025 || echo later ); \
	  node tools/wpt/import.js --wpt "$$tree" --out $$out/$$name --webnn-ref $(BUILD)/webnn-ref --quiet; \
	  sed 's/^/  /' $$out/$$name/import-report.txt; \
	  $(RUN_CONFORMANCE) --vectors $$out/$$name --expectations $(WPT_EXPECTATIONS) --journal none --quiet --jobs 2 \
	    --report json:$$out/$$name.wptreport.json > $$out/$$name.out || { cat $$out/$$name.out; exit 1; }; \
	  echo "  $$(tail -1 $$out/$$name.out)"; \
	  $(PYTHON) tools/wpt/check_wptreport.py $$out/$$name.wptreport.json; \
	done
TEST_TARGETS += wpt-samples
