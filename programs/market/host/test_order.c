/* test_order.c - order validation, the match rules one error at a time, the
 * lease amounts (stablecoin and token at the oracle price) and the commit_leases
 * data decoder. */
#include <stdlib.h>
#include <string.h>

#include "instructions/commit_leases.h"
#include "order.h"
#include "u128.h"
#include "sig_fixture.h"
#include "test.h"

#define NOW 1760000000

static Order bid, ask;
static Fill fill;
static Market market;
static SolPubkey market_key;
static SgMatch m;

static void setup(void) {
  SigFixture *f = malloc(sizeof *f);
  sig_fixture_init(f); /* its two orders are a valid pair */
  memcpy(&bid, f->commit + SG_COMMIT_ORDERS_OFFSET + SG_SIGNED_ORDER_ORDER_OFFSET, sizeof bid);
  memcpy(&ask, f->commit + SG_COMMIT_ORDERS_OFFSET + sizeof(SignedOrder) + SG_SIGNED_ORDER_ORDER_OFFSET, sizeof ask);
  free(f);
  memset(&market, 0, sizeof market);
  memset(market_key.x, 0x4d, 32);
  memset(market.stable_mint.x, 0x22, 32);
  memset(market.token_mint.x, 0x33, 32);
  market.fee_bps_stable = 250;
  market.fee_bps_token = 100;
  market.token_decimals = 9;
  market.token_price_micro_usd = 1500000; /* $1.50 */
  market.token_price_updated_at = NOW - 60;
  market.max_price_staleness_secs = 300;
  fill = (Fill){.price_micro_usd = 2000000, .hours = 2, .gpu_count = 4, .bid = 0, .ask = 1, .maker = SOLGRID_SIDE_ASK};
  m = (SgMatch){&bid, &ask, &fill, &market, &market_key, NOW};
}

static uint64_t match(void) {
  GpuSku sku = 0xff;
  return sg_match_check(&m, &sku);
}

static void pins_idl_constants(void) {
  CHECK_EQ(sizeof(Order), 176);
  CHECK_EQ(sizeof(SignedOrder), 256);
  CHECK_EQ(SG_ORDER_MESSAGE_LEN, 192);
  CHECK(memcmp(SOLGRID_ORDER_DOMAIN, "solgrid:order:v1", 16) == 0);
  CHECK_EQ(SOLGRID_MAX_FILLS, 16);
  CHECK_EQ(SOLGRID_STORED_ORDER, 255);
}

static void accepts_valid_orders_and_refuses_malformed_ones(void) {
  setup();
  CHECK_EQ(sg_order_check(&bid), 0);
  CHECK_EQ(sg_order_check(&ask), 0);
  Order o;
#define BAD(stmt)                                                                                            \
  do {                                                                                                       \
    o = bid;                                                                                                 \
    stmt;                                                                                                    \
    CHECK_EQ(sg_order_check(&o), SOLGRID_ERR_INVALID_ORDER);                                                 \
  } while (0)
  BAD(o.version = 2);
  BAD(o.side = 2);
  BAD(o.sku_mask = 0);
  BAD(o.sku_mask = 1u << 12);
  BAD(o.gpu_count = 0);
  BAD(o.limit_price = 0);
  BAD(o.min_hours = 0);
  BAD(o.min_hours = 25);
  BAD(memset(o.payment_mint.x, 0, 32));
  o = ask;
  o.sku_mask = 3; /* an ask offers exactly one SKU */
  CHECK_EQ(sg_order_check(&o), SOLGRID_ERR_INVALID_ORDER);
#undef BAD
}

static void matches_a_valid_pair(void) {
  GpuSku sku = 0xff;
  setup();
  CHECK_EQ(sg_match_check(&m, &sku), 0);
  CHECK_EQ(sku, SOLGRID_GPU_SKU_H100_SXM);
}

