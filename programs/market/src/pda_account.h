/* pda_account.h - creating an account at one of our PDAs. Anyone can send
 * lamports to a PDA before it exists, and CreateAccount refuses an address that
 * holds lamports; so a funded but empty, System-owned address is adopted instead
 * (Transfer the rent shortfall, Allocate, Assign), and a stranger's dust cannot
 * block a market, its vaults, an OrderState, a Lease or a user's Balance. */
#ifndef SG_PDA_ACCOUNT_H
#define SG_PDA_ACCOUNT_H

#include "sol/cpi.h"
#include "sol/entrypoint.h"

typedef struct {
  const SolAccountInfo *payer;  /* signer, writable: pays the rent */
  const SolAccountInfo *account; /* the PDA, writable */
  uint64_t space;
  const SolPubkey *owner;        /* program that will own it */
  const SolSignerSeeds *signer;  /* the PDA's seeds, bump included */
} SgPdaCreate;

/* True if the account can still be created: no data and owned by the System
 * program (lamports may be present). */
bool sg_pda_creatable(const SolAccountInfo *a);

/* What creating (or adopting) the account for `space` will take from its payer:
 * the rent less the lamports already there (SOL_ERR_INVALID_ARGUMENT if the
 * rent sysvar cannot be read). */
uint64_t sg_pda_rent_shortfall(const SolAccountInfo *account, uint64_t space, uint64_t *out);

/* The payer holds the rent that creating the account for `space` will take from
 * it (SOL_ERR_INSUFFICIENT_FUNDS if not): for an instruction that must refuse
 * before an earlier side effect (deposit's token transfer). */
uint64_t sg_pda_require_rent(const SolAccountInfo *payer, const SolAccountInfo *account, uint64_t space);

/* Creates (or adopts) the account, rent-exempt for `space`. The caller has
 * checked the address and that it is creatable. */
uint64_t sg_pda_create(const SolParameters *p, const SgPdaCreate *c);

#endif
