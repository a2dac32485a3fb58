# Full-size model vectors (issue 20): ResNet-50 v2, MobileNetV2, SqueezeNet 1.1 at 224x224,
# TinyYOLOv2 at 416x416, a BERT-base encoder layer, generated into build/models (not committed:
# the expected outputs come from the oracle, minutes of NumPy) and run on the reference. The
# reduced variants are in vectors/models and run with the default corpus.
MODELS_OUT := $(BUILD)/models

.PHONY: models models-vectors
models-vectors: ## generate the full-size model vectors into build/models
	$(PYTHON) vectors/gen/models_full.py --out $(MODELS_OUT)

models: $(BUILD)/webnn-ref models-vectors ## full-size model vectors on the reference interpreter
	$(BUILD)/webnn-ref run --max-print 0 $(MODELS_OUT)/*.json
