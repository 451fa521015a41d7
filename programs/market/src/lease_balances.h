/* lease_balances.h - the three Balances a lease pays between: the renter's
 * (locked funds are taken from it, refunds go to its available), the
 * provider's and the treasury's (market.treasury). Each is the PDA
 * ["balance", market, owner, lease.payment_mint] of its party.
 * Amounts are staged in locals and written back together after every check
 * passed, so a failing instruction writes nothing. Two roles may be one account
 * (the treasury's owner may also rent or provide); they then share a slot, and
 * every change to it adds up instead of one overwriting the other. */
#ifndef SG_LEASE_BALANCES_H
#define SG_LEASE_BALANCES_H

#include "sol/entrypoint.h"
#include "solgrid_market_idl.h"

#define SG_LEASE_BALANCE_ROLES 3

typedef struct {
  Balance *account[SG_LEASE_BALANCE_ROLES]; /* the n distinct accounts */
  uint64_t available[SG_LEASE_BALANCE_ROLES];
  uint64_t locked[SG_LEASE_BALANCE_ROLES];
  uint8_t n;
  uint8_t renter, provider, treasury; /* slot of each role */
} LeaseBalances;

typedef struct {
  const SolAccountInfo *renter;
  const SolAccountInfo *provider;
  const SolAccountInfo *treasury;
  const SolPubkey *treasury_owner; /* market.treasury */
  const SolPubkey *program_id;
} LeaseBalanceAccounts;

/* Checks each account (BalanceNotOpen if it does not exist, then writable,
 * owner, discriminator; WrongLeaseParty unless it records the right party, the
 * lease's market and its payment mint, which proves its address: balance.h)
 * and stages its amounts. lease must be an 8-aligned copy (lease.h). */
uint64_t sg_lease_balances_load(LeaseBalances *b, const LeaseBalanceAccounts *a, const Lease *lease);

/* Writes the staged amounts back. */
void sg_lease_balances_store(const LeaseBalances *b);

#endif
