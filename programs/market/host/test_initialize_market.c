/* test_initialize_market.c - the success path field by field, and one test per
 * way the instruction can fail (fixture_run also proves each failure left the
 * input untouched). */
#include <string.h>

#include "fixture.h"
#include "sol/error.h"
#include "sol/mem.h"
#include "sol/token.h"
#include "test.h"

#define MARKET_RENT ((128 + sizeof(Market)) * 6960)
#define VAULT_RENT ((128 + 165) * 6960)
#define TOTAL_RENT (MARKET_RENT + 2 * VAULT_RENT)

static MarketFixture f;

static void setup(void) { fixture_init(&f, FIXTURE_MARKET_ID); }

static const Market *market_data(void) { return (const Market *)f.accounts[F_MARKET].data; }

static void creates_market_with_every_field(void) {
  static const uint8_t disc[8] = SOLGRID_ACCOUNT_MARKET_BYTES;
  uint8_t zero[30] = {0};
  setup();
  CHECK_EQ(fixture_run(&f), 0);
  const Market *m = market_data();
  const HostAccount *acct = &f.accounts[F_MARKET];
  CHECK(memcmp(&acct->owner, &f.program_id, 32) == 0);
  CHECK_EQ(acct->data_len, 440);
  CHECK_EQ(acct->lamports, MARKET_RENT);
  CHECK_EQ(f.accounts[F_AUTHORITY].lamports, FIXTURE_AUTHORITY_LAMPORTS - TOTAL_RENT);
  CHECK(memcmp(m->discriminator, disc, 8) == 0);
  CHECK_EQ(m->market_id, FIXTURE_MARKET_ID);
  CHECK_EQ(m->token_price_micro_usd, 0);
  CHECK_EQ(m->token_price_updated_at, 0);
  CHECK_EQ(m->subsidy_per_gpu_hour, 250000);
  CHECK_EQ(m->checker_reward_per_report, 1000);
  CHECK_EQ(m->miner_price_micro_usd, 99000000);
  CHECK_EQ(m->leases_committed, 0);
  CHECK_EQ(m->created_at, 1760000000);
  CHECK_EQ(m->miner_reward_per_weight.lo | m->miner_reward_per_weight.hi, 0);
  CHECK(memcmp(&m->authority, &f.accounts[F_AUTHORITY].key, 32) == 0);
  CHECK(memcmp(&m->seed_authority, &f.accounts[F_AUTHORITY].key, 32) == 0);
  CHECK(memcmp(m->treasury.x, f.args.params.treasury, 32) == 0);
  CHECK(memcmp(&m->stable_mint, &f.accounts[F_STABLE_MINT].key, 32) == 0);
  CHECK(memcmp(&m->token_mint, &f.accounts[F_TOKEN_MINT].key, 32) == 0);
  CHECK(memcmp(&m->stable_vault, &f.accounts[F_STABLE_VAULT].key, 32) == 0);
  CHECK(memcmp(&m->token_vault, &f.accounts[F_TOKEN_VAULT].key, 32) == 0);
  CHECK(memcmp(m->oracle_authority.x, f.args.params.oracle_authority, 32) == 0);
  CHECK(memcmp(m->matcher.x, f.args.params.matcher, 32) == 0);
  CHECK_EQ(m->max_price_staleness_secs, 120);
  CHECK_EQ(m->checker_min_report_interval_secs, 600);
  CHECK_EQ(m->miner_max_supply, 10000);
  CHECK_EQ(m->miners_minted | m->nodes_registered | m->checkers_registered, 0);
  CHECK_EQ(m->fee_bps_stable, 250);
  CHECK_EQ(m->fee_bps_token, 100);
  CHECK_EQ(m->miner_fee_share_bps, 2000);
  CHECK_EQ(m->bump, f.market_bump);
  CHECK_EQ(m->bump, 254); /* solana-go's bump for this PDA (test_crypto.c) */
  CHECK_EQ(m->stable_vault_bump, f.stable_vault_bump);
  CHECK_EQ(m->token_vault_bump, f.token_vault_bump);
  CHECK_EQ(m->token_decimals, 9);
  CHECK(memcmp(m->reserved, zero, sizeof zero) == 0);
}

/* Each vault is a rent-exempt SPL token account of its mint, owned (as tokens)
 * by the Market PDA, holding nothing. */
