/* host.h - native stand-in for the runtime: the accounts a test passes, the
 * loader-format input built from them, and what the syscalls recorded. */
#ifndef HOST_H
#define HOST_H

#include <stddef.h>
#include <stdint.h>

#include "sol/account.h"
#include "sol/clock.h"
#include "sol/rent.h"

#define HOST_MAX_ACCOUNTS 40
#define HOST_MAX_DATA 1024 /* enough for every account the tests create */
#define HOST_MAX_LOGS 32
#define HOST_LOG_LEN 512

typedef struct {
  SolPubkey key;
  SolPubkey owner;
  uint64_t lamports;
  uint8_t data[HOST_MAX_DATA];
  uint64_t data_len;
  uint8_t is_signer, is_writable, executable;
  int dup_of; /* -1, or the index of an earlier account this slot repeats */
} HostAccount;

/* Loader input for accounts + instruction data; free() it. len gets its size. */
uint8_t *host_serialize(const HostAccount *a, uint64_t n, const uint8_t *ix, uint64_t ix_len,
                        const SolPubkey *program_id, size_t *len);
/* Copies lamports, owner and data of every non-duplicate account back out. */
void host_read_back(HostAccount *a, uint64_t n, const uint8_t *input);
/* Runs the program on the accounts and data. On success the accounts are read
 * back; on failure the input must be byte-identical afterwards (a failing
 * instruction changes nothing), else it aborts naming the error. */
uint64_t host_run(HostAccount *a, uint64_t n, const uint8_t *ix, uint64_t ix_len, const SolPubkey *program_id);

/* Runtime state the syscalls read and record. */
typedef struct {
  SolPubkey program_id; /* the program being run, for PDA signatures in CPIs */
  SolClock clock;
  SolRent rent;
  int quiet; /* no log echo to stdout (fuzzing) */
  char logs[HOST_MAX_LOGS][HOST_LOG_LEN];
  int n_logs;
  uint8_t event[HOST_LOG_LEN]; /* the last sol_log_data payload, slices joined */
  uint64_t event_len;
  int n_events;
  int n_cpis;
} HostRuntime;

extern HostRuntime host_rt;

/* Fresh runtime: mainnet rent (3480 lamports/byte-year, threshold 2.0), a fixed clock. */
void host_reset(const SolPubkey *program_id);

/* The real PDA derivation (sha256 + ed25519 off-curve test). */
bool host_find_pda(const SolBytes *seeds, uint64_t n, const SolPubkey *program_id, SolPubkey *out, uint8_t *bump);

#endif
