/* lease_fixture.h - a valid settle_lease / cancel_lease / release_lease /
 * close_lease call on a hand-built Lease (what commit_leases would have
 * written): a market, the lease, and the renter's, provider's and treasury's
 * Balances at their real PDAs. Tests break one thing at a time. */
#ifndef HOST_LEASE_FIXTURE_H
#define HOST_LEASE_FIXTURE_H

#include "host.h"
#include "solgrid_market_idl.h"

/* The host clock is 1760000000; the lease started 1 000 s earlier and lasts an
 * hour. 1 000 micro-USD of cost and 25 of fee accrue per second. */
#define LF_NOW 1760000000LL
#define LF_START (LF_NOW - 1000)
#define LF_END (LF_START + 3600)
#define LF_TOTAL_COST 3600000ULL
#define LF_TOTAL_FEE 90000ULL
#define LF_RENTER_AVAILABLE 5000000ULL
#define LF_LEASE_LAMPORTS 3103680ULL /* rent of a 318-byte account */
#define LF_RENT_PAYER_LAMPORTS 1000000000ULL

typedef enum { LF_SETTLE, LF_CANCEL, LF_RELEASE, LF_CLOSE } LeaseIx;

/* Account slots; the signer slot exists for cancel/release only, so the others
 * are shifted by one there (use lf_slot). */
typedef enum { LF_SIGNER, LF_MARKET, LF_LEASE, LF_RENTER_BAL, LF_PROVIDER_BAL, LF_TREASURY_BAL } LeaseRole;

typedef struct {
  HostAccount accounts[8];
  uint64_t n_accounts;
  uint8_t data[16];
  uint64_t data_len;
  LeaseIx ix;
  SolPubkey program_id, market, renter, provider, treasury, rent_payer, mint;
} LeaseFixture;

/* close_lease's OrderStates of the pair. */
#define LF_CLOSE_BID 2
#define LF_CLOSE_ASK 3

/* Valid call of ix on an active lease; resets the host runtime. */
void lf_init(LeaseFixture *f, LeaseIx ix);
HostAccount *lf_account(LeaseFixture *f, LeaseRole role);
Lease *lf_lease(LeaseFixture *f);
Balance *lf_balance(LeaseFixture *f, LeaseRole role);
/* A Balance at the PDA of (market, owner, mint). */
void lf_make_balance(LeaseFixture *f, HostAccount *a, const SolPubkey *owner, const SolPubkey *mint, uint64_t available,
                     uint64_t locked);
/* Runs the program. On success the accounts are read back; on failure the
 * input must be byte-identical afterwards, else it aborts. */
uint64_t lf_run(LeaseFixture *f);

#endif
