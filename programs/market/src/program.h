/* program.h - the program's entry and the parts of it the host tests and the
 * fuzzer drive directly. */
#ifndef SG_PROGRAM_H
#define SG_PROGRAM_H

#include "sol/entrypoint.h"

/* Accounts kept from the input (more are parsed and ignored): commit_leases
 * takes 4 + 4 per fill, at most 16 fills. 56 bytes each on the 4 KiB stack frame
 * of sg_process (3.8 KiB; handlers run in frames of their own). */
#define SG_MAX_ACCOUNTS 68

uint64_t sg_dispatch(SolParameters *p);
uint64_t sg_process(const uint8_t *input, uint64_t input_len);
uint64_t entrypoint(const uint8_t *input);

#endif
