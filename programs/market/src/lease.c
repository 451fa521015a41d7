/* lease.c - see lease.h. */
#include "lease.h"
#include "errors.h"
#include "sol/mem.h"
#include "validate.h"

uint64_t sg_lease_load(const SolAccountInfo *a, const SolPubkey *program_id, const SolPubkey *market, Lease *out) {
  uint64_t r;
  if ((r = sg_require_owner(a, program_id)) != SOL_SUCCESS ||
      (r = sg_require_discriminator(a, SOLGRID_ACCOUNT_LEASE_U64, sizeof(Lease))) != SOL_SUCCESS)
    return r;
  sol_copy(out, a->data, sizeof *out);
  if (market != NULL && !sol_pubkey_eq(SG_LEASE_KEY(out, market), market))
    return SG_ERR(WRONG_MARKET);
  return SOL_SUCCESS;
}

void sg_lease_store(const SolAccountInfo *a, const Lease *lease) { sol_copy(a->data, lease, sizeof *lease); }
