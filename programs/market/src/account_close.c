/* account_close.c - see account_close.h. */
#include "account_close.h"
#include "sol/mem.h"

/* The serialised data length precedes the data (sol/entrypoint.h). */
static uint64_t *serialized_data_len(const SolAccountInfo *a) { return (uint64_t *)(void *)(a->data - 8); }

bool sg_close_account(SolAccountInfo *a, SolAccountInfo *to) {
  uint64_t sum;
  if (__builtin_add_overflow(*to->lamports, *a->lamports, &sum))
    return false;
  *to->lamports = sum;
  *a->lamports = 0;
  sol_zero(a->data, a->data_len);
  *serialized_data_len(a) = 0;
  a->data_len = 0;
  sol_zero(a->owner->x, SOL_PUBKEY_LEN); /* the System program */
  return true;
}
