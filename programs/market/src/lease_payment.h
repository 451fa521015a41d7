/* lease_payment.h - the body shared by settle_lease, cancel_lease and
 * release_lease, whose accounts are the same list (market, lease, renter /
 * provider / treasury Balance), cancel and release with the ending party's
 * signer in front. */
#ifndef SG_LEASE_PAYMENT_H
#define SG_LEASE_PAYMENT_H

#include "sol/entrypoint.h"
#include "solgrid_market_idl.h"

typedef enum { SG_PARTY_ANYONE, SG_PARTY_RENTER, SG_PARTY_PROVIDER } LeaseParty;

typedef struct {
  uint64_t n_accounts;  /* the instruction's account count */
  uint64_t market;      /* index of the market account; lease and Balances follow it */
  LeaseParty ends;      /* who may end the lease early (its signer is at index 0), or ANYONE: settle only */
  CloseReason reason;   /* close reason of an early end */
} LeasePayment;

/* Settles the lease to now and, for cancel/release, refunds the rest and closes
 * it. Every check runs before the first write. Emits LeaseSettled, and
 * LeaseClosed when the lease ends. */
uint64_t sg_lease_payment(SolParameters *p, const LeasePayment *how);

#endif
