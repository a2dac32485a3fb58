/* Making the bytes of a lazy tensor (tensor.h, wn_fill): one element repeated, or splitmix64
 * generated data: z_i = mix(seed + (i + 1) * GAMMA mod 2^64) (Steele, Lea, Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014); floats L + (H - L) * u with
 * u = (z >> 11) * 2^-53, rounded once to the type; integers L + z mod (H - L + 1). The JSON
 * side (reading and checking a generator object) is reference/src/io/json_generate.c. */
#include "webnn/tensor.h"

#include <stdint.h>

static uint64_t splitmix64(uint64_t seed, uint64_t i)
{
    uint64_t z = seed + (i + 1) * 0x9E3779B97F4A7C15u;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static void generate(wn_tensor *t, const wn_fill *f)
{
    size_t count = wn_desc_count(&t->desc); /* the allocation checked its product */
    if (wn_dtype_is_float(t->desc.dtype)) {
        double lo = f->low.f, span = f->high.f - f->low.f;
        float *p = t->desc.dtype == WN_FLOAT32 ? t->data : NULL; /* float32: the store inline */
        for (size_t i = 0; i < count; i++) {
            double u = (double)(splitmix64(f->seed, i) >> 11) * 0x1p-53; /* exact: an integer < 2^53 */
            double v = lo + span * u;
            if (p) p[i] = wn_f32_from_f64(v); /* what wn_put_f64 stores, rounded once */
            else wn_put_f64(t, i, v);
        }
        return;
    }
    uint64_t span = f->high.u - f->low.u + 1; /* mod 2^64: 0 stands for 2^64, the full 64-bit range */
    for (size_t i = 0; i < count; i++) {
        uint64_t z = splitmix64(f->seed, i);
        wn_put_u64(t, i, f->low.u + (span ? z % span : z)); /* the store keeps the type's low bits */
    }
}

int wn_tensor_alloc_fill(wn_tensor *t, const wn_desc *desc, const wn_fill *f, wn_error *err)
{
    if (f->kind == WN_FILL_VALUE) return wn_tensor_alloc_filled(t, desc, f->elem, err);
    /* wn_tensor_alloc checks the sizes and the cap first; its calloc of a large tensor gets
     * fresh zero pages, so the zeroing costs no pass over them */
    if (wn_tensor_alloc(t, desc, err) != 0) return -1;
    generate(t, f);
    return 0;
}
