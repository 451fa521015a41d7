/* test_cancel_order.c - cancel_order on the host: a new cancel-only OrderState,
 * an existing one marked cancelled with its fill kept, and one test per refusal
 * (ix_run proves each refusal left every account untouched). */
#include <string.h>

#include "sol/mem.h"
#include "test.h"
#include "valid_calls.h"

#define ORDER_ID 0x0102030405060708ULL

static HostMarket hm;
static IxCall c;

static const OrderState *state(void) { return (const OrderState *)c.accounts[C_ORDER_STATE].data; }

static void setup_cancel(void) {
  host_market_init(&hm);
  vc_cancel_order(&c, &hm, ORDER_ID);
}

static void cancel_order_creates_cancelled_state(void) {
  SolPubkey addr;
  uint8_t bump;
  setup_cancel();
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK(memcmp(&c.accounts[C_ORDER_STATE].owner, &hm.program_id, 32) == 0);
  CHECK_EQ(c.accounts[C_ORDER_STATE].data_len, sizeof(OrderState));
  CHECK_EQ(c.accounts[C_ORDER_STATE].lamports, VC_ORDER_STATE_RENT);
  CHECK_EQ(c.accounts[C_OWNER].lamports, VC_OWNER_LAMPORTS - VC_ORDER_STATE_RENT);
  CHECK_EQ(sol_read_u64(state()->discriminator), SOLGRID_ACCOUNT_ORDER_STATE_U64);
  CHECK_EQ(state()->cancelled, 1);
  CHECK_EQ(state()->has_order, 0);
  CHECK_EQ(state()->filled_gpus, 0);
  vc_order_state_address(&hm, &c.accounts[C_OWNER].key, ORDER_ID, &addr, &bump);
  CHECK_EQ(state()->bump, bump);
  CHECK(memcmp(&state()->rent_payer, &c.accounts[C_OWNER].key, 32) == 0); /* the owner paid the rent */
  CHECK_EQ(host_rt.n_events, 1);
  CHECK_EQ(host_rt.event_len, sizeof(OrderCancelled));
  CHECK(memcmp(host_rt.event + 8, hm.market.key.x, 32) == 0);
  CHECK(memcmp(host_rt.event + 40, c.accounts[C_OWNER].key.x, 32) == 0);
  CHECK_EQ(sol_read_u64(host_rt.event + 72), ORDER_ID);
}

static void cancel_order_marks_a_filled_order_and_keeps_its_fill(void) {
  OrderState before;
  setup_cancel();
  vc_order_state(&c.accounts[C_ORDER_STATE], &hm, &c.accounts[C_OWNER].key, ORDER_ID, 3);
  memcpy(&before, state(), sizeof before);
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(state()->cancelled, 1);
  before.cancelled = 1;
  CHECK(memcmp(&before, state(), sizeof before) == 0);
  CHECK_EQ(c.accounts[C_OWNER].lamports, VC_OWNER_LAMPORTS);
}

static void cancel_order_twice_is_harmless(void) {
  setup_cancel();
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(state()->cancelled, 1);
  CHECK_EQ(c.accounts[C_OWNER].lamports, VC_OWNER_LAMPORTS - VC_ORDER_STATE_RENT);
}

static void cancel_order_refuses_unsigned_owner(void) {
  setup_cancel();
  c.accounts[C_OWNER].is_signer = 0;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_MISSING_SIGNER);
}

/* Another wallet signs and passes the owner's OrderState (new or existing). */
static void cancel_order_refuses_another_owners_order(void) {
  setup_cancel();
  memset(&c.accounts[C_OWNER].key, 0x84, 32);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_PDA);
  setup_cancel();
  vc_order_state(&c.accounts[C_ORDER_STATE], &hm, &c.accounts[C_OWNER].key, ORDER_ID, 3);
  memset(&c.accounts[C_OWNER].key, 0x84, 32);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_PDA);
}

/* The data names another order than the OrderState passed. */
static void cancel_order_refuses_state_of_another_order_id(void) {
  setup_cancel();
  vc_order_state(&c.accounts[C_ORDER_STATE], &hm, &c.accounts[C_OWNER].key, ORDER_ID, 3);
  ix_set_data(&c, SOLGRID_IX_CANCEL_ORDER_U64, &(uint64_t){ORDER_ID + 1}, 8);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_PDA);
}

static void cancel_order_refuses_a_balance_as_order_state(void) {
  setup_cancel();
  host_balance(&c.accounts[C_ORDER_STATE], &hm, &c.accounts[C_OWNER].key, &hm.stable_mint.key, 0, 0);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ACCOUNT_DATA_TOO_SMALL);
}

static void cancel_order_refuses_market_of_another_program(void) {
  setup_cancel();
  memset(&c.accounts[C_MARKET].owner, 0x45, 32);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
}

static void cancel_order_refuses_short_data(void) {
  setup_cancel();
  c.data_len--;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
}

void run_cancel_order_tests(void) {
  RUN(cancel_order_creates_cancelled_state);
  RUN(cancel_order_marks_a_filled_order_and_keeps_its_fill);
  RUN(cancel_order_twice_is_harmless);
  RUN(cancel_order_refuses_unsigned_owner);
  RUN(cancel_order_refuses_another_owners_order);
  RUN(cancel_order_refuses_state_of_another_order_id);
  RUN(cancel_order_refuses_a_balance_as_order_state);
  RUN(cancel_order_refuses_market_of_another_program);
  RUN(cancel_order_refuses_short_data);
}
