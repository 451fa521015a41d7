/* initialize_market - create the Market PDA ["market", authority, market_id]
 * and its two vaults ["vault", market, mint] (SPL token accounts whose owner is
 * the Market PDA), and write the configuration; the authority signs and pays.
 * Accounts: authority [signer, writable], market [writable], stable_mint,
 * token_mint, stable_vault [writable], token_vault [writable], token_program,
 * system_program. Everything is checked before the first CPI, so a failure
 * leaves every account as it was. */
#include "errors.h"
#include "events.h"
#include "instructions/instructions.h"
#include "market_account.h"
#include "market_pda.h"
#include "sol/clock.h"
#include "sol/token.h"
#include "token_account.h"
#include "validate.h"
#include "vault.h"
#include "pda_account.h"

/* One stablecoin base unit is one micro-USD, which is what prices are in. */
#define SG_STABLE_DECIMALS 6

typedef struct {
  SolAccountInfo *authority;
  SolAccountInfo *market;
  SolAccountInfo *stable_mint;
  SolAccountInfo *token_mint;
  SolAccountInfo *stable_vault;
  SolAccountInfo *token_vault;
  SolAccountInfo *token_program;
  SolAccountInfo *system_program;
} Accounts;

typedef struct {
  MarketSeeds market;
  VaultSeeds stable_vault;
  VaultSeeds token_vault;
} Seeds;

/* Instruction data is unaligned: copy the args out once, by syscall (an inline
 * copy from an unaligned source is one byte load per byte). Trailing bytes are
 * refused too, so a client built from a different IDL fails loudly. */
static uint64_t decode_args(const SolParameters *p, initialize_market_args *args) {
  if (p->data_len != SOLGRID_INITIALIZE_MARKET_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  sol_copy(args, p->data + 8, sizeof *args);
  return SOL_SUCCESS;
}

static void bind_accounts(SolParameters *p, Accounts *a) {
  a->authority = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_AUTHORITY];
  a->market = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_MARKET];
  a->stable_mint = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_STABLE_MINT];
  a->token_mint = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_TOKEN_MINT];
  a->stable_vault = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_STABLE_VAULT];
  a->token_vault = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_TOKEN_VAULT];
  a->token_program = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_TOKEN_PROGRAM];
  a->system_program = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_SYSTEM_PROGRAM];
}

/* Two distinct mints: one mint for both would make the token discount
 * meaningless and give both vaults the same address. The stablecoin must have
 * 6 decimals so that its base unit is the micro-USD prices are quoted in. */
static uint64_t check_mints(const Accounts *a) {
  uint64_t r;
  if ((r = sg_require_token_mint(a->stable_mint)) != SOL_SUCCESS ||
      (r = sg_require_token_mint(a->token_mint)) != SOL_SUCCESS)
    return r;
  if (a->stable_mint->data[SOL_TOKEN_MINT_DECIMALS_OFFSET] != SG_STABLE_DECIMALS)
    return SG_ERR(INVALID_MINT);
  return sol_pubkey_eq(a->stable_mint->key, a->token_mint->key) ? SG_ERR(INVALID_MINT) : SOL_SUCCESS;
}

static uint64_t check_accounts(const Accounts *a) {
  uint64_t r;
  if ((r = sg_require_signer(a->authority)) != SOL_SUCCESS || (r = sg_require_writable(a->authority)) != SOL_SUCCESS ||
      (r = sg_require_writable(a->market)) != SOL_SUCCESS || (r = sg_require_writable(a->stable_vault)) != SOL_SUCCESS ||
      (r = sg_require_writable(a->token_vault)) != SOL_SUCCESS ||
      (r = sg_require_token_program(a->token_program)) != SOL_SUCCESS ||
      (r = sg_require_system_program(a->system_program)) != SOL_SUCCESS)
    return r;
  return check_mints(a);
}

/* The market address is predictable, so lamports sent there first are adopted
 * (pda_account.h) rather than blocking the market id; only data or another
 * owner means a market exists. The vaults are derived from the market address,
 * so it is checked first. */
static uint64_t check_addresses(const Accounts *a, Seeds *s, const SolPubkey *program_id) {
  uint64_t r = sg_find_pda(a->market, s->market.seeds, SG_MARKET_SEEDS, program_id, &s->market.bump[0]);
  if (r != SOL_SUCCESS)
    return r;
  if (!sg_pda_creatable(a->market))
    return SG_ERR(MARKET_ALREADY_INITIALIZED);
  sg_vault_seeds(&s->stable_vault, a->market->key, a->stable_mint->key, 0);
  sg_vault_seeds(&s->token_vault, a->market->key, a->token_mint->key, 0);
  if ((r = sg_vault_check_new(a->stable_vault, program_id, &s->stable_vault)) != SOL_SUCCESS)
    return r;
  return sg_vault_check_new(a->token_vault, program_id, &s->token_vault);
}

