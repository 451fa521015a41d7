/* lease.h - loading and storing a Lease account. The generated Lease is packed
 * with 2-byte alignment (its size is not a multiple of 8), so instructions work
 * on a copy in 8-aligned memory: clang then uses word loads for its u64 fields,
 * and its pubkeys, all at 8-aligned offsets, can be read as SolPubkey. */
#ifndef SG_LEASE_H
#define SG_LEASE_H

#include "sol/entrypoint.h"
#include "solgrid_market_idl.h"

/* A pubkey field of an 8-aligned Lease copy as a SolPubkey (the fields below
 * are asserted to sit at 8-aligned offsets). */
#define SG_LEASE_KEY(lease, field) ((const SolPubkey *)(const void *)(lease)->field)
_Static_assert(offsetof(Lease, market) % 8 == 0, "Lease.market alignment");
_Static_assert(offsetof(Lease, renter) % 8 == 0, "Lease.renter alignment");
_Static_assert(offsetof(Lease, provider) % 8 == 0, "Lease.provider alignment");
_Static_assert(offsetof(Lease, payment_mint) % 8 == 0, "Lease.payment_mint alignment");
_Static_assert(offsetof(Lease, rent_payer) % 8 == 0, "Lease.rent_payer alignment");

/* Checks that a is a Lease of this program (owner, discriminator, size) for
 * `market` (NULL: any market) and copies it to out, which must be 8-aligned.
 * The address is not re-derived: its seeds are the two OrderState addresses,
 * which the Lease does not record, and only commit_leases ever writes an
 * account with the Lease discriminator, at the PDA. */
uint64_t sg_lease_load(const SolAccountInfo *a, const SolPubkey *program_id, const SolPubkey *market, Lease *out);

/* Writes the copy back into the account (checked by sg_lease_load). */
void sg_lease_store(const SolAccountInfo *a, const Lease *lease);

#endif
