/* deposit - move `amount` of one of the market's mints from the owner's token
 * account into the market's vault and credit the owner's Balance, opening it
 * (owner pays the rent) if needed. Accounts: owner [signer, writable], market,
 * mint, balance [writable], source [writable], vault [writable], token_program,
 * system_program. All checks, the overflow one included, come before the
 * transfer. */
#include "balance.h"
#include "errors.h"
#include "events.h"
#include "instructions/instructions.h"
#include "market_account.h"
#include "pda_account.h"
#include "sol/token.h"
#include "token_account.h"
#include "validate.h"

typedef struct {
  SolAccountInfo *owner;
  SolAccountInfo *market;
  SolAccountInfo *mint;
  SolAccountInfo *balance;
  SolAccountInfo *source;
  SolAccountInfo *vault;
  SolAccountInfo *token_program;
  SolAccountInfo *system_program;
} Accounts;

static void bind_accounts(SolParameters *p, Accounts *a) {
  a->owner = &p->accounts[SOLGRID_DEPOSIT_ACCOUNT_OWNER];
  a->market = &p->accounts[SOLGRID_DEPOSIT_ACCOUNT_MARKET];
  a->mint = &p->accounts[SOLGRID_DEPOSIT_ACCOUNT_MINT];
  a->balance = &p->accounts[SOLGRID_DEPOSIT_ACCOUNT_BALANCE];
  a->source = &p->accounts[SOLGRID_DEPOSIT_ACCOUNT_SOURCE];
  a->vault = &p->accounts[SOLGRID_DEPOSIT_ACCOUNT_VAULT];
  a->token_program = &p->accounts[SOLGRID_DEPOSIT_ACCOUNT_TOKEN_PROGRAM];
  a->system_program = &p->accounts[SOLGRID_DEPOSIT_ACCOUNT_SYSTEM_PROGRAM];
}

static uint64_t check_flags(const Accounts *a) {
  uint64_t r;
  if ((r = sg_require_signer(a->owner)) != SOL_SUCCESS || (r = sg_require_writable(a->owner)) != SOL_SUCCESS ||
      (r = sg_require_writable(a->balance)) != SOL_SUCCESS || (r = sg_require_writable(a->source)) != SOL_SUCCESS ||
      (r = sg_require_writable(a->vault)) != SOL_SUCCESS ||
      (r = sg_require_token_program(a->token_program)) != SOL_SUCCESS)
    return r;
  return sg_require_system_program(a->system_program);
}

/* The mint is one of the market's, the vault is the market's vault for it, and
 * the source is the signer's own token account of that mint - never the vault
 * (the Market PDA owns it and cannot sign here, but a self-transfer would credit
 * the Balance for nothing, so refuse it outright, as withdraw does). */
static uint64_t check_market_accounts(const Accounts *a, const SolPubkey *program_id) {
  const SolPubkey *vault;
  Market *m;
  uint64_t r = sg_market_load(a->market, program_id, &m);
  if (r != SOL_SUCCESS)
    return r;
  if ((vault = sg_market_vault_for(m, a->mint->key)) == NULL)
    return SG_ERR(MINT_NOT_ACCEPTED);
  if (!sol_pubkey_eq(a->vault->key, vault) || sol_pubkey_eq(a->source->key, vault))
    return SG_ERR(WRONG_VAULT);
  return sg_require_token_account(a->source, a->mint->key, a->owner->key);
}

/* An open Balance must have room for the amount; an unopened one must be at
 * its PDA (seeds filled for the creation) and the owner must hold its rent, or
 * the creation would fail after the tokens moved. *b is NULL if it is to be
 * created. */
static uint64_t check_balance(const Accounts *a, const SolPubkey *program_id, uint64_t amount, BalanceSeeds *s,
                              Balance **b) {
  BalanceKey key = {a->market->key, a->owner->key, a->mint->key};
  uint64_t sum, r;
  *b = NULL;
  if (sg_balance_unopened(a->balance)) {
    if ((r = sg_balance_check_new(a->balance, program_id, &key, s)) != SOL_SUCCESS)
      return r;
    return sg_pda_require_rent(a->owner, a->balance, sizeof(Balance));
  }
  if ((r = sg_balance_load(a->balance, program_id, &key, b)) != SOL_SUCCESS)
    return r;
  return __builtin_add_overflow((*b)->available, amount, &sum) ? SG_ERR(ARITHMETIC_OVERFLOW) : SOL_SUCCESS;
}

uint64_t sg_deposit(SolParameters *p) {
  Accounts a;
  BalanceSeeds seeds;
  Balance *b;
  uint64_t amount, r;
  if ((r = sg_require_accounts(p, SOLGRID_DEPOSIT_NUM_ACCOUNTS)) != SOL_SUCCESS)
    return r;
  if (p->data_len != SOLGRID_DEPOSIT_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  if ((amount = sol_read_u64(p->data + 8)) == 0)
    return SG_ERR(ZERO_AMOUNT);
  bind_accounts(p, &a);
  if ((r = check_flags(&a)) != SOL_SUCCESS || (r = check_market_accounts(&a, &p->program_id)) != SOL_SUCCESS ||
      (r = check_balance(&a, &p->program_id, amount, &seeds, &b)) != SOL_SUCCESS)
    return r;
  SolTokenTransfer t = {a.source, a.vault, a.owner, amount};
  if ((r = sol_token_transfer(&t, p->accounts, p->n_accounts, NULL, 0)) != SOL_SUCCESS)
    return r;
  if (b == NULL && (r = sg_balance_create(p, a.owner, a.balance, &seeds, &b)) != SOL_SUCCESS)
    return r;
  if ((r = sg_balance_credit(b, amount)) != SOL_SUCCESS)
    return r;
  sg_emit_deposited(a.market->key, b, amount);
  return SOL_SUCCESS;
}
