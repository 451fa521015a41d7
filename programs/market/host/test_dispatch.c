/* test_dispatch.c - routing on the 8-byte discriminator. */
#include <string.h>

#include "fixture.h"
#include "sol/error.h"
#include "sol/mem.h"
#include "program.h"
#include "test.h"

static void empty_data_is_invalid_instruction_data(void) {
  MarketFixture f;
  fixture_init(&f, FIXTURE_MARKET_ID);
  f.data_len = 0;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
}

static void seven_bytes_are_not_a_discriminator(void) {
  MarketFixture f;
  fixture_init(&f, FIXTURE_MARKET_ID);
  f.data_len = 7;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
}

static void unknown_discriminator_is_unknown_instruction(void) {
  MarketFixture f;
  fixture_init(&f, FIXTURE_MARKET_ID);
  f.data[7] ^= 1; /* one bit off initialize_market */
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_UNKNOWN_INSTRUCTION);
  CHECK_EQ(host_rt.n_cpis, 0);
}

static void initialize_market_discriminator_reaches_its_handler(void) {
  MarketFixture f;
  fixture_init(&f, FIXTURE_MARKET_ID);
  CHECK_EQ(fixture_run(&f), 0);
  CHECK_EQ(host_rt.n_cpis, 5); /* the market, two vaults and their InitializeAccount3 */
}

/* The loader never hands us a malformed input, but if it did: a builtin error. */
static void malformed_input_is_invalid_argument(void) {
  _Alignas(8) uint8_t input[16] = {5}; /* claims 5 accounts, has none */
  CHECK_EQ(sg_process(input, sizeof input), SOL_ERR_INVALID_ARGUMENT);
}

/* IDL errors are logged the way Anchor logs them, name, number and message. */
static void errors_are_logged_anchor_style(void) {
  MarketFixture f;
  fixture_init(&f, FIXTURE_MARKET_ID);
  f.data[0] ^= 0xff;
  CHECK_EQ(fixture_run(&f), SOLGRID_ERR_UNKNOWN_INSTRUCTION);
  CHECK_EQ(host_rt.n_logs, 1);
  CHECK(strcmp(host_rt.logs[0], "Program log: AnchorError occurred. Error Code: UnknownInstruction. "
                                "Error Number: 6001. Error Message: Unknown instruction discriminator.") == 0);
}

void run_dispatch_tests(void) {
  RUN(empty_data_is_invalid_instruction_data);
  RUN(seven_bytes_are_not_a_discriminator);
  RUN(unknown_discriminator_is_unknown_instruction);
  RUN(initialize_market_discriminator_reaches_its_handler);
  RUN(malformed_input_is_invalid_argument);
  RUN(errors_are_logged_anchor_style);
}