static void creates_both_vaults_owned_by_the_market(void) {
  static const SolPubkey token_program = {SOL_TOKEN_PROGRAM_ID_BYTES};
  const int vaults[2] = {F_STABLE_VAULT, F_TOKEN_VAULT}, mints[2] = {F_STABLE_MINT, F_TOKEN_MINT};
  setup();
  CHECK_EQ(fixture_run(&f), 0);
  CHECK_EQ(host_rt.n_cpis, 5); /* 3 CreateAccount, 2 InitializeAccount3 */
  for (int i = 0; i < 2; i++) {
    const HostAccount *v = &f.accounts[vaults[i]];
    CHECK(memcmp(&v->owner, &token_program, 32) == 0);
    CHECK_EQ(v->data_len, 165);
    CHECK_EQ(v->lamports, VAULT_RENT);
    CHECK(memcmp(v->data, &f.accounts[mints[i]].key, 32) == 0);
    CHECK(memcmp(v->data + 32, &f.accounts[F_MARKET].key, 32) == 0);
    CHECK_EQ(sol_read_u64(v->data + 64), 0);
    CHECK_EQ(v->data[108], 1);
  }
}

/* Someone sent lamports to a vault address first: it is adopted, and the
 * authority pays only the shortfall. */
static void adopts_a_prefunded_vault_address(void) {
  setup();
  f.accounts[F_TOKEN_VAULT].lamports = 1000;
  CHECK_EQ(fixture_run(&f), 0);
  CHECK_EQ(f.accounts[F_TOKEN_VAULT].lamports, VAULT_RENT);
  CHECK_EQ(f.accounts[F_TOKEN_VAULT].data_len, 165);
  CHECK_EQ(f.accounts[F_AUTHORITY].lamports, FIXTURE_AUTHORITY_LAMPORTS - TOTAL_RENT + 1000);
  CHECK(memcmp(f.accounts[F_TOKEN_VAULT].data + 32, &f.accounts[F_MARKET].key, 32) == 0);
}

static void fails_when_stable_mint_decimals_not_6(void) {
  setup();
  f.accounts[F_STABLE_MINT].data[SOL_TOKEN_MINT_DECIMALS_OFFSET] = 9;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_MINT);
}

static void fails_when_token_program_is_token_2022(void) {
  static const SolPubkey t22 = {SOL_TOKEN_2022_PROGRAM_ID_BYTES};
  setup();
  f.accounts[F_TOKEN_PROGRAM].key = t22;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_TOKEN2022_NOT_SUPPORTED);
}

static void fails_when_token_program_is_another_program(void) {
  setup();
  memset(&f.accounts[F_TOKEN_PROGRAM].key, 0x67, 32);
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_WRONG_PROGRAM_ACCOUNT);
}

static void fails_when_mint_is_token_2022(void) {
  static const SolPubkey t22 = {SOL_TOKEN_2022_PROGRAM_ID_BYTES};
  setup();
  f.accounts[F_TOKEN_MINT].owner = t22;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_TOKEN2022_NOT_SUPPORTED);
}

static void fails_when_vault_is_not_the_pda(void) {
  setup();
  f.accounts[F_STABLE_VAULT].key.x[3] ^= 1;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_PDA);
}

/* The two vaults swapped: each is the other mint's PDA. */
static void fails_when_vaults_are_swapped(void) {
  SolPubkey k;
  setup();
  k = f.accounts[F_STABLE_VAULT].key;
  f.accounts[F_STABLE_VAULT].key = f.accounts[F_TOKEN_VAULT].key;
  f.accounts[F_TOKEN_VAULT].key = k;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_PDA);
}

static void fails_when_vault_already_has_data(void) {
  static const SolPubkey token_program = {SOL_TOKEN_PROGRAM_ID_BYTES};
  setup();
  f.accounts[F_TOKEN_VAULT].owner = token_program;
  f.accounts[F_TOKEN_VAULT].data_len = 165;
  f.accounts[F_TOKEN_VAULT].lamports = VAULT_RENT;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_MARKET_ALREADY_INITIALIZED);
}

static void fails_when_vault_read_only(void) {
  setup();
  f.accounts[F_TOKEN_VAULT].is_writable = 0;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_ACCOUNT_NOT_WRITABLE);
}

static void emits_market_initialized_event(void) {
  static const uint8_t disc[8] = SOLGRID_EVENT_MARKET_INITIALIZED_BYTES;
  uint64_t id = FIXTURE_MARKET_ID;
  setup();
  CHECK_EQ(fixture_run(&f), 0);
  CHECK_EQ(host_rt.n_events, 1);
  CHECK_EQ(host_rt.event_len, 8 + 32 + 32 + 8);
  CHECK(memcmp(host_rt.event, disc, 8) == 0);
  CHECK(memcmp(host_rt.event + 8, &f.accounts[F_MARKET].key, 32) == 0);
  CHECK(memcmp(host_rt.event + 40, &f.accounts[F_AUTHORITY].key, 32) == 0);
  CHECK(memcmp(host_rt.event + 72, &id, 8) == 0);
}

