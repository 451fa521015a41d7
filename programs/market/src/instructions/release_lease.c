/* release_lease - the provider ends a lease early: it and the treasury are paid
 * to now, the unaccrued cost and fee go back to the renter's available.
 * Accounts: provider [signer], market, lease [writable], renter / provider /
 * treasury Balance [writable]. */
#include "errors.h"
#include "instructions/instructions.h"
#include "lease_payment.h"

uint64_t sg_release_lease(SolParameters *p) {
  static const LeasePayment how = {SOLGRID_RELEASE_LEASE_NUM_ACCOUNTS, SOLGRID_RELEASE_LEASE_ACCOUNT_MARKET,
                                   SG_PARTY_PROVIDER, SOLGRID_CLOSE_REASON_RELEASED_BY_PROVIDER};
  _Static_assert(SOLGRID_RELEASE_LEASE_ACCOUNT_PROVIDER == 0, "the ending party signs first");
  if (p->data_len != SOLGRID_RELEASE_LEASE_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  /* TODO(node registry issue): record the early release on the node's account
   * (its reliability counts releases) once nodes are registered on chain. */
  return sg_lease_payment(p, &how);
}
