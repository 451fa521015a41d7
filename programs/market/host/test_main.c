/* test_main.c - runs every host unit test; exit status 1 on any failure. */
#include "test.h"

int test_failures;
const char *test_current;

int main(void) {
  run_crypto_tests();
  run_deserialize_tests();
  run_dispatch_tests();
  run_initialize_market_tests();
  run_market_config_tests();
  run_balance_tests();
  run_cancel_order_tests();
  run_close_order_state_tests();
  run_call_properties_tests();
  run_u128_tests();
  run_accrual_tests();
  run_lease_tests();
  run_sig_verification_tests();
  run_order_tests();
  printf("%s (%d failures)\n", test_failures ? "HOST TESTS FAILED" : "HOST TESTS PASSED", test_failures);
  return test_failures != 0;
}
