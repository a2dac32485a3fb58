/* SHA-256 (FIPS 180-4), for the corpus hash: small and dependency-free. */
#ifndef RUNNER_SHA256_H
#define RUNNER_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct rn_sha256 {
    uint32_t h[8];
    uint64_t length;       /* bytes hashed so far */
    uint8_t block[64];
    size_t used;           /* bytes in block */
} rn_sha256;

void rn_sha256_init(rn_sha256 *s);
void rn_sha256_update(rn_sha256 *s, const void *data, size_t n);
/* Writes 64 lowercase hex digits and a NUL into hex. */
void rn_sha256_final_hex(rn_sha256 *s, char hex[65]);

#endif
