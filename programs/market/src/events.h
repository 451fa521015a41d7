/* events.h - Anchor events: sol_log_data of one slice, discriminator || Borsh body,
 * which clients see as "Program data: <base64>". The generated event structs
 * already start with the discriminator. */
#ifndef SG_EVENTS_H
#define SG_EVENTS_H

#include "sol/types.h"

void sg_emit_market_initialized(const SolPubkey *market, const SolPubkey *authority, uint64_t market_id);

#endif