/* Each limit is inclusive. */
static void accepts_fees_at_their_limits(void) {
  setup();
  f.args.params.fee_bps_stable = 10000;
  f.args.params.fee_bps_token = 10000;
  f.args.params.miner_fee_share_bps = 10000;
  fixture_encode(&f);
  CHECK_EQ(fixture_run(&f), 0);
}

static void fails_with_too_few_accounts(void) {
  setup();
  f.n_accounts = 4;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_NOT_ENOUGH_ACCOUNTS);
}

static void fails_on_short_data(void) {
  setup();
  f.data_len--;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
}

static void fails_on_trailing_data(void) {
  setup();
  f.data_len++;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
}

static void fails_when_stable_fee_over_10000(void) {
  setup();
  f.args.params.fee_bps_stable = 10001;
  fixture_encode(&f);
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_FEE_BPS);
}

static void fails_when_token_fee_above_stable_fee(void) {
  setup();
  f.args.params.fee_bps_token = f.args.params.fee_bps_stable + 1;
  fixture_encode(&f);
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_FEE_BPS);
}

static void fails_when_miner_share_over_10000(void) {
  setup();
  f.args.params.miner_fee_share_bps = 10001;
  fixture_encode(&f);
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_FEE_BPS);
}

static void fails_when_authority_did_not_sign(void) {
  setup();
  f.accounts[F_AUTHORITY].is_signer = 0;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_MISSING_SIGNER);
}

static void fails_when_authority_read_only(void) {
  setup();
  f.accounts[F_AUTHORITY].is_writable = 0;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_ACCOUNT_NOT_WRITABLE);
}

static void fails_when_market_read_only(void) {
  setup();
  f.accounts[F_MARKET].is_writable = 0;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_ACCOUNT_NOT_WRITABLE);
}

static void fails_when_system_program_is_another_account(void) {
  setup();
  memset(&f.accounts[F_SYSTEM].key, 0x66, 32);
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_WRONG_PROGRAM_ACCOUNT);
}

static void fails_when_stable_mint_not_token_owned(void) {
  setup();
  memset(&f.accounts[F_STABLE_MINT].owner, 0x77, 32);
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
}

static void fails_when_token_mint_not_token_owned(void) {
  setup();
  memset(&f.accounts[F_TOKEN_MINT].owner, 0, 32);
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
}

/* A token account (165 bytes) is owned by the token program but is no mint. */
static void fails_when_mint_has_wrong_size(void) {
  setup();
  f.accounts[F_TOKEN_MINT].data_len = 165;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_MINT);
}

static void fails_when_mint_not_initialized(void) {
  setup();
  f.accounts[F_STABLE_MINT].data[45] = 0;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_MINT);
}

static void fails_when_both_mints_are_the_same(void) {
  setup();
  f.accounts[F_TOKEN_MINT].dup_of = F_STABLE_MINT;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_MINT);
}

static void fails_when_market_is_not_the_pda(void) {
  setup();
  f.accounts[F_MARKET].key.x[0] ^= 1;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_PDA);
}

/* The PDA of another market_id (or another authority) is not this market. */
static void fails_when_market_id_does_not_match_pda(void) {
  setup();
  f.args.market_id = 2;
  fixture_encode(&f);
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_PDA);
}

static void fails_when_authority_does_not_match_pda(void) {
  setup();
  memset(&f.accounts[F_AUTHORITY].key, 0x12, 32);
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_PDA);
}

/* Audit: anyone can send lamports to a market address before it exists (it is
 * predictable from the authority and market_id). Like a vault's, it is adopted,
 * so that dust cannot block a market id; the authority pays only the shortfall. */
static void adopts_a_prefunded_market_address(void) {
  setup();
  f.accounts[F_MARKET].lamports = 1000;
  CHECK_EQ(fixture_run(&f), 0);
  CHECK_EQ(f.accounts[F_MARKET].lamports, MARKET_RENT);
  CHECK_EQ(f.accounts[F_MARKET].data_len, sizeof(Market));
  CHECK(memcmp(&f.accounts[F_MARKET].owner, &f.program_id, 32) == 0);
  CHECK_EQ(f.accounts[F_AUTHORITY].lamports, FIXTURE_AUTHORITY_LAMPORTS - TOTAL_RENT + 1000);
  CHECK_EQ(market_data()->market_id, FIXTURE_MARKET_ID);
}

/* More than its rent: nothing to transfer, the surplus stays with the market. */
static void adopts_a_market_address_holding_more_than_its_rent(void) {
  setup();
  f.accounts[F_MARKET].lamports = MARKET_RENT + 5;
  CHECK_EQ(fixture_run(&f), 0);
  CHECK_EQ(f.accounts[F_MARKET].lamports, MARKET_RENT + 5);
  CHECK_EQ(f.accounts[F_AUTHORITY].lamports, FIXTURE_AUTHORITY_LAMPORTS - 2 * VAULT_RENT);
}

