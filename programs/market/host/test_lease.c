/* test_lease.c - settle_lease, cancel_lease, release_lease and close_lease on a
 * hand-built lease: each success path to the unit, and one test per way each
 * can fail (lf_run also proves that every failure left the input untouched). */
#include <stdlib.h>
#include <string.h>

#include "lease_fixture.h"
#include "program.h"
#include "sol/error.h"
#include "sol/mem.h"
#include "test.h"

static LeaseFixture f;

/* 1 000 s of the hour have passed at the host clock. */
#define DUE_COST 1000000ULL
#define DUE_FEE 25000ULL
#define LOCKED (LF_TOTAL_COST + LF_TOTAL_FEE)

static void check_balance(LeaseRole role, uint64_t available, uint64_t locked) {
  CHECK_EQ(lf_balance(&f, role)->available, available);
  CHECK_EQ(lf_balance(&f, role)->locked, locked);
}

/* ---- settle_lease */

static void settle_pays_what_accrued(void) {
  lf_init(&f, LF_SETTLE);
  CHECK_EQ(lf_run(&f), 0);
  const Lease *l = lf_lease(&f);
  CHECK_EQ(l->paid_cost, DUE_COST);
  CHECK_EQ(l->paid_fee, DUE_FEE);
  CHECK_EQ(l->settled_until, LF_NOW);
  CHECK_EQ(l->state, SOLGRID_LEASE_STATE_ACTIVE);
  CHECK_EQ(l->close_reason, SOLGRID_CLOSE_REASON_NONE);
  CHECK_EQ(l->closed_at, 0);
  CHECK_EQ(l->refunded, 0);
  check_balance(LF_RENTER_BAL, LF_RENTER_AVAILABLE, LOCKED - DUE_COST - DUE_FEE);
  check_balance(LF_PROVIDER_BAL, DUE_COST, 0);
  check_balance(LF_TREASURY_BAL, DUE_FEE, 0);
}

static void settle_emits_lease_settled(void) {
  static const uint8_t disc[8] = SOLGRID_EVENT_LEASE_SETTLED_BYTES;
  int64_t until = LF_NOW;
  uint64_t cost = DUE_COST, fee = DUE_FEE;
  lf_init(&f, LF_SETTLE);
  CHECK_EQ(lf_run(&f), 0);
  CHECK_EQ(host_rt.n_events, 1);
  CHECK_EQ(host_rt.event_len, sizeof(LeaseSettled));
  CHECK(memcmp(host_rt.event, disc, 8) == 0);
  CHECK(memcmp(host_rt.event + 8, &lf_account(&f, LF_LEASE)->key, 32) == 0);
  CHECK(memcmp(host_rt.event + 40, &cost, 8) == 0);
  CHECK(memcmp(host_rt.event + 48, &fee, 8) == 0);
  CHECK(memcmp(host_rt.event + 56, &until, 8) == 0);
}

static void settle_pays_only_the_difference_since_the_last_settlement(void) {
  lf_init(&f, LF_SETTLE);
  Lease *l = lf_lease(&f);
  l->paid_cost = 400000; /* settled at start + 400 s */
  l->paid_fee = 10000;
  l->settled_until = LF_START + 400;
  lf_balance(&f, LF_RENTER_BAL)->locked = LOCKED - 410000;
  CHECK_EQ(lf_run(&f), 0);
  check_balance(LF_PROVIDER_BAL, DUE_COST - 400000, 0);
  check_balance(LF_TREASURY_BAL, DUE_FEE - 10000, 0);
  check_balance(LF_RENTER_BAL, LF_RENTER_AVAILABLE, LOCKED - DUE_COST - DUE_FEE);
}

static void settling_twice_at_the_same_time_pays_nothing_more(void) {
  lf_init(&f, LF_SETTLE);
  CHECK_EQ(lf_run(&f), 0);
  CHECK_EQ(lf_run(&f), 0);
  check_balance(LF_PROVIDER_BAL, DUE_COST, 0);
  check_balance(LF_TREASURY_BAL, DUE_FEE, 0);
  check_balance(LF_RENTER_BAL, LF_RENTER_AVAILABLE, LOCKED - DUE_COST - DUE_FEE);
}

