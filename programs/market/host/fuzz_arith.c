/* fuzz_arith.c - libFuzzer target: the hand-written 128-bit multiply/divide and
 * the lease accrual against the host compiler's unsigned __int128, on operands
 * the fuzzer picks (it finds the digit-boundary cases a random test misses).
 * Input: 8-byte little-endian words a, b, d, then start, end, t for accrual. */
#include <stdlib.h>
#include <string.h>

#include "accrual.h"
#include "u128.h"

typedef unsigned __int128 u128;

static uint64_t word(const uint8_t *data, size_t n, size_t i) {
  uint64_t v = 0;
  if (n >= 8 * (i + 1))
    memcpy(&v, data + 8 * i, 8);
  return v;
}

static void check_u128(uint64_t a, uint64_t b, uint64_t d) {
  SolU128 p, n = {b, a}, q;
  uint64_t rem, out;
  sg_u128_mul(a, b, &p);
  if ((((u128)p.hi << 64) | p.lo) != (u128)a * b)
    abort();
  if (sg_u128_divmod(&n, d, &q, &rem) != (d != 0))
    abort();
  if (d != 0) {
    u128 native = ((u128)a << 64) | b;
    if ((((u128)q.hi << 64) | q.lo) != native / d || rem != (uint64_t)(native % d))
      abort();
  }
  bool fits = d != 0 && ((u128)a * b / d) >> 64 == 0;
  if (sg_mul_div_floor(a, b, d, &out) != fits || (fits && out != (uint64_t)((u128)a * b / d)))
    abort();
}

static void check_accrual(uint64_t total, int64_t start, int64_t end, int64_t t) {
  uint64_t due;
  bool ok = sg_accrued(total, start, end, t, &due);
  if (ok != (end > start))
    abort();
  if (!ok)
    return;
  u128 want = t <= start ? 0
              : t >= end ? total
                         : (u128)total * ((uint64_t)t - (uint64_t)start) / ((uint64_t)end - (uint64_t)start);
  if (due != (uint64_t)want || due > total)
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  uint64_t a = word(data, n, 0), b = word(data, n, 1), d = word(data, n, 2);
  check_u128(a, b, d);
  check_accrual(a, (int64_t)word(data, n, 3), (int64_t)word(data, n, 4), (int64_t)word(data, n, 5));
  return 0;
}
