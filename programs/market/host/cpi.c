/* cpi.c - host sol_invoke_signed_c. Emulates the System instructions the program
 * uses (CreateAccount, Transfer, Allocate, Assign) with the checks the runtime
 * (privileges, PDA signatures) and the System program (account in use, funds,
 * size) make, including the runtime's write-back of data_len and owner; SPL
 * Token instructions go to token_cpi.c. */
#include <stdio.h>
#include <string.h>

#include "host.h"
#include "host_cpi.h"
#include "sol/cpi.h"
#include "sol/entrypoint.h"
#include "sol/error.h"
#include "sol/system.h"
#include "sol/token.h"

#define SYSTEM_ERR_ACCOUNT_IN_USE SOL_ERR_CUSTOM_ZERO /* SystemError::AccountAlreadyInUse = Custom(0) */
#define SYSTEM_ERR_NEGATIVE_LAMPORTS 1               /* SystemError::ResultWithNegativeLamports */

SolAccountInfo *host_cpi_info(const SolAccountInfo *infos, uint64_t n, const SolPubkey *key) {
  for (uint64_t i = 0; i < n; i++)
    if (memcmp(infos[i].key, key, 32) == 0)
      return (SolAccountInfo *)&infos[i];
  return NULL;
}

/* A PDA of the calling program signs when one signer seed set derives to it. */
static bool pda_signed(const SolPubkey *key, const SolSignerSeeds *signers, uint64_t n) {
  for (uint64_t i = 0; i < n; i++) {
    SolPubkey addr;
    if (sol_create_program_address(signers[i].addr, signers[i].len, &host_rt.program_id, &addr) == 0 &&
        memcmp(&addr, key, 32) == 0)
      return true;
  }
  return false;
}

bool host_cpi_signed(const SolAccountInfo *a, const SolSignerSeeds *signers, uint64_t n) {
  return a->is_signer || pda_signed(a->key, signers, n);
}

static uint64_t check_privileges(const SolAccountInfo *a, const SolSignerSeeds *signers, uint64_t n) {
  if (!a->is_writable || !host_cpi_signed(a, signers, n))
    return HOST_ERR_PRIVILEGE_ESCALATION;
  return SOL_SUCCESS;
}

static bool system_owned_empty(const SolAccountInfo *a) {
  return a->data_len == 0 && memcmp(a->owner, &(SolPubkey){{0}}, 32) == 0;
}

static uint64_t allocate(SolAccountInfo *to, uint64_t space) {
  if (!system_owned_empty(to))
    return SYSTEM_ERR_ACCOUNT_IN_USE;
  if (space > SOL_MAX_PERMITTED_DATA_INCREASE || space > HOST_MAX_DATA)
    return SOL_ERR_INVALID_ARGUMENT;
  memset(to->data, 0, space);
  to->data_len = space;
  memcpy(to->data - 8, &space, 8); /* the serialized data_len precedes the data */
  return SOL_SUCCESS;
}

static uint64_t move_lamports(SolAccountInfo *from, SolAccountInfo *to, uint64_t lamports) {
  if (*from->lamports < lamports)
    return SYSTEM_ERR_NEGATIVE_LAMPORTS;
  *from->lamports -= lamports;
  *to->lamports += lamports;
  return SOL_SUCCESS;
}

static uint64_t create_account(SolAccountInfo *from, SolAccountInfo *to, const uint8_t *data) {
  uint64_t lamports, space, r;
  memcpy(&lamports, data + 4, 8);
  memcpy(&space, data + 12, 8);
  if (*to->lamports != 0 || !system_owned_empty(to))
    return SYSTEM_ERR_ACCOUNT_IN_USE;
  if (space > SOL_MAX_PERMITTED_DATA_INCREASE || space > HOST_MAX_DATA)
    return SOL_ERR_INVALID_ARGUMENT;
  if ((r = move_lamports(from, to, lamports)) != SOL_SUCCESS)
    return r;
  allocate(to, space); /* cannot fail: checked above */
  memcpy(to->owner, data + 20, 32);
  return SOL_SUCCESS;
}

static uint64_t system_invoke(const SolInstruction *ix, const SolAccountInfo *infos, uint64_t n_infos,
                              const SolSignerSeeds *signers, uint64_t n_signers) {
  SolAccountInfo *a[2] = {NULL, NULL};
  uint64_t arg, r;
  uint32_t tag;
  if (ix->data_len < 4 || ix->account_len < 1 || ix->account_len > 2)
    return SOL_ERR_INVALID_INSTRUCTION_DATA;
  memcpy(&tag, ix->data, 4);
  for (uint64_t i = 0; i < ix->account_len; i++)
    if ((a[i] = host_cpi_info(infos, n_infos, ix->accounts[i].pubkey)) == NULL)
      return SOL_ERR_NOT_ENOUGH_ACCOUNT_KEYS;
  if ((r = check_privileges(a[0], signers, n_signers)) != SOL_SUCCESS)
    return r;
  if (ix->data_len >= 12)
    memcpy(&arg, ix->data + 4, 8);
  switch (tag) {
  case SOL_SYSTEM_CREATE_ACCOUNT:
    if (ix->data_len != SOL_SYSTEM_CREATE_ACCOUNT_LEN || ix->account_len != 2)
      return SOL_ERR_INVALID_INSTRUCTION_DATA;
    if ((r = check_privileges(a[1], signers, n_signers)) != SOL_SUCCESS)
      return r;
    return create_account(a[0], a[1], ix->data);
  case SOL_SYSTEM_TRANSFER:
    if (ix->data_len != 12 || ix->account_len != 2 || !a[1]->is_writable)
      return ix->data_len != 12 || ix->account_len != 2 ? SOL_ERR_INVALID_INSTRUCTION_DATA : HOST_ERR_PRIVILEGE_ESCALATION;
    return move_lamports(a[0], a[1], arg);
  case SOL_SYSTEM_ALLOCATE:
    if (ix->data_len != 12 || ix->account_len != 1)
      return SOL_ERR_INVALID_INSTRUCTION_DATA;
    return allocate(a[0], arg);
  case SOL_SYSTEM_ASSIGN:
    if (ix->data_len != 36 || ix->account_len != 1)
      return SOL_ERR_INVALID_INSTRUCTION_DATA;
    if (memcmp(a[0]->owner, &(SolPubkey){{0}}, 32) != 0)
      return SOL_ERR_INVALID_ARGUMENT;
    memcpy(a[0]->owner, ix->data + 4, 32);
    return SOL_SUCCESS;
  default:
    return SOL_ERR_INVALID_INSTRUCTION_DATA;
  }
}

uint64_t sol_invoke_signed_c(const SolInstruction *ix, const SolAccountInfo *infos, uint64_t n_infos,
                             const SolSignerSeeds *signers, uint64_t n_signers) {
  host_rt.n_cpis++;
  if (memcmp(ix->program_id, &(SolPubkey){{0}}, 32) == 0)
    return system_invoke(ix, infos, n_infos, signers, n_signers);
  if (sol_is_token_program(ix->program_id))
    return host_token_invoke(ix, infos, n_infos, signers, n_signers);
  fprintf(stderr, "host CPI: only the System and SPL Token programs are emulated\n");
  return SOL_ERR_INCORRECT_PROGRAM_ID;
}