/* A clock behind settled_until (it can only come from a bad validator clock)
 * never takes back a payment. */
static void a_clock_behind_the_last_settlement_pays_nothing(void) {
  lf_init(&f, LF_SETTLE);
  CHECK_EQ(lf_run(&f), 0);
  host_rt.clock.unix_timestamp = LF_NOW - 500;
  CHECK_EQ(lf_run(&f), 0);
  CHECK_EQ(lf_lease(&f)->settled_until, LF_NOW);
  check_balance(LF_PROVIDER_BAL, DUE_COST, 0);
}

static void settling_before_the_start_pays_nothing(void) {
  lf_init(&f, LF_SETTLE);
  host_rt.clock.unix_timestamp = LF_START - 10;
  CHECK_EQ(lf_run(&f), 0);
  CHECK_EQ(lf_lease(&f)->settled_until, LF_START);
  check_balance(LF_PROVIDER_BAL, 0, 0);
  check_balance(LF_RENTER_BAL, LF_RENTER_AVAILABLE, LOCKED);
}

static void settling_after_the_end_pays_the_totals_and_closes_as_expired(void) {
  static const uint8_t disc[8] = SOLGRID_EVENT_LEASE_CLOSED_BYTES;
  lf_init(&f, LF_SETTLE);
  CHECK_EQ(lf_run(&f), 0); /* part of it first, so rounding could accumulate */
  host_rt.clock.unix_timestamp = LF_END + 77;
  CHECK_EQ(lf_run(&f), 0);
  const Lease *l = lf_lease(&f);
  CHECK_EQ(l->paid_cost, LF_TOTAL_COST);
  CHECK_EQ(l->paid_fee, LF_TOTAL_FEE);
  CHECK_EQ(l->settled_until, LF_END);
  CHECK_EQ(l->state, SOLGRID_LEASE_STATE_CLOSED);
  CHECK_EQ(l->close_reason, SOLGRID_CLOSE_REASON_EXPIRED);
  CHECK_EQ(l->closed_at, LF_END);
  CHECK_EQ(l->refunded, 0);
  check_balance(LF_RENTER_BAL, LF_RENTER_AVAILABLE, 0);
  check_balance(LF_PROVIDER_BAL, LF_TOTAL_COST, 0);
  check_balance(LF_TREASURY_BAL, LF_TOTAL_FEE, 0);
  CHECK_EQ(host_rt.n_events, 3); /* settled, settled, closed */
  CHECK_EQ(host_rt.event_len, sizeof(LeaseClosed));
  CHECK(memcmp(host_rt.event, disc, 8) == 0);
  CHECK_EQ(host_rt.event[40], SOLGRID_CLOSE_REASON_EXPIRED);
}

/* Totals that do not divide by the duration: every second is floored, the end
 * pays the remainder, and the renter's locked funds come out exactly at zero. */
static void uneven_totals_settle_exactly(void) {
  lf_init(&f, LF_SETTLE);
  Lease *l = lf_lease(&f);
  l->total_cost = 1000003;
  l->total_fee = 7;
  lf_balance(&f, LF_RENTER_BAL)->locked = 1000010;
  int64_t times[] = {LF_START + 1, LF_START + 2, LF_START + 1799, LF_END - 1, LF_END};
  for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
    host_rt.clock.unix_timestamp = times[i];
    CHECK_EQ(lf_run(&f), 0);
    uint64_t want = (uint64_t)((unsigned __int128)1000003 * (uint64_t)(times[i] - LF_START) / 3600);
    CHECK_EQ(lf_balance(&f, LF_PROVIDER_BAL)->available, want);
  }
  check_balance(LF_PROVIDER_BAL, 1000003, 0);
  check_balance(LF_TREASURY_BAL, 7, 0);
  check_balance(LF_RENTER_BAL, LF_RENTER_AVAILABLE, 0);
}

