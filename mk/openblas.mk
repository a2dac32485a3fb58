# The OpenBLAS adapter (adapters/openblas): float32 and float16 (stored as binary16, computed in
# float32) on the cpu: matmul, gemm and convTranspose2d through cblas_sgemm, conv2d through the
# adapter's own register-tiled kernel (conv_kernel.c). Every adapters/openblas/*.c is part of it.
#   build/adapters/libwebnn_adapter_openblas.so    the adapter
#   make conformance-openblas                      the suite against it, checked against
#                                                  adapters/openblas/expectations.txt
OBL_SRCS := $(sort $(wildcard adapters/openblas/*.c))
OBL_PIC := $(patsubst %.c,$(BUILD)/pic/%.o,$(OBL_SRCS))
OBL_SO := $(BUILD)/adapters/libwebnn_adapter_openblas.so
# Debian's cblas.h lives in the multiarch include directory (the default search path)
OBL_LDLIBS := -lopenblas -lmvec -lm
# Speed (issue 8): -O3 vectorizes loops whose trip count is not a multiple of the vector width
# (gcc 12's -O2 only vectorizes with the very-cheap cost model); -fno-math-errno lets calls to
# expf/exp use glibc's libmvec vector variants (declared in the kernel files) and sqrtf inline;
# -fopenmp-simd honours `#pragma omp simd` (SIMD reductions, no threads, no libgomp); the big
# direct loops run on the adapter's own pthread pool (par.c). NaN/Inf semantics are tested, so
# no -ffast-math; no -march either: the .so must run on any x86-64 (hot loops carry avx2 clones).
OBL_OPT_CFLAGS := -O3 -fno-math-errno -fopenmp-simd -pthread
$(OBL_PIC): EXTRA_CFLAGS += $(OBL_OPT_CFLAGS)

$(OBL_SO): $(OBL_PIC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(OBL_OPT_CFLAGS) $(LDFLAGS) -shared -o $@ $^ $(OBL_LDLIBS)

ALL_TARGETS += $(OBL_SO)

# (run-conformance by its path: RUN_CONFORMANCE is defined in runner.mk, read after this file)
OBL_CONFORMANCE_OUT := $(BUILD)/conformance-openblas
.PHONY: conformance-openblas
conformance-openblas: $(BUILD)/run-conformance $(OBL_SO) ## run the suite against the OpenBLAS adapter (must match its expectations)
	@mkdir -p $(OBL_CONFORMANCE_OUT)
	$(BUILD)/run-conformance --adapter $(OBL_SO) --expectations adapters/openblas/expectations.txt \
	  --vectors vectors --journal none --quiet \
	  --report json:$(OBL_CONFORMANCE_OUT)/wptreport.json --report junit:$(OBL_CONFORMANCE_OUT)/junit.xml \
	  --report html:$(OBL_CONFORMANCE_OUT)/report.html $(CONFORMANCE_ARGS)

TEST_TARGETS += conformance-openblas

# cmocka tests of adapter pieces: conformance/unit/test_openblas_*.c link the adapter's f16.c
# (a shorter stem than the generic unit-test rule, so this rule wins)
$(BUILD)/obj/conformance/unit/test_openblas_%.o: EXTRA_CFLAGS += -Iadapters/include -Iadapters/openblas
$(BUILD)/tests/test_openblas_%: $(BUILD)/obj/conformance/unit/test_openblas_%.o $(BUILD)/obj/conformance/unit/support.o \
                                $(BUILD)/obj/adapters/openblas/f16.o $(LIBVEC) $(LIBREF)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ -lcmocka $(LDLIBS_VEC)
