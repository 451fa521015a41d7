/* market_account.c - see market_account.h. */
#include "market_account.h"
#include "errors.h"
#include "validate.h"

uint64_t sg_market_load(const SolAccountInfo *a, const SolPubkey *program_id, Market **out) {
  uint64_t r;
  if ((r = sg_require_owner(a, program_id)) != SOL_SUCCESS ||
      (r = sg_require_discriminator(a, SOLGRID_ACCOUNT_MARKET_U64, sizeof(Market))) != SOL_SUCCESS)
    return r;
  *out = (Market *)a->data;
  return SOL_SUCCESS;
}

const SolPubkey *sg_market_vault_for(const Market *m, const SolPubkey *mint) {
  if (sol_pubkey_eq(mint, &m->stable_mint))
    return &m->stable_vault;
  if (sol_pubkey_eq(mint, &m->token_mint))
    return &m->token_vault;
  return NULL;
}

/* A zero key nobody can sign for would freeze the market: no price updates, no
 * commits, fees paid to an unusable Balance. */
uint64_t sg_market_params_check(const MarketParams *m) {
  if (m->fee_bps_stable > SG_MAX_BPS || m->fee_bps_token > m->fee_bps_stable || m->miner_fee_share_bps > SG_MAX_BPS)
    return SG_ERR(INVALID_FEE_BPS);
  if (sol_key_bytes_are_zero(m->treasury) || sol_key_bytes_are_zero(m->oracle_authority) || sol_key_bytes_are_zero(m->matcher))
    return SG_ERR(ZERO_AUTHORITY);
  return SOL_SUCCESS;
}

void sg_market_params_write(Market *m, const MarketParams *params) {
  __builtin_memcpy(m->treasury.x, params->treasury, SOL_PUBKEY_LEN);
  __builtin_memcpy(m->oracle_authority.x, params->oracle_authority, SOL_PUBKEY_LEN);
  __builtin_memcpy(m->matcher.x, params->matcher, SOL_PUBKEY_LEN);
  m->subsidy_per_gpu_hour = params->subsidy_per_gpu_hour;
  m->checker_reward_per_report = params->checker_reward_per_report;
  m->miner_price_micro_usd = params->miner_price_micro_usd;
  m->max_price_staleness_secs = params->max_price_staleness_secs;
  m->checker_min_report_interval_secs = params->checker_min_report_interval_secs;
  m->miner_max_supply = params->miner_max_supply;
  m->fee_bps_stable = params->fee_bps_stable;
  m->fee_bps_token = params->fee_bps_token;
  m->miner_fee_share_bps = params->miner_fee_share_bps;
}
