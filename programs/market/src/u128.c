/* u128.c - see u128.h. The divide is Knuth's algorithm D specialised to a
 * two-digit divisor of 32-bit digits (Hacker's Delight, divlu): two u64
 * divisions instead of a 64-step shift-and-subtract loop. */
#include "u128.h"

#define LOW32 0xffffffffULL
#define DIGIT (1ULL << 32)

void sg_u128_mul(uint64_t a, uint64_t b, SolU128 *out) {
  uint64_t a0 = a & LOW32, a1 = a >> 32, b0 = b & LOW32, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  /* Three terms below 2^32 each: the middle column cannot overflow. */
  uint64_t mid = (p00 >> 32) + (p01 & LOW32) + (p10 & LOW32);
  out->lo = (mid << 32) | (p00 & LOW32);
  out->hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/* Leading zero bits of x != 0, by binary search (no clz instruction on BPF). */
static uint64_t leading_zeros(uint64_t x) {
  uint64_t n = 0;
  if ((x >> 32) == 0) {
    n += 32;
    x <<= 32;
  }
  if ((x >> 48) == 0) {
    n += 16;
    x <<= 16;
  }
  if ((x >> 56) == 0) {
    n += 8;
    x <<= 8;
  }
  if ((x >> 60) == 0) {
    n += 4;
    x <<= 4;
  }
  if ((x >> 62) == 0) {
    n += 2;
    x <<= 2;
  }
  if ((x >> 63) == 0)
    n += 1;
  return n;
}

/* One 32-bit quotient digit of (top:next) ÷ (v1:v0), where top < v (so the
 * digit fits) and v is normalised (bit 63 set). The estimate from the top digit
 * is at most 2 too large; the loop corrects it. */
static uint64_t quotient_digit(uint64_t top, uint64_t next, uint64_t v1, uint64_t v0) {
  uint64_t q = top / v1, rhat = top - q * v1;
  while (q >= DIGIT || q * v0 > ((rhat << 32) | next)) {
    q--;
    rhat += v1;
    if (rhat >= DIGIT)
      break;
  }
  return q;
}

/* (u1:u0) ÷ v for u1 < v, v != 0: the quotient fits in 64 bits. */
static uint64_t div_2by1(uint64_t u1, uint64_t u0, uint64_t v, uint64_t *rem) {
  uint64_t s = leading_zeros(v), top, u0n, q1, q0, mid;
  v <<= s;
  /* A shift by 64 is undefined in C (and on BPF), so s == 0 is its own case. */
  top = s == 0 ? u1 : (u1 << s) | (u0 >> (64 - s));
  u0n = u0 << s;
  q1 = quotient_digit(top, u0n >> 32, v >> 32, v & LOW32);
  mid = (top << 32) + (u0n >> 32) - q1 * v; /* exact mod 2^64: the true value is < v */
  q0 = quotient_digit(mid, u0n & LOW32, v >> 32, v & LOW32);
  *rem = (((mid << 32) + (u0n & LOW32)) - q0 * v) >> s;
  return (q1 << 32) | q0;
}

/* Schoolbook with 64-bit digits: the high digit by the hardware divide, then
 * (its remainder : low digit), which is below d × 2^64, by div_2by1. Reads n
 * fully before writing, so q may be n. */
bool sg_u128_divmod(const SolU128 *n, uint64_t d, SolU128 *q, uint64_t *rem) {
  uint64_t hi = n->hi, lo = n->lo, q_hi;
  if (d == 0)
    return false;
  q_hi = hi / d;
  q->lo = div_2by1(hi - q_hi * d, lo, d, rem);
  q->hi = q_hi;
  return true;
}

bool sg_mul_div_floor(uint64_t a, uint64_t b, uint64_t d, uint64_t *out) {
  SolU128 product, q;
  uint64_t rem;
  sg_u128_mul(a, b, &product);
  if (!sg_u128_divmod(&product, d, &q, &rem) || q.hi != 0)
    return false;
  *out = q.lo;
  return true;
}

bool sg_mul_div_ceil(uint64_t a, uint64_t b, uint64_t d, uint64_t *out) {
  SolU128 product, q;
  uint64_t rem;
  sg_u128_mul(a, b, &product);
  if (!sg_u128_divmod(&product, d, &q, &rem) || q.hi != 0 || (rem != 0 && q.lo == UINT64_MAX))
    return false;
  *out = q.lo + (rem != 0);
  return true;
}
