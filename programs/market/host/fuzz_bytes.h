/* fuzz_bytes.h - reading a libFuzzer input as a stream of choices. Past the end
 * every read is 0, so any prefix of an input is itself a valid input. */
#ifndef SG_FUZZ_BYTES_H
#define SG_FUZZ_BYTES_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
  const uint8_t *p;
  size_t n;
} Bytes;

static inline uint8_t next(Bytes *b) {
  if (b->n == 0)
    return 0;
  b->n--;
  return *b->p++;
}

static inline uint64_t next_u64(Bytes *b) {
  uint64_t v = 0;
  for (int i = 0; i < 8; i++)
    v = v << 8 | next(b);
  return v;
}

/* An amount worth trying: small, near u64 max, a power-of-two scale, or any. */
static inline uint64_t fuzz_amount(Bytes *b) {
  switch (next(b) & 3) {
  case 0:
    return next(b);
  case 1:
    return UINT64_MAX - next(b);
  case 2:
    return (uint64_t)next(b) << (next(b) % 56);
  default:
    return next_u64(b);
  }
}

#endif