static void settling_a_closed_lease_is_lease_not_active(void) {
  lf_init(&f, LF_SETTLE);
  lf_lease(&f)->state = SOLGRID_LEASE_STATE_CLOSED;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_LEASE_NOT_ACTIVE);
}

/* The treasury's owner may also be the provider: one account in both roles
 * receives cost and fee, neither write overwriting the other. */
static void provider_who_is_the_treasury_gets_cost_and_fee(void) {
  lf_init(&f, LF_SETTLE);
  ((Market *)lf_account(&f, LF_MARKET)->data)->treasury = f.provider;
  *lf_account(&f, LF_TREASURY_BAL) = *lf_account(&f, LF_PROVIDER_BAL);
  lf_account(&f, LF_TREASURY_BAL)->dup_of = LF_PROVIDER_BAL - 1;
  CHECK_EQ(lf_run(&f), 0);
  check_balance(LF_PROVIDER_BAL, DUE_COST + DUE_FEE, 0);
  check_balance(LF_RENTER_BAL, LF_RENTER_AVAILABLE, LOCKED - DUE_COST - DUE_FEE);
}

static void another_wallets_balance_as_provider_is_wrong_lease_party(void) {
  SolPubkey stranger;
  memset(&stranger, 0x99, 32);
  lf_init(&f, LF_SETTLE);
  lf_make_balance(&f, lf_account(&f, LF_PROVIDER_BAL), &stranger, &f.mint, 0, 0);
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_WRONG_LEASE_PARTY);
}

static void the_renters_balance_as_provider_is_wrong_lease_party(void) {
  lf_init(&f, LF_SETTLE);
  *lf_account(&f, LF_PROVIDER_BAL) = *lf_account(&f, LF_RENTER_BAL);
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_WRONG_LEASE_PARTY);
}

static void a_treasury_balance_of_another_owner_is_wrong_lease_party(void) {
  lf_init(&f, LF_SETTLE);
  lf_make_balance(&f, lf_account(&f, LF_TREASURY_BAL), &f.provider, &f.mint, 0, 0);
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_WRONG_LEASE_PARTY);
}

static void a_balance_in_another_mint_is_wrong_lease_party(void) {
  SolPubkey other_mint;
  memset(&other_mint, 0x77, 32);
  lf_init(&f, LF_SETTLE);
  lf_make_balance(&f, lf_account(&f, LF_RENTER_BAL), &f.renter, &other_mint, LF_RENTER_AVAILABLE, LOCKED);
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_WRONG_LEASE_PARTY);
}

static void a_missing_balance_is_balance_not_open(void) {
  lf_init(&f, LF_SETTLE);
  HostAccount *a = lf_account(&f, LF_PROVIDER_BAL);
  memset(&a->owner, 0, 32);
  a->data_len = 0;
  a->lamports = 0;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_BALANCE_NOT_OPEN);
}

static void a_balance_owned_by_another_program_is_refused(void) {
  lf_init(&f, LF_SETTLE);
  memset(&lf_account(&f, LF_TREASURY_BAL)->owner, 0x08, 32);
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
}

static void a_lease_passed_as_a_balance_is_a_discriminator_mismatch(void) {
  lf_init(&f, LF_SETTLE);
  *lf_account(&f, LF_RENTER_BAL) = *lf_account(&f, LF_LEASE);
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_DISCRIMINATOR_MISMATCH);
}

static void a_read_only_balance_is_refused(void) {
  lf_init(&f, LF_SETTLE);
  lf_account(&f, LF_PROVIDER_BAL)->is_writable = 0;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_NOT_WRITABLE);
}

static void a_read_only_lease_is_refused(void) {
  lf_init(&f, LF_SETTLE);
  lf_account(&f, LF_LEASE)->is_writable = 0;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_NOT_WRITABLE);
}

static void a_lease_of_another_market_is_wrong_market(void) {
  lf_init(&f, LF_SETTLE);
  lf_lease(&f)->market[0] ^= 1;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_WRONG_MARKET);
}

