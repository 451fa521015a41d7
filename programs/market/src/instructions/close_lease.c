/* close_lease - closes a Closed lease and returns its rent to the rent_payer
 * recorded at commit (permissionless: the lamports can only go there).
 * Accounts: lease [writable], rent_payer [writable]. */
#include "account_close.h"
#include "errors.h"
#include "instructions/instructions.h"
#include "lease.h"
#include "validate.h"

static uint64_t check(SolParameters *p, SolAccountInfo *lease, const SolAccountInfo *rent_payer) {
  _Alignas(8) Lease l;
  uint64_t r;
  if ((r = sg_require_writable(lease)) != SOL_SUCCESS || (r = sg_require_writable(rent_payer)) != SOL_SUCCESS ||
      (r = sg_lease_load(lease, &p->program_id, NULL, &l)) != SOL_SUCCESS)
    return r;
  if (l.state != SOLGRID_LEASE_STATE_CLOSED)
    return SG_ERR(LEASE_STILL_ACTIVE);
  return sol_pubkey_eq(rent_payer->key, SG_LEASE_KEY(&l, rent_payer)) ? SOL_SUCCESS : SG_ERR(WRONG_LEASE_PARTY);
}

uint64_t sg_close_lease(SolParameters *p) {
  SolAccountInfo *lease = &p->accounts[SOLGRID_CLOSE_LEASE_ACCOUNT_LEASE];
  SolAccountInfo *rent_payer = &p->accounts[SOLGRID_CLOSE_LEASE_ACCOUNT_RENT_PAYER];
  uint64_t r;
  if (p->data_len != SOLGRID_CLOSE_LEASE_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  if ((r = sg_require_accounts(p, SOLGRID_CLOSE_LEASE_NUM_ACCOUNTS)) != SOL_SUCCESS ||
      (r = check(p, lease, rent_payer)) != SOL_SUCCESS)
    return r;
  return sg_close_account(lease, rent_payer) ? SOL_SUCCESS : SG_ERR(ARITHMETIC_OVERFLOW);
}
