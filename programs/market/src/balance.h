/* balance.h - Balance PDAs ["balance", market, owner, mint]: one wallet's funds
 * in one mint on one market, `available` (free) and `locked` (reserved for
 * leases). Every instruction that touches a Balance goes through these helpers,
 * so the checks (owner, type, identity) and the checked arithmetic live in one
 * place. The mutators check before they write and leave the Balance unchanged
 * on error. */
#ifndef SG_BALANCE_H
#define SG_BALANCE_H

#include "sol/entrypoint.h"
#include "sol/pda.h"
#include "solgrid_market_idl.h"

#define SG_BALANCE_SEEDS 4 /* without the bump */

/* Whose Balance: the three keys of its PDA. */
typedef struct {
  const SolPubkey *market;
  const SolPubkey *owner;
  const SolPubkey *mint;
} BalanceKey;

typedef struct {
  uint8_t bump[1];
  SolSeed seeds[SG_BALANCE_SEEDS + 1];
} BalanceSeeds;

/* Fills s (bump as the last seed); s must not move afterwards. */
void sg_balance_seeds(BalanceSeeds *s, const BalanceKey *k, uint8_t bump);

/* An open Balance of k: owned by the program (AccountOwnerMismatch), a Balance
 * (AccountDiscriminatorMismatch / AccountDataTooSmall), and recording exactly
 * k's market, owner and mint (InvalidPda otherwise). Only this program writes
 * Balance accounts and it creates them only at the PDA of the keys it records,
 * so the recorded keys prove the address without a ~1 500 CU re-derivation. */
uint64_t sg_balance_load(const SolAccountInfo *a, const SolPubkey *program_id, const BalanceKey *k, Balance **out);

/* The account is not open yet (no data, System-owned; stray lamports allowed). */
bool sg_balance_unopened(const SolAccountInfo *a);

/* Before creating an unopened account: a is the canonical PDA of k (InvalidPda).
 * s gets the seeds with the canonical bump. */
uint64_t sg_balance_check_new(const SolAccountInfo *a, const SolPubkey *program_id, const BalanceKey *k,
                              BalanceSeeds *s);

/* Creates the Balance checked by sg_balance_check_new (payer: signer, writable,
 * pays the rent) and writes its header; *out points at it. */
uint64_t sg_balance_create(const SolParameters *p, const SolAccountInfo *payer, const SolAccountInfo *a,
                           const BalanceSeeds *s, Balance **out);

/* available += amount (ArithmeticOverflow). */
uint64_t sg_balance_credit(Balance *b, uint64_t amount);
/* available -= amount (InsufficientFunds). */
uint64_t sg_balance_debit(Balance *b, uint64_t amount);
/* available -> locked (InsufficientFunds, ArithmeticOverflow). */
uint64_t sg_balance_lock(Balance *b, uint64_t amount);
/* locked -> available, e.g. a refund (InsufficientFunds if less is locked, ArithmeticOverflow). */
uint64_t sg_balance_unlock(Balance *b, uint64_t amount);
/* locked -= amount: locked funds paid out to someone else (InsufficientFunds). */
uint64_t sg_balance_spend_locked(Balance *b, uint64_t amount);

#endif
