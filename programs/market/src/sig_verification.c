/* sig_verification.c - see sig_verification.h. */
#include "sig_verification.h"
#include "errors.h"
#include "instructions_sysvar.h"
#include "order.h"
#include "sol/mem.h"

typedef struct {
  uint16_t signature_offset, signature_ix;
  uint16_t pubkey_offset, pubkey_ix;
  uint16_t message_offset, message_size, message_ix;
} Ed25519Offsets;

static uint16_t read_u16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }

static void read_offsets(const uint8_t *p, Ed25519Offsets *o) {
  o->signature_offset = read_u16(p);
  o->signature_ix = read_u16(p + 2);
  o->pubkey_offset = read_u16(p + 4);
  o->pubkey_ix = read_u16(p + 6);
  o->message_offset = read_u16(p + 8);
  o->message_size = read_u16(p + 10);
  o->message_ix = read_u16(p + 12);
}

/* The precompile reads the bytes from the top-level instruction at `current`.
 * Under a CPI that is not the data this program received, so the executing
 * top-level instruction must be this very call: same program, same bytes. */
static uint64_t check_current_is_us(const SgSysvarInstruction *cur, const SgSignedOrders *o) {
  if (!sol_bytes_eq(cur->program_id, o->program_id->x, SOL_PUBKEY_LEN) || cur->data_len != o->ix_data_len ||
      !sol_bytes_eq(cur->data, o->ix_data, o->ix_data_len))
    return SG_ERR(INVALID_ED25519_INSTRUCTION);
  return SOL_SUCCESS;
}

static uint64_t check_header(const SgSysvarInstruction *ed, uint64_t n) {
  static const uint8_t ed25519_id[32] = SG_ED25519_PROGRAM_ID_BYTES;
  if (!sol_bytes_eq(ed->program_id, ed25519_id, 32))
    return SG_ERR(MISSING_ED25519_INSTRUCTION);
  if (ed->n_accounts != 0 || ed->data_len != SG_ED25519_HEADER_LEN + n * SG_ED25519_OFFSETS_LEN ||
      ed->data[0] != n || ed->data[1] != 0)
    return SG_ERR(INVALID_ED25519_INSTRUCTION);
  return SOL_SUCCESS;
}

/* Signature i must cover exactly new order i: its signature, its domain || order
 * as the message, its owner field as the key, all inside this instruction. */
static uint64_t check_signature(const Ed25519Offsets *e, uint64_t order_at, uint16_t current) {
  uint64_t message_at = order_at + SG_SIGNED_ORDER_DOMAIN_OFFSET;
  if (e->signature_ix != current || e->pubkey_ix != current || e->message_ix != current ||
      e->signature_offset != order_at || e->message_offset != message_at || e->message_size != SG_ORDER_MESSAGE_LEN)
    return SG_ERR(INVALID_ED25519_INSTRUCTION);
  if (e->pubkey_offset != message_at + SOLGRID_ORDER_DOMAIN_LEN + SG_ORDER_OWNER_OFFSET)
    return SG_ERR(SIGNATURE_KEY_MISMATCH);
  return SOL_SUCCESS;
}

static uint64_t check_signatures(const SgSysvarInstruction *ed, const SgSignedOrders *o, uint16_t current) {
  Ed25519Offsets e;
  uint64_t r;
  for (uint64_t i = 0; i < o->n_orders; i++) {
    uint64_t order_at = o->orders_offset + i * SG_SIGNED_ORDER_LEN;
    read_offsets(ed->data + SG_ED25519_HEADER_LEN + i * SG_ED25519_OFFSETS_LEN, &e);
    if ((r = check_signature(&e, order_at, current)) != SOL_SUCCESS)
      return r;
    if (order_at + SG_SIGNED_ORDER_LEN > o->ix_data_len ||
        !sg_order_domain_ok(o->ix_data + order_at + SG_SIGNED_ORDER_DOMAIN_OFFSET))
      return SG_ERR(INVALID_ED25519_INSTRUCTION);
  }
  return SOL_SUCCESS;
}

uint64_t sg_verify_order_signatures(const uint8_t *sysvar_data, uint64_t sysvar_len, uint64_t ed25519_index,
                                    const SgSignedOrders *o) {
  SgSysvarInstruction cur, ed;
  uint16_t current;
  uint64_t r;
  if (o->n_orders == 0 || o->n_orders > 255)
    return SG_ERR(INVALID_ED25519_INSTRUCTION);
  if (!sg_sysvar_current_index(sysvar_data, sysvar_len, &current) ||
      !sg_sysvar_instruction(sysvar_data, sysvar_len, current, &cur))
    return SG_ERR(INVALID_ED25519_INSTRUCTION);
  if ((r = check_current_is_us(&cur, o)) != SOL_SUCCESS)
    return r;
  if (ed25519_index == current || !sg_sysvar_instruction(sysvar_data, sysvar_len, ed25519_index, &ed))
    return SG_ERR(MISSING_ED25519_INSTRUCTION);
  if ((r = check_header(&ed, o->n_orders)) != SOL_SUCCESS)
    return r;
  return check_signatures(&ed, o, current);
}
