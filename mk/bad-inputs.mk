# Malformed vector files (conformance/bad-inputs/): each must be reported clearly, with the
# message EXPECTED.tsv gives, and the run must carry on without a crash.
.PHONY: bad-inputs
bad-inputs: $(BUILD)/webnn-ref ## run webnn-ref on every malformed vector file and check its messages
	$(PYTHON) conformance/bad-inputs/check.py --ref $(BUILD)/webnn-ref

TEST_TARGETS += bad-inputs
