/* test_crypto.c - the host's sha256, curve check and PDA derivation against
 * known answers (NIST vectors; PDAs computed with solana-go's
 * FindProgramAddress), and the rent formula. */
#include <string.h>

#include "curve25519.h"
#include "host.h"
#include "sha256.h"
#include "sol/rent.h"
#include "solgrid_market_idl.h"
#include "test.h"

static void check_sha(const char *msg, size_t repeat, const uint8_t want[32]) {
  HostSha256 s;
  uint8_t got[32];
  host_sha256_init(&s);
  for (size_t i = 0; i < repeat; i++)
    host_sha256_update(&s, msg, strlen(msg));
  host_sha256_final(&s, got);
  CHECK(memcmp(got, want, 32) == 0);
}

static void sha256_matches_nist_vectors(void) {
  static const uint8_t empty[32] = {0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4,
                                    0xc8, 0x99, 0x6f, 0xb9, 0x24, 0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b,
                                    0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55};
  static const uint8_t abc[32] = {0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40,
                                  0xde, 0x5d, 0xae, 0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17,
                                  0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
  static const uint8_t two_blocks[32] = {0x24, 0x8d, 0x6a, 0x61, 0xd2, 0x06, 0x38, 0xb8, 0xe5, 0xc0, 0x26,
                                         0x93, 0x0c, 0x3e, 0x60, 0x39, 0xa3, 0x3c, 0xe4, 0x59, 0x64, 0xff,
                                         0x21, 0x67, 0xf6, 0xec, 0xed, 0xd4, 0x19, 0xdb, 0x06, 0xc1};
  static const uint8_t million_a[32] = {0xcd, 0xc7, 0x6e, 0x5c, 0x99, 0x14, 0xfb, 0x92, 0x81, 0xa1, 0xc7,
                                        0xe2, 0x84, 0xd7, 0x3e, 0x67, 0xf1, 0x80, 0x9a, 0x48, 0xa4, 0x97,
                                        0x20, 0x0e, 0x04, 0x6d, 0x39, 0xcc, 0xc7, 0x11, 0x2c, 0xd0};
  check_sha("", 1, empty);
  check_sha("abc", 1, abc);
  check_sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, two_blocks);
  check_sha("a", 1000000, million_a);
}

/* The generated header's discriminator is what the sha256 of its preimage says. */
static void instruction_discriminator_is_sha256_of_global_name(void) {
  static const char pre[] = "global:initialize_market";
  static const uint8_t want[8] = SOLGRID_IX_INITIALIZE_MARKET_BYTES;
  uint64_t as_u64 = SOLGRID_IX_INITIALIZE_MARKET_U64;
  uint8_t got[32];
  SolBytes b = {(const uint8_t *)pre, sizeof pre - 1};
  sol_sha256(&b, 1, got);
  CHECK(memcmp(got, want, 8) == 0);
  CHECK(memcmp(&as_u64, want, 8) == 0);
}

static void curve_check_accepts_points_and_rejects_pdas(void) {
  uint8_t base[32], pk[32] = {0x7a, 0xef, 0xa9, 0xd0, 0xbc, 0xa9, 0xb5, 0x57, 0xe2, 0x66, 0x0c,
                              0xea, 0xf2, 0x35, 0x3b, 0x10, 0xf9, 0xab, 0x4c, 0x67, 0x32, 0x6b,
                              0x0b, 0xb9, 0xea, 0x70, 0x1c, 0x99, 0xcb, 0xa9, 0xcc, 0x27};
  uint8_t pda[32] = {0x7a, 0xfa, 0xff, 0xee, 0xd4, 0x53, 0x28, 0xe3, 0xf7, 0x7d, 0x4d, 0x80, 0xb8, 0x36, 0x35, 0xf2,
                     0x2e, 0x1f, 0xb8, 0x59, 0x62, 0xd2, 0x65, 0x94, 0x42, 0x73, 0x84, 0x05, 0x89, 0xdb, 0x49, 0x7e};
  memset(base, 0x66, sizeof base);
  base[0] = 0x58; /* the ed25519 base point, y = 4/5 */
  CHECK(host_is_on_curve(base));
  CHECK(host_is_on_curve(pk)); /* a real ed25519 public key */
  CHECK(!host_is_on_curve(pda));
  base[31] |= 0x80; /* the sign bit does not change the answer */
  CHECK(host_is_on_curve(base));
}

typedef struct {
  uint64_t market_id;
  uint8_t bump;
  uint8_t address[32];
} PdaVector;

/* authority = 32 x 0x11, program = the IDL address; ids chosen so the bump search
 * has to skip on-curve candidates. */
