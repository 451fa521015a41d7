/* test_sig_verification.c - the Ed25519 introspection: the valid layout passes,
 * and every single field that could make the precompile verify other bytes is
 * refused with its named error. */
#include <string.h>

#include "instructions_sysvar.h"
#include "sig_fixture.h"
#include "test.h"

static SigFixture f;

enum { SIG_OFF, SIG_IX, PK_OFF, PK_IX, MSG_OFF, MSG_SIZE, MSG_IX };

static void accepts_offsets_into_the_commit_instruction(void) {
  sig_fixture_init(&f);
  CHECK_EQ(sig_fixture_verify(&f), 0);
}

/* Each of the 7 fields of each signature, moved by one (or to another index). */
static void refuses_every_field_off_by_one(void) {
  for (int i = 0; i < SIG_FIXTURE_ORDERS; i++)
    for (int k = 0; k < 7; k++) {
      sig_fixture_init(&f);
      const uint8_t *p = f.ed25519 + SG_ED25519_HEADER_LEN + i * SG_ED25519_OFFSETS_LEN + 2 * k;
      uint16_t v = (uint16_t)(p[0] | p[1] << 8);
      sig_fixture_set_offset(&f, i, k, (uint16_t)(v + 1));
      sig_fixture_build(&f);
      uint64_t want = k == PK_OFF ? SOLGRID_ERR_SIGNATURE_KEY_MISMATCH : SOLGRID_ERR_INVALID_ED25519_INSTRUCTION;
      CHECK_EQ(sig_fixture_verify(&f), want);
    }
}

/* 0xFFFF means "inside the Ed25519 instruction itself": a signature over bytes
 * the attacker appended there. */
static void refuses_self_referencing_indexes(void) {
  for (int k = SIG_IX; k <= MSG_IX; k += 2) {
    sig_fixture_init(&f);
    sig_fixture_set_offset(&f, 0, k, 0xffff);
    sig_fixture_build(&f);
    CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_INVALID_ED25519_INSTRUCTION);
  }
}

/* Signature 0 verifies the ask, signature 1 the bid: each order still has a
 * valid signature, but not at its own position. */
static void refuses_swapped_signatures(void) {
  uint8_t tmp[SG_ED25519_OFFSETS_LEN];
  sig_fixture_init(&f);
  memcpy(tmp, f.ed25519 + 2, sizeof tmp);
  memcpy(f.ed25519 + 2, f.ed25519 + 2 + SG_ED25519_OFFSETS_LEN, sizeof tmp);
  memcpy(f.ed25519 + 2 + SG_ED25519_OFFSETS_LEN, tmp, sizeof tmp);
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_INVALID_ED25519_INSTRUCTION);
}

/* The bid verified under the ask owner's key. */
static void refuses_key_of_the_other_order(void) {
  uint16_t ask_owner = (uint16_t)(SG_COMMIT_ORDERS_OFFSET + sizeof(SignedOrder) + SG_SIGNED_ORDER_ORDER_OFFSET +
                                  SG_ORDER_OWNER_OFFSET);
  sig_fixture_init(&f);
  sig_fixture_set_offset(&f, 0, PK_OFF, ask_owner);
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_SIGNATURE_KEY_MISMATCH);
}

static void refuses_another_program(void) {
  sig_fixture_init(&f);
  f.ed25519_program[0] ^= 1;
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_MISSING_ED25519_INSTRUCTION);
}

static void refuses_an_index_past_the_last_instruction(void) {
  sig_fixture_init(&f);
  f.commit[8] = 3;
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_MISSING_ED25519_INSTRUCTION);
}

/* Pointing at the compute-budget instruction or at itself. */
static void refuses_an_index_pointing_elsewhere(void) {
  sig_fixture_init(&f);
  f.commit[8] = 0;
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_MISSING_ED25519_INSTRUCTION);
  f.commit[8] = SIG_FIXTURE_COMMIT_INDEX;
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_MISSING_ED25519_INSTRUCTION);
}

static void refuses_accounts_on_the_ed25519_instruction(void) {
  sig_fixture_init(&f);
  f.ed25519_accounts = 1;
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_INVALID_ED25519_INSTRUCTION);
}

