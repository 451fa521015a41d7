/* sol/token.h - SPL Token program id, the Mint and token Account layouts, and
 * the two instructions the program invokes.
 * Mint (82 bytes): COption<[32]> mint_authority (4+32), u64 supply, u8 decimals,
 * u8 is_initialized, COption<[32]> freeze_authority.
 * Account (165 bytes): [32] mint, [32] owner, u64 amount, COption<[32]> delegate
 * (4+32), u8 state (0 uninitialized, 1 initialized, 2 frozen), COption<u64>
 * is_native (4+8), u64 delegated_amount, COption<[32]> close_authority. */
#ifndef SOL_TOKEN_H
#define SOL_TOKEN_H

#include "sol/account.h"
#include "sol/cpi.h"
#include "sol/mem.h"

#define SOL_TOKEN_PROGRAM_ID_BYTES                                                                       \
  {0x06, 0xdd, 0xf6, 0xe1, 0xd7, 0x65, 0xa1, 0x93, 0xd9, 0xcb, 0xe1, 0x46, 0xce, 0xeb, 0x79, 0xac,      \
   0x1c, 0xb4, 0x85, 0xed, 0x5f, 0x5b, 0x37, 0x91, 0x3a, 0x8c, 0xf5, 0x85, 0x7e, 0xff, 0x00, 0xa9}

/* TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb: recognised only to refuse it by name. */
#define SOL_TOKEN_2022_PROGRAM_ID_BYTES                                                                  \
  {0x06, 0xdd, 0xf6, 0xe1, 0xee, 0x75, 0x8f, 0xde, 0x18, 0x42, 0x5d, 0xbc, 0xe4, 0x6c, 0xcd, 0xda,      \
   0xb6, 0x1a, 0xfc, 0x4d, 0x83, 0xb9, 0x0d, 0x27, 0xfe, 0xbd, 0xf9, 0x28, 0xd8, 0xa1, 0x8b, 0xfc}

#define SOL_TOKEN_MINT_LEN 82
#define SOL_TOKEN_MINT_DECIMALS_OFFSET 44
#define SOL_TOKEN_MINT_IS_INITIALIZED_OFFSET 45

#define SOL_TOKEN_ACCOUNT_LEN 165
#define SOL_TOKEN_ACCOUNT_MINT_OFFSET 0
#define SOL_TOKEN_ACCOUNT_OWNER_OFFSET 32
#define SOL_TOKEN_ACCOUNT_AMOUNT_OFFSET 64
#define SOL_TOKEN_ACCOUNT_STATE_OFFSET 108
#define SOL_TOKEN_ACCOUNT_STATE_INITIALIZED 1

#define SOL_TOKEN_IX_TRANSFER 3
#define SOL_TOKEN_IX_INITIALIZE_ACCOUNT3 18

static inline bool sol_is_token_program(const SolPubkey *key) {
  static const SolPubkey token_id = {SOL_TOKEN_PROGRAM_ID_BYTES};
  return sol_pubkey_eq(key, &token_id);
}

static inline bool sol_is_token_2022_program(const SolPubkey *key) {
  static const SolPubkey token_2022_id = {SOL_TOKEN_2022_PROGRAM_ID_BYTES};
  return sol_pubkey_eq(key, &token_2022_id);
}

/* The data is an initialized Mint (the owner is checked separately, so callers
 * can tell "not a token account" from "not a mint"). */
static inline bool sol_token_mint_initialized(const SolAccountInfo *a) {
  return a->data_len == SOL_TOKEN_MINT_LEN && a->data[SOL_TOKEN_MINT_IS_INITIALIZED_OFFSET] == 1;
}

/* Account data is 8-aligned in the input, so the keys and the amount are
 * aligned too. Only valid on a 165-byte token account. */
static inline const SolPubkey *sol_token_account_mint(const SolAccountInfo *a) {
  return (const SolPubkey *)(a->data + SOL_TOKEN_ACCOUNT_MINT_OFFSET);
}
static inline const SolPubkey *sol_token_account_owner(const SolAccountInfo *a) {
  return (const SolPubkey *)(a->data + SOL_TOKEN_ACCOUNT_OWNER_OFFSET);
}
static inline uint64_t sol_token_account_amount(const SolAccountInfo *a) {
  return *(const uint64_t *)(a->data + SOL_TOKEN_ACCOUNT_AMOUNT_OFFSET);
}

/* Token InitializeAccount3 (tag 18, [32] owner; accounts: account [writable],
 * mint): the account must already be allocated (165 bytes) and token-owned. */
static inline uint64_t sol_token_initialize_account3(const SolAccountInfo *account, const SolAccountInfo *mint,
                                                     const SolPubkey *owner, const SolAccountInfo *infos,
                                                     uint64_t n_infos) {
  static const SolPubkey token_id = {SOL_TOKEN_PROGRAM_ID_BYTES};
  uint8_t data[1 + SOL_PUBKEY_LEN];
  data[0] = SOL_TOKEN_IX_INITIALIZE_ACCOUNT3;
  __builtin_memcpy(data + 1, owner->x, SOL_PUBKEY_LEN);
  SolAccountMeta metas[2] = {{account->key, true, false}, {mint->key, false, false}};
  SolInstruction ix = {&token_id, metas, 2, data, sizeof data};
  return sol_invoke_signed(&ix, infos, n_infos, NULL, 0);
}

typedef struct {
  const SolAccountInfo *source;
  const SolAccountInfo *destination;
  const SolAccountInfo *authority; /* the source's owner; a PDA signs through `signers` */
  uint64_t amount;
} SolTokenTransfer;

/* Token Transfer (tag 3, u64 amount; accounts: source [writable], destination
 * [writable], authority [signer]). Arguments are packed: BPF calls take at most five. */
static inline uint64_t sol_token_transfer(const SolTokenTransfer *t, const SolAccountInfo *infos, uint64_t n_infos,
                                          const SolSignerSeeds *signers, uint64_t n_signers) {
  static const SolPubkey token_id = {SOL_TOKEN_PROGRAM_ID_BYTES};
  uint8_t data[1 + 8];
  data[0] = SOL_TOKEN_IX_TRANSFER;
  sol_write_u64(data + 1, t->amount);
  SolAccountMeta metas[3] = {
      {t->source->key, true, false}, {t->destination->key, true, false}, {t->authority->key, false, true}};
  SolInstruction ix = {&token_id, metas, 3, data, sizeof data};
  return sol_invoke_signed(&ix, infos, n_infos, signers, n_signers);
}

#endif
