/* test_close_order_state.c - close_order_state on the host: an expired stored
 * order's record goes, its rent to the payer it recorded; every other record
 * stays (ix_run proves each refusal left every account untouched, and the
 * refusals also check the lamports by hand). */
#include <stdlib.h>
#include <string.h>

#include "program.h"
#include "sol/mem.h"
#include "test.h"
#include "valid_calls.h"

#define ORDER_ID 0x0a0b0c0d01020304ULL

static HostMarket hm;
static IxCall c;

static OrderState *state(void) { return (OrderState *)c.accounts[X_ORDER_STATE].data; }

static void setup_close(void) {
  host_market_init(&hm);
  vc_close_order_state(&c, &hm, ORDER_ID);
}

/* The call fails with `want` and both lamport balances are where they were. */
static void refused(uint64_t want) {
  uint64_t state_lamports = c.accounts[X_ORDER_STATE].lamports, receiver = c.accounts[X_RECEIVER].lamports;
  CHECK_EQ(ix_run(&c, &hm.program_id), want);
  CHECK_EQ(c.accounts[X_ORDER_STATE].lamports, state_lamports);
  CHECK_EQ(c.accounts[X_RECEIVER].lamports, receiver);
}

static void closes_an_expired_order_state_to_its_rent_payer(void) {
  setup_close();
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(c.accounts[X_RECEIVER].lamports, VC_OWNER_LAMPORTS + VC_ORDER_STATE_RENT);
  CHECK_EQ(c.accounts[X_ORDER_STATE].lamports, 0);
  CHECK_EQ(c.accounts[X_ORDER_STATE].data_len, 0);
  CHECK(sol_pubkey_is_zero(&c.accounts[X_ORDER_STATE].owner));
  CHECK_EQ(host_rt.n_events, 1);
  CHECK_EQ(host_rt.event_len, sizeof(OrderStateClosed));
  CHECK_EQ(sol_read_u64(host_rt.event), SOLGRID_EVENT_ORDER_STATE_CLOSED_U64);
  CHECK(memcmp(host_rt.event + 8, c.accounts[X_ORDER_STATE].key.x, 32) == 0);
  CHECK_EQ(host_rt.event[40], VC_OWNER_KEY);
  CHECK_EQ(sol_read_u64(host_rt.event + 72), ORDER_ID);
  CHECK_EQ(host_rt.event[80], VC_RENT_PAYER_KEY);
  CHECK_EQ(sol_read_u64(host_rt.event + 112), VC_ORDER_STATE_RENT);
}

static void close_zeroes_the_record(void) {
  size_t len;
  uint8_t zero[sizeof(OrderState)] = {0};
  setup_close();
  uint8_t *input = host_serialize(c.accounts, c.n_accounts, c.data, c.data_len, &hm.program_id, &len);
  CHECK_EQ(sg_process(input, len), 0);
  CHECK(memcmp(input + 8 + 88, zero, sizeof zero) == 0); /* the record's data in the input */
  free(input);
}

static void closes_a_cancelled_or_partly_filled_order_once_expired(void) {
  setup_close();
  state()->cancelled = 1;
  state()->filled_gpus = 0;
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(c.accounts[X_ORDER_STATE].lamports, 0);
}

static void refuses_an_order_that_has_not_expired(void) {
  setup_close();
  state()->order.expires_at = host_rt.clock.unix_timestamp + 1;
  refused(SOLGRID_ERR_ORDER_STILL_LIVE);
  state()->order.gpu_count = 2; /* filled too: a replay would still be stopped only by this record */
  refused(SOLGRID_ERR_ORDER_STILL_LIVE);
  state()->order.expires_at = INT64_MAX;
  refused(SOLGRID_ERR_ORDER_STILL_LIVE);
}

static void refuses_a_cancel_only_record(void) {
  setup_close();
  memset(&state()->order, 0, sizeof(Order)); /* what cancel_order writes: no order, expiry 0 */
  state()->has_order = 0;
  state()->cancelled = 1;
  refused(SOLGRID_ERR_ORDER_STILL_LIVE);
}

static void refuses_another_receiver(void) {
  setup_close();
  c.accounts[X_RECEIVER].key.x[7] ^= 1;
  refused(SOLGRID_ERR_WRONG_RENT_RECEIVER);
  setup_close(); /* the order's owner did not pay the rent */
  memset(&c.accounts[X_RECEIVER].key, VC_OWNER_KEY, 32);
  refused(SOLGRID_ERR_WRONG_RENT_RECEIVER);
}

static void refuses_what_is_not_our_order_state(void) {
  setup_close();
  c.accounts[X_ORDER_STATE].owner.x[0] ^= 1;
  refused(SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
  setup_close();
  state()->discriminator[0] ^= 1;
  refused(SOLGRID_ERR_ACCOUNT_DISCRIMINATOR_MISMATCH);
  setup_close();
  c.accounts[X_ORDER_STATE].data_len = sizeof(OrderState) - 1; /* an OrderState of before rent_payer */
  refused(SOLGRID_ERR_ACCOUNT_DATA_TOO_SMALL);
}

static void refuses_a_record_away_from_its_pda(void) {
  HostMarket other;
  setup_close();
  state()->order.order_id++;
  refused(SOLGRID_ERR_INVALID_PDA);
  setup_close();
  state()->order.owner.x[0] ^= 1;
  refused(SOLGRID_ERR_INVALID_PDA);
  setup_close();
  state()->bump ^= 1;
  refused(SOLGRID_ERR_INVALID_PDA);
  host_market_init_id(&other, 2); /* the market is only a seed: another market's key */
  setup_close();
  c.accounts[X_MARKET].key = other.market.key;
  refused(SOLGRID_ERR_INVALID_PDA);
}

static void refuses_read_only_accounts(void) {
  setup_close();
  c.accounts[X_ORDER_STATE].is_writable = 0;
  refused(SOLGRID_ERR_ACCOUNT_NOT_WRITABLE);
  setup_close();
  c.accounts[X_RECEIVER].is_writable = 0;
  refused(SOLGRID_ERR_ACCOUNT_NOT_WRITABLE);
}

static void refuses_bad_data_and_missing_accounts(void) {
  setup_close();
  c.data_len = 9;
  refused(SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
  setup_close();
  c.n_accounts = 2;
  refused(SOLGRID_ERR_NOT_ENOUGH_ACCOUNTS);
}

static void refuses_a_receiver_balance_that_would_overflow(void) {
  setup_close();
  c.accounts[X_RECEIVER].lamports = UINT64_MAX - VC_ORDER_STATE_RENT + 1;
  refused(SOLGRID_ERR_ARITHMETIC_OVERFLOW);
}

static void refuses_a_second_close(void) {
  setup_close();
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  refused(SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH); /* an empty System account now */
}

void run_close_order_state_tests(void) {
  RUN(closes_an_expired_order_state_to_its_rent_payer);
  RUN(close_zeroes_the_record);
  RUN(closes_a_cancelled_or_partly_filled_order_once_expired);
  RUN(refuses_an_order_that_has_not_expired);
  RUN(refuses_a_cancel_only_record);
  RUN(refuses_another_receiver);
  RUN(refuses_what_is_not_our_order_state);
  RUN(refuses_a_record_away_from_its_pda);
  RUN(refuses_read_only_accounts);
  RUN(refuses_bad_data_and_missing_accounts);
  RUN(refuses_a_receiver_balance_that_would_overflow);
  RUN(refuses_a_second_close);
}
