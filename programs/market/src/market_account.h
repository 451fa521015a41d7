/* market_account.h - loading a Market passed to an instruction, the mint ->
 * vault mapping, and the configuration shared by initialize_market and
 * update_market. */
#ifndef SG_MARKET_ACCOUNT_H
#define SG_MARKET_ACCOUNT_H

#include "sol/entrypoint.h"
#include "solgrid_market_idl.h"

#define SG_MAX_BPS 10000

/* A Market of this program: owned by it, discriminator and size right. */
uint64_t sg_market_load(const SolAccountInfo *a, const SolPubkey *program_id, Market **out);

/* The market's vault for mint, or NULL if the market does not accept the mint. */
const SolPubkey *sg_market_vault_for(const Market *m, const SolPubkey *mint);

/* Fee bounds: each at most 10000 bps, the token fee not above the stablecoin fee. */
uint64_t sg_market_params_check(const MarketParams *params);
void sg_market_params_write(Market *m, const MarketParams *params);

#endif
