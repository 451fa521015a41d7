/* lease_payment.c - see lease_payment.h. */
#include "lease_payment.h"
#include "errors.h"
#include "lease.h"
#include "lease_balances.h"
#include "lease_events.h"
#include "market_account.h"
#include "settlement.h"
#include "sol/clock.h"
#include "validate.h"

/* Offsets from the market account, identical in the three instructions. */
enum { AT_MARKET, AT_LEASE, AT_RENTER_BALANCE, AT_PROVIDER_BALANCE, AT_TREASURY_BALANCE };
_Static_assert(SOLGRID_SETTLE_LEASE_ACCOUNT_TREASURY_BALANCE - SOLGRID_SETTLE_LEASE_ACCOUNT_MARKET ==
                   AT_TREASURY_BALANCE, "settle_lease account order");
_Static_assert(SOLGRID_CANCEL_LEASE_ACCOUNT_LEASE - SOLGRID_CANCEL_LEASE_ACCOUNT_MARKET == AT_LEASE &&
                   SOLGRID_CANCEL_LEASE_ACCOUNT_TREASURY_BALANCE - SOLGRID_CANCEL_LEASE_ACCOUNT_MARKET ==
                       AT_TREASURY_BALANCE,
               "cancel_lease account order");
_Static_assert(SOLGRID_RELEASE_LEASE_ACCOUNT_LEASE - SOLGRID_RELEASE_LEASE_ACCOUNT_MARKET == AT_LEASE &&
                   SOLGRID_RELEASE_LEASE_ACCOUNT_TREASURY_BALANCE - SOLGRID_RELEASE_LEASE_ACCOUNT_MARKET ==
                       AT_TREASURY_BALANCE,
               "release_lease account order");

/* cancel_lease: the lease's renter signs; release_lease: its provider. */
static uint64_t check_ending_party(const SolAccountInfo *signer, const Lease *l, LeaseParty party) {
  const SolPubkey *expected = party == SG_PARTY_RENTER ? SG_LEASE_KEY(l, renter) : SG_LEASE_KEY(l, provider);
  uint64_t r;
  if (party == SG_PARTY_ANYONE)
    return SOL_SUCCESS;
  if ((r = sg_require_signer(signer)) != SOL_SUCCESS)
    return r;
  return sol_pubkey_eq(signer->key, expected) ? SOL_SUCCESS : SG_ERR(WRONG_LEASE_PARTY);
}

/* Lease and Balances, checked and staged into l and b. */
static uint64_t load(SolParameters *p, const LeasePayment *how, Lease *l, LeaseBalances *b) {
  const SolAccountInfo *a = &p->accounts[how->market], *lease = &a[AT_LEASE];
  Market *market;
  uint64_t r;
  if ((r = sg_market_load(a, &p->program_id, &market)) != SOL_SUCCESS || (r = sg_require_writable(lease)) != SOL_SUCCESS ||
      (r = sg_lease_load(lease, &p->program_id, a->key, l)) != SOL_SUCCESS ||
      (r = check_ending_party(&p->accounts[0], l, how->ends)) != SOL_SUCCESS)
    return r;
  if (l->state != SOLGRID_LEASE_STATE_ACTIVE)
    return SG_ERR(LEASE_NOT_ACTIVE);
  LeaseBalanceAccounts accounts = {&a[AT_RENTER_BALANCE], &a[AT_PROVIDER_BALANCE], &a[AT_TREASURY_BALANCE],
                                   &market->treasury, &p->program_id};
  return sg_lease_balances_load(b, &accounts, l);
}

uint64_t sg_lease_payment(SolParameters *p, const LeasePayment *how) {
  _Alignas(8) Lease lease;
  LeaseBalances balances;
  SolClock clock;
  uint64_t r;
  if ((r = sg_require_accounts(p, how->n_accounts)) != SOL_SUCCESS || (r = load(p, how, &lease, &balances)) != SOL_SUCCESS)
    return r;
  if (!sol_get_clock(&clock))
    return SOL_ERR_INVALID_ARGUMENT;
  if ((r = sg_settle(&lease, &balances, clock.unix_timestamp)) != SOL_SUCCESS)
    return r;
  /* A lease that expired meanwhile is closed by sg_settle: nothing is left to refund. */
  if (how->ends != SG_PARTY_ANYONE && lease.state == SOLGRID_LEASE_STATE_ACTIVE &&
      (r = sg_end_early(&lease, &balances, clock.unix_timestamp, how->reason)) != SOL_SUCCESS)
    return r;
  const SolAccountInfo *lease_account = &p->accounts[how->market + AT_LEASE];
  sg_lease_store(lease_account, &lease);
  sg_lease_balances_store(&balances);
  sg_emit_lease_settled(lease_account->key, &lease);
  if (lease.state == SOLGRID_LEASE_STATE_CLOSED)
    sg_emit_lease_closed(lease_account->key, &lease);
  return SOL_SUCCESS;
}
