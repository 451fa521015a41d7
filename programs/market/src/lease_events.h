/* lease_events.h - the lease lifecycle events (Anchor events, see events.h). */
#ifndef SG_LEASE_EVENTS_H
#define SG_LEASE_EVENTS_H

#include "sol/types.h"
#include "solgrid_market_idl.h"

/* LeaseSettled with the lease's cumulative paid_cost, paid_fee and settled_until,
 * so an indexer can apply events in any order and keep the latest. */
void sg_emit_lease_settled(const SolPubkey *lease_key, const Lease *lease);

/* LeaseClosed with the close reason and the refunded amount. */
void sg_emit_lease_closed(const SolPubkey *lease_key, const Lease *lease);

#endif
