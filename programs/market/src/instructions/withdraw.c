/* withdraw - pay `amount` of the owner's available funds (never locked ones)
 * from the market's vault to a token account of the mint; the Market PDA signs
 * the transfer. Accounts: owner [signer], market, mint, balance [writable],
 * destination [writable], vault [writable], token_program. */
#include "balance.h"
#include "errors.h"
#include "events.h"
#include "instructions/instructions.h"
#include "market_account.h"
#include "market_pda.h"
#include "sol/token.h"
#include "token_account.h"
#include "validate.h"

typedef struct {
  SolAccountInfo *owner;
  SolAccountInfo *market;
  SolAccountInfo *mint;
  SolAccountInfo *balance;
  SolAccountInfo *destination;
  SolAccountInfo *vault;
  SolAccountInfo *token_program;
} Accounts;

static void bind_accounts(SolParameters *p, Accounts *a) {
  a->owner = &p->accounts[SOLGRID_WITHDRAW_ACCOUNT_OWNER];
  a->market = &p->accounts[SOLGRID_WITHDRAW_ACCOUNT_MARKET];
  a->mint = &p->accounts[SOLGRID_WITHDRAW_ACCOUNT_MINT];
  a->balance = &p->accounts[SOLGRID_WITHDRAW_ACCOUNT_BALANCE];
  a->destination = &p->accounts[SOLGRID_WITHDRAW_ACCOUNT_DESTINATION];
  a->vault = &p->accounts[SOLGRID_WITHDRAW_ACCOUNT_VAULT];
  a->token_program = &p->accounts[SOLGRID_WITHDRAW_ACCOUNT_TOKEN_PROGRAM];
}

static uint64_t check_flags(const Accounts *a) {
  uint64_t r;
  if ((r = sg_require_signer(a->owner)) != SOL_SUCCESS || (r = sg_require_writable(a->balance)) != SOL_SUCCESS ||
      (r = sg_require_writable(a->destination)) != SOL_SUCCESS || (r = sg_require_writable(a->vault)) != SOL_SUCCESS)
    return r;
  return sg_require_token_program(a->token_program);
}

/* The destination may belong to anyone, but it must hold the same mint and not
 * be the vault itself (a self-transfer would debit the Balance for nothing). */
static uint64_t check_market_accounts(const Accounts *a, const SolPubkey *program_id, Market **m) {
  const SolPubkey *vault;
  uint64_t r = sg_market_load(a->market, program_id, m);
  if (r != SOL_SUCCESS)
    return r;
  if ((vault = sg_market_vault_for(*m, a->mint->key)) == NULL)
    return SG_ERR(MINT_NOT_ACCEPTED);
  if (!sol_pubkey_eq(a->vault->key, vault))
    return SG_ERR(WRONG_VAULT);
  if (sol_pubkey_eq(a->destination->key, vault))
    return SG_ERR(INVALID_TOKEN_ACCOUNT);
  return sg_require_token_account(a->destination, a->mint->key, NULL);
}

static uint64_t pay_out(const SolParameters *p, const Accounts *a, const Market *m, uint64_t amount) {
  MarketSeeds seeds;
  sg_market_seeds(&seeds, &m->seed_authority, m->market_id, m->bump);
  SolSignerSeeds signer = {seeds.seeds, SG_MARKET_SEEDS + 1};
  SolTokenTransfer t = {a->vault, a->destination, a->market, amount};
  return sol_token_transfer(&t, p->accounts, p->n_accounts, &signer, 1);
}

uint64_t sg_withdraw(SolParameters *p) {
  Accounts a;
  Market *m;
  Balance *b;
  uint64_t amount, r;
  if ((r = sg_require_accounts(p, SOLGRID_WITHDRAW_NUM_ACCOUNTS)) != SOL_SUCCESS)
    return r;
  if (p->data_len != SOLGRID_WITHDRAW_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  if ((amount = sol_read_u64(p->data + 8)) == 0)
    return SG_ERR(ZERO_AMOUNT);
  bind_accounts(p, &a);
  BalanceKey key = {a.market->key, a.owner->key, a.mint->key};
  if ((r = check_flags(&a)) != SOL_SUCCESS || (r = check_market_accounts(&a, &p->program_id, &m)) != SOL_SUCCESS ||
      (r = sg_balance_load(a.balance, &p->program_id, &key, &b)) != SOL_SUCCESS)
    return r;
  if (amount > b->available)
    return SG_ERR(INSUFFICIENT_FUNDS);
  if ((r = pay_out(p, &a, m, amount)) != SOL_SUCCESS)
    return r;
  sg_balance_debit(b, amount); /* cannot fail: checked above */
  sg_emit_withdrawn(a.market->key, b, amount);
  return SOL_SUCCESS;
}
