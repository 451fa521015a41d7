/* settlement.c - see settlement.h. */
#include "settlement.h"
#include "accrual.h"
#include "errors.h"

#define OVERFLOW SG_ERR(ARITHMETIC_OVERFLOW)

static bool add(uint64_t *v, uint64_t x) { return !__builtin_add_overflow(*v, x, v); }
static bool sub(uint64_t *v, uint64_t x) { return !__builtin_sub_overflow(*v, x, v); }

/* The time accrual is settled to: now, but never before the last settlement
 * nor after the end. */
static int64_t settle_time(const Lease *l, int64_t now) {
  int64_t t = now < l->settled_until ? l->settled_until : now;
  return t > l->end_ts ? l->end_ts : t;
}

uint64_t sg_settle(Lease *l, LeaseBalances *b, int64_t now) {
  int64_t t = settle_time(l, now);
  uint64_t due_cost, due_fee, pay_cost, pay_fee;
  if (l->state != SOLGRID_LEASE_STATE_ACTIVE)
    return SG_ERR(LEASE_NOT_ACTIVE);
  if (!sg_accrued(l->total_cost, l->start_ts, l->end_ts, t, &due_cost) ||
      !sg_accrued(l->total_fee, l->start_ts, l->end_ts, t, &due_fee))
    return SOL_ERR_INVALID_ACCOUNT_DATA; /* end <= start: no lease is committed like that */
  pay_cost = due_cost;
  pay_fee = due_fee;
  if (!sub(&pay_cost, l->paid_cost) || !sub(&pay_fee, l->paid_fee) || !sub(&b->locked[b->renter], pay_cost) ||
      !sub(&b->locked[b->renter], pay_fee) || !add(&b->available[b->provider], pay_cost) ||
      !add(&b->available[b->treasury], pay_fee))
    return OVERFLOW;
  l->paid_cost = due_cost;
  l->paid_fee = due_fee;
  l->settled_until = t;
  if (t >= l->end_ts) {
    l->state = SOLGRID_LEASE_STATE_CLOSED;
    l->close_reason = SOLGRID_CLOSE_REASON_EXPIRED;
    l->closed_at = l->end_ts;
  }
  return SOL_SUCCESS;
}

uint64_t sg_end_early(Lease *l, LeaseBalances *b, int64_t now, CloseReason reason) {
  uint64_t refund_cost = l->total_cost, refund_fee = l->total_fee, refund;
  if (l->state != SOLGRID_LEASE_STATE_ACTIVE)
    return SG_ERR(LEASE_NOT_ACTIVE);
  if (!sub(&refund_cost, l->paid_cost) || !sub(&refund_fee, l->paid_fee) ||
      __builtin_add_overflow(refund_cost, refund_fee, &refund) || !sub(&b->locked[b->renter], refund) ||
      !add(&b->available[b->renter], refund))
    return OVERFLOW;
  l->refunded = refund;
  l->state = SOLGRID_LEASE_STATE_CLOSED;
  l->close_reason = reason;
  l->closed_at = now;
  return SOL_SUCCESS;
}
