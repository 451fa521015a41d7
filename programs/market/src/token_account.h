/* token_account.h - checks on SPL Token programs and accounts passed in. Token-2022
 * is refused by name (Token2022NotSupported) wherever it shows up, so a user
 * holding Token-2022 tokens learns why instead of reading "wrong owner". */
#ifndef SG_TOKEN_ACCOUNT_H
#define SG_TOKEN_ACCOUNT_H

#include "sol/account.h"

/* The token program account is classic SPL Token. */
uint64_t sg_require_token_program(const SolAccountInfo *a);

/* An initialized classic SPL Token mint. */
uint64_t sg_require_token_mint(const SolAccountInfo *a);

/* An initialized (not frozen) SPL Token account of `mint`; if `owner` is not
 * NULL, owned by it. Anything else is InvalidTokenAccount. */
uint64_t sg_require_token_account(const SolAccountInfo *a, const SolPubkey *mint, const SolPubkey *owner);

#endif
