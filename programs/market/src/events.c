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
