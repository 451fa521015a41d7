/* validate.h - account checks shared by every instruction. Each returns
 * SOL_SUCCESS or the IDL error that names the failed check, so a handler reads
 * as a list of requirements. */
#ifndef SG_VALIDATE_H
#define SG_VALIDATE_H

#include "sol/entrypoint.h"
#include "sol/pda.h"

uint64_t sg_require_accounts(const SolParameters *p, uint64_t n);
uint64_t sg_require_signer(const SolAccountInfo *a);
uint64_t sg_require_writable(const SolAccountInfo *a);
uint64_t sg_require_owner(const SolAccountInfo *a, const SolPubkey *owner);
uint64_t sg_require_program(const SolAccountInfo *a, const SolPubkey *program_id);
uint64_t sg_require_system_program(const SolAccountInfo *a);
uint64_t sg_require_mint(const SolAccountInfo *a);
uint64_t sg_require_discriminator(const SolAccountInfo *a, uint64_t discriminator, uint64_t size);
uint64_t sg_find_pda(const SolAccountInfo *a, const SolSeed *seeds, uint64_t n, const SolPubkey *program_id,
                     uint8_t *bump);
uint64_t sg_require_pda(const SolAccountInfo *a, const SolSeed *seeds_with_bump, uint64_t n,
                        const SolPubkey *program_id);

#endif
