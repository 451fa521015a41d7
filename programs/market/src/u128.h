/* u128.h - 64×64→128 multiply and 128÷64 divide, written by hand: clang lowers
 * __int128 multiply and divide on BPF to __multi3/__udivti3 libcalls, which no
 * SBF runtime provides. Values are SolU128 {lo, hi} (the Borsh layout). Host
 * tests compare every function with the host compiler's unsigned __int128. */
#ifndef SG_U128_H
#define SG_U128_H

#include "sol/types.h"

/* out = a × b, exact. */
void sg_u128_mul(uint64_t a, uint64_t b, SolU128 *out);

/* q = n ÷ d and *rem = n mod d; false (nothing written) when d is 0. */
bool sg_u128_divmod(const SolU128 *n, uint64_t d, SolU128 *q, uint64_t *rem);

/* *out = floor(a × b ÷ d); false (nothing written) when d is 0 or the quotient
 * does not fit in a u64. */
bool sg_mul_div_floor(uint64_t a, uint64_t b, uint64_t d, uint64_t *out);

/* *out = ceil(a × b ÷ d); false (nothing written) when d is 0 or the result
 * does not fit in a u64. */
bool sg_mul_div_ceil(uint64_t a, uint64_t b, uint64_t d, uint64_t *out);

#endif
