/* curve25519.c - field arithmetic mod p = 2^255 - 19 in five 51-bit limbs
 * (host only: it uses unsigned __int128, which BPF lacks).
 *
 * Decompression of (y, sign) succeeds iff x^2 = u/v has a root, with
 * u = y^2 - 1 and v = d*y^2 + 1 (v is never 0 because -1/d is not a square).
 * curve25519-dalek reduces a non-canonical y and accepts x = 0 with either sign
 * bit, so "on curve" is exactly: u*v is a square or zero, i.e. its Legendre
 * symbol (u*v)^((p-1)/2) is 0 or 1. */
#include "curve25519.h"

#include <string.h>

typedef unsigned __int128 u128;
typedef uint64_t fe[5];

#define MASK51 ((((uint64_t)1) << 51) - 1)

static uint64_t load64_le(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

/* Bit 255 (the sign of x) is dropped; values >= p are kept and reduce later. */
static void fe_frombytes(fe h, const uint8_t s[32]) {
  h[0] = load64_le(s) & MASK51;
  h[1] = (load64_le(s + 6) >> 3) & MASK51;
  h[2] = (load64_le(s + 12) >> 6) & MASK51;
  h[3] = (load64_le(s + 19) >> 1) & MASK51;
  h[4] = (load64_le(s + 24) >> 12) & MASK51;
}

static void fe_carry(fe h) {
  for (int i = 0; i < 4; i++) {
    h[i + 1] += h[i] >> 51;
    h[i] &= MASK51;
  }
  h[0] += 19 * (h[4] >> 51);
  h[4] &= MASK51;
  h[1] += h[0] >> 51;
  h[0] &= MASK51;
}

static void fe_add(fe r, const fe a, const fe b) {
  for (int i = 0; i < 5; i++)
    r[i] = a[i] + b[i];
  fe_carry(r);
}

/* a - b computed as a + 2p - b so no limb goes negative. */
static void fe_sub(fe r, const fe a, const fe b) {
  static const fe two_p = {0xfffffffffffdaULL, 0xffffffffffffeULL, 0xffffffffffffeULL, 0xffffffffffffeULL,
                           0xffffffffffffeULL};
  for (int i = 0; i < 5; i++)
    r[i] = a[i] + two_p[i] - b[i];
  fe_carry(r);
}

static void fe_mul(fe r, const fe a, const fe b) {
  u128 t[5] = {0};
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 5; j++) {
      uint64_t bj = i + j >= 5 ? b[j] * 19 : b[j]; /* 2^255 = 19 mod p */
      t[(i + j) % 5] += (u128)a[i] * bj;
    }
  for (int i = 0; i < 4; i++) {
    t[i + 1] += t[i] >> 51;
    r[i] = (uint64_t)t[i] & MASK51;
  }
  r[4] = (uint64_t)t[4] & MASK51;
  r[0] += 19 * (uint64_t)(t[4] >> 51);
  fe_carry(r);
}

/* Fully reduced value, so equality is limb equality. */
static void fe_canonical(fe h) {
  uint64_t q;
  fe_carry(h);
  fe_carry(h);
  q = (h[0] + 19) >> 51;
  for (int i = 1; i < 5; i++)
    q = (h[i] + q) >> 51;
  h[0] += 19 * q;
  for (int i = 0; i < 4; i++) {
    h[i + 1] += h[i] >> 51;
    h[i] &= MASK51;
  }
  h[4] &= MASK51;
}

/* r = a^((p-1)/2) by square-and-multiply; (p-1)/2 = 2^254 - 10 = 0x3fff...fff6. */
static void fe_legendre(fe r, const fe a) {
  uint8_t e[32];
  fe acc = {1, 0, 0, 0, 0}, base;
  memset(e, 0xff, sizeof e);
  e[0] = 0xf6;
  e[31] = 0x3f;
  memcpy(base, a, sizeof base);
  for (int bit = 0; bit < 255; bit++) {
    if ((e[bit / 8] >> (bit % 8)) & 1)
      fe_mul(acc, acc, base);
    fe_mul(base, base, base);
  }
  memcpy(r, acc, sizeof acc);
}

static bool fe_is_small(const fe h, uint64_t v) { return h[0] == v && (h[1] | h[2] | h[3] | h[4]) == 0; }

bool host_is_on_curve(const uint8_t compressed[32]) {
  static const uint8_t d_bytes[32] = {0xa3, 0x78, 0x59, 0x13, 0xca, 0x4d, 0xeb, 0x75, 0xab, 0xd8, 0x41,
                                      0x41, 0x4d, 0x0a, 0x70, 0x00, 0x98, 0xe8, 0x79, 0x77, 0x79, 0x40,
                                      0xc7, 0x8c, 0x73, 0xfe, 0x6f, 0x2b, 0xee, 0x6c, 0x03, 0x52};
  static const fe one = {1, 0, 0, 0, 0};
  fe y, d, yy, u, v, uv, chi;
  fe_frombytes(y, compressed);
  fe_frombytes(d, d_bytes);
  fe_mul(yy, y, y);
  fe_sub(u, yy, one);
  fe_mul(v, d, yy);
  fe_add(v, v, one);
  fe_mul(uv, u, v);
  fe_legendre(chi, uv);
  fe_canonical(chi);
  return fe_is_small(chi, 0) || fe_is_small(chi, 1);
}
