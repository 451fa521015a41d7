/* sha256.h - FIPS 180-4 SHA-256 for the host build (the chain has a syscall). */
#ifndef HOST_SHA256_H
#define HOST_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
  uint32_t state[8];
  uint8_t block[64];
  uint64_t total; /* bytes hashed so far */
} HostSha256;

void host_sha256_init(HostSha256 *s);
void host_sha256_update(HostSha256 *s, const void *data, size_t len);
void host_sha256_final(HostSha256 *s, uint8_t out[32]);

#endif