static void a_lease_not_owned_by_the_program_is_refused(void) {
  lf_init(&f, LF_SETTLE);
  lf_account(&f, LF_LEASE)->owner.x[0] ^= 1;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
}

static void a_balance_passed_as_the_lease_is_a_discriminator_mismatch(void) {
  lf_init(&f, LF_SETTLE);
  *lf_account(&f, LF_LEASE) = *lf_account(&f, LF_PROVIDER_BAL);
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_DATA_TOO_SMALL); /* a Balance is shorter than a Lease */
  lf_init(&f, LF_SETTLE);
  lf_account(&f, LF_LEASE)->data[0] ^= 1;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_DISCRIMINATOR_MISMATCH);
}

static void a_market_not_owned_by_the_program_is_refused(void) {
  lf_init(&f, LF_SETTLE);
  lf_account(&f, LF_MARKET)->owner.x[31] ^= 1;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
}

static void too_few_accounts_and_trailing_data_are_refused(void) {
  lf_init(&f, LF_SETTLE);
  f.n_accounts = 4;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_NOT_ENOUGH_ACCOUNTS);
  lf_init(&f, LF_SETTLE);
  f.data_len = 9;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_INVALID_INSTRUCTION_DATA);
}

/* Broken invariants are refused, not wrapped around. */
static void locked_funds_short_of_the_due_amount_is_arithmetic_overflow(void) {
  lf_init(&f, LF_SETTLE);
  lf_balance(&f, LF_RENTER_BAL)->locked = DUE_COST + DUE_FEE - 1;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ARITHMETIC_OVERFLOW);
}

static void a_provider_balance_at_the_u64_limit_is_arithmetic_overflow(void) {
  lf_init(&f, LF_SETTLE);
  lf_balance(&f, LF_PROVIDER_BAL)->available = UINT64_MAX - DUE_COST + 1;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ARITHMETIC_OVERFLOW);
}

static void a_lease_without_duration_is_invalid_account_data(void) {
  lf_init(&f, LF_SETTLE);
  lf_lease(&f)->end_ts = LF_START;
  CHECK_EQ(lf_run(&f), SOL_ERR_INVALID_ACCOUNT_DATA);
}

/* ---- cancel_lease / release_lease */

static void check_ended_early(CloseReason reason) {
  const Lease *l = lf_lease(&f);
  uint64_t refund = LF_TOTAL_COST - DUE_COST + LF_TOTAL_FEE - DUE_FEE;
  CHECK_EQ(l->paid_cost, DUE_COST);
  CHECK_EQ(l->paid_fee, DUE_FEE);
  CHECK_EQ(l->refunded, refund);
  CHECK_EQ(l->settled_until, LF_NOW);
  CHECK_EQ(l->closed_at, LF_NOW);
  CHECK_EQ(l->state, SOLGRID_LEASE_STATE_CLOSED);
  CHECK_EQ(l->close_reason, reason);
  check_balance(LF_RENTER_BAL, LF_RENTER_AVAILABLE + refund, 0);
  check_balance(LF_PROVIDER_BAL, DUE_COST, 0);
  check_balance(LF_TREASURY_BAL, DUE_FEE, 0);
  CHECK_EQ(host_rt.n_events, 2);
  CHECK_EQ(host_rt.event[40], reason);
  CHECK(memcmp(host_rt.event + 41, &refund, 8) == 0);
}

static void cancel_pays_to_now_and_refunds_the_rest(void) {
  lf_init(&f, LF_CANCEL);
  CHECK_EQ(lf_run(&f), 0);
  check_ended_early(SOLGRID_CLOSE_REASON_CANCELLED_BY_RENTER);
}

static void release_pays_to_now_and_refunds_the_rest(void) {
  lf_init(&f, LF_RELEASE);
  CHECK_EQ(lf_run(&f), 0);
  check_ended_early(SOLGRID_CLOSE_REASON_RELEASED_BY_PROVIDER);
}

