/* instructions_sysvar.c - see instructions_sysvar.h. */
#include "instructions_sysvar.h"
#include "sol/mem.h"

static uint16_t read_u16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }

bool sg_is_instructions_sysvar(const SolAccountInfo *a) {
  static const SolPubkey id = {SG_INSTRUCTIONS_SYSVAR_ID_BYTES};
  return sol_pubkey_eq(a->key, &id);
}

bool sg_sysvar_current_index(const uint8_t *data, uint64_t len, uint16_t *out) {
  if (len < 4) /* at least the count and the trailing index */
    return false;
  *out = read_u16(data + len - 2);
  return true;
}

/* The instruction records end where the trailing current-index begins. */
bool sg_sysvar_instruction(const uint8_t *data, uint64_t len, uint64_t index, SgSysvarInstruction *out) {
  uint64_t n, end, at, metas;
  if (len < 4)
    return false;
  end = len - 2;
  n = read_u16(data);
  if (index >= n || 2 + 2 * n > end)
    return false;
  at = read_u16(data + 2 + 2 * index);
  if (at < 2 + 2 * n || at + 2 > end)
    return false;
  out->n_accounts = read_u16(data + at);
  metas = out->n_accounts * SG_SYSVAR_ACCOUNT_META_LEN;
  at += 2;
  if (metas + 32 + 2 > end - at)
    return false;
  at += metas;
  out->program_id = data + at;
  at += 32;
  out->data_len = read_u16(data + at);
  at += 2;
  if (out->data_len > end - at)
    return false;
  out->data = data + at;
  return true;
}
