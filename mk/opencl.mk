# The OpenCL adapter (adapters/opencl): kernels in OpenCL C on the ICD loader; here it runs on
# PoCL (a CPU device), unchanged on any OpenCL GPU. Device tensors are cl_mem buffers.
#   build/adapters/libwebnn_adapter_opencl.so    the adapter
#   make conformance-opencl                      the suite against it (device tensors), checked
#                                                against adapters/opencl/expectations.txt
OCL_PACKAGES := ocl-icd-opencl-dev opencl-headers pocl-opencl-icd
OCL_DEPS_STAMP := $(BUILD)/.deps-opencl-ok
OCL_SRCS := $(sort $(wildcard adapters/opencl/*.c))
# the OpenCL C source, in this order (common.cl defines the element types the rest use)
OCL_CL := adapters/opencl/opcodes.h $(addprefix adapters/opencl/cl/,common.cl eltwise.cl matmul.cl conv.cl pool.cl \
          reduce.cl norm.cl movement.cl)
OCL_GEN := $(BUILD)/gen/opencl_source.c
OCL_PIC := $(patsubst %.c,$(BUILD)/pic/%.o,$(OCL_SRCS) $(OCL_GEN))
OCL_SO := $(BUILD)/adapters/libwebnn_adapter_opencl.so
# PoCL compiles a program in about 0.5 s; its cache (keyed on source and options) keeps the
# binaries, so later runs and the runner's worker processes only load them
OCL_ENV := POCL_CACHE_DIR=$(abspath $(BUILD))/pocl-cache

$(OCL_DEPS_STAMP): mk/check-deps.sh
	@bash mk/check-deps.sh $(OCL_PACKAGES)
	@mkdir -p $(BUILD) && touch $@

# every line of the .cl files becomes one C string line
$(OCL_GEN): $(OCL_CL) mk/opencl.mk
	@mkdir -p $(dir $@)
	@{ echo '/* GENERATED from $(OCL_CL) by mk/opencl.mk */'; echo 'const char ocl_source[] ='; \
	   cat $(OCL_CL) | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/'; echo ';'; } > $@

$(OCL_PIC): $(OCL_DEPS_STAMP)
$(OCL_PIC): EXTRA_CFLAGS += -Iadapters/opencl

$(OCL_SO): $(OCL_PIC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -o $@ $^ -lOpenCL

ALL_TARGETS += $(OCL_SO)

OCL_CONFORMANCE_OUT := $(BUILD)/conformance-opencl
.PHONY: conformance-opencl
conformance-opencl: $(BUILD)/run-conformance $(OCL_SO) ## run the suite against the OpenCL adapter through device tensors (must match its expectations)
	@mkdir -p $(OCL_CONFORMANCE_OUT)
	$(OCL_ENV) $(BUILD)/run-conformance --adapter $(OCL_SO) --device-tensors \
	  --expectations adapters/opencl/expectations.txt --vectors vectors --journal none --quiet \
	  --report json:$(OCL_CONFORMANCE_OUT)/wptreport.json --report junit:$(OCL_CONFORMANCE_OUT)/junit.xml \
	  --report html:$(OCL_CONFORMANCE_OUT)/report.html $(CONFORMANCE_ARGS)

TEST_TARGETS += conformance-opencl
