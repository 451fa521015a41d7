/* accrual.h - how much of a lease amount is due at a time: linear per second,
 *   due(t) = floor(total × (t − start) ÷ (end − start)),  t clamped to [start, end],
 * so nothing is due before the start, exactly `total` from the end on, and
 * rounding is always down (the provider is never paid ahead of time). Cost and
 * fee accrue separately with the same formula. */
#ifndef SG_ACCRUAL_H
#define SG_ACCRUAL_H

#include "sol/types.h"

/* false only when end <= start (a lease with no duration). */
bool sg_accrued(uint64_t total, int64_t start, int64_t end, int64_t t, uint64_t *due);

#endif
