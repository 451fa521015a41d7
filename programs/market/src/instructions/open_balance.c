/* open_balance - create the Balance ["balance", market, owner, mint] so funds can
 * be credited to the owner (e.g. a provider's or the treasury's Balance before a
 * settlement pays into it). Permissionless: the payer signs and pays the rent;
 * the owner need not sign, nothing can be taken from an empty Balance.
 * Idempotent: an already open Balance is left as it is.
 * Accounts: payer [signer, writable], owner, market, mint, balance [writable],
 * system_program. */
#include "balance.h"
#include "errors.h"
#include "instructions/instructions.h"
#include "market_account.h"
#include "validate.h"

typedef struct {
  SolAccountInfo *payer;
  SolAccountInfo *owner;
  SolAccountInfo *market;
  SolAccountInfo *mint;
  SolAccountInfo *balance;
  SolAccountInfo *system_program;
} Accounts;

static void bind_accounts(SolParameters *p, Accounts *a) {
  a->payer = &p->accounts[SOLGRID_OPEN_BALANCE_ACCOUNT_PAYER];
  a->owner = &p->accounts[SOLGRID_OPEN_BALANCE_ACCOUNT_OWNER];
  a->market = &p->accounts[SOLGRID_OPEN_BALANCE_ACCOUNT_MARKET];
  a->mint = &p->accounts[SOLGRID_OPEN_BALANCE_ACCOUNT_MINT];
  a->balance = &p->accounts[SOLGRID_OPEN_BALANCE_ACCOUNT_BALANCE];
  a->system_program = &p->accounts[SOLGRID_OPEN_BALANCE_ACCOUNT_SYSTEM_PROGRAM];
}

static uint64_t check_accounts(const Accounts *a, const SolPubkey *program_id) {
  Market *m;
  uint64_t r;
  if ((r = sg_require_signer(a->payer)) != SOL_SUCCESS || (r = sg_require_writable(a->payer)) != SOL_SUCCESS ||
      (r = sg_require_writable(a->balance)) != SOL_SUCCESS ||
      (r = sg_require_system_program(a->system_program)) != SOL_SUCCESS ||
      (r = sg_market_load(a->market, program_id, &m)) != SOL_SUCCESS)
    return r;
  return sg_market_vault_for(m, a->mint->key) != NULL ? SOL_SUCCESS : SG_ERR(MINT_NOT_ACCEPTED);
}

uint64_t sg_open_balance(SolParameters *p) {
  Accounts a;
  BalanceSeeds seeds;
  Balance *b;
  uint64_t r;
  if ((r = sg_require_accounts(p, SOLGRID_OPEN_BALANCE_NUM_ACCOUNTS)) != SOL_SUCCESS)
    return r;
  if (p->data_len != SOLGRID_OPEN_BALANCE_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  bind_accounts(p, &a);
  if ((r = check_accounts(&a, &p->program_id)) != SOL_SUCCESS)
    return r;
  BalanceKey key = {a.market->key, a.owner->key, a.mint->key};
  if (!sg_balance_unopened(a.balance))
    return sg_balance_load(a.balance, &p->program_id, &key, &b);
  if ((r = sg_balance_check_new(a.balance, &p->program_id, &key, &seeds)) != SOL_SUCCESS)
    return r;
  return sg_balance_create(p, a.payer, a.balance, &seeds, &b);
}
