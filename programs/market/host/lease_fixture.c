/* lease_fixture.c - see lease_fixture.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lease_fixture.h"
#include "program.h"

static void key(SolPubkey *k, uint8_t byte) { memset(k->x, byte, 32); }

static int has_signer(const LeaseFixture *f) { return f->ix == LF_CANCEL || f->ix == LF_RELEASE; }

HostAccount *lf_account(LeaseFixture *f, LeaseRole role) {
  if (f->ix == LF_CLOSE)
    return &f->accounts[role == LF_LEASE ? 0 : 1];
  return &f->accounts[has_signer(f) ? role : role - 1];
}

Lease *lf_lease(LeaseFixture *f) { return (Lease *)lf_account(f, LF_LEASE)->data; }
Balance *lf_balance(LeaseFixture *f, LeaseRole role) { return (Balance *)lf_account(f, role)->data; }

static HostAccount *blank(HostAccount *a) {
  memset(a, 0, sizeof *a);
  a->dup_of = -1;
  return a;
}

void lf_make_balance(LeaseFixture *f, HostAccount *a, const SolPubkey *owner, const SolPubkey *mint, uint64_t available,
                     uint64_t locked) {
  static const uint8_t disc[8] = SOLGRID_ACCOUNT_BALANCE_BYTES;
  Balance *b = (Balance *)a->data;
  SolBytes seeds[4] = {{(const uint8_t *)"balance", 7}, {f->market.x, 32}, {owner->x, 32}, {mint->x, 32}};
  blank(a);
  if (!host_find_pda(seeds, 4, &f->program_id, &a->key, &b->bump))
    abort();
  a->owner = f->program_id;
  a->lamports = 1781760;
  a->data_len = sizeof(Balance);
  a->is_writable = 1;
  memcpy(b->discriminator, disc, 8);
  b->available = available;
  b->locked = locked;
  b->market = f->market;
  b->owner = *owner;
  b->mint = *mint;
}

static void make_market(LeaseFixture *f, HostAccount *a) {
  static const uint8_t disc[8] = SOLGRID_ACCOUNT_MARKET_BYTES;
  Market *m = (Market *)a->data;
  blank(a);
  a->key = f->market;
  a->owner = f->program_id;
  a->lamports = 3730560;
  a->data_len = sizeof(Market);
  memcpy(m->discriminator, disc, 8);
  m->treasury = f->treasury;
  m->stable_mint = f->mint;
}

static void make_lease(LeaseFixture *f, HostAccount *a) {
  static const uint8_t disc[8] = SOLGRID_ACCOUNT_LEASE_BYTES;
  Lease *l = (Lease *)a->data;
  blank(a);
  key(&a->key, 0x1e);
  a->owner = f->program_id;
  a->lamports = LF_LEASE_LAMPORTS;
  a->data_len = sizeof(Lease);
  a->is_writable = 1;
  memcpy(l->discriminator, disc, 8);
  l->price_micro_usd = 1800000;
  l->total_cost = LF_TOTAL_COST;
  l->total_fee = LF_TOTAL_FEE;
  l->start_ts = LF_START;
  l->end_ts = LF_END;
  l->settled_until = LF_START;
  l->bid_order_id = 11;
  l->ask_order_id = 22;
  memcpy(l->market, f->market.x, 32);
  memcpy(l->renter, f->renter.x, 32);
  memcpy(l->provider, f->provider.x, 32);
  memset(l->node, 0x0d, 32);
  memcpy(l->payment_mint, f->mint.x, 32);
  memcpy(l->rent_payer, f->rent_payer.x, 32);
  l->gpu_count = 2;
  l->hours = 1;
  l->fee_bps = 250;
  l->state = SOLGRID_LEASE_STATE_ACTIVE;
  l->close_reason = SOLGRID_CLOSE_REASON_NONE;
  l->bump = 253;
}

static void encode(LeaseFixture *f) {
  static const uint8_t settle[8] = SOLGRID_IX_SETTLE_LEASE_BYTES, cancel[8] = SOLGRID_IX_CANCEL_LEASE_BYTES,
                       release[8] = SOLGRID_IX_RELEASE_LEASE_BYTES, close[8] = SOLGRID_IX_CLOSE_LEASE_BYTES;
  const uint8_t *disc = f->ix == LF_SETTLE ? settle : f->ix == LF_CANCEL ? cancel : f->ix == LF_RELEASE ? release : close;
  memcpy(f->data, disc, 8);
  f->data_len = 8;
}

/* An OrderState of the lease's pair: gpu_count GPUs of which filled are
 * committed, expiring at expires_at. */