static void cancel_before_the_start_refunds_everything(void) {
  lf_init(&f, LF_CANCEL);
  host_rt.clock.unix_timestamp = LF_START - 60;
  CHECK_EQ(lf_run(&f), 0);
  CHECK_EQ(lf_lease(&f)->refunded, LOCKED);
  check_balance(LF_RENTER_BAL, LF_RENTER_AVAILABLE + LOCKED, 0);
  check_balance(LF_PROVIDER_BAL, 0, 0);
}

/* After the end nothing is left to refund: the lease simply expired. */
static void cancel_after_the_end_closes_as_expired_without_refund(void) {
  lf_init(&f, LF_CANCEL);
  host_rt.clock.unix_timestamp = LF_END + 1;
  CHECK_EQ(lf_run(&f), 0);
  CHECK_EQ(lf_lease(&f)->close_reason, SOLGRID_CLOSE_REASON_EXPIRED);
  CHECK_EQ(lf_lease(&f)->refunded, 0);
  check_balance(LF_RENTER_BAL, LF_RENTER_AVAILABLE, 0);
  check_balance(LF_PROVIDER_BAL, LF_TOTAL_COST, 0);
}

static void the_provider_cannot_cancel(void) {
  lf_init(&f, LF_CANCEL);
  lf_account(&f, LF_SIGNER)->key = f.provider;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_WRONG_LEASE_PARTY);
}

static void the_renter_cannot_release(void) {
  lf_init(&f, LF_RELEASE);
  lf_account(&f, LF_SIGNER)->key = f.renter;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_WRONG_LEASE_PARTY);
}

static void cancel_without_the_renters_signature_is_missing_signer(void) {
  lf_init(&f, LF_CANCEL);
  lf_account(&f, LF_SIGNER)->is_signer = 0;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_MISSING_SIGNER);
}

static void ending_a_closed_lease_is_lease_not_active(void) {
  lf_init(&f, LF_CANCEL);
  CHECK_EQ(lf_run(&f), 0);
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_LEASE_NOT_ACTIVE);
  lf_init(&f, LF_RELEASE);
  lf_lease(&f)->state = SOLGRID_LEASE_STATE_CLOSED;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_LEASE_NOT_ACTIVE);
}

/* The renter is also the treasury's owner: one account gets the fee and the refund. */
static void renter_who_is_the_treasury_gets_fee_and_refund(void) {
  lf_init(&f, LF_CANCEL);
  ((Market *)lf_account(&f, LF_MARKET)->data)->treasury = f.renter;
  *lf_account(&f, LF_TREASURY_BAL) = *lf_account(&f, LF_RENTER_BAL);
  lf_account(&f, LF_TREASURY_BAL)->dup_of = LF_RENTER_BAL;
  CHECK_EQ(lf_run(&f), 0);
  check_balance(LF_RENTER_BAL, LF_RENTER_AVAILABLE + DUE_FEE + (LOCKED - DUE_COST - DUE_FEE), 0);
  check_balance(LF_PROVIDER_BAL, DUE_COST, 0);
}

/* ---- close_lease */

static void close_returns_the_rent_and_removes_the_account(void) {
  lf_init(&f, LF_CLOSE);
  CHECK_EQ(lf_run(&f), 0);
  const HostAccount *lease = lf_account(&f, LF_LEASE), *payer = &f.accounts[1];
  CHECK_EQ(payer->lamports, LF_RENT_PAYER_LAMPORTS + LF_LEASE_LAMPORTS);
  CHECK_EQ(lease->lamports, 0);
  CHECK_EQ(lease->data_len, 0);
  CHECK(sol_pubkey_is_zero(&lease->owner));
}

static void close_zeroes_the_data_it_shrinks(void) {
  lf_init(&f, LF_CLOSE);
  size_t len;
  uint8_t *input = host_serialize(f.accounts, f.n_accounts, f.data, f.data_len, &f.program_id, &len);
  CHECK_EQ(sg_process(input, len), 0);
  uint8_t zero[sizeof(Lease)] = {0};
  CHECK(memcmp(input + 8 + 88, zero, sizeof zero) == 0); /* the lease's data in the input */
  free(input);
}

