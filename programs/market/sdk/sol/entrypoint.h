/* sol/entrypoint.h - parse the input the loader (v2/v3, "aligned" ABI) hands to
 * the entrypoint:
 *   u64 n_accounts
 *   per account, either a duplicate  u8 index_of_original, 7 bytes padding
 *   or                               u8 0xff, u8 is_signer, u8 is_writable, u8 executable,
 *                                    4 bytes padding, [32] key, [32] owner, u64 lamports,
 *                                    u64 data_len, data, 10 KiB realloc room, pad to 8,
 *                                    u64 rent_epoch
 *   u64 data_len, data, [32] program_id
 * The runtime's input is well formed, but every length is still checked against
 * input_len so the same parser can be fuzzed on the host with arbitrary bytes. */
#ifndef SOL_ENTRYPOINT_H
#define SOL_ENTRYPOINT_H

#include "sol/account.h"
#include "sol/mem.h"

#define SOL_NON_DUP_MARKER 0xff
#define SOL_MAX_PERMITTED_DATA_INCREASE (10 * 1024)
#define SOL_MAX_PERMITTED_DATA_LENGTH (10 * 1024 * 1024)
#define SOL_ACCOUNT_HEADER_LEN (8 + 32 + 32 + 8 + 8) /* flags..data_len */

/* On chain the input length is not passed; the input region is far smaller than
 * this, and the runtime-built input never reaches the bound. */
#define SOL_INPUT_LEN_UNKNOWN ((uint64_t)1 << 32)

typedef struct {
  SolAccountInfo *accounts; /* the first min(n_accounts, capacity) accounts */
  uint64_t n_accounts;
  const uint8_t *data; /* instruction data; NOT aligned */
  uint64_t data_len;
  SolPubkey program_id; /* copied: in the input it follows the data, unaligned */
} SolParameters;

/* Cursor over the input; `left` counts bytes so no pointer can overflow. */
typedef struct {
  const uint8_t *p;
  uint64_t left;
} SolInputCursor;

static inline bool sol_input_take(SolInputCursor *c, uint64_t n, const uint8_t **out) {
  if (n > c->left)
    return false;
  *out = c->p;
  c->p += n;
  c->left -= n;
  return true;
}

/* Aligned u64 read: every u64 of the input header sits at an 8-aligned offset of
 * an 8-aligned buffer. */
static inline bool sol_input_u64(SolInputCursor *c, uint64_t *out) {
  const uint8_t *p;
  if (!sol_input_take(c, 8, &p))
    return false;
  *out = *(const uint64_t *)p;
  return true;
}

/* A full (non-duplicate) account record; the cursor is at its flags. */
static inline bool sol_input_account(SolInputCursor *c, SolAccountInfo *a) {
  const uint8_t *h, *skip;
  if (!sol_input_take(c, SOL_ACCOUNT_HEADER_LEN, &h))
    return false;
  a->is_signer = h[1] != 0;
  a->is_writable = h[2] != 0;
  a->executable = h[3] != 0;
  a->key = (SolPubkey *)(h + 8);
  a->owner = (SolPubkey *)(h + 40);
  a->lamports = (uint64_t *)(h + 72);
  a->data_len = *(const uint64_t *)(h + 80);
  if (a->data_len > SOL_MAX_PERMITTED_DATA_LENGTH)
    return false;
  a->data = (uint8_t *)c->p;
  uint64_t room = a->data_len + SOL_MAX_PERMITTED_DATA_INCREASE;
  room += (8 - (room & 7)) & 7; /* header is 8-aligned, so align the rest to 8 */
  return sol_input_take(c, room, &skip) && sol_input_u64(c, &a->rent_epoch);
}

/* One account slot: a duplicate copies the earlier account it names (the runtime
 * only ever points back). Accounts past capacity are parsed and dropped. */
static inline bool sol_input_slot(SolInputCursor *c, SolParameters *p, uint64_t i, uint64_t capacity) {
  const uint8_t *m = c->p;
  SolAccountInfo spare;
  if (c->left < 8)
    return false;
  if (m[0] == SOL_NON_DUP_MARKER)
    return sol_input_account(c, i < capacity ? &p->accounts[i] : &spare);
  if (m[0] >= i)
    return false;
  if (i < capacity)
    p->accounts[i] = p->accounts[m[0]];
  return sol_input_take(c, 8, &m);
}

/* Fills p (accounts into the caller's array of `capacity`); false if the input
 * is malformed. input must be 8-aligned. */
static inline bool sol_deserialize(const uint8_t *input, uint64_t input_len, SolParameters *p,
                                   uint64_t capacity) {
  SolInputCursor c = {input, input_len};
  const uint8_t *id;
  uint64_t n;
  if (!sol_input_u64(&c, &n))
    return false;
  for (uint64_t i = 0; i < n; i++)
    if (!sol_input_slot(&c, p, i, capacity))
      return false;
  p->n_accounts = n < capacity ? n : capacity;
  if (!sol_input_u64(&c, &p->data_len) || !sol_input_take(&c, p->data_len, &p->data))
    return false;
  if (!sol_input_take(&c, SOL_PUBKEY_LEN, &id))
    return false;
  __builtin_memcpy(p->program_id.x, id, SOL_PUBKEY_LEN);
  return true;
}

#endif
