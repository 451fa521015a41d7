/* sol/mem.h - copies and compares. clang for BPF cannot call libc: a memcpy of
 * constant size <= 1024 is inlined (use __builtin_memcpy), anything else has to
 * go through the sol_memcpy_ family of syscalls. */
#ifndef SOL_MEM_H
#define SOL_MEM_H

#include "sol/syscalls.h"

/* Variable-size copy; also safe for n == 0. */
static inline void sol_copy(void *dst, const void *src, uint64_t n) {
  if (n != 0)
    sol_memcpy_(dst, src, n);
}

static inline void sol_zero(void *dst, uint64_t n) {
  if (n != 0)
    sol_memset_(dst, 0, n);
}

static inline bool sol_bytes_eq(const void *a, const void *b, uint64_t n) {
  int32_t r = 0;
  if (n == 0)
    return true;
  sol_memcmp_(a, b, n, &r);
  return r == 0;
}

static inline bool sol_pubkey_eq(const SolPubkey *a, const SolPubkey *b) {
  const uint64_t *x = (const uint64_t *)a->x, *y = (const uint64_t *)b->x;
  return ((x[0] ^ y[0]) | (x[1] ^ y[1]) | (x[2] ^ y[2]) | (x[3] ^ y[3])) == 0;
}

static inline bool sol_pubkey_is_zero(const SolPubkey *a) {
  const uint64_t *x = (const uint64_t *)a->x;
  return (x[0] | x[1] | x[2] | x[3]) == 0;
}

/* A pubkey at any alignment (inside packed instruction arguments) is all zero. */
static inline bool sol_key_bytes_are_zero(const uint8_t *key) {
  uint8_t any = 0;
  for (int i = 0; i < SOL_PUBKEY_LEN; i++)
    any |= key[i];
  return any == 0;
}

/* Little-endian loads and stores at any alignment (instruction data is not
 * aligned); clang turns these fixed-size copies into byte or word accesses. */
static inline uint64_t sol_read_u64(const uint8_t *p) {
  uint64_t v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}

static inline void sol_write_u64(uint8_t *p, uint64_t v) { __builtin_memcpy(p, &v, sizeof v); }
static inline void sol_write_u32(uint8_t *p, uint32_t v) { __builtin_memcpy(p, &v, sizeof v); }

#endif
