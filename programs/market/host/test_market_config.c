/* test_market_config.c - update_market and set_token_price: the success paths
 * field by field and one test per refusal (ix_run proves each refusal left the
 * input untouched). */
#include <string.h>

#include "valid_calls.h"
#include "sol/mem.h"
#include "test.h"

static HostMarket hm;
static IxCall c;
static update_market_args up;

static void setup_update(void) {
  host_market_init(&hm);
  vc_update_market(&c, &hm, &up);
}

static const Market *updated(void) { return (const Market *)c.accounts[1].data; }

static void update_market_replaces_config_and_authority(void) {
  Market before;
  setup_update();
  memcpy(&before, host_market_data(&hm), sizeof before);
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  const Market *m = updated();
  CHECK(memcmp(m->treasury.x, up.params.treasury, 32) == 0);
  CHECK(memcmp(m->oracle_authority.x, up.params.oracle_authority, 32) == 0);
  CHECK(memcmp(m->matcher.x, up.params.matcher, 32) == 0);
  CHECK(memcmp(m->authority.x, up.new_authority, 32) == 0);
  CHECK(memcmp(&m->seed_authority, &before.seed_authority, 32) == 0); /* the PDA stays put */
  CHECK_EQ(m->subsidy_per_gpu_hour, 1);
  CHECK_EQ(m->checker_reward_per_report, 2);
  CHECK_EQ(m->miner_price_micro_usd, 3);
  CHECK_EQ(m->max_price_staleness_secs, 4);
  CHECK_EQ(m->checker_min_report_interval_secs, 5);
  CHECK_EQ(m->miner_max_supply, 6);
  CHECK_EQ(m->fee_bps_stable, 300);
  CHECK_EQ(m->fee_bps_token, 300);
  CHECK_EQ(m->miner_fee_share_bps, 7);
  /* Everything else is untouched. */
  CHECK_EQ(m->market_id, before.market_id);
  CHECK_EQ(m->created_at, before.created_at);
  CHECK(memcmp(&m->stable_vault, &before.stable_vault, 32) == 0 && memcmp(&m->token_vault, &before.token_vault, 32) == 0);
  CHECK(memcmp(&m->stable_mint, &before.stable_mint, 32) == 0 && memcmp(&m->token_mint, &before.token_mint, 32) == 0);
  CHECK_EQ(m->bump, before.bump);
  CHECK_EQ(m->token_decimals, before.token_decimals);
  CHECK_EQ(host_rt.n_events, 1);
  CHECK_EQ(host_rt.event_len, sizeof(MarketUpdated));
  CHECK(memcmp(host_rt.event + 40, up.new_authority, 32) == 0);
}

static void update_market_refuses_another_signer(void) {
  setup_update();
  memset(&c.accounts[0].key, 0x99, 32);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_UNAUTHORIZED);
}

static void update_market_refuses_a_zero_key(void) {
  setup_update();
  memset(up.new_authority, 0, 32);
  ix_set_data(&c, SOLGRID_IX_UPDATE_MARKET_U64, &up, sizeof up);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ZERO_AUTHORITY);
  setup_update();
  memset(up.params.matcher, 0, 32);
  ix_set_data(&c, SOLGRID_IX_UPDATE_MARKET_U64, &up, sizeof up);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ZERO_AUTHORITY);
}

static void update_market_refuses_unsigned_authority(void) {
  setup_update();
  c.accounts[0].is_signer = 0;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_MISSING_SIGNER);
}

static void update_market_refuses_token_fee_above_stable_fee(void) {
  setup_update();
  up.params.fee_bps_token = 301;
  ix_set_data(&c, SOLGRID_IX_UPDATE_MARKET_U64, &up, sizeof up);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_FEE_BPS);
}

static void update_market_refuses_market_of_another_program(void) {
  setup_update();
  memset(&c.accounts[1].owner, 0x42, 32);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
}

static void update_market_refuses_a_balance_as_market(void) {
  setup_update();
  host_balance(&c.accounts[1], &hm, &hm.authority.key, &hm.stable_mint.key, 0, 0);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ACCOUNT_DATA_TOO_SMALL);
  setup_update();
  c.accounts[1].data[0] ^= 1;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ACCOUNT_DISCRIMINATOR_MISMATCH);
}

static void update_market_refuses_read_only_market(void) {
  setup_update();
  c.accounts[1].is_writable = 0;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_ACCOUNT_NOT_WRITABLE);
}

static void update_market_refuses_short_data(void) {
  setup_update();
  c.data_len--;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
}

static void setup_price(uint64_t price) {
  host_market_init(&hm);
  vc_set_token_price(&c, &hm, price);
}

static void set_token_price_stores_price_and_time(void) {
  setup_price(1234567);
  host_rt.clock.unix_timestamp = 1760000777;
  CHECK_EQ(ix_run(&c, &hm.program_id), 0);
  CHECK_EQ(updated()->token_price_micro_usd, 1234567);
  CHECK_EQ(updated()->token_price_updated_at, 1760000777);
  CHECK_EQ(host_rt.n_events, 1);
  CHECK_EQ(host_rt.event_len, sizeof(TokenPriceSet));
  CHECK_EQ(sol_read_u64(host_rt.event + 40), 1234567);
  CHECK_EQ(sol_read_u64(host_rt.event + 48), 1760000777);
}

static void set_token_price_refuses_zero(void) {
  setup_price(0);
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_INVALID_PRICE);
}

static void set_token_price_refuses_non_oracle(void) {
  setup_price(5);
  memset(&c.accounts[0].key, 0x11, 32); /* the authority is not the oracle */
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_UNAUTHORIZED);
}

static void set_token_price_refuses_unsigned_oracle(void) {
  setup_price(5);
  c.accounts[0].is_signer = 0;
  CHECK_EQ(ix_run(&c, &hm.program_id), SOLGRID_ERR_MISSING_SIGNER);
}

void run_market_config_tests(void) {
  RUN(update_market_replaces_config_and_authority);
  RUN(update_market_refuses_another_signer);
  RUN(update_market_refuses_unsigned_authority);
  RUN(update_market_refuses_a_zero_key);
  RUN(update_market_refuses_token_fee_above_stable_fee);
  RUN(update_market_refuses_market_of_another_program);
  RUN(update_market_refuses_a_balance_as_market);
  RUN(update_market_refuses_read_only_market);
  RUN(update_market_refuses_short_data);
  RUN(set_token_price_stores_price_and_time);
  RUN(set_token_price_refuses_zero);
  RUN(set_token_price_refuses_non_oracle);
  RUN(set_token_price_refuses_unsigned_oracle);
}
