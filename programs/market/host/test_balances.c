/* test_balances.c - open_balance, deposit and withdraw on the host: balances,
 * vault and user token amounts to the unit, and one test per refusal (ix_run
 * proves each refusal left every account untouched). */
#include <string.h>

#include "valid_calls.h"
#include "sol/error.h"
#include "sol/mem.h"
#include "sol/token.h"
#include "test.h"

#define OWNER_LAMPORTS VC_OWNER_LAMPORTS
#define BALANCE_RENT VC_BALANCE_RENT
#define USER_TOKENS VC_USER_TOKENS

static HostMarket hm;
static IxCall c;

static const SolPubkey *owner_key(void) { return &c.accounts[0].key; }

static void setup_deposit(uint64_t amount) {
  host_market_init(&hm);
  vc_deposit(&c, &hm, amount);
}

static const Balance *balance(int i) { return host_balance_data(&c.accounts[i]); }

static void deposit_opens_balance_and_moves_tokens(void) {
  setup_deposit(1250000);
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  const Balance *b = balance(D_BALANCE);
  CHECK(memcmp(&c.accounts[D_BALANCE].owner, &hm.program_id, 32) == 0);
  CHECK_EQ(c.accounts[D_BALANCE].data_len, sizeof(Balance));
  CHECK_EQ(c.accounts[D_BALANCE].lamports, BALANCE_RENT);
  CHECK_EQ(c.accounts[D_OWNER].lamports, OWNER_LAMPORTS - BALANCE_RENT);
  CHECK_EQ(sol_read_u64(b->discriminator), SOLGRID_ACCOUNT_BALANCE_U64);
  CHECK_EQ(b->available, 1250000);
  CHECK_EQ(b->locked, 0);
  CHECK(memcmp(&b->market, &hm.market.key, 32) == 0);
  CHECK(memcmp(&b->owner, owner_key(), 32) == 0);
  CHECK(memcmp(&b->mint, &hm.stable_mint.key, 32) == 0);
  SolPubkey addr;
  uint8_t bump;
  host_balance_address(&hm, owner_key(), &hm.stable_mint.key, &addr, &bump);
  CHECK_EQ(b->bump, bump);
  CHECK_EQ(host_token_amount(&c.accounts[D_SOURCE]), USER_TOKENS - 1250000);
  CHECK_EQ(host_token_amount(&c.accounts[D_VAULT]), 1250000);
  CHECK_EQ(host_rt.n_events, 1);
  CHECK_EQ(host_rt.event_len, sizeof(Deposited));
  CHECK_EQ(sol_read_u64(host_rt.event + 104), 1250000);
  CHECK_EQ(sol_read_u64(host_rt.event + 112), 1250000);
}

static void deposit_adds_to_an_open_balance(void) {
  setup_deposit(700);
  host_balance(&c.accounts[D_BALANCE], &hm, owner_key(), &hm.stable_mint.key, 300, 40);
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(balance(D_BALANCE)->available, 1000);
  CHECK_EQ(balance(D_BALANCE)->locked, 40);
  CHECK_EQ(c.accounts[D_OWNER].lamports, OWNER_LAMPORTS);
  CHECK_EQ(host_token_amount(&c.accounts[D_VAULT]), 700);
}

static void deposit_of_platform_token_uses_token_vault(void) {
  setup_deposit(9);
  c.accounts[D_MINT] = hm.token_mint;
  host_balance_address(&hm, owner_key(), &hm.token_mint.key, &c.accounts[D_BALANCE].key, &(uint8_t){0});
  host_token_account(&c.accounts[D_SOURCE], 0x82, &hm.token_mint.key, owner_key(), 10);
  c.accounts[D_VAULT] = hm.token_vault;
  c.accounts[D_VAULT].is_writable = 1;
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(balance(D_BALANCE)->available, 9);
  CHECK_EQ(host_token_amount(&c.accounts[D_VAULT]), 9);
}

static void deposit_refuses_zero(void) {
  setup_deposit(0);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ZERO_AMOUNT);
}

static void deposit_refuses_third_mint(void) {
  setup_deposit(5);
  fixture_mint(&c.accounts[D_MINT], 0x93);
  host_token_account(&c.accounts[D_SOURCE], 0x82, &c.accounts[D_MINT].key, owner_key(), 10);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_MINT_NOT_ACCEPTED);
}

