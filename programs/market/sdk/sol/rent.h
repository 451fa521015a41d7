/* sol/rent.h - rent-exempt minimum from the Rent sysvar. The runtime computes
 * ((128 + data_len) * lamports_per_byte_year) as f64 * exemption_threshold; BPF has
 * no floating point, so the threshold is read from its IEEE-754 bits and only
 * exact powers of two are accepted: 2.0 today, 1.0 after SIMD-0194. Anything else
 * makes the helper fail rather than guess. */
#ifndef SOL_RENT_H
#define SOL_RENT_H

#include "sol/syscalls.h"

#define SOL_ACCOUNT_STORAGE_OVERHEAD 128

typedef struct SolRent {
  uint64_t lamports_per_byte_year;
  uint64_t exemption_threshold_bits; /* f64 */
  uint8_t burn_percent;
} SolRent;

/* v * 2^e for the power-of-two threshold, or false on overflow / unsupported bits. */
static inline bool sol_rent_scale(uint64_t v, uint64_t threshold_bits, uint64_t *out) {
  uint64_t mantissa = threshold_bits & (((uint64_t)1 << 52) - 1);
  uint64_t exp = (threshold_bits >> 52) & 0x7ff;
  if ((threshold_bits >> 63) != 0 || mantissa != 0 || exp < 1023 - 8 || exp > 1023 + 8)
    return false;
  if (exp >= 1023) {
    uint64_t s = exp - 1023;
    if (v > (UINT64_MAX >> s))
      return false;
    *out = v << s;
  } else {
    *out = v >> (1023 - exp);
  }
  return true;
}

/* Accounts hold at most 10 MiB, so bytes < 2^25 and a rate below 2^39 cannot
 * overflow the product. Bounds instead of a division: clang turns a divide-based
 * overflow check into a u128 multiply (__multi3), which BPF lacks. */
#define SOL_RENT_MAX_DATA_LEN (10 * 1024 * 1024)
#define SOL_RENT_MAX_RATE ((uint64_t)1 << 39)

static inline bool sol_rent_minimum_balance(const SolRent *r, uint64_t data_len, uint64_t *out) {
  if (data_len > SOL_RENT_MAX_DATA_LEN || r->lamports_per_byte_year >= SOL_RENT_MAX_RATE)
    return false;
  uint64_t bytes = SOL_ACCOUNT_STORAGE_OVERHEAD + data_len;
  return sol_rent_scale(bytes * r->lamports_per_byte_year, r->exemption_threshold_bits, out);
}

static inline bool sol_get_rent(SolRent *out) { return sol_get_rent_sysvar(out) == 0; }

#endif
