/* settle_lease - permissionless crank: pays the provider (cost) and the
 * treasury (fee) what accrued since the last settlement, from the renter's
 * locked funds; from the end on it pays the rest and closes the lease as
 * Expired. Accounts: market, lease [writable], renter / provider / treasury
 * Balance [writable]. */
#include "errors.h"
#include "instructions/instructions.h"
#include "lease_payment.h"

uint64_t sg_settle_lease(SolParameters *p) {
  static const LeasePayment how = {SOLGRID_SETTLE_LEASE_NUM_ACCOUNTS, SOLGRID_SETTLE_LEASE_ACCOUNT_MARKET,
                                   SG_PARTY_ANYONE, SOLGRID_CLOSE_REASON_NONE};
  if (p->data_len != SOLGRID_SETTLE_LEASE_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  return sg_lease_payment(p, &how);
}
