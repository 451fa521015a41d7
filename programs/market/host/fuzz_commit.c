/* fuzz_commit.c - libFuzzer target for the Instructions sysvar parser, the
 * Ed25519 introspection and the commit_leases data decoder. The first byte picks
 * a mode:
 *   0 raw sysvar:   the bytes are the sysvar account data;
 *   1 raw commit:   the bytes are commit_leases instruction data (decoded, then
 *                   every fill and order run through the match rules);
 *   2 structured:   a valid [budget, Ed25519, commit] sysvar whose Ed25519 data,
 *                   commit data, indexes and program id get flipped.
 * Beyond "no crash, no sanitizer report": in mode 2 an accepted call must still
 * have the canonical Ed25519 data (every offset pointing at its own order), so
 * no mutation can make the program accept a signature over other bytes. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_bytes.h"
#include "instructions_sysvar.h"
#include "sig_fixture.h"

static void fuzz_sysvar(const uint8_t *data, size_t n) {
  static SigFixture f; /* its commit data is what the current instruction must match */
  SgSysvarInstruction ix;
  uint16_t cur;
  uint8_t *copy = malloc(n ? n : 1);
  memcpy(copy, data, n);
  sig_fixture_init(&f);
  if (sg_sysvar_current_index(copy, n, &cur))
    for (uint64_t i = 0; i < 4; i++)
      if (sg_sysvar_instruction(copy, n, i, &ix) && ix.data_len != 0)
        (void)(ix.data[ix.data_len - 1] + ix.program_id[31]); /* touch the ends under ASan */
  SgSignedOrders orders = {f.commit, f.commit_len, &f.program_id, SG_COMMIT_ORDERS_OFFSET, SIG_FIXTURE_ORDERS};
  for (uint64_t i = 0; i < 3; i++)
    sg_verify_order_signatures(copy, n, i, &orders);
  free(copy);
}

static void fuzz_commit_data(const uint8_t *data, size_t n) {
  uint8_t *copy = malloc(n ? n : 1);
  SgCommitArgs a;
  Market market;
  SolPubkey key;
  memcpy(copy, data, n);
  memset(&market, 0, sizeof market);
  memset(&key, 0x4d, sizeof key);
  if (sg_commit_decode(copy, n, &a) == 0) {
    for (uint64_t i = 0; i < a.n_fills; i++) {
      Fill fill;
      Order bid, ask;
      GpuSku sku;
      SgLeaseAmounts amounts;
      sg_commit_fill(copy, &a, i, &fill);
      uint64_t bi = fill.bid == SOLGRID_STORED_ORDER ? 0 : fill.bid, ai = fill.ask == SOLGRID_STORED_ORDER ? 0 : fill.ask;
      if (a.n_orders == 0)
        continue;
      memcpy(&bid, copy + a.orders_offset + bi * sizeof(SignedOrder) + SG_SIGNED_ORDER_ORDER_OFFSET, sizeof bid);
      memcpy(&ask, copy + a.orders_offset + ai * sizeof(SignedOrder) + SG_SIGNED_ORDER_ORDER_OFFSET, sizeof ask);
      SgMatch m = {&bid, &ask, &fill, &market, &key, (int64_t)bid.expires_at - 1};
      sg_order_check(&bid);
      sg_match_check(&m, &sku);
      sg_lease_amounts(&m, &amounts);
    }
  }
  free(copy);
}

static void fuzz_structured(Bytes *b) {
  static SigFixture f, canonical;
  sig_fixture_init(&canonical);
  sig_fixture_init(&f);
  uint8_t what = next(b);
  while (b->n >= 3) {
    uint8_t op = next(b), at = next(b), v = next(b);
    switch (op % 6) {
    case 0:
      f.ed25519[at % (f.ed25519_len + 1 < sizeof f.ed25519 ? f.ed25519_len + 1 : f.ed25519_len)] ^= v;
      break;
    case 1:
      f.commit[(at * 7u + v) % f.commit_len] ^= (uint8_t)(v | 1);
      break;
    case 2:
      f.current = (uint16_t)(v % 4);
      break;
    case 3:
      f.ed25519_accounts = v % 3;
      break;
    case 4:
      f.ed25519_program[at % 32] ^= v;
      break;
    default:
      if (v % 2 && f.ed25519_len < sizeof f.ed25519)
        f.ed25519_len++;
      else if (f.ed25519_len > 0)
        f.ed25519_len--;
    }
  }
  sig_fixture_build(&f);
  if (what & 1) /* also truncate the sysvar */
    f.sysvar_len = f.sysvar_len * (what >> 1) / 128;
  if (sig_fixture_verify(&f) != 0)
    return;
  /* Accepted: the Ed25519 instruction must be the canonical one, in front of a
   * commit whose orders sit where the canonical offsets point. */
  if (f.ed25519_len != canonical.ed25519_len || memcmp(f.ed25519, canonical.ed25519, f.ed25519_len) != 0 ||
      f.ed25519_accounts != 0 || memcmp(f.ed25519_program, canonical.ed25519_program, 32) != 0 ||
      f.current != SIG_FIXTURE_COMMIT_INDEX || f.commit[8] != SIG_FIXTURE_ED25519_INDEX ||
      memcmp(f.commit + 9, canonical.commit + 9, 4) != 0)
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  Bytes b = {data, n};
  if (n == 0)
    return 0;
  switch (next(&b) % 3) {
  case 0:
    fuzz_sysvar(b.p, b.n);
    break;
  case 1:
    fuzz_commit_data(b.p, b.n);
    break;
  default:
    fuzz_structured(&b);
  }
  return 0;
}
