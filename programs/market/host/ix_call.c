/* ix_call.c - see ix_call.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ix_call.h"
#include "program.h"
#include "sol/token.h"

void host_market_init(HostMarket *m) { host_market_init_id(m, FIXTURE_MARKET_ID); }

void host_market_init_id(HostMarket *m, uint64_t market_id) {
  MarketFixture f;
  fixture_init(&f, market_id);
  if (fixture_run(&f) != 0)
    abort();
  m->program_id = f.program_id;
  m->authority = f.accounts[F_AUTHORITY];
  m->market = f.accounts[F_MARKET];
  m->stable_mint = f.accounts[F_STABLE_MINT];
  m->token_mint = f.accounts[F_TOKEN_MINT];
  m->stable_vault = f.accounts[F_STABLE_VAULT];
  m->token_vault = f.accounts[F_TOKEN_VAULT];
  m->token_program = f.accounts[F_TOKEN_PROGRAM];
  m->system = f.accounts[F_SYSTEM];
  m->params = f.args.params;
  m->authority.is_signer = m->authority.is_writable = 0;
  m->market.is_writable = m->stable_vault.is_writable = m->token_vault.is_writable = 0;
  host_rt.n_events = host_rt.n_cpis = host_rt.n_logs = 0;
}

const Market *host_market_data(const HostMarket *m) { return (const Market *)m->market.data; }

void ix_set_data(IxCall *c, uint64_t discriminator, const void *args, uint64_t len) {
  memcpy(c->data, &discriminator, 8);
  if (len != 0)
    memcpy(c->data + 8, args, len);
  c->data_len = 8 + len;
}

uint64_t ix_run(IxCall *c, const SolPubkey *program_id) {
  return host_run(c->accounts, c->n_accounts, c->data, c->data_len, program_id);
}

void host_wallet(HostAccount *a, uint8_t key_byte, uint64_t lamports, int is_signer, int is_writable) {
  memset(a, 0, sizeof *a);
  memset(&a->key, key_byte, 32);
  a->lamports = lamports;
  a->is_signer = (uint8_t)is_signer;
  a->is_writable = (uint8_t)is_writable;
  a->dup_of = -1;
}

void host_token_account(HostAccount *a, uint8_t key_byte, const SolPubkey *mint, const SolPubkey *owner,
                        uint64_t amount) {
  static const SolPubkey token_program = {SOL_TOKEN_PROGRAM_ID_BYTES};
  host_wallet(a, key_byte, 2039280, 0, 1);
  a->owner = token_program;
  a->data_len = SOL_TOKEN_ACCOUNT_LEN;
  memcpy(a->data, mint, 32);
  memcpy(a->data + 32, owner, 32);
  memcpy(a->data + 64, &amount, 8);
  a->data[SOL_TOKEN_ACCOUNT_STATE_OFFSET] = SOL_TOKEN_ACCOUNT_STATE_INITIALIZED;
}

uint64_t host_token_amount(const HostAccount *a) {
  uint64_t v;
  memcpy(&v, a->data + 64, 8);
  return v;
}

void host_balance_address(const HostMarket *m, const SolPubkey *owner, const SolPubkey *mint, SolPubkey *out,
                          uint8_t *bump) {
  SolBytes seeds[4] = {{(const uint8_t *)"balance", 7}, {m->market.key.x, 32}, {owner->x, 32}, {mint->x, 32}};
  if (!host_find_pda(seeds, 4, &m->program_id, out, bump))
    abort();
}

void host_balance(HostAccount *a, const HostMarket *m, const SolPubkey *owner, const SolPubkey *mint,
                  uint64_t available, uint64_t locked) {
  uint64_t disc = SOLGRID_ACCOUNT_BALANCE_U64;
  Balance b;
  memset(&b, 0, sizeof b);
  host_wallet(a, 0, (128 + sizeof(Balance)) * 6960, 0, 1);
  host_balance_address(m, owner, mint, &a->key, &b.bump);
  memcpy(b.discriminator, &disc, 8);
  b.available = available;
  b.locked = locked;
  b.market = m->market.key;
  b.owner = *owner;
  b.mint = *mint;
  a->owner = m->program_id;
  a->data_len = sizeof b;
  memcpy(a->data, &b, sizeof b);
}

const Balance *host_balance_data(const HostAccount *a) { return (const Balance *)a->data; }
