/* events.h - Anchor events: sol_log_data of one slice, discriminator || Borsh body,
 * which clients see as "Program data: <base64>". The generated event structs
 * already start with the discriminator. */
#ifndef SG_EVENTS_H
#define SG_EVENTS_H

#include "sol/types.h"
#include "solgrid_market_idl.h"

void sg_emit_market_initialized(const SolPubkey *market, const SolPubkey *authority, uint64_t market_id);
void sg_emit_market_updated(const SolPubkey *market, const SolPubkey *authority);
void sg_emit_token_price_set(const SolPubkey *market, uint64_t price_micro_usd, int64_t at);
/* Deposited / Withdrawn: amount moved, and the Balance's available afterwards. */
void sg_emit_deposited(const SolPubkey *market, const Balance *b, uint64_t amount);
void sg_emit_withdrawn(const SolPubkey *market, const Balance *b, uint64_t amount);

#endif
