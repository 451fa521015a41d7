/* vault.h - the market's token accounts, PDAs ["vault", market, mint] owned by
 * the SPL Token program whose token owner is the Market PDA: only this program,
 * signing as the market, can move what they hold. */
#ifndef SG_VAULT_H
#define SG_VAULT_H

#include "sol/entrypoint.h"
#include "sol/pda.h"

#define SG_VAULT_SEEDS 3 /* without the bump */

typedef struct {
  uint8_t bump[1];
  SolSeed seeds[SG_VAULT_SEEDS + 1];
} VaultSeeds;

/* Fills s (bump as the last seed); s must not move afterwards. */
void sg_vault_seeds(VaultSeeds *s, const SolPubkey *market, const SolPubkey *mint, uint8_t bump);

/* The vault account is the canonical PDA for (market, mint) and still creatable;
 * s gets the seeds with the canonical bump. */
uint64_t sg_vault_check_new(const SolAccountInfo *vault, const SolPubkey *program_id, VaultSeeds *s);

typedef struct {
  const SolAccountInfo *payer;
  const SolAccountInfo *vault;
  const SolAccountInfo *mint;
  const SolPubkey *market; /* becomes the token owner */
  const VaultSeeds *seeds;
} VaultCreate;

/* Allocates the vault for the token program and runs InitializeAccount3. */
uint64_t sg_vault_create(const SolParameters *p, const VaultCreate *v);

#endif
