/* sol/syscalls.h - the runtime's syscalls, by their registered names. SBPF v3
 * calls them by the murmur3 hash of the name, which the linker computes; nothing
 * checks the name at deploy time, so only names listed here may be used.
 * Length and count arguments are uint64_t: upstream BPF does not extend narrower
 * arguments, so an int there would pass garbage in the high half. */
#ifndef SOL_SYSCALLS_H
#define SOL_SYSCALLS_H

#include "sol/types.h"

struct SolInstruction;
struct SolAccountInfo;
struct SolSignerSeeds;
struct SolClock;
struct SolRent;

void sol_log_(const char *msg, uint64_t len);
void sol_log_64_(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e);
void sol_log_pubkey(const SolPubkey *key);
void sol_log_compute_units_(void);
void sol_log_data(const SolBytes *slices, uint64_t n);
void sol_panic_(const char *file, uint64_t len, uint64_t line, uint64_t column);

void sol_memcpy_(void *dst, const void *src, uint64_t n);
void sol_memmove_(void *dst, const void *src, uint64_t n);
void sol_memset_(void *dst, uint8_t c, uint64_t n);
void sol_memcmp_(const void *a, const void *b, uint64_t n, int32_t *result);

uint64_t sol_sha256(const SolBytes *slices, uint64_t n, uint8_t *out32);

uint64_t sol_create_program_address(const SolBytes *seeds, uint64_t n, const SolPubkey *program_id,
                                    SolPubkey *out);
uint64_t sol_try_find_program_address(const SolBytes *seeds, uint64_t n, const SolPubkey *program_id,
                                      SolPubkey *out, uint8_t *bump);

uint64_t sol_invoke_signed_c(const struct SolInstruction *ix, const struct SolAccountInfo *infos,
                             uint64_t n_infos, const struct SolSignerSeeds *signers, uint64_t n_signers);

uint64_t sol_get_clock_sysvar(struct SolClock *out);
uint64_t sol_get_rent_sysvar(struct SolRent *out);

#endif
