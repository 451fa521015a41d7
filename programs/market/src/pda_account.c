/* pda_account.c - see pda_account.h. */
#include "pda_account.h"
#include "errors.h"
#include "sol/log.h"
#include "sol/rent.h"
#include "sol/system.h"

bool sg_pda_creatable(const SolAccountInfo *a) { return a->data_len == 0 && sol_is_system_program(a->owner); }

static bool rent_for(uint64_t space, uint64_t *lamports) {
  SolRent rent;
  if (sol_get_rent(&rent) && sol_rent_minimum_balance(&rent, space, lamports))
    return true;
  sol_log_literal("rent sysvar: unsupported exemption threshold");
  return false;
}

uint64_t sg_pda_rent_shortfall(const SolAccountInfo *account, uint64_t space, uint64_t *out) {
  uint64_t rent, have = *account->lamports;
  if (!rent_for(space, &rent))
    return SOL_ERR_INVALID_ARGUMENT;
  *out = have >= rent ? 0 : rent - have;
  return SOL_SUCCESS;
}

uint64_t sg_pda_require_rent(const SolAccountInfo *payer, const SolAccountInfo *account, uint64_t space) {
  uint64_t need, r = sg_pda_rent_shortfall(account, space, &need);
  if (r != SOL_SUCCESS)
    return r;
  return *payer->lamports >= need ? SOL_SUCCESS : SOL_ERR_INSUFFICIENT_FUNDS;
}

static uint64_t adopt(const SolParameters *p, const SgPdaCreate *c, uint64_t rent) {
  uint64_t r, have = *c->account->lamports;
  if (have < rent && (r = sol_system_transfer(c->payer, c->account, rent - have, p->accounts, p->n_accounts)) != 0)
    return r;
  if ((r = sol_system_allocate(c->account, c->space, p->accounts, p->n_accounts, c->signer)) != SOL_SUCCESS)
    return r;
  return sol_system_assign(c->account, c->owner, p->accounts, p->n_accounts, c->signer);
}

uint64_t sg_pda_create(const SolParameters *p, const SgPdaCreate *c) {
  SolCreateAccount create = {c->payer, c->account, 0, c->space, c->owner};
  uint64_t r;
  if (!rent_for(c->space, &create.lamports))
    return SOL_ERR_INVALID_ARGUMENT;
  if (*c->account->lamports == 0)
    r = sol_system_create_account(&create, p->accounts, p->n_accounts, c->signer, 1);
  else
    r = adopt(p, c, create.lamports);
  if (r != SOL_SUCCESS)
    return r;
  /* The runtime updated data_len and owner in our account info; trust but verify. */
  if (c->account->data_len != c->space || !sol_pubkey_eq(c->account->owner, c->owner))
    return SG_ERR(ACCOUNT_DATA_TOO_SMALL);
  return SOL_SUCCESS;
}
