/* accrual.c - see accrual.h. total × elapsed needs 128 bits (a u64 total times
 * up to years of seconds); the quotient fits in a u64 because elapsed < duration. */
#include "accrual.h"
#include "u128.h"

bool sg_accrued(uint64_t total, int64_t start, int64_t end, int64_t t, uint64_t *due) {
  if (end <= start)
    return false;
  if (t <= start) {
    *due = 0;
    return true;
  }
  if (t >= end) {
    *due = total;
    return true;
  }
  /* start < t < end: both differences are positive and fit in a u64 even across
   * the whole i64 range (unsigned wrap-around gives the true difference). */
  return sg_mul_div_floor(total, (uint64_t)t - (uint64_t)start, (uint64_t)end - (uint64_t)start, due);
}
