/* commit_leases - commit matched (bid, ask) pairs as Leases.
 * Accounts: matcher [signer, writable: pays the rent], market [writable],
 * instructions sysvar, system program; then per fill: bid OrderState, ask
 * OrderState, Lease, renter Balance (all writable).
 * New orders are proven signed by the Ed25519 instruction at
 * ed25519_instruction_index (sig_verification.c); an order is stored in its
 * OrderState on its first fill, so later fills reference it (index 255) without
 * carrying it again. Each fill is checked completely before it writes; a later
 * fill failing still fails the whole instruction, which the runtime rolls back. */
#include "instructions/commit_leases.h"
#include "balance.h"
#include "errors.h"
#include "instructions/instructions.h"
#include "instructions_sysvar.h"
#include "market_account.h"
#include "order.h"
#include "pda_account.h"
#include "sig_verification.h"
#include "sol/clock.h"
#include "sol/log.h"
#include "sol/system.h"
#include "validate.h"

enum { BID, ASK };

static uint32_t read_u32(const uint8_t *p) {
  uint32_t v;
  __builtin_memcpy(&v, p, 4);
  return v;
}

uint64_t sg_commit_decode(const uint8_t *data, uint64_t len, SgCommitArgs *out) {
  uint64_t at = SG_COMMIT_ORDERS_OFFSET;
  if (len < at)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  out->ed25519_index = data[8];
  out->n_orders = read_u32(data + 9);
  if (out->n_orders > SOLGRID_MAX_FILLS)
    return SG_ERR(TOO_MANY_FILLS);
  out->orders_offset = at;
  at += out->n_orders * SG_SIGNED_ORDER_LEN;
  if (len < at + 4)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  out->n_fills = read_u32(data + at);
  if (out->n_fills > SOLGRID_MAX_FILLS)
    return SG_ERR(TOO_MANY_FILLS);
  out->fills_offset = at + 4;
  if (out->n_fills == 0 || len != out->fills_offset + out->n_fills * sizeof(Fill))
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  for (uint64_t i = 0; i < out->n_fills; i++) {
    const uint8_t *f = data + out->fills_offset + i * sizeof(Fill);
    uint8_t bid = f[offsetof(Fill, bid)], ask = f[offsetof(Fill, ask)];
    if ((bid != SOLGRID_STORED_ORDER && bid >= out->n_orders) || (ask != SOLGRID_STORED_ORDER && ask >= out->n_orders))
      return SG_ERR(INVALID_INSTRUCTION_DATA);
  }
  return SOL_SUCCESS;
}

void sg_commit_fill(const uint8_t *data, const SgCommitArgs *a, uint64_t i, Fill *out) {
  __builtin_memcpy(out, data + a->fills_offset + i * sizeof(Fill), sizeof(Fill));
}

typedef struct {
  SolParameters *p;
  SolAccountInfo *matcher;
  SolAccountInfo *market_info;
  Market *market;
  SgCommitArgs args;
  int64_t now;
} Commit;

/* One side of a fill after resolution. */
typedef struct {
  SolAccountInfo *state;
  Order order;
  uint32_t filled;
  uint8_t cancelled;
  uint8_t create; /* the OrderState does not exist yet */
  uint8_t bump;   /* its canonical bump, when created */
} OrderSide;

typedef struct {
  Fill fill;
  OrderSide side[2];
  SolAccountInfo *lease;
  SolAccountInfo *balance;
  uint8_t lease_bump;
  GpuSku sku;
  SgLeaseAmounts amounts;
} FillPlan;

/* An earlier CPI in this instruction may have created the account under another
 * of its (duplicate) slots; the serialized length before the data is current. */
static void refresh(SolAccountInfo *a) { a->data_len = *(const uint64_t *)(a->data - 8); }

typedef struct {
  uint8_t order_id_le[8];
  uint8_t bump[1];
  SolSeed seeds[5];
} OrderSeeds;