static const PdaVector market_pdas[] = {
    {1, 254, {0x7a, 0xfa, 0xff, 0xee, 0xd4, 0x53, 0x28, 0xe3, 0xf7, 0x7d, 0x4d, 0x80, 0xb8, 0x36, 0x35, 0xf2,
              0x2e, 0x1f, 0xb8, 0x59, 0x62, 0xd2, 0x65, 0x94, 0x42, 0x73, 0x84, 0x05, 0x89, 0xdb, 0x49, 0x7e}},
    {2, 252, {0x58, 0xb9, 0x1a, 0xbe, 0xba, 0x23, 0x33, 0x2e, 0xe3, 0x7d, 0xc4, 0xc4, 0x8d, 0x12, 0xc4, 0xac,
              0x0c, 0x3e, 0xa2, 0xf9, 0x86, 0xf6, 0x57, 0x66, 0xa2, 0x49, 0x4b, 0xe3, 0xa8, 0xf1, 0xce, 0xf9}},
    {11, 246, {0x78, 0x38, 0xdf, 0xe6, 0x54, 0x05, 0x71, 0xa6, 0x5c, 0xcc, 0x5b, 0x04, 0xfb, 0x0c, 0xd6, 0x81,
               0xab, 0xbd, 0xd6, 0x8c, 0x2f, 0xcc, 0xe3, 0xdc, 0xe6, 0x62, 0x12, 0x25, 0x11, 0x7e, 0x69, 0x9a}},
    {14, 251, {0xd5, 0x53, 0x49, 0xbf, 0x0b, 0x30, 0x00, 0x7b, 0xfd, 0x84, 0x68, 0x8c, 0x7b, 0xcc, 0x02, 0x69,
               0x00, 0x2d, 0x6c, 0x7f, 0x02, 0xc2, 0xaf, 0x1f, 0x02, 0x9a, 0xb8, 0xac, 0x52, 0xe3, 0xce, 0xe4}},
};

static void find_pda_matches_solana_go(void) {
  const SolPubkey program_id = {SOLGRID_PROGRAM_ID_BYTES};
  SolPubkey authority, got;
  memset(&authority, 0x11, sizeof authority);
  for (size_t i = 0; i < sizeof market_pdas / sizeof market_pdas[0]; i++) {
    uint8_t id_le[8], bump = 0;
    memcpy(id_le, &market_pdas[i].market_id, 8);
    SolBytes seeds[3] = {{(const uint8_t *)"market", 6}, {authority.x, 32}, {id_le, 8}};
    CHECK(sol_try_find_program_address(seeds, 3, &program_id, &got, &bump) == 0);
    CHECK_EQ(bump, market_pdas[i].bump);
    CHECK(memcmp(got.x, market_pdas[i].address, 32) == 0);
  }
}

static void rent_minimum_balance_follows_threshold_bits(void) {
  SolRent r = {.lamports_per_byte_year = 3480, .exemption_threshold_bits = 0x4000000000000000ULL}; /* 2.0 */
  uint64_t v = 0;
  CHECK(sol_rent_minimum_balance(&r, 408, &v));
  CHECK_EQ(v, (128 + 408) * 6960);
  r = (SolRent){.lamports_per_byte_year = 6960, .exemption_threshold_bits = 0x3ff0000000000000ULL}; /* 1.0 */
  CHECK(sol_rent_minimum_balance(&r, 408, &v));
  CHECK_EQ(v, (128 + 408) * 6960);
  r.exemption_threshold_bits = 0x3fe0000000000000ULL; /* 0.5 */
  CHECK(sol_rent_minimum_balance(&r, 0, &v));
  CHECK_EQ(v, 128 * 3480);
  r.exemption_threshold_bits = 0x4008000000000000ULL; /* 3.0: not a power of two */
  CHECK(!sol_rent_minimum_balance(&r, 0, &v));
  r.exemption_threshold_bits = 0x7ff8000000000000ULL; /* NaN */
  CHECK(!sol_rent_minimum_balance(&r, 0, &v));
  r = (SolRent){.lamports_per_byte_year = UINT64_MAX / 100, .exemption_threshold_bits = 0x4000000000000000ULL};
  CHECK(!sol_rent_minimum_balance(&r, 0, &v)); /* overflow is refused, not wrapped */
}

void run_crypto_tests(void) {
  host_reset(&(SolPubkey){{0}});
  host_rt.quiet = 1;
  RUN(sha256_matches_nist_vectors);
  RUN(instruction_discriminator_is_sha256_of_global_name);
  RUN(curve_check_accepts_points_and_rejects_pdas);
  RUN(find_pda_matches_solana_go);
  RUN(rent_minimum_balance_follows_threshold_bits);
}