static void deposit_refuses_other_mints_vault(void) {
  setup_deposit(5);
  c.accounts[D_VAULT] = hm.token_vault;
  c.accounts[D_VAULT].is_writable = 1;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_WRONG_VAULT);
}

static void deposit_refuses_the_vault_as_source(void) {
  setup_deposit(5);
  c.accounts[D_SOURCE] = c.accounts[D_VAULT]; /* same key and contents: a self-transfer */
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_WRONG_VAULT);
}

static void deposit_refuses_a_random_token_account_as_vault(void) {
  setup_deposit(5);
  host_token_account(&c.accounts[D_VAULT], 0x94, &hm.stable_mint.key, &hm.market.key, 0);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_WRONG_VAULT);
}

static void deposit_refuses_token_2022_program(void) {
  static const SolPubkey t22 = {SOL_TOKEN_2022_PROGRAM_ID_BYTES};
  setup_deposit(5);
  c.accounts[D_TOKEN_PROGRAM].key = t22;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_TOKEN2022_NOT_SUPPORTED);
}

static void deposit_refuses_token_2022_source(void) {
  static const SolPubkey t22 = {SOL_TOKEN_2022_PROGRAM_ID_BYTES};
  setup_deposit(5);
  c.accounts[D_SOURCE].owner = t22;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_TOKEN2022_NOT_SUPPORTED);
}

static void deposit_refuses_source_of_another_owner(void) {
  setup_deposit(5);
  host_token_account(&c.accounts[D_SOURCE], 0x82, &hm.stable_mint.key, &hm.authority.key, USER_TOKENS);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_TOKEN_ACCOUNT);
}

static void deposit_refuses_source_of_another_mint(void) {
  setup_deposit(5);
  host_token_account(&c.accounts[D_SOURCE], 0x82, &hm.token_mint.key, owner_key(), USER_TOKENS);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_TOKEN_ACCOUNT);
}

static void deposit_refuses_frozen_source(void) {
  setup_deposit(5);
  c.accounts[D_SOURCE].data[SOL_TOKEN_ACCOUNT_STATE_OFFSET] = 2;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_TOKEN_ACCOUNT);
}

static void deposit_refuses_unsigned_owner(void) {
  setup_deposit(5);
  c.accounts[D_OWNER].is_signer = 0;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_MISSING_SIGNER);
}

static void deposit_refuses_overflow_of_available(void) {
  setup_deposit(2);
  host_balance(&c.accounts[D_BALANCE], &hm, owner_key(), &hm.stable_mint.key, UINT64_MAX - 1, 0);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ARITHMETIC_OVERFLOW);
}

/* A Balance-shaped account owned by another program. */
static void deposit_refuses_balance_of_another_program(void) {
  setup_deposit(5);
  host_balance(&c.accounts[D_BALANCE], &hm, owner_key(), &hm.stable_mint.key, 0, 0);
  memset(&c.accounts[D_BALANCE].owner, 0x43, 32);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
}

/* The Market passed where the Balance goes. */
static void deposit_refuses_market_as_balance(void) {
  setup_deposit(5);
  c.accounts[D_BALANCE] = hm.market;
  c.accounts[D_BALANCE].is_writable = 1;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ACCOUNT_DISCRIMINATOR_MISMATCH);
}

/* Another owner's open Balance: right type, wrong identity. */
static void deposit_refuses_another_owners_balance(void) {
  setup_deposit(5);
  host_balance(&c.accounts[D_BALANCE], &hm, &hm.authority.key, &hm.stable_mint.key, 0, 0);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_PDA);
}

/* An unopened account that is not the canonical PDA (e.g. another bump). */
static void deposit_refuses_wrong_balance_address(void) {
  setup_deposit(5);
  c.accounts[D_BALANCE].key.x[5] ^= 1;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_PDA);
}

/* The token program refuses an overdraft (TokenError::InsufficientFunds = 1). */
static void deposit_of_more_than_held_fails_in_token_program(void) {
  setup_deposit(USER_TOKENS + 1);
  CHECK_EQ(ix_run(&c, &hm.program_id), 1);
}

