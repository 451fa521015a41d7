/* test_deserialize.c - the input parser against inputs built like the loader's. */
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "sol/entrypoint.h"
#include "test.h"

static const SolPubkey program_id = {{9, 8, 7, 6, 5, 4, 3, 2, 1}};

static void make_account(HostAccount *a, uint8_t key, uint64_t data_len) {
  memset(a, 0, sizeof *a);
  memset(&a->key, key, 32);
  memset(&a->owner, key + 1, 32);
  a->lamports = 1000u + key;
  a->data_len = data_len;
  for (uint64_t i = 0; i < data_len; i++)
    a->data[i] = (uint8_t)(key + i);
  a->dup_of = -1;
}

static bool parse(const HostAccount *a, uint64_t n, const uint8_t *ix, uint64_t ix_len, SolParameters *p,
                  SolAccountInfo *infos, uint64_t cap) {
  size_t len;
  uint8_t *buf = host_serialize(a, n, ix, ix_len, &program_id, &len);
  p->accounts = infos;
  bool ok = sol_deserialize(buf, len, p, cap);
  /* buf stays alive only for this call: copy what tests look at through pointers */
  if (ok)
    for (uint64_t i = 0; i < p->n_accounts; i++)
      if (memcmp(infos[i].key, a[i].dup_of >= 0 ? &a[a[i].dup_of].key : &a[i].key, 32) != 0)
        ok = false;
  free(buf);
  return ok;
}

static void parses_accounts_data_and_program_id(void) {
  HostAccount a[3];
  SolAccountInfo infos[4];
  SolParameters p;
  size_t len;
  const uint8_t ix[5] = {1, 2, 3, 4, 5}; /* odd length: the program id is unaligned */
  make_account(&a[0], 1, 0);
  make_account(&a[1], 2, 13);
  make_account(&a[2], 3, 82);
  a[0].is_signer = 1;
  a[1].is_writable = 1;
  a[2].executable = 1;
  uint8_t *buf = host_serialize(a, 3, ix, sizeof ix, &program_id, &len);
  p.accounts = infos;
  CHECK(sol_deserialize(buf, len, &p, 4));
  CHECK_EQ(p.n_accounts, 3);
  for (int i = 0; i < 3; i++) {
    CHECK(memcmp(infos[i].key, &a[i].key, 32) == 0);
    CHECK(memcmp(infos[i].owner, &a[i].owner, 32) == 0);
    CHECK_EQ(*infos[i].lamports, a[i].lamports);
    CHECK_EQ(infos[i].data_len, a[i].data_len);
    CHECK(memcmp(infos[i].data, a[i].data, a[i].data_len) == 0);
    CHECK_EQ((uintptr_t)infos[i].data % 8, 0); /* account data is 8-aligned */
    CHECK_EQ(infos[i].rent_epoch, UINT64_MAX);
  }
  CHECK(infos[0].is_signer && !infos[0].is_writable && !infos[0].executable);
  CHECK(!infos[1].is_signer && infos[1].is_writable);
  CHECK(infos[2].executable);
  CHECK_EQ(p.data_len, 5);
  CHECK(memcmp(p.data, ix, 5) == 0);
  CHECK(memcmp(&p.program_id, &program_id, 32) == 0);
  free(buf);
}

/* data_len 0..15 walks the realloc padding through every residue mod 8. */
static void every_data_length_keeps_later_fields_in_place(void) {
  for (uint64_t len = 0; len < 16; len++) {
    HostAccount a[2];
    SolAccountInfo infos[2];
    SolParameters p;
    const uint8_t ix[1] = {0x42};
    make_account(&a[0], 1, len);
    make_account(&a[1], 7, len + 1);
    CHECK(parse(a, 2, ix, 1, &p, infos, 2));
    CHECK_EQ(p.data_len, 1);
  }
}

static void duplicate_accounts_alias_the_original(void) {
  HostAccount a[3];
  SolAccountInfo infos[3];
  SolParameters p;
  size_t len;
  make_account(&a[0], 1, 4);
  make_account(&a[1], 2, 0);
  a[2].dup_of = 0;
  uint8_t *buf = host_serialize(a, 3, NULL, 0, &program_id, &len);
  p.accounts = infos;
  CHECK(sol_deserialize(buf, len, &p, 3));
  CHECK_EQ(p.n_accounts, 3);
  CHECK(infos[2].key == infos[0].key);
  CHECK(infos[2].lamports == infos[0].lamports); /* the same storage, not a copy */
  CHECK(infos[2].data == infos[0].data);
  free(buf);
}

/* The runtime only ever points back; anything else is malformed. */
static void duplicate_of_itself_or_later_is_rejected(void) {
  HostAccount a[2];
  SolAccountInfo infos[2];
  SolParameters p;
  make_account(&a[0], 1, 0);
  make_account(&a[1], 2, 0);
  a[1].dup_of = 1;
  CHECK(!parse(a, 2, NULL, 0, &p, infos, 2));
  a[0].dup_of = 1;
  a[1].dup_of = -1;
  CHECK(!parse(a, 2, NULL, 0, &p, infos, 2));
}

static void accounts_past_capacity_are_skipped(void) {
  HostAccount a[5];
  SolAccountInfo infos[2];
  SolParameters p;
  const uint8_t ix[3] = {7, 7, 7};
  for (int i = 0; i < 5; i++)
    make_account(&a[i], (uint8_t)(i + 1), (uint64_t)i * 3);
  a[4].dup_of = 3; /* a duplicate of a dropped account is dropped too */
  CHECK(parse(a, 5, ix, 3, &p, infos, 2));
  CHECK_EQ(p.n_accounts, 2);
  CHECK_EQ(p.data_len, 3);
}

/* Every strict prefix of a valid input must be refused, never over-read. */
static void truncated_input_is_rejected_at_every_length(void) {
  HostAccount a[2];
  SolAccountInfo infos[2];
  SolParameters p = {.accounts = infos};
  size_t len;
  const uint8_t ix[9] = {1};
  make_account(&a[0], 1, 3);
  a[1].dup_of = 0;
  uint8_t *buf = host_serialize(a, 2, ix, sizeof ix, &program_id, &len);
  int accepted = 0;
  for (size_t cut = 0; cut < len; cut++) {
    uint8_t *copy = aligned_alloc(8, (cut + 8) & ~(size_t)7);
    memcpy(copy, buf, cut);
    accepted += sol_deserialize(copy, cut, &p, 2);
    free(copy);
  }
  CHECK_EQ(accepted, 0);
  CHECK(sol_deserialize(buf, len, &p, 2));
  free(buf);
}

static void oversized_data_len_is_rejected(void) {
  HostAccount a[1];
  SolAccountInfo infos[1];
  SolParameters p = {.accounts = infos};
  size_t len;
  uint64_t huge = SOL_MAX_PERMITTED_DATA_LENGTH + 1;
  make_account(&a[0], 1, 0);
  uint8_t *buf = host_serialize(a, 1, NULL, 0, &program_id, &len);
  memcpy(buf + 8 + 80, &huge, 8);
  CHECK(!sol_deserialize(buf, SOL_INPUT_LEN_UNKNOWN, &p, 1));
  free(buf);
}

void run_deserialize_tests(void) {
  RUN(parses_accounts_data_and_program_id);
  RUN(every_data_length_keeps_later_fields_in_place);
  RUN(duplicate_accounts_alias_the_original);
  RUN(duplicate_of_itself_or_later_is_rejected);
  RUN(accounts_past_capacity_are_skipped);
  RUN(truncated_input_is_rejected_at_every_length);
  RUN(oversized_data_len_is_rejected);
}
