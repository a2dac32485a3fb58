# valgrind (memcheck) on a conformance subset and on webnn-ref: no memory errors, nothing
# definitely or indirectly lost. Forked workers are followed by valgrind itself (fork, not
# exec); each process writes its own log, and the logs are judged at the end (a worker's
# own exit status does not reach the runner's). Results are not judged here: valgrind
# computes long double with 64 bits, so a few exactly-rounded conversions differ under it.
VALGRIND_OUT := $(BUILD)/valgrind
VALGRIND_CHUNK ?= 1/40
VALGRIND_RUN = valgrind --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
               --error-exitcode=99 --log-file=$(VALGRIND_OUT)/$(1).%p.log
# exit status 99 is valgrind's; a signal (>= 128) is a crash; anything else is the program's verdict
VALGRIND_OK = rc=$$?; [ $$rc -ne 99 ] && [ $$rc -lt 128 ] || { echo "valgrind: $(1) exited with $$rc"; exit 1; }

.PHONY: valgrind
valgrind: $(RUN_CONFORMANCE) $(BUILD)/webnn-ref $(BUILD)/adapters/libwebnn_adapter_reference.so ## run-conformance (a chunk of vectors/) and webnn-ref under valgrind: zero errors, zero leaks
	@bash mk/check-deps.sh valgrind
	@rm -rf $(VALGRIND_OUT) && mkdir -p $(VALGRIND_OUT)
	@echo "valgrind: run-conformance, built-in reference adapter, vectors/ chunk $(VALGRIND_CHUNK), 2 workers"
	@$(call VALGRIND_RUN,run-conformance) $(RUN_CONFORMANCE) --vectors vectors --chunk $(VALGRIND_CHUNK) --jobs 2 \
	  --journal none --quiet > $(VALGRIND_OUT)/run-conformance.out; $(call VALGRIND_OK,run-conformance); tail -1 $(VALGRIND_OUT)/run-conformance.out
	@echo "valgrind: run-conformance, the reference adapter as a .so (dlopen), vectors/ chunk 2/200"
	@$(call VALGRIND_RUN,run-conformance-so) $(RUN_CONFORMANCE) --adapter $(BUILD)/adapters/libwebnn_adapter_reference.so \
	  --vectors vectors --chunk 2/200 --jobs 1 --journal none --quiet > $(VALGRIND_OUT)/run-conformance-so.out; \
	  $(call VALGRIND_OK,run-conformance-so); tail -1 $(VALGRIND_OUT)/run-conformance-so.out
	@echo "valgrind: webnn-ref run vectors/examples vectors/graphs"
	@$(call VALGRIND_RUN,webnn-ref) $(BUILD)/webnn-ref run vectors/examples/*.json vectors/graphs/*.json \
	  > $(VALGRIND_OUT)/webnn-ref.out; $(call VALGRIND_OK,webnn-ref); tail -1 $(VALGRIND_OUT)/webnn-ref.out
	@echo "valgrind: webnn-ref run on all of conformance/bad-inputs/*.json (the loader's error paths)"
	@$(call VALGRIND_RUN,webnn-ref-bad) $(BUILD)/webnn-ref run conformance/bad-inputs/*.json \
	  > $(VALGRIND_OUT)/webnn-ref-bad.out 2>&1; $(call VALGRIND_OK,webnn-ref-bad); tail -1 $(VALGRIND_OUT)/webnn-ref-bad.out
	@bad=$$(grep -lE "ERROR SUMMARY: [1-9]|(definitely|indirectly) lost: [1-9]" $(VALGRIND_OUT)/*.log || true); \
	if [ -n "$$bad" ]; then for f in $$bad; do echo "== $$f"; head -80 $$f; done; exit 1; fi; \
	echo "valgrind: $$(ls $(VALGRIND_OUT)/*.log | wc -l) processes checked, 0 errors, 0 bytes definitely or indirectly lost"
