/* order.c - see order.h. */
#include "order.h"
#include "u128.h"
#include "errors.h"
#include "sol/mem.h"

bool sg_order_domain_ok(const uint8_t *p) {
  static const char domain[] = SOLGRID_ORDER_DOMAIN;
  return sol_bytes_eq(p, domain, SOLGRID_ORDER_DOMAIN_LEN);
}

static bool one_bit(uint32_t v) { return v != 0 && (v & (v - 1)) == 0; }

uint64_t sg_order_check(const Order *o) {
  uint32_t all = ((uint32_t)1 << SOLGRID_GPU_SKU_COUNT) - 1;
  if (o->version != SG_ORDER_VERSION || (o->side != SOLGRID_SIDE_BID && o->side != SOLGRID_SIDE_ASK))
    return SG_ERR(INVALID_ORDER);
  if (o->sku_mask == 0 || (o->sku_mask & ~all) != 0 || (o->side == SOLGRID_SIDE_ASK && !one_bit(o->sku_mask)))
    return SG_ERR(INVALID_ORDER);
  if (o->gpu_count == 0 || o->limit_price == 0 || o->min_hours == 0 || o->min_hours > o->max_hours)
    return SG_ERR(INVALID_ORDER);
  if (o->side == SOLGRID_SIDE_BID && sol_pubkey_is_zero(&o->payment_mint))
    return SG_ERR(INVALID_ORDER);
  return SOL_SUCCESS;
}

static uint64_t check_parties(const SgMatch *m) {
  const Order *bid = m->bid, *ask = m->ask;
  if (!sol_pubkey_eq(&bid->market, m->market_key) || !sol_pubkey_eq(&ask->market, m->market_key))
    return SG_ERR(WRONG_MARKET);
  if (bid->side != SOLGRID_SIDE_BID || ask->side != SOLGRID_SIDE_ASK)
    return SG_ERR(WRONG_SIDE);
  if (sol_pubkey_eq(&bid->owner, &ask->owner))
    return SG_ERR(SELF_TRADE);
  if (m->fill->gpu_count == 0)
    return SG_ERR(ZERO_AMOUNT);
  if (m->fill->maker != SOLGRID_SIDE_BID && m->fill->maker != SOLGRID_SIDE_ASK)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  return SOL_SUCCESS;
}

/* The lease runs at the resting (maker) order's price, which both limits allow. */
static uint64_t check_price(const SgMatch *m) {
  uint64_t price = m->fill->price_micro_usd;
  uint64_t maker = m->fill->maker == SOLGRID_SIDE_BID ? m->bid->limit_price : m->ask->limit_price;
  if (price != maker || price < m->ask->limit_price || price > m->bid->limit_price)
    return SG_ERR(PRICE_OUTSIDE_LIMITS);
  return SOL_SUCCESS;
}

static uint64_t check_hours(const SgMatch *m) {
  uint32_t h = m->fill->hours;
  if (h < m->bid->min_hours || h > m->bid->max_hours || h < m->ask->min_hours || h > m->ask->max_hours)
    return SG_ERR(HOURS_OUTSIDE_RANGE);
  return SOL_SUCCESS;
}

static bool pays_in_token(const SgMatch *m) { return sol_pubkey_eq(&m->bid->payment_mint, &m->market->token_mint); }

static uint64_t check_payment(const SgMatch *m) {
  const SolPubkey *mint = &m->bid->payment_mint;
  if (!sol_pubkey_eq(mint, &m->market->stable_mint) && !pays_in_token(m))
    return SG_ERR(MINT_NOT_ACCEPTED);
  if (!sol_pubkey_is_zero(&m->ask->payment_mint) && !sol_pubkey_eq(&m->ask->payment_mint, mint))
    return SG_ERR(PAYMENT_MINT_MISMATCH);
  return SOL_SUCCESS;
}

/* The authority may raise the fee after the renter signed: the bid caps it. */
static uint16_t fee_bps_of(const SgMatch *m) {
  return pays_in_token(m) ? m->market->fee_bps_token : m->market->fee_bps_stable;
}

