/* sol/clock.h - the Clock sysvar, read by syscall (no account needed). */
#ifndef SOL_CLOCK_H
#define SOL_CLOCK_H

#include "sol/syscalls.h"

typedef struct SolClock {
  uint64_t slot;
  int64_t epoch_start_timestamp;
  uint64_t epoch;
  uint64_t leader_schedule_epoch;
  int64_t unix_timestamp;
} SolClock;

static inline bool sol_get_clock(SolClock *out) { return sol_get_clock_sysvar(out) == 0; }

#endif
