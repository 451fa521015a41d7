/* cancel_order - the owner marks order_id cancelled on chain, so no later
 * commit_leases can fill it. Accounts: owner [signer, writable: pays the rent
 * of a new record], market, order_state [writable, PDA ["order", market, owner,
 * order_id]], system program. Creates a cancel-only OrderState (has_order 0)
 * when the order was never filled; cancelling twice is harmless. */
#include "errors.h"
#include "instructions/instructions.h"
#include "market_account.h"
#include "pda_account.h"
#include "sol/log.h"
#include "sol/mem.h"
#include "validate.h"

typedef struct {
  SolAccountInfo *owner;
  SolAccountInfo *market;
  SolAccountInfo *order_state;
  SolAccountInfo *system_program;
} Accounts;

typedef struct {
  uint8_t order_id_le[8];
  uint8_t bump[1];
  SolSeed seeds[5];
} Seeds;

static void seeds_for(Seeds *s, const Accounts *a, uint64_t order_id, uint8_t bump) {
  static const char prefix[] = SOLGRID_SEED_ORDER;
  sol_write_u64(s->order_id_le, order_id);
  s->bump[0] = bump;
  s->seeds[0] = (SolSeed){(const uint8_t *)prefix, SOLGRID_SEED_ORDER_LEN};
  s->seeds[1] = (SolSeed){a->market->key->x, SOL_PUBKEY_LEN};
  s->seeds[2] = (SolSeed){a->owner->key->x, SOL_PUBKEY_LEN};
  s->seeds[3] = (SolSeed){s->order_id_le, 8};
  s->seeds[4] = (SolSeed){s->bump, 1};
}

static uint64_t check_accounts(SolParameters *p, Accounts *a) {
  Market *m;
  uint64_t r;
  a->owner = &p->accounts[SOLGRID_CANCEL_ORDER_ACCOUNT_OWNER];
  a->market = &p->accounts[SOLGRID_CANCEL_ORDER_ACCOUNT_MARKET];
  a->order_state = &p->accounts[SOLGRID_CANCEL_ORDER_ACCOUNT_ORDER_STATE];
  a->system_program = &p->accounts[SOLGRID_CANCEL_ORDER_ACCOUNT_SYSTEM_PROGRAM];
  if ((r = sg_require_signer(a->owner)) != SOL_SUCCESS || (r = sg_require_writable(a->owner)) != SOL_SUCCESS ||
      (r = sg_require_writable(a->order_state)) != SOL_SUCCESS ||
      (r = sg_require_system_program(a->system_program)) != SOL_SUCCESS)
    return r;
  return sg_market_load(a->market, &p->program_id, &m);
}

/* An existing record: ours, an OrderState, and at this owner's PDA for order_id
 * (re-derived with its stored bump). */
static uint64_t cancel_existing(SolParameters *p, const Accounts *a, uint64_t order_id) {
  OrderState *st;
  Seeds s;
  uint64_t r;
  if ((r = sg_require_owner(a->order_state, &p->program_id)) != SOL_SUCCESS ||
      (r = sg_require_discriminator(a->order_state, SOLGRID_ACCOUNT_ORDER_STATE_U64, sizeof(OrderState))) !=
          SOL_SUCCESS)
    return r;
  st = (OrderState *)a->order_state->data;
  seeds_for(&s, a, order_id, st->bump);
  if ((r = sg_require_pda(a->order_state, s.seeds, 5, &p->program_id)) != SOL_SUCCESS)
    return r;
  st->cancelled = 1;
  return SOL_SUCCESS;
}

static uint64_t cancel_new(SolParameters *p, const Accounts *a, uint64_t order_id) {
  OrderState *st;
  Seeds s;
  uint64_t r;
  seeds_for(&s, a, order_id, 0);
  if ((r = sg_find_pda(a->order_state, s.seeds, 4, &p->program_id, &s.bump[0])) != SOL_SUCCESS)
    return r;
  SolSignerSeeds signer = {s.seeds, 5};
  SgPdaCreate create = {a->owner, a->order_state, sizeof(OrderState), &p->program_id, &signer};
  if ((r = sg_pda_create(p, &create)) != SOL_SUCCESS)
    return r;
  st = (OrderState *)a->order_state->data;
  sol_write_u64(st->discriminator, SOLGRID_ACCOUNT_ORDER_STATE_U64);
  st->bump = s.bump[0];
  st->cancelled = 1;
  st->rent_payer = *a->owner->key;
  return SOL_SUCCESS;
}

static void emit_order_cancelled(const Accounts *a, uint64_t order_id) {
  OrderCancelled ev;
  sol_write_u64(ev.discriminator, SOLGRID_EVENT_ORDER_CANCELLED_U64);
  ev.market = *a->market->key;
  ev.owner = *a->owner->key;
  ev.order_id = order_id;
  sol_emit_event(&ev, sizeof ev);
}

uint64_t sg_cancel_order(SolParameters *p) {
  Accounts a;
  uint64_t r, order_id;
  if ((r = sg_require_accounts(p, SOLGRID_CANCEL_ORDER_NUM_ACCOUNTS)) != SOL_SUCCESS)
    return r;
  if (p->data_len != SOLGRID_CANCEL_ORDER_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  order_id = sol_read_u64(p->data + 8);
  if ((r = check_accounts(p, &a)) != SOL_SUCCESS)
    return r;
  r = sg_pda_creatable(a.order_state) ? cancel_new(p, &a, order_id) : cancel_existing(p, &a, order_id);
  if (r != SOL_SUCCESS)
    return r;
  emit_order_cancelled(&a, order_id);
  return SOL_SUCCESS;
}
