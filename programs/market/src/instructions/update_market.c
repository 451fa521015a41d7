/* update_market - replace the market's configuration and (optionally) hand the
 * authority to another key. Accounts: authority [signer], market [writable].
 * The Market PDA stays where it is: its seeds use seed_authority, which never
 * changes. */
#include "errors.h"
#include "events.h"
#include "instructions/instructions.h"
#include "market_account.h"
#include "validate.h"

static uint64_t decode_args(const SolParameters *p, update_market_args *args) {
  if (p->data_len != SOLGRID_UPDATE_MARKET_DATA_LEN)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  sol_copy(args, p->data + 8, sizeof *args);
  return SOL_SUCCESS;
}

uint64_t sg_update_market(SolParameters *p) {
  _Alignas(8) update_market_args args;
  SolAccountInfo *authority = &p->accounts[SOLGRID_UPDATE_MARKET_ACCOUNT_AUTHORITY];
  SolAccountInfo *market = &p->accounts[SOLGRID_UPDATE_MARKET_ACCOUNT_MARKET];
  Market *m;
  uint64_t r;
  if ((r = sg_require_accounts(p, SOLGRID_UPDATE_MARKET_NUM_ACCOUNTS)) != SOL_SUCCESS ||
      (r = decode_args(p, &args)) != SOL_SUCCESS || (r = sg_market_params_check(&args.params)) != SOL_SUCCESS ||
      (r = sg_require_signer(authority)) != SOL_SUCCESS || (r = sg_require_writable(market)) != SOL_SUCCESS ||
      (r = sg_market_load(market, &p->program_id, &m)) != SOL_SUCCESS)
    return r;
  if (!sol_pubkey_eq(authority->key, &m->authority))
    return SG_ERR(UNAUTHORIZED);
  if (sol_key_bytes_are_zero(args.new_authority))
    return SG_ERR(ZERO_AUTHORITY); /* nobody could ever update the market again */
  sg_market_params_write(m, &args.params);
  __builtin_memcpy(m->authority.x, args.new_authority, SOL_PUBKEY_LEN);
  sg_emit_market_updated(market->key, &m->authority);
  return SOL_SUCCESS;
}
