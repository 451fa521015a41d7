/* test_u128.c - the hand-written 128-bit arithmetic against the host compiler's
 * unsigned __int128: every pair from a table of edge values (carries, digit
 * boundaries, normalisation shifts), then pseudo-random operands of every bit
 * length. */
#include "test.h"
#include "u128.h"

typedef unsigned __int128 u128;

static u128 to_native(const SolU128 *v) { return ((u128)v->hi << 64) | v->lo; }

/* Values where the 32-bit-digit arithmetic has its edge cases. */
static const uint64_t edges[] = {
    0, 1, 2, 3, 7, 10, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff,
    0x100000000ULL, 0x100000001ULL, 0x1ffffffffULL, 0xffffffff00000000ULL, 0xffffffff00000001ULL,
    0x00000001ffffffffULL, 0x7fffffffffffffffULL, 0x8000000000000000ULL, 0x8000000000000001ULL,
    0xfffffffffffffffeULL, 0xffffffffffffffffULL, 0x123456789abcdef0ULL, 0xfedcba9876543210ULL,
    1000000, 3600, 86400, 31536000};
#define N_EDGES (sizeof edges / sizeof edges[0])

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

/* xorshift64*, then a random bit length so small and large operands both occur. */
static uint64_t random_u64(void) {
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  uint64_t v = rng_state * 0x2545f4914f6cdd1dULL;
  uint64_t bits = (v & 63) + 1;
  return bits == 64 ? v : v >> (64 - bits);
}

static int check_mul(uint64_t a, uint64_t b) {
  SolU128 got;
  sg_u128_mul(a, b, &got);
  if (to_native(&got) != (u128)a * b) {
    printf("FAIL %s: %#llx * %#llx\n", test_current, (unsigned long long)a, (unsigned long long)b);
    return 1;
  }
  return 0;
}

static int check_divmod(uint64_t hi, uint64_t lo, uint64_t d) {
  SolU128 n = {lo, hi}, q = {0, 0};
  uint64_t rem = 0;
  u128 native = ((u128)hi << 64) | lo;
  if (d == 0)
    return sg_u128_divmod(&n, d, &q, &rem) ? 1 : 0;
  if (!sg_u128_divmod(&n, d, &q, &rem) || to_native(&q) != native / d || rem != (uint64_t)(native % d)) {
    printf("FAIL %s: (%#llx:%#llx) / %#llx\n", test_current, (unsigned long long)hi, (unsigned long long)lo,
           (unsigned long long)d);
    return 1;
  }
  return 0;
}

static void multiply_matches_int128_on_edges(void) {
  int bad = 0;
  for (size_t i = 0; i < N_EDGES; i++)
    for (size_t j = 0; j < N_EDGES; j++)
      bad += check_mul(edges[i], edges[j]);
  CHECK_EQ(bad, 0);
}

static void max_times_max(void) {
  SolU128 r;
  sg_u128_mul(UINT64_MAX, UINT64_MAX, &r); /* (2^64 - 1)^2 = 2^128 - 2^65 + 1 */
  CHECK_EQ(r.hi, 0xfffffffffffffffeULL);
  CHECK_EQ(r.lo, 1);
}

static void divide_matches_int128_on_edges(void) {
  int bad = 0;
  for (size_t i = 0; i < N_EDGES; i++)
    for (size_t j = 0; j < N_EDGES; j++)
      for (size_t k = 0; k < N_EDGES; k++)
        bad += check_divmod(edges[i], edges[j], edges[k]);
  CHECK_EQ(bad, 0);
}

static void divide_by_one_and_by_max(void) {
  SolU128 n = {0x0123456789abcdefULL, 0xfedcba9876543210ULL}, q;
  uint64_t rem;
  CHECK(sg_u128_divmod(&n, 1, &q, &rem));
  CHECK_EQ(q.hi, n.hi);
  CHECK_EQ(q.lo, n.lo);
  CHECK_EQ(rem, 0);
  SolU128 top = {UINT64_MAX, UINT64_MAX};
  CHECK(sg_u128_divmod(&top, UINT64_MAX, &q, &rem)); /* (2^128-1)/(2^64-1) = 2^64+1 */
  CHECK_EQ(q.hi, 1);
  CHECK_EQ(q.lo, 1);
  CHECK_EQ(rem, 0);
}

static void divide_by_zero_is_refused_and_writes_nothing(void) {
  SolU128 n = {5, 5}, q = {7, 7};
  uint64_t rem = 9;
  CHECK(!sg_u128_divmod(&n, 0, &q, &rem));
  CHECK_EQ(q.lo, 7);
  CHECK_EQ(q.hi, 7);
  CHECK_EQ(rem, 9);
}

static void quotient_may_overwrite_the_dividend(void) {
  SolU128 n = {0x1111111111111111ULL, 0x2222222222222222ULL};
  uint64_t rem;
  u128 want = (((u128)n.hi << 64) | n.lo) / 3;
  CHECK(sg_u128_divmod(&n, 3, &n, &rem));
  CHECK(to_native(&n) == want);
}

static void random_operands_match_int128(void) {
  int bad = 0;
  for (int i = 0; i < 2000000 && bad < 10; i++) {
    uint64_t a = random_u64(), b = random_u64(), d = random_u64();
    bad += check_mul(a, b);
    bad += check_divmod(a, b, d);
  }
  CHECK_EQ(bad, 0);
}

static void mul_div_floor_matches_int128_and_refuses_overflow(void) {
  int bad = 0;
  for (int i = 0; i < 500000; i++) {
    uint64_t a = random_u64(), b = random_u64(), d = random_u64(), got = 0xabad1dea;
    u128 want = d == 0 ? 0 : (u128)a * b / d;
    bool ok = sg_mul_div_floor(a, b, d, &got);
    if (d == 0 || (want >> 64) != 0)
      bad += ok || got != 0xabad1dea;
    else
      bad += !ok || got != (uint64_t)want;
  }
  CHECK_EQ(bad, 0);
  uint64_t out;
  CHECK(sg_mul_div_floor(UINT64_MAX, UINT64_MAX, UINT64_MAX, &out));
  CHECK_EQ(out, UINT64_MAX);
  CHECK(!sg_mul_div_floor(UINT64_MAX, 2, 1, &out));
}

void run_u128_tests(void) {
  RUN(multiply_matches_int128_on_edges);
  RUN(max_times_max);
  RUN(divide_matches_int128_on_edges);
  RUN(divide_by_one_and_by_max);
  RUN(divide_by_zero_is_refused_and_writes_nothing);
  RUN(quotient_may_overwrite_the_dividend);
  RUN(random_operands_match_int128);
  RUN(mul_div_floor_matches_int128_and_refuses_overflow);
}
