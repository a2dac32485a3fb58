# webnn-report (tools/report, issue 22): wptreport comparisons, baseline diffs, chunk merges.
#   make compare          runs the suite on every adapter built (conformance, conformance-<name>)
#                         and writes build/compare/index.html (reference = baseline) and compare.txt
#   make report-browser   (part of make test) the page checked in headless Chromium, screenshots
#                         in build/report-browser/
#   make report-loadtime  a 12,000-case, 5-run page (synthetic runs from the full reference run):
#                         size and load time in Chromium
# (run-conformance and the adapters by their paths: RUN_CONFORMANCE is defined in runner.mk,
# read after this file)
REPORT_TOOL := $(PYTHON) tools/report/webnn-report
BROWSER_DIR := $(BUILD)/browser
BROWSER_STAMP := $(BROWSER_DIR)/.npm-ok
BROWSER_TEST := NODE_PATH=$(BROWSER_DIR)/node_modules node conformance/browser/report_page_test.cjs
# adapter .so files in build/adapters/ that are test doubles, not backends
COMPARE_SKIP := reference example hostile badabi
COMPARE_OUT := $(BUILD)/compare
COMPARE_RERUN ?= yes

# playwright-core (pinned in the lock file) drives Debian's chromium; Node >= 20
$(BROWSER_STAMP): conformance/browser/package.json conformance/browser/package-lock.json
	@bash mk/check-deps.sh chromium nodejs
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || \
	  { echo "error: the browser test needs Node.js 20 or later (playwright-core); node is $$(node --version)" >&2; exit 1; }
	@mkdir -p $(BROWSER_DIR)
	cp conformance/browser/package.json conformance/browser/package-lock.json $(BROWSER_DIR)/
	cd $(BROWSER_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: compare
compare: $(BUILD)/run-conformance ## side-by-side page of every built adapter's full run: build/compare/index.html
	@mkdir -p $(COMPARE_OUT)
	@set -e; if [ "$(COMPARE_RERUN)" = yes ]; then \
	  $(MAKE) --no-print-directory conformance CONFORMANCE_ARGS="--quiet $(CONFORMANCE_ARGS)" || true; \
	  for so in $(BUILD)/adapters/libwebnn_adapter_*.so; do \
	    n=$${so##*/libwebnn_adapter_}; n=$${n%.so}; \
	    case " $(COMPARE_SKIP) " in *" $$n "*) continue;; esac; \
	    if $(MAKE) -n conformance-$$n >/dev/null 2>&1; then \
	      $(MAKE) --no-print-directory conformance-$$n || echo "compare: conformance-$$n had unexpected results (see the page)"; \
	    else echo "compare: $$so has no conformance-$$n target, skipped"; fi; \
	  done; \
	fi
	@reports="$$(ls $(BUILD)/conformance-*/wptreport.json 2>/dev/null || true)"; \
	  test -f $(BUILD)/conformance/wptreport.json || { echo "compare: no $(BUILD)/conformance/wptreport.json (make conformance)" >&2; exit 1; }; \
	  $(REPORT_TOOL) html -o $(COMPARE_OUT)/index.html --baseline $(BUILD)/conformance/wptreport.json $$reports && \
	  $(REPORT_TOOL) text --differ $(BUILD)/conformance/wptreport.json $$reports > $(COMPARE_OUT)/compare.txt && \
	  tail -n 1 $(COMPARE_OUT)/compare.txt

# three real runs on a slice of the suite: reference, OpenBLAS, and the hostile test adapter
# (the reference, with garbage conv2d outputs, crashing gelu and failing tanh builds)
REPORT_BROWSER_OUT := $(BUILD)/report-browser
REPORT_BROWSER_VECTORS := --vectors vectors/activation --vectors vectors/conv --vectors vectors/matmul
REPORT_BROWSER_ADAPTERS := reference openblas hostile
REPORT_BROWSER_HOSTILE := garbage=conv2d,segv=gelu,builderr=tanh
.PHONY: report-browser
REPORT_BROWSER_DEPS := $(BUILD)/run-conformance $(BUILD)/adapters/libwebnn_adapter_openblas.so \
                       $(BUILD)/adapters/libwebnn_adapter_hostile.so $(BROWSER_STAMP)
report-browser: $(REPORT_BROWSER_DEPS) ## the comparison page of three real runs checked in headless Chromium
	@mkdir -p $(REPORT_BROWSER_OUT)
	@set -e; for a in $(REPORT_BROWSER_ADAPTERS); do rc=0; \
	  WEBNN_HOSTILE=$(REPORT_BROWSER_HOSTILE) $(BUILD)/run-conformance --adapter $$a $(REPORT_BROWSER_VECTORS) --jobs 2 --journal none --quiet \
	    --report json:$(REPORT_BROWSER_OUT)/$$a.json >/dev/null || rc=$$?; \
	  [ $$rc -le 1 ] || { echo "report-browser: run-conformance --adapter $$a failed ($$rc)" >&2; exit 1; }; done
	@$(REPORT_TOOL) html -o $(REPORT_BROWSER_OUT)/page.html $(REPORT_BROWSER_ADAPTERS:%=$(REPORT_BROWSER_OUT)/%.json)
	$(BROWSER_TEST) $(REPORT_BROWSER_OUT)/page.html $(REPORT_BROWSER_OUT) $(REPORT_BROWSER_ADAPTERS:%=$(REPORT_BROWSER_OUT)/%.json)

TEST_TARGETS += report-browser

REPORT_LOAD_OUT := $(BUILD)/report-loadtime
.PHONY: report-loadtime
report-loadtime: $(BUILD)/run-conformance $(BROWSER_STAMP) ## size and load time of a 12,000-case, 5-run comparison page
	@mkdir -p $(REPORT_LOAD_OUT)
	$(BUILD)/run-conformance --vectors vectors --journal none --quiet --report json:$(REPORT_LOAD_OUT)/full.json >/dev/null
	$(PYTHON) conformance/browser/make_runs.py $(REPORT_LOAD_OUT)/full.json $(REPORT_LOAD_OUT) --runs 5 --cases 12000 >/dev/null
	$(REPORT_TOOL) html -o $(REPORT_LOAD_OUT)/page.html $(REPORT_LOAD_OUT)/run1.json $(REPORT_LOAD_OUT)/run2.json \
	  $(REPORT_LOAD_OUT)/run3.json $(REPORT_LOAD_OUT)/run4.json $(REPORT_LOAD_OUT)/run5.json
	REPORT_LOAD_REPEATS=5 $(BROWSER_TEST) $(REPORT_LOAD_OUT)/page.html $(REPORT_LOAD_OUT) $(REPORT_LOAD_OUT)/run[1-5].json
	@echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg), $$(nproc) CPUs"
