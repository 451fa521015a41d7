/* close_lease - closes a Closed lease and returns its rent to the rent_payer
 * recorded at commit (permissionless: the lamports can only go there).
 * Accounts: lease [writable], rent_payer [writable], bid and ask OrderState.
 *
 * The Lease address ["lease", bid OrderState, ask OrderState] is what makes a
 * second commit of the same pair fail. Freeing it while both orders could still
 * fill would let the pair be committed again - a retried match would charge the
 * renter twice - so the lease may only be closed once one of the two is done
 * (filled, cancelled or expired): a pair needs both to fill. An OrderState
 * that no longer exists at its address counts as done: both existed when the
 * lease was committed, and close_order_state frees one only once its order has
 * expired. */
#include "account_close.h"
#include "errors.h"
#include "instructions/instructions.h"
#include "lease.h"
#include "pda_account.h"
#include "sol/clock.h"
#include "validate.h"

/* The two OrderStates are the lease's pair iff they re-derive the lease's
 * address with its stored bump. */
static uint64_t check_pair(const SolParameters *p, const SolAccountInfo *lease, const Lease *l,
                           const SolAccountInfo *bid, const SolAccountInfo *ask) {
  static const char prefix[] = SOLGRID_SEED_LEASE;
  uint8_t bump[1] = {l->bump};
  SolSeed seeds[4] = {{(const uint8_t *)prefix, SOLGRID_SEED_LEASE_LEN},
                      {bid->key->x, SOL_PUBKEY_LEN},
                      {ask->key->x, SOL_PUBKEY_LEN},
                      {bump, 1}};
  return sg_require_pda(lease, seeds, 4, &p->program_id) == SOL_SUCCESS ? SOL_SUCCESS : SG_ERR(WRONG_LEASE_PARTY);
}

/* *out = NULL for a closed OrderState (an empty System account). */
static uint64_t load_order_state(const SolParameters *p, const SolAccountInfo *a, const OrderState **out) {
  uint64_t r;
  *out = NULL;
  if (sg_pda_creatable(a))
    return SOL_SUCCESS;
  if ((r = sg_require_owner(a, &p->program_id)) != SOL_SUCCESS ||
      (r = sg_require_discriminator(a, SOLGRID_ACCOUNT_ORDER_STATE_U64, sizeof(OrderState))) != SOL_SUCCESS)
    return r;
  *out = (const OrderState *)a->data; /* only this program writes this discriminator */
  return SOL_SUCCESS;
}

/* An order that can never fill again (a closed record's order has expired). */
static bool order_done(const OrderState *s, int64_t now) {
  return s == NULL || s->cancelled || s->filled_gpus >= s->order.gpu_count || now >= s->order.expires_at;
}

static uint64_t check(SolParameters *p, SolAccountInfo *lease, const SolAccountInfo *rent_payer) {
  const SolAccountInfo *bid = &p->accounts[SOLGRID_CLOSE_LEASE_ACCOUNT_BID_ORDER_STATE];
  const SolAccountInfo *ask = &p->accounts[SOLGRID_CLOSE_LEASE_ACCOUNT_ASK_ORDER_STATE];
  const OrderState *bid_state, *ask_state;
  _Alignas(8) Lease l;
  SolClock clock;
  uint64_t r;
  if ((r = sg_require_writable(lease)) != SOL_SUCCESS || (r = sg_require_writable(rent_payer)) != SOL_SUCCESS ||
      (r = sg_lease_load(lease, &p->program_id, NULL, &l)) != SOL_SUCCESS)
    return r;
  if (l.state != SOLGRID_LEASE_STATE_CLOSED)
    return SG_ERR(LEASE_STILL_ACTIVE);
  if (!sol_pubkey_eq(rent_payer->key, SG_LEASE_KEY(&l, rent_payer)))
    return SG_ERR(WRONG_LEASE_PARTY);
  if (!sol_get_clock(&clock))
    return SOL_ERR_INVALID_ARGUMENT;
  if ((r = check_pair(p, lease, &l, bid, ask)) != SOL_SUCCESS || (r = load_order_state(p, bid, &bid_state)) != SOL_SUCCESS ||
      (r = load_order_state(p, ask, &ask_state)) != SOL_SUCCESS)
    return r;
  if (order_done(bid_state, clock.unix_timestamp) || order_done(ask_state, clock.unix_timestamp))
    return SOL_SUCCESS;
  return SG_ERR(ORDERS_STILL_OPEN);
}

uint64_t sg_close_lease(SolParameters *p) {
  SolAccountInfo *lease = &p->accounts[SOLGRID_CLOSE_LEASE_ACCOUNT_LEASE];
  SolAccountInfo *rent_payer = &p->accounts[SOLGRID_CLOSE_LEASE_ACCOUNT_RENT_PAYER];
  uint64_t r;
  if (p->data_len != SOLGRID_CLOSE_LEASE_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  if ((r = sg_require_accounts(p, SOLGRID_CLOSE_LEASE_NUM_ACCOUNTS)) != SOL_SUCCESS ||
      (r = check(p, lease, rent_payer)) != SOL_SUCCESS)
    return r;
  return sg_close_account(lease, rent_payer) ? SOL_SUCCESS : SG_ERR(ARITHMETIC_OVERFLOW);
}
