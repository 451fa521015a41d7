/* fixture.c - see fixture.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "program.h"
#include "sol/token.h"

static const SolPubkey token_program = {SOL_TOKEN_PROGRAM_ID_BYTES};

void fixture_mint(HostAccount *a, uint8_t key_byte) {
  memset(a, 0, sizeof *a);
  memset(&a->key, key_byte, 32);
  a->owner = token_program;
  a->lamports = 1461600;
  a->data_len = SOL_TOKEN_MINT_LEN;
  a->data[SOL_TOKEN_MINT_DECIMALS_OFFSET] = 6;
  a->data[SOL_TOKEN_MINT_IS_INITIALIZED_OFFSET] = 1;
  a->dup_of = -1;
}

void fixture_token_program(HostAccount *a) {
  memset(a, 0, sizeof *a);
  a->key = token_program;
  memcpy(&a->owner, "BPFLoader2", 10); /* any non-zero owner */
  a->executable = 1;
  a->dup_of = -1;
}

void fixture_vault_address(const SolPubkey *program_id, const SolPubkey *market, const SolPubkey *mint,
                           SolPubkey *out, uint8_t *bump) {
  SolBytes seeds[3] = {{(const uint8_t *)"vault", 5}, {market->x, 32}, {mint->x, 32}};
  if (!host_find_pda(seeds, 3, program_id, out, bump))
    abort();
}

static void fixture_args(MarketFixture *f, uint64_t market_id) {
  MarketParams *m = &f->args.params;
  memset(&f->args, 0, sizeof f->args);
  f->args.market_id = market_id;
  memset(m->treasury, 0x44, 32);
  memset(m->oracle_authority, 0x55, 32);
  memset(m->matcher, 0x66, 32);
  m->subsidy_per_gpu_hour = 250000;
  m->checker_reward_per_report = 1000;
  m->miner_price_micro_usd = 99000000;
  m->max_price_staleness_secs = 120;
  m->checker_min_report_interval_secs = 600;
  m->miner_max_supply = 10000;
  m->fee_bps_stable = 250;
  m->fee_bps_token = 100;
  m->miner_fee_share_bps = 2000;
}

void fixture_encode(MarketFixture *f) {
  static const uint8_t disc[8] = SOLGRID_IX_INITIALIZE_MARKET_BYTES;
  memcpy(f->data, disc, 8);
  memcpy(f->data + 8, &f->args, sizeof f->args);
  f->data_len = SOLGRID_INITIALIZE_MARKET_DATA_LEN;
}

static void fixture_accounts(MarketFixture *f) {
  HostAccount *a = f->accounts;
  memset(a, 0, sizeof f->accounts);
  memset(&a[F_AUTHORITY].key, 0x11, 32);
  a[F_AUTHORITY].lamports = FIXTURE_AUTHORITY_LAMPORTS;
  a[F_AUTHORITY].is_signer = a[F_AUTHORITY].is_writable = 1;
  a[F_MARKET].is_writable = 1;
  fixture_mint(&a[F_STABLE_MINT], 0x22);
  fixture_mint(&a[F_TOKEN_MINT], 0x33);
  a[F_TOKEN_MINT].data[SOL_TOKEN_MINT_DECIMALS_OFFSET] = 9;
  a[F_STABLE_VAULT].is_writable = a[F_TOKEN_VAULT].is_writable = 1;
  fixture_token_program(&a[F_TOKEN_PROGRAM]);
  memcpy(&a[F_SYSTEM].owner, "NativeLoader", 12); /* any non-zero owner */
  a[F_SYSTEM].executable = 1;
  for (int i = 0; i < SOLGRID_INITIALIZE_MARKET_NUM_ACCOUNTS; i++)
    a[i].dup_of = -1;
  f->n_accounts = SOLGRID_INITIALIZE_MARKET_NUM_ACCOUNTS;
}

void fixture_init(MarketFixture *f, uint64_t market_id) {
  uint8_t id_le[8];
  f->program_id = (SolPubkey){SOLGRID_PROGRAM_ID_BYTES};
  host_reset(&f->program_id);
  host_rt.quiet = 1;
  fixture_accounts(f);
  fixture_args(f, market_id);
  fixture_encode(f);
  memcpy(id_le, &market_id, 8);
  SolBytes seeds[3] = {{(const uint8_t *)"market", 6}, {f->accounts[F_AUTHORITY].key.x, 32}, {id_le, 8}};
  if (!host_find_pda(seeds, 3, &f->program_id, &f->accounts[F_MARKET].key, &f->market_bump))
    abort();
  fixture_vault_address(&f->program_id, &f->accounts[F_MARKET].key, &f->accounts[F_STABLE_MINT].key,
                        &f->accounts[F_STABLE_VAULT].key, &f->stable_vault_bump);
  fixture_vault_address(&f->program_id, &f->accounts[F_MARKET].key, &f->accounts[F_TOKEN_MINT].key,
                        &f->accounts[F_TOKEN_VAULT].key, &f->token_vault_bump);
}

uint64_t fixture_run(MarketFixture *f) {
  return host_run(f->accounts, f->n_accounts, f->data, f->data_len, &f->program_id);
}