static void closing_an_active_lease_is_lease_still_active(void) {
  lf_init(&f, LF_CLOSE);
  lf_lease(&f)->state = SOLGRID_LEASE_STATE_ACTIVE;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_LEASE_STILL_ACTIVE);
}

static void closing_to_another_wallet_is_wrong_lease_party(void) {
  lf_init(&f, LF_CLOSE);
  f.accounts[1].key.x[5] ^= 1;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_WRONG_LEASE_PARTY);
}

static void close_needs_both_accounts_writable(void) {
  lf_init(&f, LF_CLOSE);
  f.accounts[1].is_writable = 0;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_NOT_WRITABLE);
  lf_init(&f, LF_CLOSE);
  f.accounts[0].is_writable = 0;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_NOT_WRITABLE);
}

static void close_refuses_what_is_not_a_lease(void) {
  lf_init(&f, LF_CLOSE);
  f.accounts[0].data[3] ^= 1;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_DISCRIMINATOR_MISMATCH);
  lf_init(&f, LF_CLOSE);
  f.accounts[0].owner.x[0] ^= 1;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
}

static OrderState *close_order(int slot) { return (OrderState *)f.accounts[slot].data; }

static void close_while_both_orders_can_fill_is_orders_still_open(void) {
  lf_init(&f, LF_CLOSE);
  close_order(LF_CLOSE_BID)->filled_gpus = 1; /* the bid has 1 GPU left, the ask 6 */
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ORDERS_STILL_OPEN);
}

static void close_after_one_order_expired_or_was_cancelled(void) {
  lf_init(&f, LF_CLOSE);
  close_order(LF_CLOSE_BID)->filled_gpus = 1;
  close_order(LF_CLOSE_ASK)->order.expires_at = LF_NOW;
  CHECK_EQ(lf_run(&f), 0);
  lf_init(&f, LF_CLOSE);
  close_order(LF_CLOSE_BID)->filled_gpus = 1;
  close_order(LF_CLOSE_BID)->cancelled = 1;
  CHECK_EQ(lf_run(&f), 0);
}

/* What close_order_state leaves: an empty System account (dust may arrive). */
static void order_state_closed(int slot, uint64_t dust) {
  HostAccount *a = &f.accounts[slot];
  memset(a->data, 0, sizeof(OrderState));
  memset(&a->owner, 0, 32);
  a->data_len = 0;
  a->lamports = dust;
}

static void close_after_an_order_state_was_closed(void) {
  lf_init(&f, LF_CLOSE);
  close_order(LF_CLOSE_BID)->filled_gpus = 1; /* the bid's record can still fill, the ask's is gone */
  order_state_closed(LF_CLOSE_ASK, 0);
  CHECK_EQ(lf_run(&f), 0);
  CHECK_EQ(f.accounts[1].lamports, LF_RENT_PAYER_LAMPORTS + LF_LEASE_LAMPORTS);
  lf_init(&f, LF_CLOSE);
  order_state_closed(LF_CLOSE_BID, 5);
  order_state_closed(LF_CLOSE_ASK, 0);
  CHECK_EQ(lf_run(&f), 0);
  CHECK_EQ(lf_account(&f, LF_LEASE)->data_len, 0);
}

static void close_with_closed_order_states_still_binds_the_pair(void) {
  lf_init(&f, LF_CLOSE);
  order_state_closed(LF_CLOSE_ASK, 0);
  f.accounts[LF_CLOSE_ASK].key.x[3] ^= 1; /* another empty address */
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_WRONG_LEASE_PARTY);
  lf_init(&f, LF_CLOSE); /* an account of another owner at the address is no closed record */
  close_order(LF_CLOSE_BID)->filled_gpus = 1;
  order_state_closed(LF_CLOSE_ASK, 0);
  f.accounts[LF_CLOSE_ASK].owner.x[0] = 7;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
}

