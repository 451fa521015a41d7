/* valid_calls.c - see valid_calls.h. */
#include <stdlib.h>
#include <string.h>

#include "valid_calls.h"

static void begin(IxCall *c, uint64_t n_accounts) {
  memset(c, 0, sizeof *c);
  for (int i = 0; i < IX_MAX_ACCOUNTS; i++)
    c->accounts[i].dup_of = -1;
  c->n_accounts = n_accounts;
}

static void put(HostAccount *slot, const HostAccount *a, int is_writable) {
  *slot = *a;
  slot->is_writable = (uint8_t)is_writable;
}

void vc_update_market(IxCall *c, const HostMarket *m, update_market_args *args) {
  begin(c, 2);
  put(&c->accounts[CFG_SIGNER], &m->authority, 0);
  c->accounts[CFG_SIGNER].is_signer = 1;
  put(&c->accounts[CFG_MARKET], &m->market, 1);
  memset(args, 0, sizeof *args);
  args->params = m->params;
  memset(args->params.treasury, 0x71, 32);
  memset(args->params.oracle_authority, 0x72, 32);
  memset(args->params.matcher, 0x73, 32);
  args->params.subsidy_per_gpu_hour = 1;
  args->params.checker_reward_per_report = 2;
  args->params.miner_price_micro_usd = 3;
  args->params.max_price_staleness_secs = 4;
  args->params.checker_min_report_interval_secs = 5;
  args->params.miner_max_supply = 6;
  args->params.fee_bps_stable = 300;
  args->params.fee_bps_token = 300;
  args->params.miner_fee_share_bps = 7;
  memset(args->new_authority, 0x74, 32);
  ix_set_data(c, SOLGRID_IX_UPDATE_MARKET_U64, args, sizeof *args);
}

void vc_set_token_price(IxCall *c, const HostMarket *m, uint64_t price) {
  begin(c, 2);
  host_wallet(&c->accounts[CFG_SIGNER], VC_ORACLE_KEY, 1000000, 1, 0);
  put(&c->accounts[CFG_MARKET], &m->market, 1);
  ix_set_data(c, SOLGRID_IX_SET_TOKEN_PRICE_U64, &price, 8);
}

void vc_open_balance(IxCall *c, const HostMarket *m) {
  begin(c, 6);
  host_wallet(&c->accounts[O_PAYER], 0x85, VC_OWNER_LAMPORTS, 1, 1);
  host_wallet(&c->accounts[O_OWNER], 0x86, 0, 0, 0);
  put(&c->accounts[O_MARKET], &m->market, 0);
  put(&c->accounts[O_MINT], &m->token_mint, 0);
  host_wallet(&c->accounts[O_BALANCE], 0, 0, 0, 1);
  host_balance_address(m, &c->accounts[O_OWNER].key, &m->token_mint.key, &c->accounts[O_BALANCE].key,
                       &(uint8_t){0});
  put(&c->accounts[O_SYSTEM], &m->system, 0);
  ix_set_data(c, SOLGRID_IX_OPEN_BALANCE_U64, NULL, 0);
}

void vc_deposit(IxCall *c, const HostMarket *m, uint64_t amount) {
  begin(c, 8);
  host_wallet(&c->accounts[D_OWNER], VC_OWNER_KEY, VC_OWNER_LAMPORTS, 1, 1);
  const SolPubkey *owner = &c->accounts[D_OWNER].key;
  put(&c->accounts[D_MARKET], &m->market, 0);
  put(&c->accounts[D_MINT], &m->stable_mint, 0);
  host_wallet(&c->accounts[D_BALANCE], 0, 0, 0, 1);
  host_balance_address(m, owner, &m->stable_mint.key, &c->accounts[D_BALANCE].key, &(uint8_t){0});
  host_token_account(&c->accounts[D_SOURCE], 0x82, &m->stable_mint.key, owner, VC_USER_TOKENS);
  put(&c->accounts[D_VAULT], &m->stable_vault, 1);
  put(&c->accounts[D_TOKEN_PROGRAM], &m->token_program, 0);
  put(&c->accounts[D_SYSTEM], &m->system, 0);
  ix_set_data(c, SOLGRID_IX_DEPOSIT_U64, &amount, 8);
}

