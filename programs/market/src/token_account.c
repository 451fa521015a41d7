/* token_account.c - see token_account.h. */
#include "token_account.h"
#include "errors.h"
#include "sol/token.h"

uint64_t sg_require_token_program(const SolAccountInfo *a) {
  if (sol_is_token_2022_program(a->key))
    return SG_ERR(TOKEN2022_NOT_SUPPORTED);
  return sol_is_token_program(a->key) ? SOL_SUCCESS : SG_ERR(WRONG_PROGRAM_ACCOUNT);
}

uint64_t sg_require_token_mint(const SolAccountInfo *a) {
  if (sol_is_token_2022_program(a->owner))
    return SG_ERR(TOKEN2022_NOT_SUPPORTED);
  if (!sol_is_token_program(a->owner))
    return SG_ERR(ACCOUNT_OWNER_MISMATCH);
  return sol_token_mint_initialized(a) ? SOL_SUCCESS : SG_ERR(INVALID_MINT);
}

uint64_t sg_require_token_account(const SolAccountInfo *a, const SolPubkey *mint, const SolPubkey *owner) {
  if (sol_is_token_2022_program(a->owner))
    return SG_ERR(TOKEN2022_NOT_SUPPORTED);
  if (!sol_is_token_program(a->owner) || a->data_len != SOL_TOKEN_ACCOUNT_LEN ||
      a->data[SOL_TOKEN_ACCOUNT_STATE_OFFSET] != SOL_TOKEN_ACCOUNT_STATE_INITIALIZED ||
      !sol_pubkey_eq(sol_token_account_mint(a), mint))
    return SG_ERR(INVALID_TOKEN_ACCOUNT);
  if (owner != NULL && !sol_pubkey_eq(sol_token_account_owner(a), owner))
    return SG_ERR(INVALID_TOKEN_ACCOUNT);
  return SOL_SUCCESS;
}
