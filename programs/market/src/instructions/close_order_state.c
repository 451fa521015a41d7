/* close_order_state - closes an OrderState whose stored order has expired and
 * returns its rent to the rent_payer it records (permissionless: the lamports
 * can only go there). Accounts: order_state [writable, PDA ["order", market,
 * order.owner, order.order_id], stored bump], market, rent_receiver [writable].
 *
 * The OrderState is what stops a signed order from filling past its quantity or
 * after a cancel. Once now >= order.expires_at no commit can fill that order
 * again (OrderExpired, whatever its record says; the clock only moves forward),
 * so the record can go. A record whose order has not expired, or a cancel-only
 * record (has_order 0: its order was never seen, so its expiry is unknown), stays. */
#include "account_close.h"
#include "errors.h"
#include "instructions/instructions.h"
#include "sol/clock.h"
#include "sol/log.h"
#include "sol/mem.h"
#include "validate.h"

static uint64_t check_address(const SolParameters *p, const SolAccountInfo *state, const OrderState *st) {
  static const char prefix[] = SOLGRID_SEED_ORDER;
  const SolAccountInfo *market = &p->accounts[SOLGRID_CLOSE_ORDER_STATE_ACCOUNT_MARKET];
  uint8_t order_id_le[8], bump[1] = {st->bump};
  SolSeed seeds[5] = {{(const uint8_t *)prefix, SOLGRID_SEED_ORDER_LEN},
                      {market->key->x, SOL_PUBKEY_LEN},
                      {st->order.owner.x, SOL_PUBKEY_LEN},
                      {order_id_le, 8},
                      {bump, 1}};
  sol_write_u64(order_id_le, st->order.order_id);
  return sg_require_pda(state, seeds, 5, &p->program_id);
}

static uint64_t check(const SolParameters *p, const SolAccountInfo *state, const SolAccountInfo *receiver) {
  const OrderState *st;
  SolClock clock;
  uint64_t r;
  if ((r = sg_require_writable(state)) != SOL_SUCCESS || (r = sg_require_writable(receiver)) != SOL_SUCCESS ||
      (r = sg_require_owner(state, &p->program_id)) != SOL_SUCCESS ||
      (r = sg_require_discriminator(state, SOLGRID_ACCOUNT_ORDER_STATE_U64, sizeof(OrderState))) != SOL_SUCCESS)
    return r;
  st = (const OrderState *)state->data; /* only this program writes this discriminator */
  if (st->has_order != 1)
    return SG_ERR(ORDER_STILL_LIVE);
  if ((r = check_address(p, state, st)) != SOL_SUCCESS)
    return r;
  if (!sol_pubkey_eq(receiver->key, &st->rent_payer))
    return SG_ERR(WRONG_RENT_RECEIVER);
  if (!sol_get_clock(&clock))
    return SOL_ERR_INVALID_ARGUMENT;
  return clock.unix_timestamp >= st->order.expires_at ? SOL_SUCCESS : SG_ERR(ORDER_STILL_LIVE);
}

/* Built before the close zeroes the record. */
static void event_for(const SolAccountInfo *state, const SolAccountInfo *receiver, OrderStateClosed *ev) {
  const OrderState *st = (const OrderState *)state->data;
  sol_write_u64(ev->discriminator, SOLGRID_EVENT_ORDER_STATE_CLOSED_U64);
  ev->order_state = *state->key;
  ev->owner = st->order.owner;
  ev->order_id = st->order.order_id;
  ev->rent_receiver = *receiver->key;
  ev->lamports = *state->lamports;
}

uint64_t sg_close_order_state(SolParameters *p) {
  SolAccountInfo *state = &p->accounts[SOLGRID_CLOSE_ORDER_STATE_ACCOUNT_ORDER_STATE];
  SolAccountInfo *receiver = &p->accounts[SOLGRID_CLOSE_ORDER_STATE_ACCOUNT_RENT_RECEIVER];
  OrderStateClosed ev;
  uint64_t r;
  if (p->data_len != SOLGRID_CLOSE_ORDER_STATE_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  if ((r = sg_require_accounts(p, SOLGRID_CLOSE_ORDER_STATE_NUM_ACCOUNTS)) != SOL_SUCCESS ||
      (r = check(p, state, receiver)) != SOL_SUCCESS)
    return r;
  event_for(state, receiver, &ev);
  if (!sg_close_account(state, receiver))
    return SG_ERR(ARITHMETIC_OVERFLOW);
  sol_emit_event(&ev, sizeof ev);
  return SOL_SUCCESS;
}