static void order_seeds(OrderSeeds *s, const SolPubkey *market, const Order *o, uint8_t bump) {
  static const char prefix[] = SOLGRID_SEED_ORDER;
  sol_write_u64(s->order_id_le, o->order_id);
  s->bump[0] = bump;
  s->seeds[0] = (SolSeed){(const uint8_t *)prefix, SOLGRID_SEED_ORDER_LEN};
  s->seeds[1] = (SolSeed){market->x, SOL_PUBKEY_LEN};
  s->seeds[2] = (SolSeed){o->owner.x, SOL_PUBKEY_LEN};
  s->seeds[3] = (SolSeed){s->order_id_le, 8};
  s->seeds[4] = (SolSeed){s->bump, 1};
}

static uint64_t load_order_state(const Commit *c, OrderSide *s, OrderState **out) {
  uint64_t r;
  if ((r = sg_require_owner(s->state, &c->p->program_id)) != SOL_SUCCESS ||
      (r = sg_require_discriminator(s->state, SOLGRID_ACCOUNT_ORDER_STATE_U64, sizeof(OrderState))) != SOL_SUCCESS)
    return r;
  *out = (OrderState *)s->state->data;
  s->filled = (*out)->filled_gpus;
  s->cancelled = (*out)->cancelled;
  return SOL_SUCCESS;
}

/* Index 255: the order stored by an earlier fill (verified then). */
static uint64_t resolve_stored(const Commit *c, OrderSide *s) {
  OrderState *st;
  uint64_t r;
  if (sg_pda_creatable(s->state))
    return SG_ERR(ORDER_NOT_STORED);
  if ((r = load_order_state(c, s, &st)) != SOL_SUCCESS)
    return r;
  if (st->has_order != 1)
    return SG_ERR(ORDER_NOT_STORED);
  __builtin_memcpy(&s->order, &st->order, sizeof(Order));
  return SOL_SUCCESS;
}

/* A new (signature-verified) order: its OrderState is created on this fill, or
 * already stores this very order, or is a cancel-only record at its address. */
static uint64_t resolve_new(const Commit *c, OrderSide *s, uint64_t index) {
  const uint8_t *at = c->p->data + c->args.orders_offset + index * SG_SIGNED_ORDER_LEN + SG_SIGNED_ORDER_ORDER_OFFSET;
  OrderSeeds seeds;
  OrderState *st;
  uint64_t r;
  __builtin_memcpy(&s->order, at, sizeof(Order));
  if ((r = sg_order_check(&s->order)) != SOL_SUCCESS)
    return r;
  if (sg_pda_creatable(s->state)) {
    order_seeds(&seeds, c->market_info->key, &s->order, 0);
    s->create = 1;
    return sg_find_pda(s->state, seeds.seeds, 4, &c->p->program_id, &s->bump);
  }
  if ((r = load_order_state(c, s, &st)) != SOL_SUCCESS)
    return r;
  if (st->has_order == 1) /* only we create OrderStates, at the PDA of the order they store */
    return sol_bytes_eq(&st->order, &s->order, sizeof(Order)) ? SOL_SUCCESS : SG_ERR(ORDER_MISMATCH);
  order_seeds(&seeds, c->market_info->key, &s->order, st->bump);
  return sg_require_pda(s->state, seeds.seeds, 5, &c->p->program_id);
}

static uint64_t resolve_side(const Commit *c, OrderSide *s, SolAccountInfo *state, uint8_t index) {
  uint64_t r;
  s->state = state;
  s->filled = 0;
  s->cancelled = 0;
  s->create = 0;
  refresh(state);
  if ((r = sg_require_writable(state)) != SOL_SUCCESS)
    return r;
  return index == SOLGRID_STORED_ORDER ? resolve_stored(c, s) : resolve_new(c, s, index);
}