static void refuses_a_wrong_signature_count(void) {
  sig_fixture_init(&f);
  f.ed25519[0] = 1;
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_INVALID_ED25519_INSTRUCTION);
  sig_fixture_init(&f);
  f.ed25519_len -= SG_ED25519_OFFSETS_LEN; /* one signature fewer than orders */
  f.ed25519[0] = 1;
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_INVALID_ED25519_INSTRUCTION);
}

static void refuses_trailing_bytes_and_padding(void) {
  sig_fixture_init(&f);
  f.ed25519_len++;
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_INVALID_ED25519_INSTRUCTION);
  sig_fixture_init(&f);
  f.ed25519[1] = 1;
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_INVALID_ED25519_INSTRUCTION);
}

static void refuses_a_wrong_domain(void) {
  sig_fixture_init(&f);
  f.commit[SG_COMMIT_ORDERS_OFFSET + sizeof(SignedOrder) + SG_SIGNED_ORDER_DOMAIN_OFFSET + 3] ^= 1;
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_INVALID_ED25519_INSTRUCTION);
}

/* Under a CPI the executing top-level instruction is someone else's: its bytes
 * (which the precompile checked) need not be ours. */
static void refuses_when_the_current_instruction_is_not_this_call(void) {
  sig_fixture_init(&f);
  f.sysvar[f.sysvar_len - 2 - f.commit_len + 100] ^= 1;
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_INVALID_ED25519_INSTRUCTION);
  sig_fixture_init(&f);
  f.sysvar[f.sysvar_len - 2 - f.commit_len - 2 - 32] ^= 1; /* its program id */
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_INVALID_ED25519_INSTRUCTION);
  sig_fixture_init(&f);
  f.current = 0;
  sig_fixture_build(&f);
  CHECK_EQ(sig_fixture_verify(&f), SOLGRID_ERR_INVALID_ED25519_INSTRUCTION);
}

/* Every truncation of a valid sysvar is refused (and ASan sees no overread). */
static void refuses_every_truncation(void) {
  sig_fixture_init(&f);
  uint64_t full = f.sysvar_len;
  for (uint64_t n = 0; n < full; n++) {
    f.sysvar_len = n;
    CHECK(sig_fixture_verify(&f) != 0);
  }
}

static void parses_instructions_sysvar(void) {
  SgSysvarInstruction ix;
  uint16_t cur;
  sig_fixture_init(&f);
  CHECK(sg_sysvar_current_index(f.sysvar, f.sysvar_len, &cur));
  CHECK_EQ(cur, SIG_FIXTURE_COMMIT_INDEX);
  CHECK(sg_sysvar_instruction(f.sysvar, f.sysvar_len, 1, &ix));
  CHECK_EQ(ix.n_accounts, 0);
  CHECK_EQ(ix.data_len, f.ed25519_len);
  CHECK(memcmp(ix.data, f.ed25519, f.ed25519_len) == 0);
  CHECK(memcmp(ix.program_id, f.ed25519_program, 32) == 0);
  CHECK(sg_sysvar_instruction(f.sysvar, f.sysvar_len, 2, &ix));
  CHECK_EQ(ix.n_accounts, 4);
  CHECK_EQ(ix.data_len, f.commit_len);
  CHECK(!sg_sysvar_instruction(f.sysvar, f.sysvar_len, 3, &ix));
  /* An offset pointing back into the offset table is malformed. */
  f.sysvar[2] = 1;
  f.sysvar[3] = 0;
  CHECK(!sg_sysvar_instruction(f.sysvar, f.sysvar_len, 0, &ix));
}

void run_sig_verification_tests(void) {
  RUN(accepts_offsets_into_the_commit_instruction);
  RUN(refuses_every_field_off_by_one);
  RUN(refuses_self_referencing_indexes);
  RUN(refuses_swapped_signatures);
  RUN(refuses_key_of_the_other_order);
  RUN(refuses_another_program);
  RUN(refuses_an_index_past_the_last_instruction);
  RUN(refuses_an_index_pointing_elsewhere);
  RUN(refuses_accounts_on_the_ed25519_instruction);
  RUN(refuses_a_wrong_signature_count);
  RUN(refuses_trailing_bytes_and_padding);
  RUN(refuses_a_wrong_domain);
  RUN(refuses_when_the_current_instruction_is_not_this_call);
  RUN(refuses_every_truncation);
  RUN(parses_instructions_sysvar);
}