static void make_order_state(LeaseFixture *f, HostAccount *a, uint8_t key_byte, uint32_t gpu_count, uint32_t filled) {
  static const uint8_t disc[8] = SOLGRID_ACCOUNT_ORDER_STATE_BYTES;
  OrderState *s = (OrderState *)a->data;
  blank(a);
  key(&a->key, key_byte);
  a->owner = f->program_id;
  a->lamports = 2212320;
  a->data_len = sizeof(OrderState);
  memcpy(s->discriminator, disc, 8);
  s->has_order = 1;
  s->filled_gpus = filled;
  s->order.gpu_count = gpu_count;
  s->order.expires_at = LF_NOW + 86400;
}

/* close_lease: the lease (already ended, at the PDA of its two OrderStates), the
 * rent payer, and the pair: the bid fully filled, the ask still open. */
static void init_close(LeaseFixture *f) {
  SolBytes seeds[3];
  make_lease(f, &f->accounts[0]);
  make_order_state(f, &f->accounts[2], 0x0b, 2, 2);
  make_order_state(f, &f->accounts[3], 0x0a, 8, 2);
  seeds[0] = (SolBytes){(const uint8_t *)SOLGRID_SEED_LEASE, SOLGRID_SEED_LEASE_LEN};
  seeds[1] = (SolBytes){f->accounts[2].key.x, 32};
  seeds[2] = (SolBytes){f->accounts[3].key.x, 32};
  Lease *l = lf_lease(f);
  if (!host_find_pda(seeds, 3, &f->program_id, &f->accounts[0].key, &l->bump))
    abort();
  l->state = SOLGRID_LEASE_STATE_CLOSED;
  l->close_reason = SOLGRID_CLOSE_REASON_EXPIRED;
  l->paid_cost = LF_TOTAL_COST;
  l->paid_fee = LF_TOTAL_FEE;
  l->settled_until = l->closed_at = LF_END;
  HostAccount *payer = blank(&f->accounts[1]);
  payer->key = f->rent_payer;
  payer->lamports = LF_RENT_PAYER_LAMPORTS;
  payer->is_writable = 1;
  f->n_accounts = 4;
}

void lf_init(LeaseFixture *f, LeaseIx ix) {
  memset(f, 0, sizeof *f);
  f->program_id = (SolPubkey){SOLGRID_PROGRAM_ID_BYTES};
  host_reset(&f->program_id);
  host_rt.quiet = 1;
  key(&f->market, 0x4d);
  key(&f->renter, 0x52);
  key(&f->provider, 0x50);
  key(&f->treasury, 0x54);
  key(&f->rent_payer, 0x3a);
  key(&f->mint, 0x6d);
  f->ix = ix;
  encode(f);
  if (ix == LF_CLOSE) {
    init_close(f);
    return;
  }
  make_market(f, lf_account(f, LF_MARKET));
  make_lease(f, lf_account(f, LF_LEASE));
  lf_make_balance(f, lf_account(f, LF_RENTER_BAL), &f->renter, &f->mint, LF_RENTER_AVAILABLE,
                  LF_TOTAL_COST + LF_TOTAL_FEE);
  lf_make_balance(f, lf_account(f, LF_PROVIDER_BAL), &f->provider, &f->mint, 0, 0);
  lf_make_balance(f, lf_account(f, LF_TREASURY_BAL), &f->treasury, &f->mint, 0, 0);
  f->n_accounts = 5;
  if (has_signer(f)) {
    HostAccount *s = blank(&f->accounts[0]);
    s->key = ix == LF_CANCEL ? f->renter : f->provider;
    s->lamports = 1000000000;
    s->is_signer = 1;
    f->n_accounts = 6;
  }
}

uint64_t lf_run(LeaseFixture *f) {
  return host_run(f->accounts, f->n_accounts, f->data, f->data_len, &f->program_id);
}