static uint64_t check_lease_address(const Commit *c, FillPlan *f) {
  static const char prefix[] = SOLGRID_SEED_LEASE;
  SolSeed seeds[3] = {{(const uint8_t *)prefix, SOLGRID_SEED_LEASE_LEN},
                      {f->side[BID].state->key->x, SOL_PUBKEY_LEN},
                      {f->side[ASK].state->key->x, SOL_PUBKEY_LEN}};
  uint64_t r;
  refresh(f->lease);
  if ((r = sg_require_writable(f->lease)) != SOL_SUCCESS ||
      (r = sg_find_pda(f->lease, seeds, 3, &c->p->program_id, &f->lease_bump)) != SOL_SUCCESS)
    return r;
  return sg_pda_creatable(f->lease) ? SOL_SUCCESS : SG_ERR(LEASE_ALREADY_EXISTS);
}

/* The bid owner's Balance in the bid's payment mint, holding cost + fee
 * (balance.c checks it records exactly these keys). */
static uint64_t check_renter_balance(const Commit *c, FillPlan *f) {
  const Order *bid = &f->side[BID].order;
  BalanceKey key = {c->market_info->key, &bid->owner, &bid->payment_mint};
  Balance *b;
  uint64_t r, total = f->amounts.cost + f->amounts.fee;
  refresh(f->balance);
  if ((r = sg_require_writable(f->balance)) != SOL_SUCCESS)
    return r;
  if (sg_balance_unopened(f->balance))
    return SG_ERR(BALANCE_NOT_OPEN);
  if ((r = sg_balance_load(f->balance, &c->p->program_id, &key, &b)) != SOL_SUCCESS)
    return r;
  if (b->available < total)
    return SG_ERR(INSUFFICIENT_FUNDS);
  return b->locked + total < b->locked ? SG_ERR(ARITHMETIC_OVERFLOW) : SOL_SUCCESS;
}

static uint64_t plan_fill(const Commit *c, uint64_t i, FillPlan *f) {
  SolAccountInfo *acc = &c->p->accounts[SOLGRID_COMMIT_LEASES_NUM_ACCOUNTS + i * SG_COMMIT_FILL_ACCOUNTS];
  SgMatch m = {&f->side[BID].order, &f->side[ASK].order, &f->fill, c->market, c->market_info->key, c->now};
  uint64_t r;
  sg_commit_fill(c->p->data, &c->args, i, &f->fill);
  if ((r = resolve_side(c, &f->side[BID], &acc[0], f->fill.bid)) != SOL_SUCCESS ||
      (r = resolve_side(c, &f->side[ASK], &acc[1], f->fill.ask)) != SOL_SUCCESS)
    return r;
  if ((r = sg_match_check(&m, &f->sku)) != SOL_SUCCESS)
    return r;
  for (int s = BID; s <= ASK; s++)
    if ((r = sg_order_fillable(&f->side[s].order, f->side[s].filled, f->side[s].cancelled, f->fill.gpu_count)) !=
        SOL_SUCCESS)
      return r;
  if ((r = sg_lease_amounts(&m, &f->amounts)) != SOL_SUCCESS)
    return r;
  f->lease = &acc[2];
  f->balance = &acc[3];
  if ((r = check_lease_address(c, f)) != SOL_SUCCESS)
    return r;
  return check_renter_balance(c, f);
}

static uint64_t create_order_state(const Commit *c, OrderSide *s) {
  OrderSeeds seeds;
  OrderState *st;
  uint64_t r;
  order_seeds(&seeds, c->market_info->key, &s->order, s->bump);
  SolSignerSeeds signer = {seeds.seeds, 5};
  SgPdaCreate create = {c->matcher, s->state, sizeof(OrderState), &c->p->program_id, &signer};
  if ((r = sg_pda_create(c->p, &create)) != SOL_SUCCESS)
    return r;
  st = (OrderState *)s->state->data;
  sol_write_u64(st->discriminator, SOLGRID_ACCOUNT_ORDER_STATE_U64);
  st->has_order = 1;
  st->bump = s->bump;
  __builtin_memcpy(&st->order, &s->order, sizeof(Order));
  st->rent_payer = *c->matcher->key; /* close_order_state refunds it */
  return SOL_SUCCESS;
}

