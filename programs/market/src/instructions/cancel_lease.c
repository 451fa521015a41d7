/* cancel_lease - the renter ends its lease early: the provider and the treasury
 * are paid to now, the unaccrued cost and fee go back to the renter's available.
 * Accounts: renter [signer], market, lease [writable], renter / provider /
 * treasury Balance [writable]. */
#include "errors.h"
#include "instructions/instructions.h"
#include "lease_payment.h"

uint64_t sg_cancel_lease(SolParameters *p) {
  static const LeasePayment how = {SOLGRID_CANCEL_LEASE_NUM_ACCOUNTS, SOLGRID_CANCEL_LEASE_ACCOUNT_MARKET,
                                   SG_PARTY_RENTER, SOLGRID_CLOSE_REASON_CANCELLED_BY_RENTER};
  _Static_assert(SOLGRID_CANCEL_LEASE_ACCOUNT_RENTER == 0, "the ending party signs first");
  if (p->data_len != SOLGRID_CANCEL_LEASE_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  return sg_lease_payment(p, &how);
}
