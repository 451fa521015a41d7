/* sig_fixture.c - see sig_fixture.h. */
#include <string.h>

#include "sig_fixture.h"

static void put_u16(uint8_t *p, uint16_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
}

size_t host_sysvar_build(uint8_t *out, size_t cap, const HostIx *ixs, uint16_t n, uint16_t current) {
  size_t at = 2 + 2 * (size_t)n;
  if (at > cap)
    return 0;
  put_u16(out, n);
  for (uint16_t i = 0; i < n; i++) {
    size_t need = 2 + 33 * (size_t)ixs[i].n_accounts + 32 + 2 + ixs[i].data_len;
    if (at + need + 2 > cap || at > 0xffff)
      return 0;
    put_u16(out + 2 + 2 * i, (uint16_t)at);
    put_u16(out + at, ixs[i].n_accounts);
    at += 2;
    for (int k = 0; k < ixs[i].n_accounts; k++) {
      out[at] = 0;
      memset(out + at + 1, 0x70 + k, 32);
      at += 33;
    }
    memcpy(out + at, ixs[i].program_id, 32);
    at += 32;
    put_u16(out + at, ixs[i].data_len);
    at += 2;
    memcpy(out + at, ixs[i].data, ixs[i].data_len);
    at += ixs[i].data_len;
  }
  put_u16(out + at, current);
  return at + 2;
}

static void fixture_order(Order *o, uint8_t owner, Side side) {
  memset(o, 0, sizeof *o);
  memset(o->market.x, 0x4d, 32);
  memset(o->owner.x, owner, 32);
  o->order_id = owner;
  o->limit_price = 2000000;
  o->expires_at = 1760003600;
  o->sku_mask = side == SOLGRID_SIDE_ASK ? 1u << SOLGRID_GPU_SKU_H100_SXM : 0x3ff;
  o->gpu_count = 8;
  o->min_hours = 1;
  o->max_hours = 24;
  memset(o->payment_mint.x, side == SOLGRID_SIDE_BID ? 0x22 : 0, 32);
  o->max_fee_bps = side == SOLGRID_SIDE_BID ? SIG_FIXTURE_MAX_FEE_BPS : 0;
  o->side = side;
  o->version = 1;
}

void sig_fixture_set_offset(SigFixture *f, int i, int k, uint16_t v) {
  put_u16(f->ed25519 + SG_ED25519_HEADER_LEN + i * SG_ED25519_OFFSETS_LEN + 2 * k, v);
}

static void encode_commit(SigFixture *f) {
  static const uint8_t disc[8] = SOLGRID_IX_COMMIT_LEASES_BYTES;
  SignedOrder so;
  Fill fill = {.price_micro_usd = 2000000, .hours = 2, .gpu_count = 4, .bid = 0, .ask = 1, .maker = SOLGRID_SIDE_ASK};
  uint32_t n = SIG_FIXTURE_ORDERS, m = 1;
  uint8_t *p = f->commit;
  memcpy(p, disc, 8);
  p[8] = SIG_FIXTURE_ED25519_INDEX;
  memcpy(p + 9, &n, 4);
  p += SG_COMMIT_ORDERS_OFFSET;
  for (uint32_t i = 0; i < n; i++) {
    memset(so.signature, 0xa0 + i, 64);
    memcpy(so.domain, SOLGRID_ORDER_DOMAIN, SOLGRID_ORDER_DOMAIN_LEN);
    fixture_order(&so.order, 0x10 + i, i == 0 ? SOLGRID_SIDE_BID : SOLGRID_SIDE_ASK);
    memcpy(p, &so, sizeof so);
    p += sizeof so;
  }
  memcpy(p, &m, 4);
  memcpy(p + 4, &fill, sizeof fill);
  f->commit_len = (uint64_t)(p + 4 + sizeof fill - f->commit);
}

static void encode_ed25519(SigFixture *f) {
  f->ed25519[0] = SIG_FIXTURE_ORDERS;
  f->ed25519[1] = 0;
  for (int i = 0; i < SIG_FIXTURE_ORDERS; i++) {
    uint16_t at = (uint16_t)(SG_COMMIT_ORDERS_OFFSET + i * sizeof(SignedOrder));
    uint16_t msg = (uint16_t)(at + SG_SIGNED_ORDER_DOMAIN_OFFSET);
    uint16_t v[7] = {at, SIG_FIXTURE_COMMIT_INDEX, (uint16_t)(msg + SOLGRID_ORDER_DOMAIN_LEN + SG_ORDER_OWNER_OFFSET),
                     SIG_FIXTURE_COMMIT_INDEX, msg, (uint16_t)SG_ORDER_MESSAGE_LEN, SIG_FIXTURE_COMMIT_INDEX};
    for (int k = 0; k < 7; k++)
      sig_fixture_set_offset(f, i, k, v[k]);
  }
  f->ed25519_len = SG_ED25519_HEADER_LEN + SIG_FIXTURE_ORDERS * SG_ED25519_OFFSETS_LEN;
}

void sig_fixture_init(SigFixture *f) {
  static const uint8_t ed_id[32] = SG_ED25519_PROGRAM_ID_BYTES;
  memset(f, 0, sizeof *f);
  f->program_id = (SolPubkey){SOLGRID_PROGRAM_ID_BYTES};
  encode_commit(f);
  encode_ed25519(f);
  f->budget[0] = 2;
  memcpy(f->ed25519_program, ed_id, 32);
  f->current = SIG_FIXTURE_COMMIT_INDEX;
  sig_fixture_build(f);
}

void sig_fixture_build(SigFixture *f) {
  HostIx ixs[3];
  memset(ixs, 0, sizeof ixs);
  memset(ixs[0].program_id, 0x03, 32); /* ComputeBudget's bytes do not matter here */
  ixs[0].data = f->budget;
  ixs[0].data_len = sizeof f->budget;
  memcpy(ixs[1].program_id, f->ed25519_program, 32);
  ixs[1].n_accounts = f->ed25519_accounts;
  ixs[1].data = f->ed25519;
  ixs[1].data_len = (uint16_t)f->ed25519_len;
  memcpy(ixs[2].program_id, f->program_id.x, 32);
  ixs[2].n_accounts = 4;
  ixs[2].data = f->commit;
  ixs[2].data_len = (uint16_t)f->commit_len;
  f->sysvar_len = host_sysvar_build(f->sysvar, sizeof f->sysvar, ixs, 3, f->current);
}

uint64_t sig_fixture_verify(const SigFixture *f) {
  SgCommitArgs a;
  uint64_t r = sg_commit_decode(f->commit, f->commit_len, &a);
  if (r != 0)
    return r;
  SgSignedOrders orders = {f->commit, f->commit_len, &f->program_id, a.orders_offset, a.n_orders};
  return sg_verify_order_signatures(f->sysvar, f->sysvar_len, a.ed25519_index, &orders);
}
