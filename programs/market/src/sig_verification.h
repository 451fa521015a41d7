/* sig_verification.h - proof that every new order in commit_leases was signed
 * by its owner, by introspecting the Ed25519 precompile instruction of the same
 * transaction (the precompile fails the whole transaction on a bad signature,
 * but only verifies whatever bytes its offsets name, so the program must check
 * that those offsets name exactly its own orders).
 *
 * The Ed25519 instruction carries no signatures, keys or messages of its own:
 * for new order i it points into the commit instruction's data at
 *   signature = orders_offset + i * sizeof(SignedOrder)            (64 bytes)
 *   message   = that + 64: domain || order                         (192 bytes)
 *   pubkey    = message + 16 + offsetof(Order, owner)              (32 bytes)
 * with all three instruction indexes = the executing instruction's index. */
#ifndef SG_SIG_VERIFICATION_H
#define SG_SIG_VERIFICATION_H

#include "sol/account.h"

#define SG_ED25519_PROGRAM_ID_BYTES                                                                      \
  {0x03, 0x7d, 0x46, 0xd6, 0x7c, 0x93, 0xfb, 0xbe, 0x12, 0xf9, 0x42, 0x8f, 0x83, 0x8d, 0x40, 0xff,      \
   0x05, 0x70, 0x74, 0x49, 0x27, 0xf4, 0x8a, 0x64, 0xfc, 0xca, 0x70, 0x44, 0x80, 0x00, 0x00, 0x00}

/* Ed25519 instruction data: u8 n_signatures, u8 padding, n x 14-byte offsets. */
#define SG_ED25519_HEADER_LEN 2
#define SG_ED25519_OFFSETS_LEN 14

/* The signed orders of the executing commit_leases instruction. */
typedef struct {
  const uint8_t *ix_data; /* the executing instruction's data, as the program received it */
  uint64_t ix_data_len;
  const SolPubkey *program_id;
  uint64_t orders_offset; /* of new_orders[0] in ix_data */
  uint64_t n_orders;      /* >= 1 */
} SgSignedOrders;

/* SOL_SUCCESS, or MissingEd25519Instruction / InvalidEd25519Instruction /
 * SignatureKeyMismatch naming the first failed check. `sysvar` must already be
 * known to be the Instructions sysvar. */
uint64_t sg_verify_order_signatures(const uint8_t *sysvar_data, uint64_t sysvar_len, uint64_t ed25519_index,
                                    const SgSignedOrders *orders);

#endif
