/* test.h - a minimal test runner: each test is a void function; CHECKs record
 * failures with file:line and the test keeps going. */
#ifndef HOST_TEST_H
#define HOST_TEST_H

#include <inttypes.h>
#include <stdio.h>

extern int test_failures;
extern const char *test_current;

#define CHECK(cond)                                                                                          \
  do {                                                                                                       \
    if (!(cond)) {                                                                                           \
      printf("FAIL %s (%s:%d): %s\n", test_current, __FILE__, __LINE__, #cond);                              \
      test_failures++;                                                                                       \
    }                                                                                                        \
  } while (0)

#define CHECK_EQ(got, want)                                                                                  \
  do {                                                                                                       \
    uint64_t g_ = (uint64_t)(got), w_ = (uint64_t)(want);                                                    \
    if (g_ != w_) {                                                                                          \
      printf("FAIL %s (%s:%d): %s = %" PRIu64 " (%#" PRIx64 "), want %" PRIu64 " (%#" PRIx64 ")\n",          \
             test_current, __FILE__, __LINE__, #got, g_, g_, w_, w_);                                        \
      test_failures++;                                                                                       \
    }                                                                                                        \
  } while (0)

#define RUN(fn)                                                                                              \
  do {                                                                                                       \
    test_current = #fn;                                                                                      \
    printf("--- %s\n", #fn);                                                                                 \
    fn();                                                                                                    \
  } while (0)

void run_crypto_tests(void);
void run_deserialize_tests(void);
void run_dispatch_tests(void);
void run_initialize_market_tests(void);
void run_market_config_tests(void);
void run_balance_tests(void);
void run_cancel_order_tests(void);
void run_close_order_state_tests(void);
void run_call_properties_tests(void);
void run_u128_tests(void);
void run_accrual_tests(void);
void run_lease_tests(void);
void run_sig_verification_tests(void);
void run_order_tests(void);

#endif
