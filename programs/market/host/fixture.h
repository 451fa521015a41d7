/* fixture.h - a valid initialize_market call (accounts + data) that tests and the
 * fuzzer start from and then break one thing at a time. */
#ifndef HOST_FIXTURE_H
#define HOST_FIXTURE_H

#include "host.h"
#include "solgrid_market_idl.h"

#define FIXTURE_AUTHORITY_LAMPORTS 10000000000ULL
#define FIXTURE_MARKET_ID 1

typedef struct {
  HostAccount accounts[SOLGRID_INITIALIZE_MARKET_NUM_ACCOUNTS + 1];
  uint64_t n_accounts;
  uint8_t data[SOLGRID_INITIALIZE_MARKET_DATA_LEN + 8];
  uint64_t data_len;
  initialize_market_args args;
  SolPubkey program_id;
  uint8_t market_bump;
  uint8_t stable_vault_bump;
  uint8_t token_vault_bump;
} MarketFixture;

enum { F_AUTHORITY, F_MARKET, F_STABLE_MINT, F_TOKEN_MINT, F_STABLE_VAULT, F_TOKEN_VAULT, F_TOKEN_PROGRAM, F_SYSTEM };

/* Valid call for market_id; resets the host runtime to the program. */
void fixture_init(MarketFixture *f, uint64_t market_id);
/* Re-encodes f->args into f->data (after a test edits them). */
void fixture_encode(MarketFixture *f);
/* Runs the program on the fixture. On success the accounts are read back; on
 * failure the input must be byte-identical afterwards, else it aborts. */
uint64_t fixture_run(MarketFixture *f);
/* An initialized SPL mint account (6 decimals). */
void fixture_mint(HostAccount *a, uint8_t key_byte);
/* The SPL Token program account. */
void fixture_token_program(HostAccount *a);
/* The vault PDA ["vault", market, mint] of the fixture's program. */
void fixture_vault_address(const SolPubkey *program_id, const SolPubkey *market, const SolPubkey *mint,
                           SolPubkey *out, uint8_t *bump);

#endif
