/* The OpenCL adapter's context: the device pick (GPU, else accelerator, else any device;
 * "gpu"/"npu"/"cpu" ask for that OpenCL device type), the description naming platform,
 * device and driver, the per-data-type program cache, and opSupportLimits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ocl.h"

/* The largest tensor we accept: element indices are 32-bit in the kernels. */
#define OCL_MAX_TENSOR_BYTES ((uint64_t)INT32_MAX)

static int device_has(cl_device_id d, const char *ext)
{
    char buf[8192] = {0};
    if (clGetDeviceInfo(d, CL_DEVICE_EXTENSIONS, sizeof buf - 1, buf, NULL) != CL_SUCCESS) return 0;
    size_t n = strlen(ext);
    for (const char *p = buf; (p = strstr(p, ext)) != NULL; p += n)
        if ((p == buf || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return 1;
    return 0;
}

/* The first device of `type` on any platform. */
static int find_device(cl_device_type type, cl_platform_id *plat, cl_device_id *dev)
{
    cl_platform_id ps[16];
    cl_uint np = 0;
    if (clGetPlatformIDs(16, ps, &np) != CL_SUCCESS) return -1;
    for (cl_uint i = 0; i < np && i < 16; i++) {
        cl_uint nd = 0;
        if (clGetDeviceIDs(ps[i], type, 1, dev, &nd) == CL_SUCCESS && nd > 0) {
            *plat = ps[i];
            return 0;
        }
    }
    return -1;
}

static int pick_device(const char *device, cl_platform_id *plat, cl_device_id *dev, wna_error *err)
{
    if (strcmp(device, "gpu") == 0 || strcmp(device, "npu") == 0 || strcmp(device, "cpu") == 0) {
        cl_device_type t = device[0] == 'g' ? CL_DEVICE_TYPE_GPU
                           : device[0] == 'n' ? CL_DEVICE_TYPE_ACCELERATOR : CL_DEVICE_TYPE_CPU;
        if (find_device(t, plat, dev) == 0) return 0;
        return ocl_fail(err, WNA_NOT_SUPPORTED_ERROR, "no OpenCL device of type %s (the ICD loader found none)",
                        device);
    }
    if (strcmp(device, WNA_DEVICE_DEFAULT) != 0)
        return ocl_fail(err, WNA_NOT_SUPPORTED_ERROR, "unknown device \"%s\"", device);
    if (find_device(CL_DEVICE_TYPE_GPU, plat, dev) == 0 || find_device(CL_DEVICE_TYPE_ACCELERATOR, plat, dev) == 0 ||
        find_device(CL_DEVICE_TYPE_ALL, plat, dev) == 0)
        return 0;
    return ocl_fail(err, WNA_NOT_SUPPORTED_ERROR, "no OpenCL platform or device found (is an ICD installed?)");
}

static void describe(wna_context *c)
{
    char plat[128] = "?", dev[128] = "?", drv[64] = "?", ver[64] = "?";
    clGetPlatformInfo(c->platform, CL_PLATFORM_NAME, sizeof plat - 1, plat, NULL);
    clGetDeviceInfo(c->device, CL_DEVICE_NAME, sizeof dev - 1, dev, NULL);
    clGetDeviceInfo(c->device, CL_DRIVER_VERSION, sizeof drv - 1, drv, NULL);
    clGetDeviceInfo(c->device, CL_DEVICE_OPENCL_C_VERSION, sizeof ver - 1, ver, NULL);
    snprintf(c->description, sizeof c->description, "%s / %s / driver %s / %s / float16 %s", plat, dev, drv, ver,
             c->half_native ? "half arithmetic (cl_khr_fp16)" : "stored as half, computed in float");
}

void ocl_release_context(wna_context *c);

int ocl_create_context(const char *device, wna_context **out, wna_error *err)
{
    wna_context *c = calloc(1, sizeof *c);
    if (!c) return ocl_fail(err, WNA_OPERATION_ERROR, "out of memory");
    if (pick_device(device, &c->platform, &c->device, err) != 0) {
        free(c);
        return -1;
    }
    cl_int rc;
    c->cl = clCreateContext(NULL, 1, &c->device, NULL, NULL, &rc);
    if (!c->cl) {
        free(c);
        return ocl_cl_fail(err, "clCreateContext", rc);
    }
    c->queue = clCreateCommandQueue(c->cl, c->device, 0, &rc);
    if (!c->queue) {
        clReleaseContext(c->cl);
        free(c);
        return ocl_cl_fail(err, "clCreateCommandQueue", rc);
    }
    c->half_native = device_has(c->device, "cl_khr_fp16") && !getenv("WEBNN_OPENCL_NO_FP16");
    c->fp64 = device_has(c->device, "cl_khr_fp64");
    cl_ulong max_alloc = 0;
    clGetDeviceInfo(c->device, CL_DEVICE_MAX_MEM_ALLOC_SIZE, sizeof max_alloc, &max_alloc, NULL);
    c->max_alloc = max_alloc < OCL_MAX_TENSOR_BYTES ? max_alloc : OCL_MAX_TENSOR_BYTES;
    /* One fixed work-group size for 1-D launches: PoCL specialises (and compiles) a kernel per
     * work-group size, and the driver's own choice varies with the global size. */
    size_t max_wg = 1;
    clGetDeviceInfo(c->device, CL_DEVICE_MAX_WORK_GROUP_SIZE, sizeof max_wg, &max_wg, NULL);
    for (c->wg1 = 64; c->wg1 > 1 && c->wg1 > max_wg; c->wg1 /= 2) {}
    describe(c);
    /* WEBNN_OPENCL_COMPILE_ALL: build every data type's program now (fills the driver's binary
     * cache once, outside any timed case: see mk/opencl.mk, opencl-warm) */
    if (getenv("WEBNN_OPENCL_COMPILE_ALL"))
        for (int t = 0; t < WNA_DTYPE_COUNT; t++)
            if (!ocl_program(c, t, err)) {
                ocl_release_context(c);
                return -1;
            }
    *out = c;
    return 0;
}

void ocl_release_context(wna_context *c)
{
    if (!c) return;
    for (int i = 0; i < WNA_DTYPE_COUNT; i++)
        if (c->programs[i]) clReleaseProgram(c->programs[i]);
    clReleaseCommandQueue(c->queue);
    clReleaseContext(c->cl);
    free(c);
}

cl_program ocl_program(wna_context *c, int dtype, wna_error *err)
{
    if (dtype < 0 || dtype >= WNA_DTYPE_COUNT) {
        ocl_fail(err, WNA_OPERATION_ERROR, "internal: no program for data type %d", dtype);
        return NULL;
    }
    if (c->programs[dtype]) return c->programs[dtype];
    cl_int rc;
    const char *src = ocl_source;
    cl_program p = clCreateProgramWithSource(c->cl, 1, &src, NULL, &rc);
    if (!p) {
        ocl_cl_fail(err, "clCreateProgramWithSource", rc);
        return NULL;
    }
    /* no fast-math: NaN, infinities and signed zeros are tested; division and sqrt correctly rounded */
    char opts[160];
    snprintf(opts, sizeof opts, "-DWN_DT=%d -DWN_HALF_NATIVE=%d%s -cl-fp32-correctly-rounded-divide-sqrt", dtype,
             c->half_native, c->fp64 ? " -DWN_FP64" : "");
    rc = clBuildProgram(p, 1, &c->device, opts, NULL, NULL);
    if (rc != CL_SUCCESS) {
        char log[1024] = {0};
        clGetProgramBuildInfo(p, c->device, CL_PROGRAM_BUILD_LOG, sizeof log - 1, log, NULL);
        ocl_fail(err, WNA_OPERATION_ERROR, "the OpenCL program for data type %d does not build (%d): %.400s", dtype,
                 (int)rc, log);
        clReleaseProgram(p);
        return NULL;
    }
    c->programs[dtype] = p;
    return p;
}

int ocl_op_support_limits(wna_context *c, wna_support_limits *out, wna_error *err)
{
    (void)err;
    memset(out, 0, sizeof *out);
    const uint32_t all = (1u << WNA_DTYPE_COUNT) - 1;
    out->preferred_input_layout = "nchw";
    out->max_tensor_byte_length = c->max_alloc;
    out->input = (wna_operand_limits){"input", all, 0, WNA_MAX_RANK};
    out->constant = (wna_operand_limits){"constant", all, 0, WNA_MAX_RANK};
    out->output = (wna_operand_limits){"output", all, 0, WNA_MAX_RANK};
    out->ops = ocl_limits_table;
    out->n_ops = ocl_limits_count;
    return 0;
}

const char *ocl_describe(const wna_context *c) { return c->description; }
