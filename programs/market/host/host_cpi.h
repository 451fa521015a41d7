/* host_cpi.h - pieces shared by the host's emulated CPI targets. */
#ifndef HOST_CPI_H
#define HOST_CPI_H

#include "sol/cpi.h"
#include "sol/error.h"

#define HOST_ERR_PRIVILEGE_ESCALATION SOL_BUILTIN_ERROR(19)

/* The caller's account info for key, or NULL if it was not passed. */
SolAccountInfo *host_cpi_info(const SolAccountInfo *infos, uint64_t n, const SolPubkey *key);
/* The account signed the transaction, or is a PDA of the caller signed by one of the seed sets. */
bool host_cpi_signed(const SolAccountInfo *a, const SolSignerSeeds *signers, uint64_t n);

/* SPL Token InitializeAccount3 and Transfer, with the token program's checks. */
uint64_t host_token_invoke(const SolInstruction *ix, const SolAccountInfo *infos, uint64_t n_infos,
                           const SolSignerSeeds *signers, uint64_t n_signers);

#endif
