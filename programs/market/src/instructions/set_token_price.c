/* set_token_price - the oracle authority sets the platform token's price in
 * micro-USD per whole token, stamped with the cluster time so lease commits can
 * refuse a stale price. Accounts: oracle [signer], market [writable]. */
#include "errors.h"
#include "events.h"
#include "instructions/instructions.h"
#include "market_account.h"
#include "sol/clock.h"
#include "validate.h"

uint64_t sg_set_token_price(SolParameters *p) {
  SolAccountInfo *oracle = &p->accounts[SOLGRID_SET_TOKEN_PRICE_ACCOUNT_ORACLE];
  SolAccountInfo *market = &p->accounts[SOLGRID_SET_TOKEN_PRICE_ACCOUNT_MARKET];
  SolClock clock;
  Market *m;
  uint64_t price, r;
  if ((r = sg_require_accounts(p, SOLGRID_SET_TOKEN_PRICE_NUM_ACCOUNTS)) != SOL_SUCCESS)
    return r;
  if (p->data_len != SOLGRID_SET_TOKEN_PRICE_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  price = sol_read_u64(p->data + 8);
  if (price == 0)
    return SG_ERR(INVALID_PRICE);
  if ((r = sg_require_signer(oracle)) != SOL_SUCCESS || (r = sg_require_writable(market)) != SOL_SUCCESS ||
      (r = sg_market_load(market, &p->program_id, &m)) != SOL_SUCCESS)
    return r;
  if (!sol_pubkey_eq(oracle->key, &m->oracle_authority))
    return SG_ERR(UNAUTHORIZED);
  if (!sol_get_clock(&clock))
    return SOL_ERR_INVALID_ARGUMENT;
  m->token_price_micro_usd = price;
  m->token_price_updated_at = clock.unix_timestamp;
  sg_emit_token_price_set(market->key, price, clock.unix_timestamp);
  return SOL_SUCCESS;
}
