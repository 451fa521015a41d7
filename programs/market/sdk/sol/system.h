/* sol/system.h - System program id and the instructions the program invokes
 * (bincode, u32 tag first): CreateAccount 0 (u64 lamports, u64 space, [32]
 * owner; funder [signer, writable], new account [signer, writable]), Assign 1
 * ([32] owner; account [signer, writable]), Transfer 2 (u64 lamports; from
 * [signer, writable], to [writable]), Allocate 8 (u64 space; account [signer,
 * writable]). */
#ifndef SOL_SYSTEM_H
#define SOL_SYSTEM_H

#include "sol/cpi.h"
#include "sol/mem.h"

#define SOL_SYSTEM_CREATE_ACCOUNT 0
#define SOL_SYSTEM_ASSIGN 1
#define SOL_SYSTEM_TRANSFER 2
#define SOL_SYSTEM_ALLOCATE 8
#define SOL_SYSTEM_CREATE_ACCOUNT_LEN (4 + 8 + 8 + 32)

/* The System program id is 32 zero bytes. */
static inline bool sol_is_system_program(const SolPubkey *key) { return sol_pubkey_is_zero(key); }

typedef struct {
  const SolAccountInfo *funder;
  const SolAccountInfo *account;
  uint64_t lamports;
  uint64_t space;
  const SolPubkey *owner;
} SolCreateAccount;

/* Runs CreateAccount; `signers` carries the PDA seeds when the new account is a
 * PDA of the calling program. Arguments are packed in a struct: BPF calls take
 * at most five. */
static inline uint64_t sol_system_create_account(const SolCreateAccount *c, const SolAccountInfo *infos,
                                                 uint64_t n_infos, const SolSignerSeeds *signers,
                                                 uint64_t n_signers) {
  static const SolPubkey system_id = {{0}};
  uint8_t data[SOL_SYSTEM_CREATE_ACCOUNT_LEN];
  sol_write_u32(data, SOL_SYSTEM_CREATE_ACCOUNT);
  sol_write_u64(data + 4, c->lamports);
  sol_write_u64(data + 12, c->space);
  __builtin_memcpy(data + 20, c->owner->x, SOL_PUBKEY_LEN);
  SolAccountMeta metas[2] = {{c->funder->key, true, true}, {c->account->key, true, true}};
  SolInstruction ix = {&system_id, metas, 2, data, sizeof data};
  return sol_invoke_signed(&ix, infos, n_infos, signers, n_signers);
}

/* System Transfer of lamports from a signer. */
static inline uint64_t sol_system_transfer(const SolAccountInfo *from, const SolAccountInfo *to, uint64_t lamports,
                                           const SolAccountInfo *infos, uint64_t n_infos) {
  static const SolPubkey system_id = {{0}};
  uint8_t data[4 + 8];
  sol_write_u32(data, SOL_SYSTEM_TRANSFER);
  sol_write_u64(data + 4, lamports);
  SolAccountMeta metas[2] = {{from->key, true, true}, {to->key, true, false}};
  SolInstruction ix = {&system_id, metas, 2, data, sizeof data};
  return sol_invoke_signed(&ix, infos, n_infos, NULL, 0);
}

/* System Allocate (space) or Assign (owner) of an account that signs, usually a
 * PDA through `signer`. */
static inline uint64_t sol_system_allocate(const SolAccountInfo *account, uint64_t space, const SolAccountInfo *infos,
                                           uint64_t n_infos, const SolSignerSeeds *signer) {
  static const SolPubkey system_id = {{0}};
  uint8_t data[4 + 8];
  sol_write_u32(data, SOL_SYSTEM_ALLOCATE);
  sol_write_u64(data + 4, space);
  SolAccountMeta metas[1] = {{account->key, true, true}};
  SolInstruction ix = {&system_id, metas, 1, data, sizeof data};
  return sol_invoke_signed(&ix, infos, n_infos, signer, 1);
}

static inline uint64_t sol_system_assign(const SolAccountInfo *account, const SolPubkey *owner,
                                         const SolAccountInfo *infos, uint64_t n_infos, const SolSignerSeeds *signer) {
  static const SolPubkey system_id = {{0}};
  uint8_t data[4 + SOL_PUBKEY_LEN];
  sol_write_u32(data, SOL_SYSTEM_ASSIGN);
  __builtin_memcpy(data + 4, owner->x, SOL_PUBKEY_LEN);
  SolAccountMeta metas[1] = {{account->key, true, true}};
  SolInstruction ix = {&system_id, metas, 1, data, sizeof data};
  return sol_invoke_signed(&ix, infos, n_infos, signer, 1);
}

#endif