/* Found by fuzz_instructions: the owner could not pay the new Balance's rent,
 * so its creation failed after the token transfer had already run. Now refused
 * before anything moves (ix_run checks nothing did). */
static void deposit_refuses_owner_short_of_rent_before_moving_tokens(void) {
  setup_deposit(5);
  c.accounts[D_OWNER].lamports = BALANCE_RENT - 1;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOL_ERR_INSUFFICIENT_FUNDS);
  CHECK_EQ(host_token_amount(&c.accounts[D_SOURCE]), USER_TOKENS);
  setup_deposit(5); /* dust already at the address counts towards the rent */
  c.accounts[D_BALANCE].lamports = 10;
  c.accounts[D_OWNER].lamports = BALANCE_RENT - 11;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOL_ERR_INSUFFICIENT_FUNDS);
  c.accounts[D_OWNER].lamports = BALANCE_RENT - 10;
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(c.accounts[D_OWNER].lamports, 0);
  CHECK_EQ(c.accounts[D_BALANCE].lamports, BALANCE_RENT);
  CHECK_EQ(balance(D_BALANCE)->available, 5);
}

static void setup_withdraw(uint64_t amount, uint64_t available, uint64_t locked) {
  host_market_init(&hm);
  vc_withdraw(&c, &hm, amount, available, locked);
}

static void withdraw_pays_available_to_destination(void) {
  setup_withdraw(600, 1000, 300);
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(balance(W_BALANCE)->available, 400);
  CHECK_EQ(balance(W_BALANCE)->locked, 300);
  CHECK_EQ(host_token_amount(&c.accounts[W_VAULT]), 700);
  CHECK_EQ(host_token_amount(&c.accounts[W_DESTINATION]), 617);
  CHECK_EQ(host_rt.n_events, 1);
  CHECK_EQ(sol_read_u64(host_rt.event + 104), 600);
  CHECK_EQ(sol_read_u64(host_rt.event + 112), 400);
}

static void withdraw_all_available(void) {
  setup_withdraw(1000, 1000, 0);
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(balance(W_BALANCE)->available, 0);
  CHECK_EQ(host_token_amount(&c.accounts[W_VAULT]), 0);
}

static void withdraw_never_touches_locked(void) {
  setup_withdraw(1001, 1000, 300);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INSUFFICIENT_FUNDS);
}

static void withdraw_refuses_zero(void) {
  setup_withdraw(0, 1000, 0);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ZERO_AMOUNT);
}

static void withdraw_refuses_unsigned_owner(void) {
  setup_withdraw(1, 1000, 0);
  c.accounts[W_OWNER].is_signer = 0;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_MISSING_SIGNER);
}

/* Someone else signs and passes the owner's Balance. */
static void withdraw_refuses_another_owners_balance(void) {
  setup_withdraw(1, 1000, 0);
  memset(&c.accounts[W_OWNER].key, 0x84, 32);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_PDA);
}

static void withdraw_refuses_other_mints_vault(void) {
  setup_withdraw(1, 1000, 0);
  c.accounts[W_VAULT] = hm.token_vault;
  c.accounts[W_VAULT].is_writable = 1;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_WRONG_VAULT);
}

static void withdraw_refuses_destination_of_another_mint(void) {
  setup_withdraw(1, 1000, 0);
  host_token_account(&c.accounts[W_DESTINATION], 0x83, &hm.token_mint.key, owner_key(), 0);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_TOKEN_ACCOUNT);
}

static void withdraw_refuses_vault_as_destination(void) {
  setup_withdraw(1, 1000, 0);
  c.accounts[W_DESTINATION] = c.accounts[W_VAULT];
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_TOKEN_ACCOUNT);
}

static void withdraw_refuses_token_2022_program(void) {
  static const SolPubkey t22 = {SOL_TOKEN_2022_PROGRAM_ID_BYTES};
  setup_withdraw(1, 1000, 0);
  c.accounts[W_TOKEN_PROGRAM].key = t22;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_TOKEN2022_NOT_SUPPORTED);
}

static void withdraw_refuses_third_mint(void) {
  setup_withdraw(1, 1000, 0);
  fixture_mint(&c.accounts[W_MINT], 0x93);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_MINT_NOT_ACCEPTED);
}

static void setup_open(void) {
  host_market_init(&hm);
  vc_open_balance(&c, &hm);
}

