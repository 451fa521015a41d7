/* sol/pda.h - program derived addresses:
 * sha256(seeds... || [bump] || program_id || "ProgramDerivedAddress"), valid only
 * off the ed25519 curve. Finding tries bump 255 downward at ~1 500 CU per try, so
 * find once at creation, store the bump, and re-derive with it afterwards. */
#ifndef SOL_PDA_H
#define SOL_PDA_H

#include "sol/mem.h"

#define SOL_MAX_SEEDS 16
#define SOL_MAX_SEED_LEN 32

typedef SolBytes SolSeed;

/* Canonical address and bump for seeds (without the bump). */
static inline bool sol_find_pda(const SolSeed *seeds, uint64_t n, const SolPubkey *program_id,
                                SolPubkey *out, uint8_t *bump) {
  return sol_try_find_program_address(seeds, n, program_id, out, bump) == 0;
}

/* True if key is the address of seeds, whose last seed must be the bump. */
static inline bool sol_pda_matches(const SolSeed *seeds_with_bump, uint64_t n, const SolPubkey *program_id,
                                   const SolPubkey *key) {
  SolPubkey addr;
  if (sol_create_program_address(seeds_with_bump, n, program_id, &addr) != 0)
    return false;
  return sol_pubkey_eq(&addr, key);
}

#endif
