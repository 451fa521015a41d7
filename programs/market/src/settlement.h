/* settlement.h - the money of a lease, on an 8-aligned Lease copy and staged
 * Balances (nothing is written to an account here; on an error the caller just
 * drops the copies). All arithmetic is checked: an overflow or a renter whose
 * locked funds do not cover the lease (a broken invariant) is ArithmeticOverflow. */
#ifndef SG_SETTLEMENT_H
#define SG_SETTLEMENT_H

#include "lease_balances.h"

/* Pays what accrued up to now (accrual.h) and was not paid yet: the cost from
 * the renter's locked to the provider's available, the fee to the treasury's.
 * Time never runs backwards for a lease: settled_until only grows. From the end
 * on, everything is paid and the lease is Closed as Expired (closed_at = end_ts).
 * LeaseNotActive if it was already closed. */
uint64_t sg_settle(Lease *lease, LeaseBalances *b, int64_t now);

/* Ends a settled, still active lease early: the unaccrued cost and fee go from
 * the renter's locked back to its available, recorded in `refunded`; Closed
 * with `reason` at now. */
uint64_t sg_end_early(Lease *lease, LeaseBalances *b, int64_t now, CloseReason reason);

#endif
