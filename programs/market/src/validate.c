/* validate.c - account validation helpers (see validate.h). */
#include "validate.h"
#include "errors.h"
#include "sol/system.h"
#include "sol/token.h"

uint64_t sg_require_accounts(const SolParameters *p, uint64_t n) {
  return p->n_accounts >= n ? SOL_SUCCESS : SG_ERR(NOT_ENOUGH_ACCOUNTS);
}

uint64_t sg_require_signer(const SolAccountInfo *a) {
  return a->is_signer ? SOL_SUCCESS : SG_ERR(MISSING_SIGNER);
}

uint64_t sg_require_writable(const SolAccountInfo *a) {
  return a->is_writable ? SOL_SUCCESS : SG_ERR(ACCOUNT_NOT_WRITABLE);
}

uint64_t sg_require_owner(const SolAccountInfo *a, const SolPubkey *owner) {
  return sol_pubkey_eq(a->owner, owner) ? SOL_SUCCESS : SG_ERR(ACCOUNT_OWNER_MISMATCH);
}

/* A program passed as an account (for a CPI) must be that program: a look-alike
 * would receive our signed seeds. */
uint64_t sg_require_program(const SolAccountInfo *a, const SolPubkey *program_id) {
  return sol_pubkey_eq(a->key, program_id) ? SOL_SUCCESS : SG_ERR(WRONG_PROGRAM_ACCOUNT);
}

uint64_t sg_require_system_program(const SolAccountInfo *a) {
  return sol_is_system_program(a->key) ? SOL_SUCCESS : SG_ERR(WRONG_PROGRAM_ACCOUNT);
}

/* An initialized classic SPL Token mint. Token-2022 mints are refused until the
 * program handles their extensions. */
uint64_t sg_require_mint(const SolAccountInfo *a) {
  if (!sol_is_token_program(a->owner))
    return SG_ERR(ACCOUNT_OWNER_MISMATCH);
  return sol_token_mint_initialized(a) ? SOL_SUCCESS : SG_ERR(INVALID_MINT);
}

/* One of our accounts: data at least `size` long and starting with the type's
 * discriminator (account data is 8-aligned, so one word load). The owner is
 * checked separately with sg_require_owner. */
uint64_t sg_require_discriminator(const SolAccountInfo *a, uint64_t discriminator, uint64_t size) {
  if (a->data_len < size || a->data_len < 8)
    return SG_ERR(ACCOUNT_DATA_TOO_SMALL);
  return *(const uint64_t *)a->data == discriminator ? SOL_SUCCESS : SG_ERR(ACCOUNT_DISCRIMINATOR_MISMATCH);
}

/* Creation: the account must be the canonical PDA of seeds; its bump is returned
 * for storing, so later instructions re-derive with one hash (sg_require_pda). */
uint64_t sg_find_pda(const SolAccountInfo *a, const SolSeed *seeds, uint64_t n, const SolPubkey *program_id,
                     uint8_t *bump) {
  SolPubkey expected;
  if (!sol_find_pda(seeds, n, program_id, &expected, bump))
    return SG_ERR(INVALID_PDA);
  return sol_pubkey_eq(&expected, a->key) ? SOL_SUCCESS : SG_ERR(INVALID_PDA);
}

uint64_t sg_require_pda(const SolAccountInfo *a, const SolSeed *seeds_with_bump, uint64_t n,
                        const SolPubkey *program_id) {
  return sol_pda_matches(seeds_with_bump, n, program_id, a->key) ? SOL_SUCCESS : SG_ERR(INVALID_PDA);
}
