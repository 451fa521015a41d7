/* events.c - one emitter per IDL event. */
#include "events.h"
#include "sol/log.h"
#include "solgrid_market_idl.h"

void sg_emit_market_initialized(const SolPubkey *market, const SolPubkey *authority, uint64_t market_id) {
  MarketInitialized ev;
  uint64_t disc = SOLGRID_EVENT_MARKET_INITIALIZED_U64;
  __builtin_memcpy(ev.discriminator, &disc, 8);
  ev.market = *market;
  ev.authority = *authority;
  ev.market_id = market_id;
  sol_emit_event(&ev, sizeof ev);
}

void sg_emit_market_updated(const SolPubkey *market, const SolPubkey *authority) {
  MarketUpdated ev;
  uint64_t disc = SOLGRID_EVENT_MARKET_UPDATED_U64;
  __builtin_memcpy(ev.discriminator, &disc, 8);
  ev.market = *market;
  ev.authority = *authority;
  sol_emit_event(&ev, sizeof ev);
}

void sg_emit_token_price_set(const SolPubkey *market, uint64_t price_micro_usd, int64_t at) {
  TokenPriceSet ev;
  uint64_t disc = SOLGRID_EVENT_TOKEN_PRICE_SET_U64;
  __builtin_memcpy(ev.discriminator, &disc, 8);
  ev.market = *market;
  ev.price_micro_usd = price_micro_usd;
  ev.at = at;
  sol_emit_event(&ev, sizeof ev);
}

/* Deposited and Withdrawn share one layout. */
static void emit_balance_move(uint64_t disc, const SolPubkey *market, const Balance *b, uint64_t amount) {
  Deposited ev;
  __builtin_memcpy(ev.discriminator, &disc, 8);
  ev.market = *market;
  ev.owner = b->owner;
  ev.mint = b->mint;
  ev.amount = amount;
  ev.available = b->available;
  sol_emit_event(&ev, sizeof ev);
}

_Static_assert(sizeof(Deposited) == sizeof(Withdrawn), "Deposited and Withdrawn share a layout");

void sg_emit_deposited(const SolPubkey *market, const Balance *b, uint64_t amount) {
  emit_balance_move(SOLGRID_EVENT_DEPOSITED_U64, market, b, amount);
}

void sg_emit_withdrawn(const SolPubkey *market, const Balance *b, uint64_t amount) {
  emit_balance_move(SOLGRID_EVENT_WITHDRAWN_U64, market, b, amount);
}
