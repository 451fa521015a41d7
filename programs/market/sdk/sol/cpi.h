/* sol/cpi.h - cross-program invocation through sol_invoke_signed_c. The structs
 * are the C ABI the runtime translates (field order and widths fixed). */
#ifndef SOL_CPI_H
#define SOL_CPI_H

#include "sol/account.h"
#include "sol/syscalls.h"

typedef struct SolAccountMeta {
  const SolPubkey *pubkey;
  bool is_writable;
  bool is_signer;
} SolAccountMeta;

typedef struct SolInstruction {
  const SolPubkey *program_id;
  const SolAccountMeta *accounts;
  uint64_t account_len;
  const uint8_t *data;
  uint64_t data_len;
} SolInstruction;

/* The seeds of one PDA signer, bump included. */
typedef struct SolSignerSeeds {
  const SolBytes *addr;
  uint64_t len;
} SolSignerSeeds;

/* infos must hold an entry for every account of ix (extra entries are fine; the
 * program's own account array can be passed as is). */
static inline uint64_t sol_invoke_signed(const SolInstruction *ix, const SolAccountInfo *infos, uint64_t n_infos,
                                         const SolSignerSeeds *signers, uint64_t n_signers) {
  return sol_invoke_signed_c(ix, infos, n_infos, signers, n_signers);
}

#endif
