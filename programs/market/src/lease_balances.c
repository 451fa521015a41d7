/* lease_balances.c - see lease_balances.h. */
#include "lease_balances.h"
#include "balance.h"
#include "errors.h"
#include "lease.h"
#include "validate.h"

/* The Balance of key (sg_balance_load) or the error naming why not. A Balance
 * recording other keys is someone else's (or another mint's): WrongLeaseParty. */
static uint64_t check_balance(const SolAccountInfo *a, const SolPubkey *program_id, const BalanceKey *key) {
  Balance *b;
  uint64_t r;
  if (sg_balance_unopened(a))
    return SG_ERR(BALANCE_NOT_OPEN);
  if ((r = sg_require_writable(a)) != SOL_SUCCESS)
    return r;
  r = sg_balance_load(a, program_id, key, &b);
  return r == SG_ERR(INVALID_PDA) ? SG_ERR(WRONG_LEASE_PARTY) : r;
}

/* The slot of account a: an earlier slot if it is the same account, else a new one. */
static uint8_t stage(LeaseBalances *b, const SolAccountInfo *a) {
  Balance *acct = (Balance *)a->data;
  for (uint8_t i = 0; i < b->n; i++)
    if (b->account[i] == acct)
      return i;
  b->account[b->n] = acct;
  b->available[b->n] = acct->available;
  b->locked[b->n] = acct->locked;
  return b->n++;
}

uint64_t sg_lease_balances_load(LeaseBalances *b, const LeaseBalanceAccounts *a, const Lease *lease) {
  BalanceKey key = {SG_LEASE_KEY(lease, market), SG_LEASE_KEY(lease, renter), SG_LEASE_KEY(lease, payment_mint)};
  uint64_t r;
  if ((r = check_balance(a->renter, a->program_id, &key)) != SOL_SUCCESS)
    return r;
  key.owner = SG_LEASE_KEY(lease, provider);
  if ((r = check_balance(a->provider, a->program_id, &key)) != SOL_SUCCESS)
    return r;
  key.owner = a->treasury_owner;
  if ((r = check_balance(a->treasury, a->program_id, &key)) != SOL_SUCCESS)
    return r;
  b->n = 0;
  b->renter = stage(b, a->renter);
  b->provider = stage(b, a->provider);
  b->treasury = stage(b, a->treasury);
  return SOL_SUCCESS;
}

void sg_lease_balances_store(const LeaseBalances *b) {
  for (uint8_t i = 0; i < b->n; i++) {
    b->account[i]->available = b->available[i];
    b->account[i]->locked = b->locked[i];
  }
}
