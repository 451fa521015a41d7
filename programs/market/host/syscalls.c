/* syscalls.c - host implementations of the syscalls the program uses. Logs are
 * recorded for assertions; sha256 and PDA derivation are the real algorithms;
 * sol_invoke_signed_c emulates System CreateAccount (the only CPI so far) with
 * the checks the System program and the runtime make. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curve25519.h"
#include "host.h"
#include "sha256.h"
#include "sol/cpi.h"
#include "sol/error.h"
#include "sol/pda.h"
#include "sol/syscalls.h"
#include "sol/system.h"

HostRuntime host_rt;

void host_reset(const SolPubkey *program_id) {
  memset(&host_rt, 0, sizeof host_rt);
  host_rt.program_id = *program_id;
  host_rt.clock = (SolClock){.slot = 4242, .epoch = 7, .unix_timestamp = 1760000000};
  host_rt.rent = (SolRent){.lamports_per_byte_year = 3480, .exemption_threshold_bits = 0x4000000000000000ULL,
                           .burn_percent = 50};
}

static void record_log(const char *prefix, const char *msg, uint64_t len) {
  char line[HOST_LOG_LEN];
  snprintf(line, sizeof line, "%s%.*s", prefix, (int)(len > 400 ? 400 : len), msg);
  if (!host_rt.quiet)
    printf("    %s\n", line);
  if (host_rt.n_logs < HOST_MAX_LOGS)
    memcpy(host_rt.logs[host_rt.n_logs++], line, sizeof line);
}

void sol_log_(const char *msg, uint64_t len) { record_log("Program log: ", msg, len); }

void sol_log_64_(uint64_t a, uint64_t b, uint64_t c, uint64_t d, uint64_t e) {
  char s[128];
  int n = snprintf(s, sizeof s, "%#llx, %#llx, %#llx, %#llx, %#llx", (unsigned long long)a, (unsigned long long)b,
                   (unsigned long long)c, (unsigned long long)d, (unsigned long long)e);
  record_log("Program log: ", s, (uint64_t)n);
}

void sol_log_pubkey(const SolPubkey *key) {
  char s[65];
  for (int i = 0; i < 32; i++)
    snprintf(s + 2 * i, 3, "%02x", key->x[i]);
  record_log("Program log: ", s, 64);
}

void sol_log_compute_units_(void) { record_log("Program consumption: ", "n/a on host", 11); }

/* Joins the slices like the runtime (which base64-encodes them). */
void sol_log_data(const SolBytes *slices, uint64_t n) {
  host_rt.event_len = 0;
  for (uint64_t i = 0; i < n; i++) {
    if (host_rt.event_len + slices[i].len > sizeof host_rt.event)
      abort();
    memcpy(host_rt.event + host_rt.event_len, slices[i].addr, slices[i].len);
    host_rt.event_len += slices[i].len;
  }
  host_rt.n_events++;
  record_log("Program data: ", "(binary)", 8);
}

void sol_panic_(const char *file, uint64_t len, uint64_t line, uint64_t column) {
  fprintf(stderr, "program panicked at %.*s:%llu:%llu\n", (int)len, file, (unsigned long long)line,
          (unsigned long long)column);
  abort();
}

void sol_memcpy_(void *dst, const void *src, uint64_t n) {
  /* The runtime refuses overlapping copies; so do we, to catch the bug here. */
  if ((const uint8_t *)dst < (const uint8_t *)src + n && (const uint8_t *)src < (const uint8_t *)dst + n)
    abort();
  memcpy(dst, src, n);
}
void sol_memmove_(void *dst, const void *src, uint64_t n) { memmove(dst, src, n); }
void sol_memset_(void *dst, uint8_t c, uint64_t n) { memset(dst, c, n); }
void sol_memcmp_(const void *a, const void *b, uint64_t n, int32_t *result) { *result = memcmp(a, b, n); }

uint64_t sol_sha256(const SolBytes *slices, uint64_t n, uint8_t *out32) {
  HostSha256 s;
  host_sha256_init(&s);
  for (uint64_t i = 0; i < n; i++)
    host_sha256_update(&s, slices[i].addr, slices[i].len);
  host_sha256_final(&s, out32);
  return 0;
}

uint64_t sol_create_program_address(const SolBytes *seeds, uint64_t n, const SolPubkey *program_id,
                                    SolPubkey *out) {
  static const char marker[] = "ProgramDerivedAddress";
  HostSha256 s;
  if (n > SOL_MAX_SEEDS)
    return 1;
  host_sha256_init(&s);
  for (uint64_t i = 0; i < n; i++) {
    if (seeds[i].len > SOL_MAX_SEED_LEN)
      return 1;
    host_sha256_update(&s, seeds[i].addr, seeds[i].len);
  }
  host_sha256_update(&s, program_id->x, 32);
  host_sha256_update(&s, marker, sizeof marker - 1);
  host_sha256_final(&s, out->x);
  return host_is_on_curve(out->x) ? 1 : 0;
}

uint64_t sol_try_find_program_address(const SolBytes *seeds, uint64_t n, const SolPubkey *program_id,
                                      SolPubkey *out, uint8_t *bump) {
  return host_find_pda(seeds, n, program_id, out, bump) ? 0 : 1;
}

bool host_find_pda(const SolBytes *seeds, uint64_t n, const SolPubkey *program_id, SolPubkey *out, uint8_t *bump) {
  SolBytes all[SOL_MAX_SEEDS];
  uint8_t b[1];
  if (n >= SOL_MAX_SEEDS)
    return false;
  memcpy(all, seeds, n * sizeof *seeds);
  all[n] = (SolBytes){b, 1};
  for (int v = 255; v >= 0; v--) {
    b[0] = (uint8_t)v;
    if (sol_create_program_address(all, n + 1, program_id, out) == 0) {
      *bump = b[0];
      return true;
    }
  }
  return false;
}

uint64_t sol_get_clock_sysvar(SolClock *out) {
  *out = host_rt.clock;
  return 0;
}

uint64_t sol_get_rent_sysvar(SolRent *out) {
  *out = host_rt.rent;
  return 0;
}
