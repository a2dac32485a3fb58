/* common.cl: the element types of one program. The adapter compiles the whole source once per
 * WebNN data type, with -DWN_DT=<wna_dtype> and -DWN_HALF_NATIVE=0|1:
 *   ST   storage type of the program's data type
 *   CT   compute type (float for float16 unless the device has cl_khr_fp16)
 *   ACC  accumulator of sums and products (float for both float types, else CT)
 *   LD(p, i) / SV(p, i, v)   load / store one element
 *   MT   an unsigned type of the element's size, for pure data movement
 * Kernel names all start with wn_ so none is named like an OpenCL builtin. */
#if WN_DT == 1 && WN_HALF_NATIVE
#pragma OPENCL EXTENSION cl_khr_fp16 : enable
#endif
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

#if WN_DT == 0
#define ST float
#define CT float
#define ACC float
#define IS_FLOAT 1
#define MT uint
#elif WN_DT == 1
#define ST half
#if WN_HALF_NATIVE
#define CT half
#else
#define CT float
#endif
#define ACC float
#define IS_FLOAT 1
#define MT ushort
#elif WN_DT == 2
#define ST int
#define MT uint
#elif WN_DT == 3
#define ST uint
#define MT uint
#define IS_UNSIGNED 1
#elif WN_DT == 4
#define ST long
#define MT ulong
#elif WN_DT == 5
#define ST ulong
#define MT ulong
#define IS_UNSIGNED 1
#elif WN_DT == 6
#define ST char
#define MT uchar
#elif WN_DT == 7
#define ST uchar
#define MT uchar
#define IS_UNSIGNED 1
#endif

#ifndef IS_FLOAT
#define IS_FLOAT 0
#define CT ST
#define ACC ST
#endif
#ifndef IS_UNSIGNED
#define IS_UNSIGNED 0
#endif

#if WN_DT == 1 && !WN_HALF_NATIVE
#define LD(p, i) vload_half((i), (p))
#define SV(p, i, v) vstore_half_rte((float)(v), (i), (p))
#else
#define LD(p, i) ((CT)(p)[i])
#define SV(p, i, v) ((p)[i] = (ST)(v))
#endif

/* Offset of the element with linear index `lin` of a tensor of shape dims[0..rank) in a
 * tensor addressed with strides[0..rank) (0 for a broadcast axis). */
inline uint wn_offset(uint lin, int rank, __global const int *dims, __global const int *strides)
{
    uint off = 0;
    for (int d = rank - 1; d >= 0; d--) {
        uint q = lin / (uint)dims[d];
        off += (lin - q * (uint)dims[d]) * (uint)strides[d];
        lin = q;
    }
    return off;
}
