# Malformed vector files (conformance/bad-inputs/): each must be reported clearly, with the
# message EXPECTED.tsv gives, and the run must carry on without a crash.
.PHONY: bad-inputs
bad-inputs: $(BUILD)/webnn-ref ## run webnn-ref on every malformed vector file and check its messages
	$(PYTHON) conformance/bad-inputs/check.py --ref $(BUILD)/webnn-ref
	@rm -rf $(BUILD)/bad-inputs-check && mkdir -p $(BUILD)/bad-inputs-check
	@$(PYTHON) conformance/bad-inputs/generate.py $(BUILD)/bad-inputs-check 2>/dev/null
	@cd $(BUILD)/bad-inputs-check && for f in *; do cmp -s "$$f" "$(CURDIR)/conformance/bad-inputs/$$f" || \
	  { echo "bad-inputs: conformance/bad-inputs/$$f differs from generate.py's output (run it)"; exit 1; }; done
	@echo "bad-inputs: the committed files match generate.py"

TEST_TARGETS += bad-inputs
