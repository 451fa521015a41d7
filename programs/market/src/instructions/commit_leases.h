/* commit_leases.h - the instruction data decoder of commit_leases, exposed for
 * host tests and the fuzzer. Data: discriminator (8) || u8 ed25519_instruction_index
 * || u32 n || n x SignedOrder (256) || u32 m || m x Fill (19), nothing after. */
#ifndef SG_COMMIT_LEASES_H
#define SG_COMMIT_LEASES_H

#include "solgrid_market_idl.h"

#define SG_COMMIT_ORDERS_OFFSET (SOLGRID_COMMIT_LEASES_FIXED_DATA_LEN + 4)
#define SG_COMMIT_FILL_ACCOUNTS 4 /* per fill: bid OrderState, ask OrderState, Lease, renter Balance */

typedef struct {
  uint8_t ed25519_index;
  uint64_t n_orders;
  uint64_t orders_offset; /* of new_orders[0] in the data */
  uint64_t n_fills;
  uint64_t fills_offset; /* of fills[0] in the data */
} SgCommitArgs;

/* InvalidInstructionData / TooManyFills, or SOL_SUCCESS with every count, length
 * and order index of every fill checked, so handlers can index without checks. */
uint64_t sg_commit_decode(const uint8_t *data, uint64_t len, SgCommitArgs *out);

/* Fill i, copied out of the (unaligned) data. */
void sg_commit_fill(const uint8_t *data, const SgCommitArgs *a, uint64_t i, Fill *out);

#endif