static uint64_t check_fee(const SgMatch *m) {
  return fee_bps_of(m) > m->bid->max_fee_bps ? SG_ERR(FEE_ABOVE_ORDER_LIMIT) : SOL_SUCCESS;
}

static GpuSku sku_of(uint32_t one_bit_mask) {
  GpuSku s = 0;
  while ((one_bit_mask >>= 1) != 0)
    s++;
  return s;
}

uint64_t sg_match_check(const SgMatch *m, GpuSku *sku) {
  uint64_t r;
  if ((r = check_parties(m)) != SOL_SUCCESS)
    return r;
  if ((m->bid->sku_mask & m->ask->sku_mask) == 0)
    return SG_ERR(SKU_NOT_ACCEPTED);
  if ((r = check_price(m)) != SOL_SUCCESS || (r = check_hours(m)) != SOL_SUCCESS)
    return r;
  if (m->bid->region != 0 && m->bid->region != m->ask->region)
    return SG_ERR(REGION_MISMATCH);
  if ((r = check_payment(m)) != SOL_SUCCESS || (r = check_fee(m)) != SOL_SUCCESS)
    return r;
  if (m->now >= m->bid->expires_at || m->now >= m->ask->expires_at)
    return SG_ERR(ORDER_EXPIRED);
  *sku = sku_of(m->ask->sku_mask);
  return SOL_SUCCESS;
}

uint64_t sg_order_fillable(const Order *o, uint32_t filled, uint8_t cancelled, uint32_t gpus) {
  if (cancelled != 0)
    return SG_ERR(ORDER_CANCELLED);
  if ((uint64_t)filled + gpus > o->gpu_count)
    return SG_ERR(OVERFILL);
  return SOL_SUCCESS;
}

static bool mul_checked(uint64_t a, uint64_t b, uint64_t *out) {
  SolU128 p;
  sg_u128_mul(a, b, &p);
  *out = p.lo;
  return p.hi == 0;
}

static bool pow10(uint8_t e, uint64_t *out) {
  uint64_t v = 1;
  if (e > 19)
    return false;
  while (e-- != 0)
    v *= 10;
  *out = v;
  return true;
}

/* micro-USD -> token base units at the oracle price, rounded up (the renter pays
 * the rounding); only with a price at most max_price_staleness_secs old. */
static uint64_t to_tokens(const SgMatch *m, uint64_t micro_usd, uint64_t *out) {
  const Market *mk = m->market;
  uint64_t scale;
  int64_t at = mk->token_price_updated_at;
  /* unsigned difference: no signed overflow whatever the stored time */
  if (mk->token_price_micro_usd == 0 || at == 0 ||
      (m->now > at && (uint64_t)m->now - (uint64_t)at > mk->max_price_staleness_secs))
    return SG_ERR(STALE_TOKEN_PRICE);
  if (!pow10(mk->token_decimals, &scale) || !sg_mul_div_ceil(micro_usd, scale, mk->token_price_micro_usd, out))
    return SG_ERR(ARITHMETIC_OVERFLOW);
  return SOL_SUCCESS;
}

/* floor(cost x bps / 10000) without a 128-bit product: cost = q x 10000 + r. */
static uint64_t fee_of(uint64_t cost, uint16_t bps) {
  return (cost / SG_MAX_BPS) * bps + (cost % SG_MAX_BPS) * bps / SG_MAX_BPS;
}

uint64_t sg_lease_amounts(const SgMatch *m, SgLeaseAmounts *out) {
  uint64_t usd, r;
  bool token = pays_in_token(m);
  if (!mul_checked(m->fill->price_micro_usd, m->fill->gpu_count, &usd) || !mul_checked(usd, m->fill->hours, &usd))
    return SG_ERR(ARITHMETIC_OVERFLOW);
  out->cost = usd;
  if (token && (r = to_tokens(m, usd, &out->cost)) != SOL_SUCCESS)
    return r;
  out->fee_bps = fee_bps_of(m);
  if (out->fee_bps > SG_MAX_BPS)
    return SG_ERR(INVALID_FEE_BPS);
  out->fee = fee_of(out->cost, out->fee_bps);
  if (out->cost + out->fee < out->cost)
    return SG_ERR(ARITHMETIC_OVERFLOW);
  return SOL_SUCCESS;
}
