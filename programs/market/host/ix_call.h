/* ix_call.h - any instruction call on the host (accounts + data), run with the
 * same "a failure changes nothing" check as fixture_run, plus builders for the
 * accounts the balance instructions read: a real Market (made by running
 * initialize_market), SPL token accounts and Balance PDAs. */
#ifndef HOST_IX_CALL_H
#define HOST_IX_CALL_H

#include "fixture.h"

#define IX_MAX_ACCOUNTS 12
#define IX_MAX_DATA 256

typedef struct {
  HostAccount accounts[IX_MAX_ACCOUNTS];
  uint64_t n_accounts;
  uint8_t data[IX_MAX_DATA];
  uint64_t data_len;
} IxCall;

/* A market made by initialize_market: its accounts after the run. */
typedef struct {
  SolPubkey program_id;
  HostAccount authority, market, stable_mint, token_mint, stable_vault, token_vault, token_program, system;
  MarketParams params;
} HostMarket;

void host_market_init(HostMarket *m);
/* The same for another market id (same authority and mints, other PDAs). */
void host_market_init_id(HostMarket *m, uint64_t market_id);
const Market *host_market_data(const HostMarket *m);

/* data = discriminator || args. */
void ix_set_data(IxCall *c, uint64_t discriminator, const void *args, uint64_t len);
/* Runs the call; on success reads the accounts back, on failure aborts if the input changed. */
uint64_t ix_run(IxCall *c, const SolPubkey *program_id);

/* A plain wallet (System-owned, no data). */
void host_wallet(HostAccount *a, uint8_t key_byte, uint64_t lamports, int is_signer, int is_writable);
/* An initialized SPL token account. */
void host_token_account(HostAccount *a, uint8_t key_byte, const SolPubkey *mint, const SolPubkey *owner,
                        uint64_t amount);
uint64_t host_token_amount(const HostAccount *a);
/* An open Balance at its PDA; the key is derived. */
void host_balance(HostAccount *a, const HostMarket *m, const SolPubkey *owner, const SolPubkey *mint,
                  uint64_t available, uint64_t locked);
/* The Balance PDA address, for an account not opened yet. */
void host_balance_address(const HostMarket *m, const SolPubkey *owner, const SolPubkey *mint, SolPubkey *out,
                          uint8_t *bump);
const Balance *host_balance_data(const HostAccount *a);

#endif
