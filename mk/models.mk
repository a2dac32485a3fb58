# Full-size model vectors (issue 20): ResNet-50 v2, MobileNetV2, SqueezeNet 1.1 at 224x224,
# TinyYOLOv2 at 416x416, a BERT-base encoder layer, generated into build/models (float32) and
# build/models-float16 (their float16 variants; a folder of their own so that bench-models, which
# reads build/models, stays on float32) and run on the reference. Not committed: the expected
# outputs come from the oracle, minutes of NumPy. The reduced variants are in vectors/models and
# run with the default corpus.
MODELS_OUT := $(BUILD)/models
MODELS_F16_OUT := $(BUILD)/models-float16

.PHONY: models models-vectors
models-vectors: ## generate the full-size model vectors into build/models and build/models-float16
	$(PYTHON) vectors/gen/models_full.py --out $(MODELS_OUT) --types float32
	$(PYTHON) vectors/gen/models_full.py --out $(MODELS_F16_OUT) --types float16

models: $(BUILD)/webnn-ref models-vectors ## full-size model vectors (float32 and float16) on the reference interpreter
	$(BUILD)/webnn-ref run --max-print 0 $(MODELS_OUT)/*.json $(MODELS_F16_OUT)/*.json