static void close_with_another_pair_is_wrong_lease_party(void) {
  lf_init(&f, LF_CLOSE);
  HostAccount bid = f.accounts[LF_CLOSE_BID];
  f.accounts[LF_CLOSE_BID] = f.accounts[LF_CLOSE_ASK]; /* swapped: another lease's address */
  f.accounts[LF_CLOSE_ASK] = bid;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_WRONG_LEASE_PARTY);
}

static void close_refuses_a_forged_order_state(void) {
  lf_init(&f, LF_CLOSE);
  f.accounts[LF_CLOSE_BID].owner.x[0] ^= 1;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH);
  lf_init(&f, LF_CLOSE);
  f.accounts[LF_CLOSE_ASK].data[0] ^= 1;
  CHECK_EQ(lf_run(&f), SOLGRID_ERR_ACCOUNT_DISCRIMINATOR_MISMATCH);
}

void run_lease_tests(void) {
  RUN(settle_pays_what_accrued);
  RUN(settle_emits_lease_settled);
  RUN(settle_pays_only_the_difference_since_the_last_settlement);
  RUN(settling_twice_at_the_same_time_pays_nothing_more);
  RUN(a_clock_behind_the_last_settlement_pays_nothing);
  RUN(settling_before_the_start_pays_nothing);
  RUN(settling_after_the_end_pays_the_totals_and_closes_as_expired);
  RUN(close_while_both_orders_can_fill_is_orders_still_open);
  RUN(close_after_one_order_expired_or_was_cancelled);
  RUN(close_with_another_pair_is_wrong_lease_party);
  RUN(close_after_an_order_state_was_closed);
  RUN(close_with_closed_order_states_still_binds_the_pair);
  RUN(close_refuses_a_forged_order_state);
  RUN(uneven_totals_settle_exactly);
  RUN(settling_a_closed_lease_is_lease_not_active);
  RUN(provider_who_is_the_treasury_gets_cost_and_fee);
  RUN(another_wallets_balance_as_provider_is_wrong_lease_party);
  RUN(the_renters_balance_as_provider_is_wrong_lease_party);
  RUN(a_treasury_balance_of_another_owner_is_wrong_lease_party);
  RUN(a_balance_in_another_mint_is_wrong_lease_party);
  RUN(a_missing_balance_is_balance_not_open);
  RUN(a_balance_owned_by_another_program_is_refused);
  RUN(a_lease_passed_as_a_balance_is_a_discriminator_mismatch);
  RUN(a_read_only_balance_is_refused);
  RUN(a_read_only_lease_is_refused);
  RUN(a_lease_of_another_market_is_wrong_market);
  RUN(a_lease_not_owned_by_the_program_is_refused);
  RUN(a_balance_passed_as_the_lease_is_a_discriminator_mismatch);
  RUN(a_market_not_owned_by_the_program_is_refused);
  RUN(too_few_accounts_and_trailing_data_are_refused);
  RUN(locked_funds_short_of_the_due_amount_is_arithmetic_overflow);
  RUN(a_provider_balance_at_the_u64_limit_is_arithmetic_overflow);
  RUN(a_lease_without_duration_is_invalid_account_data);
  RUN(cancel_pays_to_now_and_refunds_the_rest);
  RUN(release_pays_to_now_and_refunds_the_rest);
  RUN(cancel_before_the_start_refunds_everything);
  RUN(cancel_after_the_end_closes_as_expired_without_refund);
  RUN(the_provider_cannot_cancel);
  RUN(the_renter_cannot_release);
  RUN(cancel_without_the_renters_signature_is_missing_signer);
  RUN(ending_a_closed_lease_is_lease_not_active);
  RUN(renter_who_is_the_treasury_gets_fee_and_refund);
  RUN(close_returns_the_rent_and_removes_the_account);
  RUN(close_zeroes_the_data_it_shrinks);
  RUN(closing_an_active_lease_is_lease_still_active);
  RUN(closing_to_another_wallet_is_wrong_lease_party);
  RUN(close_needs_both_accounts_writable);
  RUN(close_refuses_what_is_not_a_lease);
}
