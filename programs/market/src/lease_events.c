/* lease_events.c - see lease_events.h. */
#include "lease_events.h"
#include "sol/log.h"

void sg_emit_lease_settled(const SolPubkey *lease_key, const Lease *lease) {
  LeaseSettled ev;
  uint64_t disc = SOLGRID_EVENT_LEASE_SETTLED_U64;
  __builtin_memcpy(ev.discriminator, &disc, 8);
  ev.lease = *lease_key;
  ev.paid_cost = lease->paid_cost;
  ev.paid_fee = lease->paid_fee;
  ev.settled_until = lease->settled_until;
  sol_emit_event(&ev, sizeof ev);
}

void sg_emit_lease_closed(const SolPubkey *lease_key, const Lease *lease) {
  LeaseClosed ev;
  uint64_t disc = SOLGRID_EVENT_LEASE_CLOSED_U64;
  __builtin_memcpy(ev.discriminator, &disc, 8);
  __builtin_memcpy(ev.lease, lease_key->x, SOL_PUBKEY_LEN);
  ev.reason = lease->close_reason;
  ev.refunded = lease->refunded;
  sol_emit_event(&ev, sizeof ev);
}