/* The authority pays all three accounts: refuse before the first CPI if it
 * cannot, rather than at the last creation after two have been written. Each
 * shortfall is below a rent-exempt minimum, so the sum cannot overflow. */
static uint64_t check_rent(const Accounts *a) {
  uint64_t market, stable, token, r;
  if ((r = sg_pda_rent_shortfall(a->market, sizeof(Market), &market)) != SOL_SUCCESS ||
      (r = sg_pda_rent_shortfall(a->stable_vault, SOL_TOKEN_ACCOUNT_LEN, &stable)) != SOL_SUCCESS ||
      (r = sg_pda_rent_shortfall(a->token_vault, SOL_TOKEN_ACCOUNT_LEN, &token)) != SOL_SUCCESS)
    return r;
  return *a->authority->lamports >= market + stable + token ? SOL_SUCCESS : SOL_ERR_INSUFFICIENT_FUNDS;
}

static uint64_t create_accounts(SolParameters *p, const Accounts *a, const Seeds *s) {
  SolSignerSeeds market_signer = {s->market.seeds, SG_MARKET_SEEDS + 1};
  SgPdaCreate market = {a->authority, a->market, sizeof(Market), &p->program_id, &market_signer};
  VaultCreate stable = {a->authority, a->stable_vault, a->stable_mint, a->market->key, &s->stable_vault};
  VaultCreate token = {a->authority, a->token_vault, a->token_mint, a->market->key, &s->token_vault};
  uint64_t r;
  if ((r = sg_pda_create(p, &market)) != SOL_SUCCESS || (r = sg_vault_create(p, &stable)) != SOL_SUCCESS)
    return r;
  return sg_vault_create(p, &token);
}

/* The System program zeroed the data, so counters, the token price and
 * `reserved` start at zero without a write. */
static void write_market(Market *m, const Accounts *a, const initialize_market_args *args, const Seeds *s,
                         int64_t now) {
  uint64_t disc = SOLGRID_ACCOUNT_MARKET_U64;
  __builtin_memcpy(m->discriminator, &disc, 8);
  m->market_id = args->market_id;
  m->created_at = now;
  m->authority = *a->authority->key;
  m->seed_authority = *a->authority->key;
  m->stable_mint = *a->stable_mint->key;
  m->token_mint = *a->token_mint->key;
  m->stable_vault = *a->stable_vault->key;
  m->token_vault = *a->token_vault->key;
  m->bump = s->market.bump[0];
  m->stable_vault_bump = s->stable_vault.bump[0];
  m->token_vault_bump = s->token_vault.bump[0];
  m->token_decimals = a->token_mint->data[SOL_TOKEN_MINT_DECIMALS_OFFSET];
  sg_market_params_write(m, &args->params);
}

uint64_t sg_initialize_market(SolParameters *p) {
  _Alignas(8) initialize_market_args args; /* lets clang use word loads on it */
  Accounts a;
  Seeds seeds;
  SolClock clock;
  uint64_t r;
  if ((r = sg_require_accounts(p, SOLGRID_INITIALIZE_MARKET_NUM_ACCOUNTS)) != SOL_SUCCESS ||
      (r = decode_args(p, &args)) != SOL_SUCCESS || (r = sg_market_params_check(&args.params)) != SOL_SUCCESS)
    return r;
  bind_accounts(p, &a);
  if ((r = check_accounts(&a)) != SOL_SUCCESS)
    return r;
  sg_market_seeds(&seeds.market, a.authority->key, args.market_id, 0);
  if ((r = check_addresses(&a, &seeds, &p->program_id)) != SOL_SUCCESS)
    return r;
  if (!sol_get_clock(&clock))
    return SOL_ERR_INVALID_ARGUMENT;
  if ((r = check_rent(&a)) != SOL_SUCCESS || (r = create_accounts(p, &a, &seeds)) != SOL_SUCCESS)
    return r;
  write_market((Market *)a.market->data, &a, &args, &seeds, clock.unix_timestamp);
  sg_emit_market_initialized(a.market->key, a.authority->key, args.market_id);
  return SOL_SUCCESS;
}