static uint64_t create_lease(const Commit *c, FillPlan *f) {
  static const char prefix[] = SOLGRID_SEED_LEASE;
  uint8_t bump[1] = {f->lease_bump};
  SolSeed seeds[4] = {{(const uint8_t *)prefix, SOLGRID_SEED_LEASE_LEN},
                      {f->side[BID].state->key->x, SOL_PUBKEY_LEN},
                      {f->side[ASK].state->key->x, SOL_PUBKEY_LEN},
                      {bump, 1}};
  SolSignerSeeds signer = {seeds, 4};
  SgPdaCreate create = {c->matcher, f->lease, sizeof(Lease), &c->p->program_id, &signer};
  return sg_pda_create(c->p, &create);
}

/* The System program zeroed the data: paid_*, refunded, closed_at,
 * close_reason (None) and reserved start at zero. */
static void write_lease(const Commit *c, const FillPlan *f) {
  Lease *l = (Lease *)f->lease->data;
  const Order *bid = &f->side[BID].order, *ask = &f->side[ASK].order;
  sol_write_u64(l->discriminator, SOLGRID_ACCOUNT_LEASE_U64);
  l->price_micro_usd = f->fill.price_micro_usd;
  l->total_cost = f->amounts.cost;
  l->total_fee = f->amounts.fee;
  l->start_ts = c->now;
  l->settled_until = c->now;
  l->end_ts = c->now + (int64_t)f->fill.hours * SG_SECONDS_PER_HOUR;
  l->bid_order_id = bid->order_id;
  l->ask_order_id = ask->order_id;
  __builtin_memcpy(l->market, c->market_info->key->x, 32);
  __builtin_memcpy(l->renter, bid->owner.x, 32);
  __builtin_memcpy(l->provider, ask->owner.x, 32);
  __builtin_memcpy(l->node, ask->node.x, 32);
  __builtin_memcpy(l->payment_mint, bid->payment_mint.x, 32);
  __builtin_memcpy(l->rent_payer, c->matcher->key->x, 32);
  l->gpu_count = f->fill.gpu_count;
  l->hours = f->fill.hours;
  l->fee_bps = f->amounts.fee_bps;
  l->region = ask->region;
  l->min_reliability_bps = bid->min_reliability_bps;
  l->sku = f->sku;
  l->state = SOLGRID_LEASE_STATE_ACTIVE;
  l->close_reason = SOLGRID_CLOSE_REASON_NONE;
  l->bump = f->lease_bump;
}

static void emit_lease_committed(const FillPlan *f) {
  const Lease *l = (const Lease *)f->lease->data;
  LeaseCommitted ev;
  sol_write_u64(ev.discriminator, SOLGRID_EVENT_LEASE_COMMITTED_U64);
  ev.lease = *f->lease->key;
  __builtin_memcpy(ev.renter.x, l->renter, 32);
  __builtin_memcpy(ev.provider.x, l->provider, 32);
  ev.bid_order_id = l->bid_order_id;
  ev.ask_order_id = l->ask_order_id;
  ev.gpu_count = l->gpu_count;
  ev.hours = l->hours;
  ev.price_micro_usd = l->price_micro_usd;
  ev.total_cost = l->total_cost;
  ev.total_fee = l->total_fee;
  __builtin_memcpy(ev.payment_mint.x, l->payment_mint, 32);
  sol_emit_event(&ev, sizeof ev);
}

