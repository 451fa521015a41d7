/* order.h - signed orders and the rules a matched (bid, ask) pair must satisfy
 * in commit_leases, plus the lease amounts. Pure functions over the generated
 * layouts, so host tests and the fuzzer drive them directly. */
#ifndef SG_ORDER_H
#define SG_ORDER_H

#include "solgrid_market_idl.h"

#define SG_ORDER_VERSION 1
#define SG_MAX_BPS 10000
#define SG_SECONDS_PER_HOUR 3600

#define SG_SIGNED_ORDER_LEN sizeof(SignedOrder)
#define SG_SIGNED_ORDER_DOMAIN_OFFSET offsetof(SignedOrder, domain)
#define SG_SIGNED_ORDER_ORDER_OFFSET offsetof(SignedOrder, order)
#define SG_ORDER_OWNER_OFFSET offsetof(Order, owner)
#define SG_ORDER_MESSAGE_LEN (SOLGRID_ORDER_DOMAIN_LEN + sizeof(Order)) /* what the owner signs */

_Static_assert(SG_SIGNED_ORDER_ORDER_OFFSET == SG_SIGNED_ORDER_DOMAIN_OFFSET + SOLGRID_ORDER_DOMAIN_LEN,
               "domain || order must be contiguous: it is the signed message");

/* True if the 16 bytes at p are ORDER_DOMAIN. */
bool sg_order_domain_ok(const uint8_t *p);

/* InvalidOrder unless version, side, SKU mask, quantity, price and hour range
 * make sense (a bid also names its payment mint). */
uint64_t sg_order_check(const Order *o);

/* One fill with everything its rules look at (BPF calls take five arguments). */
typedef struct {
  const Order *bid;
  const Order *ask;
  const Fill *fill;
  const Market *market;
  const SolPubkey *market_key;
  int64_t now;
} SgMatch;

/* The first failed rule among market, sides, self-trade, quantity, SKU, price,
 * hours, region, payment mint, fee limit and expiry; *sku gets the leased GPU. */
uint64_t sg_match_check(const SgMatch *m, GpuSku *sku);

/* OrderCancelled / Overfill for an order whose record shows `filled` GPUs. */
uint64_t sg_order_fillable(const Order *o, uint32_t filled, uint8_t cancelled, uint32_t gpus);

/* What a lease locks, in base units of the bid's payment mint. */
typedef struct {
  uint64_t cost;
  uint64_t fee;
  uint16_t fee_bps;
} SgLeaseAmounts;

/* cost = price x GPUs x hours micro-USD (checked), converted to platform tokens
 * at the oracle price (rounded up, StaleTokenPrice if too old) when the bid pays
 * in the token; fee = floor(cost x fee_bps / 10000) at the mint's fee rate. */
uint64_t sg_lease_amounts(const SgMatch *m, SgLeaseAmounts *out);


#endif