static void refuses_each_broken_rule(void) {
#define RULE(stmt, err)                                                                                      \
  do {                                                                                                       \
    setup();                                                                                                 \
    stmt;                                                                                                    \
    CHECK_EQ(match(), SOLGRID_ERR_##err);                                                                    \
  } while (0)
  RULE(bid.market.x[0] ^= 1, WRONG_MARKET);
  RULE(ask.market.x[31] ^= 1, WRONG_MARKET);
  RULE(bid.side = SOLGRID_SIDE_ASK, WRONG_SIDE);
  RULE(ask.side = SOLGRID_SIDE_BID, WRONG_SIDE);
  RULE(ask.owner = bid.owner, SELF_TRADE);
  RULE(fill.gpu_count = 0, ZERO_AMOUNT);
  RULE(fill.maker = 2, INVALID_INSTRUCTION_DATA);
  RULE(bid.sku_mask = 1, SKU_NOT_ACCEPTED);
  RULE(fill.price_micro_usd = 2000001, PRICE_OUTSIDE_LIMITS); /* not the maker's price */
  RULE((fill.maker = SOLGRID_SIDE_BID, bid.limit_price = 1999999, fill.price_micro_usd = 1999999),
       PRICE_OUTSIDE_LIMITS); /* bid below the ask */
  RULE((ask.limit_price = 2500000, fill.price_micro_usd = 2500000), PRICE_OUTSIDE_LIMITS); /* above the bid */
  RULE(fill.hours = 25, HOURS_OUTSIDE_RANGE);
  RULE(fill.hours = 0, HOURS_OUTSIDE_RANGE);
  RULE(ask.min_hours = 3, HOURS_OUTSIDE_RANGE);
  RULE((bid.region = 7, ask.region = 8), REGION_MISMATCH);
  RULE(bid.payment_mint.x[0] ^= 1, MINT_NOT_ACCEPTED);
  RULE(memset(ask.payment_mint.x, 0x33, 32), PAYMENT_MINT_MISMATCH);
  RULE(bid.expires_at = NOW, ORDER_EXPIRED);
  RULE(ask.expires_at = NOW - 1, ORDER_EXPIRED);
#undef RULE
  setup();
  bid.region = 7;
  ask.region = 7;
  CHECK_EQ(match(), 0);
  memset(ask.payment_mint.x, 0x22, 32);
  CHECK_EQ(match(), 0);
}

/* The bid caps the fee at the rate of its payment mint: the authority may have
 * raised it after the renter signed. */
static void refuses_a_fee_above_the_bids_limit(void) {
  setup();
  CHECK_EQ(bid.max_fee_bps, 250);
  CHECK_EQ(ask.max_fee_bps, 0); /* an ask's cap is ignored */
  CHECK_EQ(match(), 0);         /* at the limit */
  market.fee_bps_stable = 251;
  CHECK_EQ(match(), SOLGRID_ERR_FEE_ABOVE_ORDER_LIMIT);
  market.fee_bps_token = 10000; /* not the stablecoin bid's rate */
  market.fee_bps_stable = 250;
  CHECK_EQ(match(), 0);
  setup();
  bid.max_fee_bps = 249;
  CHECK_EQ(match(), SOLGRID_ERR_FEE_ABOVE_ORDER_LIMIT);
}

static void checks_a_token_bids_fee_against_the_token_rate(void) {
  setup();
  memset(bid.payment_mint.x, 0x33, 32);
  bid.max_fee_bps = 100;
  market.fee_bps_stable = 10000; /* not the token bid's rate */
  CHECK_EQ(match(), 0);
  market.fee_bps_token = 101;
  CHECK_EQ(match(), SOLGRID_ERR_FEE_ABOVE_ORDER_LIMIT);
  market.fee_bps_token = 0;
  bid.max_fee_bps = 0;
  CHECK_EQ(match(), 0);
}

static void limits_fills_to_the_remaining_quantity(void) {
  setup();
  CHECK_EQ(sg_order_fillable(&bid, 4, 0, 4), 0);
  CHECK_EQ(sg_order_fillable(&bid, 5, 0, 4), SOLGRID_ERR_OVERFILL);
  CHECK_EQ(sg_order_fillable(&bid, UINT32_MAX, 0, UINT32_MAX), SOLGRID_ERR_OVERFILL);
  CHECK_EQ(sg_order_fillable(&bid, 0, 1, 1), SOLGRID_ERR_ORDER_CANCELLED);
}

static void computes_stablecoin_amounts(void) {
  SgLeaseAmounts a;
  setup();
  CHECK_EQ(sg_lease_amounts(&m, &a), 0);
  CHECK_EQ(a.cost, 2000000ULL * 4 * 2);
  CHECK_EQ(a.fee_bps, 250);
  CHECK_EQ(a.fee, 16000000ULL * 250 / 10000);
  fill.price_micro_usd = 3;
  fill.gpu_count = 1;
  fill.hours = 1;
  CHECK_EQ(sg_lease_amounts(&m, &a), 0);
  CHECK_EQ(a.fee, 0); /* floor */
}

/* $16 at $1.50 per token, 9 decimals: 10.666666667 tokens, rounded up. */
static void converts_token_payment_at_the_oracle_price(void) {
  SgLeaseAmounts a;
  setup();
  memset(bid.payment_mint.x, 0x33, 32);
  CHECK_EQ(sg_lease_amounts(&m, &a), 0);
  CHECK_EQ(a.cost, 10666666667ULL);
  CHECK_EQ(a.fee_bps, 100);
  CHECK_EQ(a.fee, 106666666ULL);
  market.token_price_updated_at = NOW - 301;
  CHECK_EQ(sg_lease_amounts(&m, &a), SOLGRID_ERR_STALE_TOKEN_PRICE);
  market.token_price_updated_at = NOW - 300;
  CHECK_EQ(sg_lease_amounts(&m, &a), 0);
  market.token_price_updated_at = 0;
  CHECK_EQ(sg_lease_amounts(&m, &a), SOLGRID_ERR_STALE_TOKEN_PRICE);
  market.token_price_updated_at = NOW;
  market.token_price_micro_usd = 0;
  CHECK_EQ(sg_lease_amounts(&m, &a), SOLGRID_ERR_STALE_TOKEN_PRICE);
  market.token_price_micro_usd = 1; /* 16e6 * 1e9 tokens does not fit */
  market.token_decimals = 13;
  CHECK_EQ(sg_lease_amounts(&m, &a), SOLGRID_ERR_ARITHMETIC_OVERFLOW);
}

static void refuses_overflowing_cost(void) {
  SgLeaseAmounts a;
  setup();
  fill.price_micro_usd = UINT64_MAX / 4 + 1;
  CHECK_EQ(sg_lease_amounts(&m, &a), SOLGRID_ERR_ARITHMETIC_OVERFLOW);
  setup();
  fill.price_micro_usd = UINT64_MAX / 8 + 1; /* x4 GPUs fits, x2 hours does not */
  CHECK_EQ(sg_lease_amounts(&m, &a), SOLGRID_ERR_ARITHMETIC_OVERFLOW);
  setup();
  fill.price_micro_usd = UINT64_MAX / 8; /* cost fits, cost + fee does not */
  CHECK_EQ(sg_lease_amounts(&m, &a), SOLGRID_ERR_ARITHMETIC_OVERFLOW);
}

static void mul_div_ceil_matches_int128(void) {
  static const uint64_t v[] = {0, 1, 2, 3, 7, 10, 999999, 1000000007, 0xffffffffULL, 0x100000000ULL,
                               0x123456789abcdefULL, UINT64_MAX / 3, UINT64_MAX - 1, UINT64_MAX};
  int n = sizeof v / sizeof v[0];
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
      for (int k = 0; k < n; k++) {
        unsigned __int128 p = (unsigned __int128)v[i] * v[j], q;
        uint64_t got = 0;
        bool ok = sg_mul_div_ceil(v[i], v[j], v[k], &got);
        if (v[k] == 0) {
          CHECK(!ok);
          continue;
        }
        q = (p + v[k] - 1) / v[k];
        if (p + v[k] - 1 < p) /* the reference itself overflowed */
          q = p / v[k] + (p % v[k] != 0);
        CHECK(ok == (q >> 64 == 0));
        if (ok)
          CHECK(got == (uint64_t)q);
      }
}

static void decodes_commit_data(void) {
  SigFixture *f = malloc(sizeof *f);
  SgCommitArgs a;
  Fill got;
  sig_fixture_init(f);
  CHECK_EQ(sg_commit_decode(f->commit, f->commit_len, &a), 0);
  CHECK_EQ(a.ed25519_index, SIG_FIXTURE_ED25519_INDEX);
  CHECK_EQ(a.n_orders, 2);
  CHECK_EQ(a.orders_offset, 13);
  CHECK_EQ(a.n_fills, 1);
  CHECK_EQ(a.fills_offset, 13 + 2 * 256 + 4);
  sg_commit_fill(f->commit, &a, 0, &got);
  CHECK_EQ(got.gpu_count, 4);
  CHECK_EQ(got.ask, 1);
  CHECK_EQ(sg_commit_decode(f->commit, f->commit_len - 1, &a), SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
  CHECK_EQ(sg_commit_decode(f->commit, f->commit_len + 1, &a), SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
  f->commit[a.fills_offset + offsetof(Fill, ask)] = 2; /* past new_orders */
  CHECK_EQ(sg_commit_decode(f->commit, f->commit_len, &a), SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
  f->commit[a.fills_offset + offsetof(Fill, ask)] = SOLGRID_STORED_ORDER;
  CHECK_EQ(sg_commit_decode(f->commit, f->commit_len, &a), 0);
  f->commit[9] = 17;
  CHECK_EQ(sg_commit_decode(f->commit, f->commit_len, &a), SOLGRID_ERR_TOO_MANY_FILLS);
  f->commit[9] = 2;
  f->commit[13 + 2 * 256] = 17;
  CHECK_EQ(sg_commit_decode(f->commit, f->commit_len, &a), SOLGRID_ERR_TOO_MANY_FILLS);
  f->commit[13 + 2 * 256] = 0; /* zero fills (and the length no longer matches) */
  CHECK_EQ(sg_commit_decode(f->commit, 13 + 2 * 256 + 4, &a), SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
  for (uint64_t n = 0; n < 13; n++)
    CHECK(sg_commit_decode(f->commit, n, &a) != 0);
  free(f);
}

void run_order_tests(void) {
  RUN(pins_idl_constants);
  RUN(accepts_valid_orders_and_refuses_malformed_ones);
  RUN(matches_a_valid_pair);
  RUN(refuses_each_broken_rule);
  RUN(refuses_a_fee_above_the_bids_limit);
  RUN(checks_a_token_bids_fee_against_the_token_rate);
  RUN(limits_fills_to_the_remaining_quantity);
  RUN(computes_stablecoin_amounts);
  RUN(converts_token_payment_at_the_oracle_price);
  RUN(refuses_overflowing_cost);
  RUN(mul_div_ceil_matches_int128);
  RUN(decodes_commit_data);
}
