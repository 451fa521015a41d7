/* sol/log.h - program logs ("Program log: ...") and Anchor-style event data
 * ("Program data: <base64>"). */
#ifndef SOL_LOG_H
#define SOL_LOG_H

#include "sol/syscalls.h"

/* For string literals only: the length is known at compile time. */
#define sol_log_literal(s) sol_log_((s), sizeof(s) - 1)

static inline uint64_t sol_strlen(const char *s) {
  uint64_t n = 0;
  while (s[n] != 0)
    n++;
  return n;
}

static inline void sol_log(const char *s) { sol_log_(s, sol_strlen(s)); }

/* Writes v in decimal at out (at least 20 bytes); returns the digit count.
 * Unsigned division only: BPF has no signed divide. */
static inline uint64_t sol_format_u64(uint64_t v, char *out) {
  char tmp[20];
  uint64_t n = 0, k = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n != 0)
    out[k++] = tmp[--n];
  return k;
}

/* One event: a single slice (discriminator followed by the Borsh body). */
static inline void sol_emit_event(const void *event, uint64_t len) {
  SolBytes slice = {(const uint8_t *)event, len};
  sol_log_data(&slice, 1);
}

#endif
