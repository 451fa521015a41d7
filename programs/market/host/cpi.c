/* cpi.c - host sol_invoke_signed_c: System CreateAccount only, with the checks
 * the runtime (privileges, PDA signatures) and the System program (account in
 * use, funds, size) make, and the runtime's write-back of data_len. */
#include <stdio.h>
#include <string.h>

#include "host.h"
#include "sol/cpi.h"
#include "sol/entrypoint.h"
#include "sol/error.h"
#include "sol/system.h"

#define SYSTEM_ERR_ACCOUNT_IN_USE SOL_ERR_CUSTOM_ZERO /* SystemError::AccountAlreadyInUse = Custom(0) */
#define SYSTEM_ERR_NEGATIVE_LAMPORTS 1               /* SystemError::ResultWithNegativeLamports */
#define ERR_PRIVILEGE_ESCALATION SOL_BUILTIN_ERROR(19)

static SolAccountInfo *info_for(const SolAccountInfo *infos, uint64_t n, const SolPubkey *key) {
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

static uint64_t check_privileges(const SolAccountInfo *a, const SolSignerSeeds *signers, uint64_t n) {
  if (!a->is_writable || !(a->is_signer || pda_signed(a->key, signers, n)))
    return ERR_PRIVILEGE_ESCALATION;
  return SOL_SUCCESS;
}

static uint64_t create_account(SolAccountInfo *from, SolAccountInfo *to, const uint8_t *data) {
  uint64_t lamports, space;
  memcpy(&lamports, data + 4, 8);
  memcpy(&space, data + 12, 8);
  if (*to->lamports != 0 || to->data_len != 0 || memcmp(to->owner, &(SolPubkey){{0}}, 32) != 0)
    return SYSTEM_ERR_ACCOUNT_IN_USE;
  if (space > SOL_MAX_PERMITTED_DATA_INCREASE || space > HOST_MAX_DATA)
    return SOL_ERR_INVALID_ARGUMENT;
  if (*from->lamports < lamports)
    return SYSTEM_ERR_NEGATIVE_LAMPORTS;
  *from->lamports -= lamports;
  *to->lamports += lamports;
  memcpy(to->owner, data + 20, 32);
  memset(to->data, 0, space);
  to->data_len = space;
  memcpy(to->data - 8, &space, 8); /* the serialized data_len precedes the data */
  return SOL_SUCCESS;
}

uint64_t sol_invoke_signed_c(const SolInstruction *ix, const SolAccountInfo *infos, uint64_t n_infos,
                             const SolSignerSeeds *signers, uint64_t n_signers) {
  SolAccountInfo *from, *to;
  uint32_t tag;
  uint64_t r;
  host_rt.n_cpis++;
  if (memcmp(ix->program_id, &(SolPubkey){{0}}, 32) != 0) {
    fprintf(stderr, "host CPI: only the System program is emulated\n");
    return SOL_ERR_INCORRECT_PROGRAM_ID;
  }
  memcpy(&tag, ix->data, 4);
  if (ix->data_len != SOL_SYSTEM_CREATE_ACCOUNT_LEN || ix->account_len != 2 || tag != SOL_SYSTEM_CREATE_ACCOUNT)
    return SOL_ERR_INVALID_INSTRUCTION_DATA;
  from = info_for(infos, n_infos, ix->accounts[0].pubkey);
  to = info_for(infos, n_infos, ix->accounts[1].pubkey);
  if (from == NULL || to == NULL)
    return SOL_ERR_NOT_ENOUGH_ACCOUNT_KEYS;
  if ((r = check_privileges(from, signers, n_signers)) != SOL_SUCCESS ||
      (r = check_privileges(to, signers, n_signers)) != SOL_SUCCESS)
    return r;
  return create_account(from, to, ix->data);
}
