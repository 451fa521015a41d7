/* market_pda.h - seeds of the Market PDA, ["market", authority, market_id as u64 LE],
 * as the IDL declares them. */
#ifndef SG_MARKET_PDA_H
#define SG_MARKET_PDA_H

#include "sol/pda.h"
#include "solgrid_market_idl.h"

#define SG_MARKET_SEEDS 3 /* without the bump */

typedef struct {
  uint8_t market_id_le[8];
  uint8_t bump[1];
  SolSeed seeds[SG_MARKET_SEEDS + 1];
} MarketSeeds;

/* Fills s; s->seeds has SG_MARKET_SEEDS entries, plus the bump as the last one
 * (use SG_MARKET_SEEDS + 1 entries when signing or re-deriving). s must not move
 * afterwards: the seeds point into it. */
static inline void sg_market_seeds(MarketSeeds *s, const SolPubkey *authority, uint64_t market_id, uint8_t bump) {
  static const char prefix[] = SOLGRID_SEED_MARKET;
  sol_write_u64(s->market_id_le, market_id);
  s->bump[0] = bump;
  s->seeds[0] = (SolSeed){(const uint8_t *)prefix, SOLGRID_SEED_MARKET_LEN};
  s->seeds[1] = (SolSeed){authority->x, SOL_PUBKEY_LEN};
  s->seeds[2] = (SolSeed){s->market_id_le, sizeof s->market_id_le};
  s->seeds[3] = (SolSeed){s->bump, 1};
}

#endif
