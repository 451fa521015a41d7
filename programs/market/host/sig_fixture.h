/* sig_fixture.h - a commit_leases call as the Instructions sysvar shows it:
 * [compute budget, Ed25519, commit_leases] with the Ed25519 offsets pointing at
 * the new orders inside the commit data. Tests and the fuzzer break one field
 * at a time. Signatures are not real: the precompile is not emulated here, only
 * the introspection that checks what it verified. */
#ifndef HOST_SIG_FIXTURE_H
#define HOST_SIG_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "instructions/commit_leases.h"
#include "order.h"
#include "sig_verification.h"

#define SIG_FIXTURE_ORDERS 2
#define SIG_FIXTURE_ED25519_INDEX 1
#define SIG_FIXTURE_COMMIT_INDEX 2
#define SIG_FIXTURE_DATA_MAX (SG_COMMIT_ORDERS_OFFSET + SOLGRID_MAX_FILLS * sizeof(SignedOrder) + 4 + SOLGRID_MAX_FILLS * sizeof(Fill))
#define SIG_FIXTURE_SYSVAR_MAX 8192
/* The bid's fee cap: exactly the stablecoin fee of the markets the tests pair it with. */
#define SIG_FIXTURE_MAX_FEE_BPS 250

typedef struct {
  uint8_t program_id[32];
  uint8_t n_accounts;
  uint8_t *data;
  uint16_t data_len;
} HostIx;

typedef struct {
  SolPubkey program_id;
  uint8_t commit[SIG_FIXTURE_DATA_MAX];
  uint64_t commit_len;
  uint8_t ed25519[SG_ED25519_HEADER_LEN + SOLGRID_MAX_FILLS * SG_ED25519_OFFSETS_LEN];
  uint64_t ed25519_len;
  uint8_t budget[5];
  uint8_t ed25519_accounts; /* how many account metas the Ed25519 instruction claims */
  uint8_t ed25519_program[32];
  uint16_t current;         /* the trailing current-instruction index */
  uint8_t sysvar[SIG_FIXTURE_SYSVAR_MAX];
  uint64_t sysvar_len;
} SigFixture;

/* Two bid/ask orders, one fill, offsets all right. */
void sig_fixture_init(SigFixture *f);
/* Rebuilds the sysvar bytes from the fields (call after editing them). */
void sig_fixture_build(SigFixture *f);
/* Offset field k (0..6) of signature i, as a u16 pointer into the Ed25519 data. */
void sig_fixture_set_offset(SigFixture *f, int i, int k, uint16_t v);
/* Runs sg_verify_order_signatures on the fixture. */
uint64_t sig_fixture_verify(const SigFixture *f);

/* Serializes instructions into the sysvar layout; returns the length, 0 if cap is too small. */
size_t host_sysvar_build(uint8_t *out, size_t cap, const HostIx *ixs, uint16_t n, uint16_t current);

#endif