void vc_withdraw(IxCall *c, const HostMarket *m, uint64_t amount, uint64_t available, uint64_t locked) {
  uint64_t vault_amount = available + locked;
  begin(c, 7);
  host_wallet(&c->accounts[W_OWNER], VC_OWNER_KEY, VC_OWNER_LAMPORTS, 1, 0);
  const SolPubkey *owner = &c->accounts[W_OWNER].key;
  put(&c->accounts[W_MARKET], &m->market, 0);
  put(&c->accounts[W_MINT], &m->stable_mint, 0);
  host_balance(&c->accounts[W_BALANCE], m, owner, &m->stable_mint.key, available, locked);
  host_token_account(&c->accounts[W_DESTINATION], 0x83, &m->stable_mint.key, &m->authority.key,
                     VC_DESTINATION_TOKENS);
  put(&c->accounts[W_VAULT], &m->stable_vault, 1);
  memcpy(c->accounts[W_VAULT].data + 64, &vault_amount, 8);
  put(&c->accounts[W_TOKEN_PROGRAM], &m->token_program, 0);
  ix_set_data(c, SOLGRID_IX_WITHDRAW_U64, &amount, 8);
}

void vc_order_state_address(const HostMarket *m, const SolPubkey *owner, uint64_t order_id, SolPubkey *out,
                            uint8_t *bump) {
  uint8_t id_le[8];
  memcpy(id_le, &order_id, 8);
  SolBytes seeds[4] = {{(const uint8_t *)SOLGRID_SEED_ORDER, SOLGRID_SEED_ORDER_LEN}, {m->market.key.x, 32},
                       {owner->x, 32}, {id_le, 8}};
  if (!host_find_pda(seeds, 4, &m->program_id, out, bump))
    abort();
}

void vc_order_state(HostAccount *a, const HostMarket *m, const SolPubkey *owner, uint64_t order_id,
                    uint32_t filled_gpus) {
  uint64_t disc = SOLGRID_ACCOUNT_ORDER_STATE_U64;
  OrderState *s = (OrderState *)a->data;
  host_wallet(a, 0, VC_ORDER_STATE_RENT, 0, 1);
  vc_order_state_address(m, owner, order_id, &a->key, &s->bump);
  a->owner = m->program_id;
  a->data_len = sizeof(OrderState);
  memcpy(s->discriminator, &disc, 8);
  s->filled_gpus = filled_gpus;
  s->has_order = 1;
  s->order.market = m->market.key;
  s->order.owner = *owner;
  s->order.order_id = order_id;
  memset(&s->rent_payer, VC_RENT_PAYER_KEY, 32);
}

void vc_cancel_order(IxCall *c, const HostMarket *m, uint64_t order_id) {
  begin(c, 4);
  host_wallet(&c->accounts[C_OWNER], VC_OWNER_KEY, VC_OWNER_LAMPORTS, 1, 1);
  put(&c->accounts[C_MARKET], &m->market, 0);
  host_wallet(&c->accounts[C_ORDER_STATE], 0, 0, 0, 1);
  vc_order_state_address(m, &c->accounts[C_OWNER].key, order_id, &c->accounts[C_ORDER_STATE].key, &(uint8_t){0});
  put(&c->accounts[C_SYSTEM], &m->system, 0);
  ix_set_data(c, SOLGRID_IX_CANCEL_ORDER_U64, &order_id, 8);
}

void vc_close_order_state(IxCall *c, const HostMarket *m, uint64_t order_id) {
  SolPubkey owner;
  begin(c, 3);
  memset(&owner, VC_OWNER_KEY, 32);
  vc_order_state(&c->accounts[X_ORDER_STATE], m, &owner, order_id, 2);
  ((OrderState *)c->accounts[X_ORDER_STATE].data)->order.expires_at = host_rt.clock.unix_timestamp;
  put(&c->accounts[X_MARKET], &m->market, 0);
  host_wallet(&c->accounts[X_RECEIVER], VC_RENT_PAYER_KEY, VC_OWNER_LAMPORTS, 0, 1);
  ix_set_data(c, SOLGRID_IX_CLOSE_ORDER_STATE_U64, NULL, 0);
}
