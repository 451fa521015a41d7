/* test_call_properties.c - the promises fuzz_instructions checks hold for every
 * valid call, and each check catches the break it names (a doctored result). */
#include <string.h>

#include "call_properties.h"
#include "test.h"
#include "valid_calls.h"

static HostMarket hm;
static IxCall c, before;

/* The judgement names the break: its message contains `word`. */
static bool broken(int64_t now, const char *word) {
  const char *why = call_broken_promise(&before, &c, now);
  return why != NULL && strstr(why, word) != NULL;
}

static const char *run_and_judge(void) {
  before = c;
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  return call_broken_promise(&before, &c, host_rt.clock.unix_timestamp);
}

static void call_properties_hold_for_every_valid_call(void) {
  update_market_args args;
  host_market_init(&hm);
  vc_update_market(&c, &hm, &args);
  CHECK(run_and_judge() == NULL);
  vc_set_token_price(&c, &hm, 99);
  CHECK(run_and_judge() == NULL);
  vc_open_balance(&c, &hm);
  CHECK(run_and_judge() == NULL);
  CHECK(run_and_judge() == NULL); /* again: already open */
  vc_deposit(&c, &hm, 1250000);
  CHECK(run_and_judge() == NULL);
  vc_withdraw(&c, &hm, 600, 1000, 300);
  CHECK(run_and_judge() == NULL);
  vc_cancel_order(&c, &hm, 5);
  CHECK(run_and_judge() == NULL);
  CHECK(run_and_judge() == NULL); /* again: the OrderState exists */
  vc_close_order_state(&c, &hm, 5);
  CHECK(run_and_judge() == NULL);
}

static void call_properties_catch_rent_kept_by_a_closed_order_state(void) {
  host_market_init(&hm);
  vc_close_order_state(&c, &hm, 5);
  CHECK(run_and_judge() == NULL);
  c.accounts[X_ORDER_STATE].lamports = 1;
  c.accounts[X_RECEIVER].lamports -= 1;
  CHECK(broken(host_rt.clock.unix_timestamp, "all of the record's lamports"));
}

static void call_properties_catch_a_live_order_state_closed(void) {
  host_market_init(&hm);
  vc_close_order_state(&c, &hm, 5);
  CHECK(run_and_judge() == NULL);
  CHECK(broken(host_rt.clock.unix_timestamp - 1, "can still fill"));
  ((OrderState *)before.accounts[X_ORDER_STATE].data)->has_order = 0;
  CHECK(broken(host_rt.clock.unix_timestamp, "can still fill"));
}

static void call_properties_catch_locked_funds_moved(void) {
  host_market_init(&hm);
  vc_withdraw(&c, &hm, 600, 1000, 300);
  CHECK(run_and_judge() == NULL);
  ((Balance *)c.accounts[W_BALANCE].data)->locked -= 1;
  CHECK(broken(0, "locked"));
}

static void call_properties_catch_balance_credited_without_tokens(void) {
  host_market_init(&hm);
  vc_deposit(&c, &hm, 700);
  host_balance(&c.accounts[D_BALANCE], &hm, &c.accounts[D_OWNER].key, &hm.stable_mint.key, 5, 0);
  CHECK(run_and_judge() == NULL);
  memcpy(c.accounts[D_VAULT].data + 64, &(uint64_t){699}, 8);
  memcpy(c.accounts[D_SOURCE].data + 64, &(uint64_t){VC_USER_TOKENS - 699}, 8);
  CHECK(broken(0, "did not all move by the amount"));
}

static void call_properties_catch_tokens_created(void) {
  host_market_init(&hm);
  vc_withdraw(&c, &hm, 600, 1000, 0);
  CHECK(run_and_judge() == NULL);
  memcpy(c.accounts[W_DESTINATION].data + 64, &(uint64_t){VC_DESTINATION_TOKENS + 601}, 8);
  CHECK(broken(0, "tokens were created"));
}

static void call_properties_catch_update_signed_by_another_key(void) {
  update_market_args args;
  host_market_init(&hm);
  vc_update_market(&c, &hm, &args);
  CHECK(run_and_judge() == NULL);
  memset(&before.accounts[CFG_SIGNER].key, 0x99, 32);
  CHECK(broken(0, "authority's signature"));
  before.accounts[CFG_SIGNER] = hm.authority; /* the right key, but it did not sign */
  CHECK(broken(0, "authority's signature"));
}

static void call_properties_catch_price_set_beyond_its_fields(void) {
  host_market_init(&hm);
  vc_set_token_price(&c, &hm, 99);
  CHECK(run_and_judge() == NULL);
  CHECK(broken(host_rt.clock.unix_timestamp + 1, "beyond the fields"));
  ((Market *)c.accounts[CFG_MARKET].data)->fee_bps_stable ^= 1;
  CHECK(broken(host_rt.clock.unix_timestamp, "beyond the fields"));
}

static void call_properties_catch_read_only_account_changed(void) {
  host_market_init(&hm);
  vc_deposit(&c, &hm, 5);
  CHECK(run_and_judge() == NULL);
  c.accounts[D_MINT].data[0] ^= 1;
  CHECK(broken(0, "read-only"));
}

static void call_properties_catch_order_state_changed_beyond_cancel(void) {
  host_market_init(&hm);
  vc_cancel_order(&c, &hm, 5);
  vc_order_state(&c.accounts[C_ORDER_STATE], &hm, &c.accounts[C_OWNER].key, 5, 2);
  CHECK(run_and_judge() == NULL);
  ((OrderState *)c.accounts[C_ORDER_STATE].data)->filled_gpus = 0;
  CHECK(broken(0, "more than the cancelled flag"));
}

void run_call_properties_tests(void) {
  RUN(call_properties_hold_for_every_valid_call);
  RUN(call_properties_catch_locked_funds_moved);
  RUN(call_properties_catch_rent_kept_by_a_closed_order_state);
  RUN(call_properties_catch_a_live_order_state_closed);
  RUN(call_properties_catch_balance_credited_without_tokens);
  RUN(call_properties_catch_tokens_created);
  RUN(call_properties_catch_update_signed_by_another_key);
  RUN(call_properties_catch_price_set_beyond_its_fields);
  RUN(call_properties_catch_read_only_account_changed);
  RUN(call_properties_catch_order_state_changed_beyond_cancel);
}
