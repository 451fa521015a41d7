/* initialize_market - create the Market PDA ["market", authority, market_id] and
 * write its configuration; the authority signs and pays the rent.
 * Accounts: authority [signer, writable], market [writable], stable_mint,
 * token_mint, system_program. Everything is checked before the CPI that creates
 * the account, so a failure leaves every account as it was. */
#include "errors.h"
#include "events.h"
#include "instructions/instructions.h"
#include "market_pda.h"
#include "sol/clock.h"
#include "sol/log.h"
#include "sol/rent.h"
#include "sol/system.h"
#include "validate.h"

#define SG_MAX_BPS 10000

typedef struct {
  SolAccountInfo *authority;
  SolAccountInfo *market;
  SolAccountInfo *stable_mint;
  SolAccountInfo *token_mint;
  SolAccountInfo *system_program;
} Accounts;

/* Instruction data is unaligned: copy the args out once, by syscall (an inline
 * copy from an unaligned source is one byte load per byte). Trailing bytes are
 * refused too, so a client built from a different IDL fails loudly. */
static uint64_t decode_args(const SolParameters *p, initialize_market_args *args) {
  if (p->data_len != SOLGRID_INITIALIZE_MARKET_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  sol_copy(args, p->data + 8, sizeof *args);
  return SOL_SUCCESS;
}

static uint64_t check_params(const MarketParams *m) {
  if (m->fee_bps_stable > SG_MAX_BPS || m->fee_bps_token > m->fee_bps_stable || m->miner_fee_share_bps > SG_MAX_BPS)
    return SG_ERR(INVALID_FEE_BPS);
  return SOL_SUCCESS;
}

static void bind_accounts(SolParameters *p, Accounts *a) {
  a->authority = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_AUTHORITY];
  a->market = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_MARKET];
  a->stable_mint = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_STABLE_MINT];
  a->token_mint = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_TOKEN_MINT];
  a->system_program = &p->accounts[SOLGRID_INITIALIZE_MARKET_ACCOUNT_SYSTEM_PROGRAM];
}

/* Two distinct mints: one mint for both would make the token discount
 * meaningless and give both vaults the same address. */
static uint64_t check_mints(const Accounts *a) {
  uint64_t r;
  if ((r = sg_require_mint(a->stable_mint)) != SOL_SUCCESS || (r = sg_require_mint(a->token_mint)) != SOL_SUCCESS)
    return r;
  return sol_pubkey_eq(a->stable_mint->key, a->token_mint->key) ? SG_ERR(INVALID_MINT) : SOL_SUCCESS;
}

static uint64_t check_accounts(const Accounts *a) {
  uint64_t r;
  if ((r = sg_require_signer(a->authority)) != SOL_SUCCESS || (r = sg_require_writable(a->authority)) != SOL_SUCCESS ||
      (r = sg_require_writable(a->market)) != SOL_SUCCESS ||
      (r = sg_require_system_program(a->system_program)) != SOL_SUCCESS)
    return r;
  return check_mints(a);
}

/* An address that already holds lamports cannot be created with CreateAccount;
 * the authority picks another market_id then. */
static uint64_t check_market_address(const Accounts *a, MarketSeeds *s, const SolPubkey *program_id) {
  uint64_t r = sg_find_pda(a->market, s->seeds, SG_MARKET_SEEDS, program_id, &s->bump[0]);
  if (r != SOL_SUCCESS)
    return r;
  return sg_require_unused(a->market, SG_ERR(MARKET_ALREADY_INITIALIZED));
}

static uint64_t create_market_account(SolParameters *p, const Accounts *a, const MarketSeeds *s) {
  SolRent rent;
  SolCreateAccount c = {a->authority, a->market, 0, sizeof(Market), &p->program_id};
  SolSignerSeeds signer = {s->seeds, SG_MARKET_SEEDS + 1};
  uint64_t r;
  if (!sol_get_rent(&rent) || !sol_rent_minimum_balance(&rent, sizeof(Market), &c.lamports)) {
    sol_log_literal("rent sysvar: unsupported exemption threshold");
    return SOL_ERR_INVALID_ARGUMENT;
  }
  if ((r = sol_system_create_account(&c, p->accounts, p->n_accounts, &signer, 1)) != SOL_SUCCESS)
    return r;
  /* The runtime updated data_len in our account info; trust but verify. */
  if (a->market->data_len != sizeof(Market) || !sol_pubkey_eq(a->market->owner, &p->program_id))
    return SG_ERR(ACCOUNT_DATA_TOO_SMALL);
  return SOL_SUCCESS;
}

static void write_params(Market *m, const MarketParams *params) {
  __builtin_memcpy(m->treasury.x, params->treasury, SOL_PUBKEY_LEN);
  __builtin_memcpy(m->oracle_authority.x, params->oracle_authority, SOL_PUBKEY_LEN);
  m->subsidy_per_gpu_hour = params->subsidy_per_gpu_hour;
  m->checker_reward_per_report = params->checker_reward_per_report;
  m->miner_price_micro_usd = params->miner_price_micro_usd;
  m->max_price_staleness_secs = params->max_price_staleness_secs;
  m->checker_min_report_interval_secs = params->checker_min_report_interval_secs;
  m->miner_max_supply = params->miner_max_supply;
  m->fee_bps_stable = params->fee_bps_stable;
  m->fee_bps_token = params->fee_bps_token;
  m->miner_fee_share_bps = params->miner_fee_share_bps;
}

/* The System program zeroed the data, so counters, the token price, the vaults
 * and `reserved` start at zero without a write. */
static void write_market(Market *m, const Accounts *a, const initialize_market_args *args, uint8_t bump,
                         int64_t now) {
  uint64_t disc = SOLGRID_ACCOUNT_MARKET_U64;
  __builtin_memcpy(m->discriminator, &disc, 8);
  m->market_id = args->market_id;
  m->created_at = now;
  m->authority = *a->authority->key;
  m->stable_mint = *a->stable_mint->key;
  m->token_mint = *a->token_mint->key;
  m->bump = bump;
  write_params(m, &args->params);
}

uint64_t sg_initialize_market(SolParameters *p) {
  _Alignas(8) initialize_market_args args; /* lets clang use word loads on it */
  Accounts a;
  MarketSeeds seeds;
  SolClock clock;
  uint64_t r;
  if ((r = sg_require_accounts(p, SOLGRID_INITIALIZE_MARKET_NUM_ACCOUNTS)) != SOL_SUCCESS ||
      (r = decode_args(p, &args)) != SOL_SUCCESS || (r = check_params(&args.params)) != SOL_SUCCESS)
    return r;
  bind_accounts(p, &a);
  if ((r = check_accounts(&a)) != SOL_SUCCESS)
    return r;
  sg_market_seeds(&seeds, a.authority->key, args.market_id, 0);
  if ((r = check_market_address(&a, &seeds, &p->program_id)) != SOL_SUCCESS)
    return r;
  if (!sol_get_clock(&clock))
    return SOL_ERR_INVALID_ARGUMENT;
  if ((r = create_market_account(p, &a, &seeds)) != SOL_SUCCESS)
    return r;
  write_market((Market *)a.market->data, &a, &args, seeds.bump[0], clock.unix_timestamp);
  sg_emit_market_initialized(a.market->key, a.authority->key, args.market_id);
  return SOL_SUCCESS;
}