static void fails_when_market_has_data(void) {
  setup();
  f.accounts[F_MARKET].data_len = 8;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_MARKET_ALREADY_INITIALIZED);
}

static void fails_when_market_not_system_owned(void) {
  setup();
  f.accounts[F_MARKET].owner = f.program_id;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_MARKET_ALREADY_INITIALIZED);
}

static void fails_when_initialized_twice(void) {
  setup();
  CHECK_EQ(fixture_run(&f), 0);
  host_rt.n_events = 0;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_MARKET_ALREADY_INITIALIZED);
  CHECK_EQ(host_rt.n_events, 0);
}

/* The authority must hold the rent of all three accounts before the first CPI. */
static void fails_when_authority_cannot_pay_rent(void) {
  setup();
  f.accounts[F_AUTHORITY].lamports = MARKET_RENT - 1;
  CHECK_EQ(fixture_run(&f), SOL_ERR_INSUFFICIENT_FUNDS);
  CHECK_EQ(host_rt.n_cpis, 0);
}

/* Audit (found by fuzz_input): enough for the market and one vault, not the
 * second. The System program refused only at the third creation, after two
 * CPIs had written; now nothing is created (fixture_run also aborts if the
 * failing call changed its input). */
static void fails_before_any_cpi_when_authority_can_pay_only_part_of_the_rent(void) {
  setup();
  f.accounts[F_AUTHORITY].lamports = TOTAL_RENT - 1;
  CHECK_EQ(fixture_run(&f), SOL_ERR_INSUFFICIENT_FUNDS);
  CHECK_EQ(host_rt.n_cpis, 0);
}

/* Lamports already at the addresses count: the authority pays only the rest. */
static void counts_prefunded_addresses_towards_the_rent(void) {
  setup();
  f.accounts[F_MARKET].lamports = 1000;
  f.accounts[F_STABLE_VAULT].lamports = 2000;
  f.accounts[F_AUTHORITY].lamports = TOTAL_RENT - 3000;
  CHECK_EQ(fixture_run(&f), 0);
  CHECK_EQ(f.accounts[F_AUTHORITY].lamports, 0);
}

static void fails_on_unsupported_rent_threshold(void) {
  setup();
  host_rt.rent.exemption_threshold_bits = 0x4008000000000000ULL; /* 3.0 */
  CHECK_EQ(fixture_run(&f), SOL_ERR_INVALID_ARGUMENT);
  CHECK_EQ(host_rt.n_cpis, 0);
}

void run_initialize_market_tests(void) {
  RUN(creates_market_with_every_field);
  RUN(creates_both_vaults_owned_by_the_market);
  RUN(adopts_a_prefunded_vault_address);
  RUN(emits_market_initialized_event);
  RUN(fails_when_stable_mint_decimals_not_6);
  RUN(fails_when_token_program_is_token_2022);
  RUN(fails_when_token_program_is_another_program);
  RUN(fails_when_mint_is_token_2022);
  RUN(fails_when_vault_is_not_the_pda);
  RUN(fails_when_vaults_are_swapped);
  RUN(fails_when_vault_already_has_data);
  RUN(fails_when_vault_read_only);
  RUN(accepts_fees_at_their_limits);
  RUN(fails_with_too_few_accounts);
  RUN(fails_on_short_data);
  RUN(fails_on_trailing_data);
  RUN(fails_when_stable_fee_over_10000);
  RUN(fails_when_token_fee_above_stable_fee);
  RUN(fails_when_miner_share_over_10000);
  RUN(fails_when_authority_did_not_sign);
  RUN(fails_when_authority_read_only);
  RUN(fails_when_market_read_only);
  RUN(fails_when_system_program_is_another_account);
  RUN(fails_when_stable_mint_not_token_owned);
  RUN(fails_when_token_mint_not_token_owned);
  RUN(fails_when_mint_has_wrong_size);
  RUN(fails_when_mint_not_initialized);
  RUN(fails_when_both_mints_are_the_same);
  RUN(fails_when_market_is_not_the_pda);
  RUN(fails_when_market_id_does_not_match_pda);
  RUN(fails_when_authority_does_not_match_pda);
  RUN(adopts_a_prefunded_market_address);
  RUN(adopts_a_market_address_holding_more_than_its_rent);
  RUN(fails_when_market_has_data);
  RUN(fails_when_market_not_system_owned);
  RUN(fails_when_initialized_twice);
  RUN(fails_when_authority_cannot_pay_rent);
  RUN(fails_before_any_cpi_when_authority_can_pay_only_part_of_the_rent);
  RUN(counts_prefunded_addresses_towards_the_rent);
  RUN(fails_on_unsupported_rent_threshold);
}
