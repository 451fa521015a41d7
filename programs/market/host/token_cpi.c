/* token_cpi.c - host SPL Token: InitializeAccount3 and Transfer on 165-byte
 * token accounts, with the checks the token program makes (ownership, state,
 * mint match, authority signature, funds, overflow). Errors are the token
 * program's Custom codes. */
#include <string.h>

#include "host.h"
#include "host_cpi.h"
#include "sol/token.h"

#define TOKEN_ERR_INSUFFICIENT_FUNDS 1
#define TOKEN_ERR_INVALID_MINT 2
#define TOKEN_ERR_MINT_MISMATCH 3
#define TOKEN_ERR_OWNER_MISMATCH 4
#define TOKEN_ERR_ALREADY_IN_USE 6
#define TOKEN_ERR_UNINITIALIZED_STATE 9
#define TOKEN_ERR_OVERFLOW 14
#define TOKEN_ERR_ACCOUNT_FROZEN 17

static bool token_owned(const SolAccountInfo *a) { return sol_is_token_program(a->owner); }

static uint64_t initialize_account3(const SolInstruction *ix, const SolAccountInfo *infos, uint64_t n) {
  SolAccountInfo *acct, *mint;
  if (ix->data_len != 33 || ix->account_len != 2)
    return SOL_ERR_INVALID_INSTRUCTION_DATA;
  acct = host_cpi_info(infos, n, ix->accounts[0].pubkey);
  mint = host_cpi_info(infos, n, ix->accounts[1].pubkey);
  if (acct == NULL || mint == NULL)
    return SOL_ERR_NOT_ENOUGH_ACCOUNT_KEYS;
  if (!acct->is_writable)
    return HOST_ERR_PRIVILEGE_ESCALATION;
  if (!token_owned(acct) || acct->data_len != SOL_TOKEN_ACCOUNT_LEN)
    return SOL_ERR_INCORRECT_PROGRAM_ID;
  if (acct->data[SOL_TOKEN_ACCOUNT_STATE_OFFSET] != 0)
    return TOKEN_ERR_ALREADY_IN_USE;
  if (!token_owned(mint) || !sol_token_mint_initialized(mint))
    return TOKEN_ERR_INVALID_MINT;
  memcpy(acct->data + SOL_TOKEN_ACCOUNT_MINT_OFFSET, mint->key, 32);
  memcpy(acct->data + SOL_TOKEN_ACCOUNT_OWNER_OFFSET, ix->data + 1, 32);
  memset(acct->data + SOL_TOKEN_ACCOUNT_AMOUNT_OFFSET, 0, 8);
  acct->data[SOL_TOKEN_ACCOUNT_STATE_OFFSET] = SOL_TOKEN_ACCOUNT_STATE_INITIALIZED;
  return SOL_SUCCESS;
}

static uint64_t check_token_account(const SolAccountInfo *a) {
  if (!token_owned(a) || a->data_len != SOL_TOKEN_ACCOUNT_LEN)
    return SOL_ERR_INCORRECT_PROGRAM_ID;
  if (a->data[SOL_TOKEN_ACCOUNT_STATE_OFFSET] == 0)
    return TOKEN_ERR_UNINITIALIZED_STATE;
  if (a->data[SOL_TOKEN_ACCOUNT_STATE_OFFSET] == 2)
    return TOKEN_ERR_ACCOUNT_FROZEN;
  return a->is_writable ? SOL_SUCCESS : HOST_ERR_PRIVILEGE_ESCALATION;
}

static uint64_t transfer(const SolInstruction *ix, const SolAccountInfo *infos, uint64_t n,
                         const SolSignerSeeds *signers, uint64_t n_signers) {
  SolAccountInfo *src, *dst, *auth;
  uint64_t amount, have, theirs, r;
  if (ix->data_len != 9 || ix->account_len != 3)
    return SOL_ERR_INVALID_INSTRUCTION_DATA;
  memcpy(&amount, ix->data + 1, 8);
  src = host_cpi_info(infos, n, ix->accounts[0].pubkey);
  dst = host_cpi_info(infos, n, ix->accounts[1].pubkey);
  auth = host_cpi_info(infos, n, ix->accounts[2].pubkey);
  if (src == NULL || dst == NULL || auth == NULL)
    return SOL_ERR_NOT_ENOUGH_ACCOUNT_KEYS;
  if ((r = check_token_account(src)) != SOL_SUCCESS || (r = check_token_account(dst)) != SOL_SUCCESS)
    return r;
  if (memcmp(src->data, dst->data, 32) != 0)
    return TOKEN_ERR_MINT_MISMATCH;
  if (memcmp(src->data + SOL_TOKEN_ACCOUNT_OWNER_OFFSET, auth->key, 32) != 0)
    return TOKEN_ERR_OWNER_MISMATCH;
  if (!host_cpi_signed(auth, signers, n_signers))
    return HOST_ERR_PRIVILEGE_ESCALATION;
  have = sol_token_account_amount(src);
  if (have < amount)
    return TOKEN_ERR_INSUFFICIENT_FUNDS;
  if (src == dst)
    return SOL_SUCCESS;
  theirs = sol_token_account_amount(dst);
  if (theirs + amount < theirs)
    return TOKEN_ERR_OVERFLOW;
  have -= amount;
  theirs += amount;
  memcpy(src->data + SOL_TOKEN_ACCOUNT_AMOUNT_OFFSET, &have, 8);
  memcpy(dst->data + SOL_TOKEN_ACCOUNT_AMOUNT_OFFSET, &theirs, 8);
  return SOL_SUCCESS;
}

uint64_t host_token_invoke(const SolInstruction *ix, const SolAccountInfo *infos, uint64_t n_infos,
                           const SolSignerSeeds *signers, uint64_t n_signers) {
  if (ix->data_len < 1)
    return SOL_ERR_INVALID_INSTRUCTION_DATA;
  switch (ix->data[0]) {
  case SOL_TOKEN_IX_INITIALIZE_ACCOUNT3:
    return initialize_account3(ix, infos, n_infos);
  case SOL_TOKEN_IX_TRANSFER:
    return transfer(ix, infos, n_infos, signers, n_signers);
  default:
    return SOL_ERR_INVALID_INSTRUCTION_DATA;
  }
}
