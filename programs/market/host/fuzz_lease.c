/* fuzz_lease.c - libFuzzer target for settle_lease, cancel_lease, release_lease
 * and close_lease: the bytes pick an instruction and mutate a valid call
 * (flags, keys, owners, lease fields, Balance amounts, clock, data length,
 * duplicated accounts). Properties beyond "no crash, no sanitizer report":
 *   - a failing call leaves its input byte-identical (lf_run aborts otherwise);
 *   - a successful settle/cancel/release conserves money: the sum of available +
 *     locked over the distinct Balances is unchanged, nothing is paid beyond the
 *     lease's totals, and settlement never runs backwards (a settled_until
 *     beyond the end, which no commit writes, is pulled back to the end);
 *   - a successful close leaves an empty, System-owned, lamport-less account. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_bytes.h"
#include "lease_fixture.h"
#include "sol/mem.h"

static void mutate_lease(Lease *l, Bytes *b) {
  uint8_t op = next(b);
  if (op & 1)
    l->total_cost = fuzz_amount(b);
  if (op & 2)
    l->total_fee = fuzz_amount(b);
  if (op & 4)
    l->paid_cost = fuzz_amount(b);
  if (op & 8)
    l->paid_fee = fuzz_amount(b);
  if (op & 16)
    l->settled_until = LF_START + (int64_t)(int8_t)next(b) * 60;
  if (op & 32)
    l->end_ts = LF_START + (int64_t)(int8_t)next(b) * 60;
  if (op & 64)
    l->state = next(b) % 3;
  if (op & 128)
    ((uint8_t *)l)[next(b) % sizeof(Lease)] ^= next(b);
}

static void mutate_account(LeaseFixture *f, int i, Bytes *b) {
  HostAccount *a = &f->accounts[i];
  uint8_t op = next(b);
  a->is_signer ^= op & 1;
  a->is_writable ^= (op >> 1) & 1;
  if (op & 4)
    a->key.x[next(b) % 32] ^= next(b);
  if (op & 8)
    a->owner.x[next(b) % 32] ^= next(b);
  if (op & 16 && a->data_len >= sizeof(Balance) && a->data_len < sizeof(Lease)) {
    ((Balance *)a->data)->available = fuzz_amount(b);
    ((Balance *)a->data)->locked = fuzz_amount(b);
  }
  if (op & 32)
    a->data_len = next(b) % 2 ? 0 : a->data_len;
  if ((op & 64) && i > 0)
    a->dup_of = next(b) % i;
}

/* Distinct Balance accounts (duplicates count once) and their total funds. */
static unsigned __int128 funds(LeaseFixture *f) {
  unsigned __int128 sum = 0;
  for (int r = LF_RENTER_BAL; r <= LF_TREASURY_BAL; r++) {
    HostAccount *a = lf_account(f, (LeaseRole)r);
    if (a->dup_of < 0 && a->data_len >= sizeof(Balance))
      sum += (unsigned __int128)((Balance *)a->data)->available + ((Balance *)a->data)->locked;
  }
  return sum;
}

static void check_close(LeaseFixture *f) {
  const HostAccount *l = &f->accounts[0];
  if (l->lamports != 0 || l->data_len != 0 || !sol_pubkey_is_zero(&l->owner))
    abort();
}

static void check_payment(LeaseFixture *f, unsigned __int128 before, const Lease *old) {
  _Alignas(8) Lease l;
  memcpy(&l, lf_lease(f), sizeof l);
  if (funds(f) != before || l.paid_cost > l.total_cost || l.paid_fee > l.total_fee || l.paid_cost < old->paid_cost ||
      l.paid_fee < old->paid_fee || l.settled_until < (old->settled_until < l.end_ts ? old->settled_until : l.end_ts))
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  /* Deriving the three Balance PDAs dominates lf_init: build each call once. */
  static LeaseFixture templates[4], f;
  static bool ready[4];
  _Alignas(8) Lease old;
  Bytes b = {data, n};
  LeaseIx ix = (LeaseIx)(next(&b) % 4);
  if (!ready[ix]) {
    lf_init(&templates[ix], ix);
    ready[ix] = true;
  }
  f = templates[ix];
  host_reset(&f.program_id);
  host_rt.quiet = 1;
  mutate_lease(lf_lease(&f), &b);
  uint8_t which = next(&b);
  for (uint64_t i = 0; i < f.n_accounts; i++)
    if (which & (1u << i))
      mutate_account(&f, (int)i, &b);
  if (which & 0x80)
    f.data_len = next(&b) % sizeof f.data;
  host_rt.clock.unix_timestamp = LF_START + (int64_t)(int8_t)next(&b) * 60;
  memcpy(&old, lf_lease(&f), sizeof old);
  unsigned __int128 before = funds(&f);
  if (lf_run(&f) != 0)
    return 0;
  if (f.ix == LF_CLOSE)
    check_close(&f);
  else
    check_payment(&f, before, &old);
  return 0;
}
