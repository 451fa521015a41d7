/* balance.c - see balance.h. */
#include "balance.h"
#include "errors.h"
#include "pda_account.h"
#include "validate.h"

void sg_balance_seeds(BalanceSeeds *s, const BalanceKey *k, uint8_t bump) {
  static const char prefix[] = SOLGRID_SEED_BALANCE;
  s->bump[0] = bump;
  s->seeds[0] = (SolSeed){(const uint8_t *)prefix, SOLGRID_SEED_BALANCE_LEN};
  s->seeds[1] = (SolSeed){k->market->x, SOL_PUBKEY_LEN};
  s->seeds[2] = (SolSeed){k->owner->x, SOL_PUBKEY_LEN};
  s->seeds[3] = (SolSeed){k->mint->x, SOL_PUBKEY_LEN};
  s->seeds[4] = (SolSeed){s->bump, 1};
}

uint64_t sg_balance_load(const SolAccountInfo *a, const SolPubkey *program_id, const BalanceKey *k, Balance **out) {
  uint64_t r;
  Balance *b;
  if ((r = sg_require_owner(a, program_id)) != SOL_SUCCESS ||
      (r = sg_require_discriminator(a, SOLGRID_ACCOUNT_BALANCE_U64, sizeof(Balance))) != SOL_SUCCESS)
    return r;
  b = (Balance *)a->data;
  if (!sol_pubkey_eq(&b->market, k->market) || !sol_pubkey_eq(&b->owner, k->owner) ||
      !sol_pubkey_eq(&b->mint, k->mint))
    return SG_ERR(INVALID_PDA);
  *out = b;
  return SOL_SUCCESS;
}

bool sg_balance_unopened(const SolAccountInfo *a) { return sg_pda_creatable(a); }

uint64_t sg_balance_check_new(const SolAccountInfo *a, const SolPubkey *program_id, const BalanceKey *k,
                              BalanceSeeds *s) {
  sg_balance_seeds(s, k, 0);
  return sg_find_pda(a, s->seeds, SG_BALANCE_SEEDS, program_id, &s->bump[0]);
}

uint64_t sg_balance_create(const SolParameters *p, const SolAccountInfo *payer, const SolAccountInfo *a,
                           const BalanceSeeds *s, Balance **out) {
  SolSignerSeeds signer = {s->seeds, SG_BALANCE_SEEDS + 1};
  SgPdaCreate c = {payer, a, sizeof(Balance), &p->program_id, &signer};
  uint64_t disc = SOLGRID_ACCOUNT_BALANCE_U64, r;
  Balance *b;
  if ((r = sg_pda_create(p, &c)) != SOL_SUCCESS)
    return r;
  b = (Balance *)a->data;
  __builtin_memcpy(b->discriminator, &disc, 8);
  __builtin_memcpy(b->market.x, s->seeds[1].addr, SOL_PUBKEY_LEN);
  __builtin_memcpy(b->owner.x, s->seeds[2].addr, SOL_PUBKEY_LEN);
  __builtin_memcpy(b->mint.x, s->seeds[3].addr, SOL_PUBKEY_LEN);
  b->bump = s->bump[0];
  *out = b;
  return SOL_SUCCESS;
}

uint64_t sg_balance_credit(Balance *b, uint64_t amount) {
  uint64_t v;
  if (__builtin_add_overflow(b->available, amount, &v))
    return SG_ERR(ARITHMETIC_OVERFLOW);
  b->available = v;
  return SOL_SUCCESS;
}

uint64_t sg_balance_debit(Balance *b, uint64_t amount) {
  if (amount > b->available)
    return SG_ERR(INSUFFICIENT_FUNDS);
  b->available -= amount;
  return SOL_SUCCESS;
}

/* Moves amount from one field of a Balance to the other, checked both ways. */
static uint64_t shift(uint64_t *from, uint64_t *to, uint64_t amount) {
  uint64_t sum;
  if (amount > *from)
    return SG_ERR(INSUFFICIENT_FUNDS);
  if (__builtin_add_overflow(*to, amount, &sum))
    return SG_ERR(ARITHMETIC_OVERFLOW);
  *from -= amount;
  *to = sum;
  return SOL_SUCCESS;
}

uint64_t sg_balance_lock(Balance *b, uint64_t amount) { return shift(&b->available, &b->locked, amount); }

uint64_t sg_balance_unlock(Balance *b, uint64_t amount) { return shift(&b->locked, &b->available, amount); }

uint64_t sg_balance_spend_locked(Balance *b, uint64_t amount) {
  if (amount > b->locked)
    return SG_ERR(INSUFFICIENT_FUNDS);
  b->locked -= amount;
  return SOL_SUCCESS;
}