static void open_balance_creates_empty_balance_paid_by_payer(void) {
  setup_open();
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  const Balance *b = balance(O_BALANCE);
  CHECK_EQ(c.accounts[O_PAYER].lamports, OWNER_LAMPORTS - BALANCE_RENT);
  CHECK_EQ(b->available | b->locked, 0);
  CHECK(memcmp(&b->owner, &c.accounts[O_OWNER].key, 32) == 0);
  CHECK(memcmp(&b->mint, &hm.token_mint.key, 32) == 0);
  CHECK(memcmp(&b->market, &hm.market.key, 32) == 0);
}

static void open_balance_is_idempotent(void) {
  setup_open();
  host_balance(&c.accounts[O_BALANCE], &hm, &c.accounts[O_OWNER].key, &hm.token_mint.key, 77, 8);
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(balance(O_BALANCE)->available, 77);
  CHECK_EQ(balance(O_BALANCE)->locked, 8);
  CHECK_EQ(c.accounts[O_PAYER].lamports, OWNER_LAMPORTS);
}

/* Dust sent to the address first cannot block it. */
static void open_balance_adopts_prefunded_address(void) {
  setup_open();
  c.accounts[O_BALANCE].lamports = 5;
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(c.accounts[O_BALANCE].lamports, BALANCE_RENT);
  CHECK_EQ(c.accounts[O_PAYER].lamports, OWNER_LAMPORTS - BALANCE_RENT + 5);
  CHECK_EQ(c.accounts[O_BALANCE].data_len, sizeof(Balance));
}

static void open_balance_refuses_third_mint(void) {
  setup_open();
  fixture_mint(&c.accounts[O_MINT], 0x93);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_MINT_NOT_ACCEPTED);
}

static void open_balance_refuses_wrong_address(void) {
  setup_open();
  c.accounts[O_BALANCE].key.x[0] ^= 1;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_PDA);
}

static void open_balance_refuses_market_of_another_program(void) {
  setup_open();
  memset(&c.accounts[O_MARKET].owner, 0x44, 32);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
}

void run_balance_tests(void) {
  RUN(deposit_opens_balance_and_moves_tokens);
  RUN(deposit_adds_to_an_open_balance);
  RUN(deposit_of_platform_token_uses_token_vault);
  RUN(deposit_refuses_zero);
  RUN(deposit_refuses_third_mint);
  RUN(deposit_refuses_other_mints_vault);
  RUN(deposit_refuses_a_random_token_account_as_vault);
  RUN(deposit_refuses_token_2022_program);
  RUN(deposit_refuses_token_2022_source);
  RUN(deposit_refuses_source_of_another_owner);
  RUN(deposit_refuses_source_of_another_mint);
  RUN(deposit_refuses_frozen_source);
  RUN(deposit_refuses_unsigned_owner);
  RUN(deposit_refuses_overflow_of_available);
  RUN(deposit_refuses_balance_of_another_program);
  RUN(deposit_refuses_market_as_balance);
  RUN(deposit_refuses_another_owners_balance);
  RUN(deposit_refuses_wrong_balance_address);
  RUN(deposit_of_more_than_held_fails_in_token_program);
  RUN(deposit_refuses_owner_short_of_rent_before_moving_tokens);
  RUN(deposit_refuses_the_vault_as_source);
  RUN(withdraw_pays_available_to_destination);
  RUN(withdraw_all_available);
  RUN(withdraw_never_touches_locked);
  RUN(withdraw_refuses_zero);
  RUN(withdraw_refuses_unsigned_owner);
  RUN(withdraw_refuses_another_owners_balance);
  RUN(withdraw_refuses_other_mints_vault);
  RUN(withdraw_refuses_destination_of_another_mint);
  RUN(withdraw_refuses_vault_as_destination);
  RUN(withdraw_refuses_token_2022_program);
  RUN(withdraw_refuses_third_mint);
  RUN(open_balance_creates_empty_balance_paid_by_payer);
  RUN(open_balance_is_idempotent);
  RUN(open_balance_adopts_prefunded_address);
  RUN(open_balance_refuses_third_mint);
  RUN(open_balance_refuses_wrong_address);
  RUN(open_balance_refuses_market_of_another_program);
}
