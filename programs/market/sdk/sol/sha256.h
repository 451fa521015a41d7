/* sol/sha256.h - sha256 over several slices by syscall (cheaper than hashing in BPF). */
#ifndef SOL_SHA256_H
#define SOL_SHA256_H

#include "sol/syscalls.h"

#define SOL_SHA256_LEN 32

static inline void sol_sha256_of(const void *data, uint64_t len, uint8_t out[SOL_SHA256_LEN]) {
  SolBytes slice = {(const uint8_t *)data, len};
  sol_sha256(&slice, 1, out);
}

#endif
