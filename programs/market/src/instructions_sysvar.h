/* instructions_sysvar.h - read-only view of the Instructions sysvar account
 * (Sysvar1nstructions1111111111111111111111111), which lets a program see the
 * other instructions of its transaction. Account data:
 *   u16 n, u16 offset[n] (from the start of the data), then per instruction at
 *   its offset: u16 n_accounts, n_accounts x (u8 flags, [32] pubkey),
 *   [32] program_id, u16 data_len, data;
 *   and as the last two bytes the u16 index of the executing top-level instruction.
 * Every length is checked against the account data, so a truncated or crafted
 * buffer yields false, never an out-of-bounds read (fuzzed on the host). */
#ifndef SG_INSTRUCTIONS_SYSVAR_H
#define SG_INSTRUCTIONS_SYSVAR_H

#include "sol/account.h"

#define SG_INSTRUCTIONS_SYSVAR_ID_BYTES                                                                  \
  {0x06, 0xa7, 0xd5, 0x17, 0x18, 0x7b, 0xd1, 0x66, 0x35, 0xda, 0xd4, 0x04, 0x55, 0xfd, 0xc2, 0xc0,      \
   0xc1, 0x24, 0xc6, 0x8f, 0x21, 0x56, 0x75, 0xa5, 0xdb, 0xba, 0xcb, 0x5f, 0x08, 0x00, 0x00, 0x00}

#define SG_SYSVAR_ACCOUNT_META_LEN 33 /* u8 flags, [32] pubkey */

/* One instruction as the sysvar records it. Pointers are into the account data
 * and unaligned: compare them with sol_bytes_eq, copy them out with sol_copy. */
typedef struct {
  const uint8_t *program_id; /* 32 bytes */
  uint64_t n_accounts;
  const uint8_t *data;
  uint64_t data_len;
} SgSysvarInstruction;

/* True if the account is the Instructions sysvar (anything else is attacker data). */
bool sg_is_instructions_sysvar(const SolAccountInfo *a);

/* The index of the currently executing top-level instruction (the last two bytes). */
bool sg_sysvar_current_index(const uint8_t *data, uint64_t len, uint16_t *out);

/* Instruction `index` of the transaction; false if it does not exist or the
 * buffer is malformed. */
bool sg_sysvar_instruction(const uint8_t *data, uint64_t len, uint64_t index, SgSysvarInstruction *out);

#endif
