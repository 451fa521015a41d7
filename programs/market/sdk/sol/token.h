/* sol/token.h - SPL Token program id and the Mint account layout (82 bytes:
 * COption<[32]> mint_authority (4+32), u64 supply, u8 decimals, u8 is_initialized,
 * COption<[32]> freeze_authority). */
#ifndef SOL_TOKEN_H
#define SOL_TOKEN_H

#include "sol/account.h"
#include "sol/mem.h"

#define SOL_TOKEN_PROGRAM_ID_BYTES                                                                       \
  {0x06, 0xdd, 0xf6, 0xe1, 0xd7, 0x65, 0xa1, 0x93, 0xd9, 0xcb, 0xe1, 0x46, 0xce, 0xeb, 0x79, 0xac,      \
   0x1c, 0xb4, 0x85, 0xed, 0x5f, 0x5b, 0x37, 0x91, 0x3a, 0x8c, 0xf5, 0x85, 0x7e, 0xff, 0x00, 0xa9}

#define SOL_TOKEN_MINT_LEN 82
#define SOL_TOKEN_MINT_DECIMALS_OFFSET 44
#define SOL_TOKEN_MINT_IS_INITIALIZED_OFFSET 45

static inline bool sol_is_token_program(const SolPubkey *key) {
  static const SolPubkey token_id = {SOL_TOKEN_PROGRAM_ID_BYTES};
  return sol_pubkey_eq(key, &token_id);
}

/* The data is an initialized Mint (the owner is checked separately, so callers
 * can tell "not a token account" from "not a mint"). */
static inline bool sol_token_mint_initialized(const SolAccountInfo *a) {
  return a->data_len == SOL_TOKEN_MINT_LEN && a->data[SOL_TOKEN_MINT_IS_INITIALIZED_OFFSET] == 1;
}

#endif