static uint64_t apply_fill(const Commit *c, FillPlan *f) {
  Balance *b = (Balance *)f->balance->data;
  uint64_t r, total = f->amounts.cost + f->amounts.fee;
  for (int s = BID; s <= ASK; s++) {
    if (f->side[s].create && (r = create_order_state(c, &f->side[s])) != SOL_SUCCESS)
      return r;
    ((OrderState *)f->side[s].state->data)->filled_gpus += f->fill.gpu_count;
  }
  if ((r = create_lease(c, f)) != SOL_SUCCESS)
    return r;
  write_lease(c, f);
  if ((r = sg_balance_lock(b, total)) != SOL_SUCCESS) /* checked in plan_fill; cannot fail */
    return r;
  c->market->leases_committed++;
  emit_lease_committed(f);
  return SOL_SUCCESS;
}

/* Own frame per fill: the plan holds two orders. */
__attribute__((noinline)) static uint64_t commit_fill(const Commit *c, uint64_t i) {
  FillPlan f;
  uint64_t r = plan_fill(c, i, &f);
  return r != SOL_SUCCESS ? r : apply_fill(c, &f);
}

static uint64_t check_accounts(SolParameters *p, Commit *c) {
  SolAccountInfo *sysvar = &p->accounts[SOLGRID_COMMIT_LEASES_ACCOUNT_INSTRUCTIONS_SYSVAR];
  uint64_t r;
  c->matcher = &p->accounts[SOLGRID_COMMIT_LEASES_ACCOUNT_MATCHER];
  c->market_info = &p->accounts[SOLGRID_COMMIT_LEASES_ACCOUNT_MARKET];
  if ((r = sg_require_signer(c->matcher)) != SOL_SUCCESS || (r = sg_require_writable(c->matcher)) != SOL_SUCCESS ||
      (r = sg_require_writable(c->market_info)) != SOL_SUCCESS ||
      (r = sg_market_load(c->market_info, &p->program_id, &c->market)) != SOL_SUCCESS)
    return r;
  if (!sol_pubkey_eq(c->matcher->key, &c->market->matcher))
    return SG_ERR(UNAUTHORIZED);
  /* A look-alike account would let the caller invent the Ed25519 instruction. */
  if (!sg_is_instructions_sysvar(sysvar))
    return SG_ERR(MISSING_ED25519_INSTRUCTION);
  return sg_require_system_program(&p->accounts[SOLGRID_COMMIT_LEASES_ACCOUNT_SYSTEM_PROGRAM]);
}

static uint64_t verify_new_orders(const SolParameters *p, const Commit *c) {
  const SolAccountInfo *sysvar = &p->accounts[SOLGRID_COMMIT_LEASES_ACCOUNT_INSTRUCTIONS_SYSVAR];
  SgSignedOrders orders = {p->data, p->data_len, &p->program_id, c->args.orders_offset, c->args.n_orders};
  if (c->args.n_orders == 0) /* every fill references stored orders */
    return SOL_SUCCESS;
  return sg_verify_order_signatures(sysvar->data, sysvar->data_len, c->args.ed25519_index, &orders);
}

uint64_t sg_commit_leases(SolParameters *p) {
  Commit c = {.p = p};
  SolClock clock;
  uint64_t r;
  if ((r = sg_require_accounts(p, SOLGRID_COMMIT_LEASES_NUM_ACCOUNTS)) != SOL_SUCCESS ||
      (r = sg_commit_decode(p->data, p->data_len, &c.args)) != SOL_SUCCESS ||
      (r = sg_require_accounts(p, SOLGRID_COMMIT_LEASES_NUM_ACCOUNTS + c.args.n_fills * SG_COMMIT_FILL_ACCOUNTS)) !=
          SOL_SUCCESS ||
      (r = check_accounts(p, &c)) != SOL_SUCCESS || (r = verify_new_orders(p, &c)) != SOL_SUCCESS)
    return r;
  if (!sol_get_clock(&clock))
    return SOL_ERR_INVALID_ARGUMENT;
  c.now = clock.unix_timestamp;
  for (uint64_t i = 0; i < c.args.n_fills; i++)
    if ((r = commit_fill(&c, i)) != SOL_SUCCESS)
      return r;
  return SOL_SUCCESS;
}
