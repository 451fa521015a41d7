/* fuzz_input.c - libFuzzer target for the input deserializer and the
 * instruction decoder/handlers. The first byte picks a mode:
 *   raw:        the bytes are the loader input itself (parser robustness);
 *   structured: the bytes mutate a valid initialize_market call (flags, keys,
 *               owners, lamports, mint data, args, data length), so the fuzzer
 *               spends its time inside the validations instead of the parser.
 * Properties beyond "no crash, no sanitizer report": a failing call leaves its
 * input byte-identical (fixture_run aborts otherwise), and a successful one
 * produced a Market owned by the program. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "fuzz_bytes.h"
#include "program.h"

static void fuzz_raw(const uint8_t *data, size_t n) {
  uint8_t *input = aligned_alloc(8, (n + 8) & ~(size_t)7);
  memcpy(input, data, n);
  host_reset(&(SolPubkey){{0}});
  host_rt.quiet = 1;
  sg_process(input, n);
  free(input);
}

/* One account: flags, a key from a small palette (so PDA / duplicate / program
 * cases are reachable), owner, lamports and some data bytes. */
static void mutate_account(MarketFixture *f, int i, Bytes *b) {
  HostAccount *a = &f->accounts[i];
  uint8_t op = next(b);
  a->is_signer ^= op & 1;
  a->is_writable ^= (op >> 1) & 1;
  if (op & 4)
    a->key.x[next(b) % 32] ^= next(b);
  if (op & 8)
    a->owner.x[next(b) % 32] ^= next(b);
  if (op & 16)
    a->lamports = (uint64_t)next(b) << (next(b) % 40);
  if (op & 32)
    a->data_len = next(b) % 128;
  if (op & 64)
    a->data[next(b) % 128] ^= next(b);
  if ((op & 128) && i > 0)
    a->dup_of = next(b) % i;
}

static void fuzz_structured(Bytes *b) {
  MarketFixture f;
  fixture_init(&f, next(b) % 4);
  uint8_t which = next(b);
  for (int i = 0; i < SOLGRID_INITIALIZE_MARKET_NUM_ACCOUNTS; i++)
    if (which & (1 << i))
      mutate_account(&f, i, b);
  f.n_accounts = which & 0x20 ? next(b) % (SOLGRID_INITIALIZE_MARKET_NUM_ACCOUNTS + 1) : f.n_accounts;
  while (b->n >= 2 && next(b) & 1) /* then flip argument bytes */
    f.data[8 + next(b) % sizeof f.args] ^= next(b);
  if (which & 0x40)
    f.data_len = next(b) % sizeof f.data;
  if (fixture_run(&f) == 0) {
    const HostAccount *m = &f.accounts[F_MARKET];
    if (memcmp(&m->owner, &f.program_id, 32) != 0 || m->data_len != sizeof(Market))
      abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  Bytes b = {data, n};
  if (n == 0)
    return 0;
  if (next(&b) & 1)
    fuzz_raw(b.p, b.n);
  else
    fuzz_structured(&b);
  return 0;
}
