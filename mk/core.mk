# Core checks: the FORMAT.md example runs, and reference/README.md's status table is current.

.PHONY: format-example
format-example: $(BUILD)/webnn-ref ## check that the example of vectors/FORMAT.md is the example file and passes
	@$(PYTHON) -c 'import re,json,sys; t=open("vectors/FORMAT.md").read(); b=re.findall(r"```json\n(.*?)```", t, re.S)[-1]; \
	  sys.exit(0 if json.loads(b)==json.load(open("vectors/examples/format-example.json")) else "vectors/FORMAT.md: its example differs from vectors/examples/format-example.json")'
	$(BUILD)/webnn-ref run vectors/examples/format-example.json > $(BUILD)/format-example.out
	@tail -1 $(BUILD)/format-example.out

.PHONY: examples
examples: $(BUILD)/webnn-ref ## run every vectors/examples/*.json through webnn-ref
	$(BUILD)/webnn-ref run vectors/examples/*.json > $(BUILD)/examples.out || (grep -E "FAIL|ERROR|MALFORMED|NOT IMPL" -B3 $(BUILD)/examples.out | head -50; exit 1)
	@tail -1 $(BUILD)/examples.out

.PHONY: status-table-check
status-table-check: $(BUILD)/webnn-ref
	$(PYTHON) reference/registry/update_status_table.py $(BUILD)/webnn-ref reference/README.md --check

TEST_TARGETS += format-example examples status-table-check

.PHONY: reference-vectors
reference-vectors: $(BUILD)/webnn-ref ## the reference passes every numeric vector and rejects every validation vector
	@find vectors -mindepth 2 -name '*.json' -not -path 'vectors/gen/*' | sort | xargs $(BUILD)/webnn-ref run > $(BUILD)/reference-vectors.out \
	  || (grep -E "^  (FAIL|ERROR|MALFORMED|NOT IMPLEMENTED)" -B2 $(BUILD)/reference-vectors.out | head -40; exit 1)
	@tail -1 $(BUILD)/reference-vectors.out
	@! grep -B1 "^  WARNING: " $(BUILD)/reference-vectors.out || \
	  { echo "reference-vectors: the vectors above pass something a browser ignores (an option the spec does not define)"; exit 1; }

TEST_TARGETS += reference-vectors
