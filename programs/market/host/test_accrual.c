/* test_accrual.c - due(t) = floor(total × (t − start) / (end − start)), clamped:
 * nothing before the start, exactly the total from the end on, never more than
 * the exact pro-rata share, and never decreasing in t. */
#include "accrual.h"
#include "test.h"

#define START 1760000000LL
#define HOUR 3600LL

static uint64_t due_at(uint64_t total, int64_t start, int64_t end, int64_t t) {
  uint64_t due = 0xdeadbeef;
  CHECK(sg_accrued(total, start, end, t, &due));
  return due;
}

static void nothing_is_due_before_or_at_the_start(void) {
  CHECK_EQ(due_at(1000, START, START + HOUR, START - 1), 0);
  CHECK_EQ(due_at(1000, START, START + HOUR, START), 0);
  CHECK_EQ(due_at(1000, START, START + HOUR, INT64_MIN), 0);
}

static void the_exact_total_is_due_at_and_after_the_end(void) {
  CHECK_EQ(due_at(1000, START, START + HOUR, START + HOUR), 1000);
  CHECK_EQ(due_at(1000, START, START + HOUR, START + 100 * HOUR), 1000);
  CHECK_EQ(due_at(UINT64_MAX, START, START + HOUR, INT64_MAX), UINT64_MAX);
}

static void accrues_linearly_per_second(void) {
  /* 7 200 000 over two hours: 1 000 per second. */
  CHECK_EQ(due_at(7200000, START, START + 2 * HOUR, START + 1), 1000);
  CHECK_EQ(due_at(7200000, START, START + 2 * HOUR, START + HOUR), 3600000);
  CHECK_EQ(due_at(7200000, START, START + 2 * HOUR, START + 2 * HOUR - 1), 7199000);
}

static void rounds_down_so_it_never_overpays(void) {
  /* 10 over 3 seconds: 3.33 → 3, 6.67 → 6, then 10. */
  CHECK_EQ(due_at(10, START, START + 3, START + 1), 3);
  CHECK_EQ(due_at(10, START, START + 3, START + 2), 6);
  CHECK_EQ(due_at(10, START, START + 3, START + 3), 10);
  /* An amount smaller than the duration accrues nothing until whole units are due. */
  CHECK_EQ(due_at(1, START, START + HOUR, START + HOUR - 1), 0);
}

/* total × elapsed exceeds 64 bits here; the 128-bit path must carry it. */
static void large_totals_do_not_overflow(void) {
  int64_t end = START + 1000 * 24 * HOUR;
  uint64_t total = UINT64_MAX - 12345;
  unsigned __int128 want = (unsigned __int128)total * (uint64_t)(500 * 24 * HOUR) / (uint64_t)(end - START);
  CHECK_EQ(due_at(total, START, end, START + 500 * 24 * HOUR), (uint64_t)want);
}

/* Extreme timestamps: differences are taken unsigned, so no signed overflow. */
static void extreme_timestamps(void) {
  CHECK_EQ(due_at(100, INT64_MIN, INT64_MAX, 0), 50); /* 100 × 2^63 / (2^64 − 1) is just above 50 */
  CHECK_EQ(due_at(100, INT64_MIN, INT64_MAX, INT64_MAX - 1), 99);
}

static void a_lease_without_duration_is_refused(void) {
  uint64_t due = 77;
  CHECK(!sg_accrued(10, START, START, START, &due));
  CHECK(!sg_accrued(10, START, START - 1, START, &due));
  CHECK_EQ(due, 77);
}

/* For many lengths and totals: monotonic, floor-exact, and totals exact at the end. */
static void every_second_is_floor_exact_and_monotonic(void) {
  static const uint64_t totals[] = {0, 1, 7, 999, 1000000, 123456789, 0xffffffffffffULL, UINT64_MAX};
  static const int64_t lengths[] = {1, 2, 3, 59, 3600, 7 * 3600 + 13};
  int bad = 0;
  for (size_t i = 0; i < sizeof totals / sizeof totals[0]; i++)
    for (size_t j = 0; j < sizeof lengths / sizeof lengths[0]; j++) {
      uint64_t prev = 0, total = totals[i];
      int64_t len = lengths[j];
      for (int64_t s = 0; s <= len; s++) {
        uint64_t due = due_at(total, START, START + len, START + s);
        unsigned __int128 exact = (unsigned __int128)total * (uint64_t)s / (uint64_t)len;
        bad += due != (uint64_t)exact || due < prev;
        prev = due;
      }
      bad += prev != total;
    }
  CHECK_EQ(bad, 0);
}

void run_accrual_tests(void) {
  RUN(nothing_is_due_before_or_at_the_start);
  RUN(the_exact_total_is_due_at_and_after_the_end);
  RUN(accrues_linearly_per_second);
  RUN(rounds_down_so_it_never_overpays);
  RUN(large_totals_do_not_overflow);
  RUN(extreme_timestamps);
  RUN(a_lease_without_duration_is_refused);
  RUN(every_second_is_floor_exact_and_monotonic);
}
