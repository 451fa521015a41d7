/* call_properties.c - see call_properties.h. Duplicated slots are followed to
 * the record they repeat: the program sees one account there. */
#include <string.h>

#include "call_properties.h"
#include "sol/token.h"

typedef unsigned __int128 u128;

static const HostAccount *at(const IxCall *c, uint64_t i) {
  while (c->accounts[i].dup_of >= 0)
    i = (uint64_t)c->accounts[i].dup_of;
  return &c->accounts[i];
}

static bool key_eq(const SolPubkey *a, const void *b) { return memcmp(a->x, b, 32) == 0; }

static uint64_t u64_at(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

static bool ours(const HostAccount *a, uint64_t discriminator, uint64_t size) {
  return key_eq(&a->owner, &host_rt.program_id) && a->data_len >= size && u64_at(a->data) == discriminator;
}

/* Copies of our accounts (the host buffers are not aligned for the structs). */
static bool read_market(const HostAccount *a, Market *m) {
  if (!ours(a, SOLGRID_ACCOUNT_MARKET_U64, sizeof *m))
    return false;
  memcpy(m, a->data, sizeof *m);
  return true;
}

static bool read_balance(const HostAccount *a, Balance *b) {
  if (!ours(a, SOLGRID_ACCOUNT_BALANCE_U64, sizeof *b))
    return false;
  memcpy(b, a->data, sizeof *b);
  return true;
}

static bool is_token_account(const HostAccount *a) {
  return sol_is_token_program(&a->owner) && a->data_len == SOL_TOKEN_ACCOUNT_LEN;
}

static uint64_t tokens(const HostAccount *a) { return u64_at(a->data + SOL_TOKEN_ACCOUNT_AMOUNT_OFFSET); }

static bool same_account(const HostAccount *x, const HostAccount *y) {
  return x->lamports == y->lamports && x->data_len == y->data_len && memcmp(&x->owner, &y->owner, 32) == 0 &&
         memcmp(x->data, y->data, x->data_len) == 0;
}

/* Read-only accounts unchanged; lamports and token amounts conserved. */
static const char *generic(const IxCall *b, const IxCall *a) {
  u128 lamports_b = 0, lamports_a = 0, tokens_b = 0, tokens_a = 0;
  for (uint64_t i = 0; i < b->n_accounts; i++) {
    const HostAccount *x = &b->accounts[i], *y = &a->accounts[i];
    if (x->dup_of >= 0)
      continue;
    if (!x->is_writable && !same_account(x, y))
      return "a read-only account changed";
    lamports_b += x->lamports;
    lamports_a += y->lamports;
    tokens_b += is_token_account(x) ? tokens(x) : 0;
    tokens_a += is_token_account(y) ? tokens(y) : 0;
  }
  if (lamports_b != lamports_a)
    return "lamports were created or destroyed";
  if (tokens_b != tokens_a)
    return "tokens were created or destroyed";
  return NULL;
}

/* The Market after a config change: `want` is the old one with the change applied. */
static const char *market_became(const IxCall *b, const IxCall *a, const Market *want) {
  const HostAccount *mb = at(b, 1), *ma = at(a, 1);
  if (ma->data_len != mb->data_len || memcmp(ma->data, want, sizeof *want) != 0 ||
      memcmp(ma->data + sizeof *want, mb->data + sizeof *want, mb->data_len - sizeof *want) != 0)
    return "the Market changed beyond the fields the instruction sets";
  return NULL;
}

static const char *update_market(const IxCall *b, const IxCall *a) {
  const HostAccount *signer = at(b, SOLGRID_UPDATE_MARKET_ACCOUNT_AUTHORITY);
  update_market_args args;
  Market want;
  if (b->data_len != SOLGRID_UPDATE_MARKET_DATA_LEN || !read_market(at(b, 1), &want))
    return "update_market accepted wrong data or no Market";
  if (!signer->is_signer || !key_eq(&signer->key, want.authority.x))
    return "update_market succeeded without the authority's signature";
  memcpy(&args, b->data + 8, sizeof args);
  memcpy(want.treasury.x, args.params.treasury, 32);
  memcpy(want.oracle_authority.x, args.params.oracle_authority, 32);
  memcpy(want.matcher.x, args.params.matcher, 32);
  memcpy(want.authority.x, args.new_authority, 32);
  want.subsidy_per_gpu_hour = args.params.subsidy_per_gpu_hour;
  want.checker_reward_per_report = args.params.checker_reward_per_report;
  want.miner_price_micro_usd = args.params.miner_price_micro_usd;
  want.max_price_staleness_secs = args.params.max_price_staleness_secs;
  want.checker_min_report_interval_secs = args.params.checker_min_report_interval_secs;
  want.miner_max_supply = args.params.miner_max_supply;
  want.fee_bps_stable = args.params.fee_bps_stable;
  want.fee_bps_token = args.params.fee_bps_token;
  want.miner_fee_share_bps = args.params.miner_fee_share_bps;
  return market_became(b, a, &want);
}

static const char *set_token_price(const IxCall *b, const IxCall *a, int64_t now) {
  const HostAccount *signer = at(b, SOLGRID_SET_TOKEN_PRICE_ACCOUNT_ORACLE);
  Market want;
  if (b->data_len != SOLGRID_SET_TOKEN_PRICE_DATA_LEN || !read_market(at(b, 1), &want))
    return "set_token_price accepted wrong data or no Market";
  if (!signer->is_signer || !key_eq(&signer->key, want.oracle_authority.x))
    return "set_token_price succeeded without the oracle's signature";
  want.token_price_micro_usd = u64_at(b->data + 8);
  want.token_price_updated_at = now;
  return market_became(b, a, &want);
}

/* The vault is the market's for the mint. */
static bool market_vault(const HostAccount *market, const HostAccount *mint, const HostAccount *vault) {
  Market m;
  if (!read_market(market, &m))
    return false;
  if (key_eq(&mint->key, m.stable_mint.x))
    return key_eq(&vault->key, m.stable_vault.x);
  return key_eq(&mint->key, m.token_mint.x) && key_eq(&vault->key, m.token_vault.x);
}

static bool balance_of(const Balance *bal, const HostAccount *market, const HostAccount *owner,
                       const HostAccount *mint) {
  return key_eq(&market->key, bal->market.x) && key_eq(&owner->key, bal->owner.x) && key_eq(&mint->key, bal->mint.x);
}

/* A Balance the call created sits at its canonical PDA with that bump (one that
 * existed is the program's earlier work, judged by its stored identity). */
static bool canonical_balance(const HostAccount *a, const Balance *bal) {
  SolBytes seeds[4] = {{(const uint8_t *)SOLGRID_SEED_BALANCE, SOLGRID_SEED_BALANCE_LEN},
                       {bal->market.x, 32}, {bal->owner.x, 32}, {bal->mint.x, 32}};
  SolPubkey addr;
  uint8_t bump;
  return host_find_pda(seeds, 4, &host_rt.program_id, &addr, &bump) && key_eq(&a->key, addr.x) && bump == bal->bump;
}

/* deposit (sign = +1) and withdraw (-1) share their first four slots and the vault's. */
static const char *balance_move(const IxCall *b, const IxCall *a, int sign, uint64_t other_slot) {
  const HostAccount *owner = at(b, 0), *market = at(b, 1), *mint = at(b, 2);
  Balance before, after;
  uint64_t amount = u64_at(b->data + 8);
  bool opened = read_balance(at(b, 3), &before);
  if (b->data_len != 16)
    return "deposit/withdraw accepted data of the wrong length";
  if (!owner->is_signer)
    return "deposit/withdraw succeeded unsigned";
  if (!market_vault(market, mint, at(b, 5)))
    return "deposit/withdraw used a vault that is not the market's for the mint";
  if (!read_balance(at(a, 3), &after) || !balance_of(&after, market, owner, mint))
    return "deposit/withdraw moved funds of a Balance that is not the signer's for this market and mint";
  if (!opened && (sign < 0 || !canonical_balance(at(a, 3), &after)))
    return "deposit opened a Balance away from its PDA (or withdraw paid from none)";
  if (!opened)
    memset(&before, 0, sizeof before);
  u128 vault_b = tokens(at(b, 5)), vault_a = tokens(at(a, 5));
  u128 other_b = tokens(at(b, other_slot)), other_a = tokens(at(a, other_slot));
  if (after.locked != before.locked)
    return "deposit/withdraw touched locked funds";
  if (sign > 0 ? (after.available != (u128)before.available + amount || vault_a != vault_b + amount ||
                  other_b != other_a + amount)
               : (before.available != (u128)after.available + amount || vault_b != vault_a + amount ||
                  other_a != other_b + amount))
    return "vault, token account and Balance.available did not all move by the amount";
  return NULL;
}

static const char *open_balance(const IxCall *b, const IxCall *a) {
  const HostAccount *owner = at(b, 1), *market = at(b, 2), *mint = at(b, 3), *bb = at(b, 4), *ba = at(a, 4);
  Balance before, after;
  Market m;
  if (!read_market(market, &m) || (!key_eq(&mint->key, m.stable_mint.x) && !key_eq(&mint->key, m.token_mint.x)))
    return "open_balance for a mint the market does not accept";
  if (!read_balance(ba, &after) || !balance_of(&after, market, owner, mint))
    return "open_balance left no Balance of (market, owner, mint)";
  if (read_balance(bb, &before))
    return same_account(bb, ba) ? NULL : "open_balance changed an open Balance";
  if (!canonical_balance(ba, &after) || after.available != 0 || after.locked != 0)
    return "open_balance created a Balance away from its PDA or with funds";
  return NULL;
}

static const char *cancel_order(const IxCall *b, const IxCall *a) {
  const HostAccount *owner = at(b, 0), *market = at(b, 1), *sb = at(b, 2), *sa = at(a, 2);
  uint64_t order_id = u64_at(b->data + 8);
  OrderState before, after;
  bool existed = ours(sb, SOLGRID_ACCOUNT_ORDER_STATE_U64, sizeof before);
  SolPubkey addr;
  uint8_t bump;
  if (!owner->is_signer)
    return "cancel_order succeeded unsigned";
  if (!ours(sa, SOLGRID_ACCOUNT_ORDER_STATE_U64, sizeof after))
    return "cancel_order left no OrderState";
  memcpy(&after, sa->data, sizeof after);
  SolBytes seeds[4] = {{(const uint8_t *)SOLGRID_SEED_ORDER, SOLGRID_SEED_ORDER_LEN},
                       {market->key.x, 32}, {owner->key.x, 32}, {(const uint8_t *)&order_id, 8}};
  if (!host_find_pda(seeds, 4, &host_rt.program_id, &addr, &bump) || !key_eq(&sa->key, addr.x) ||
      after.bump != bump || after.cancelled != 1)
    return "cancel_order cancelled an OrderState that is not the signer's for this order";
  if (existed) {
    memcpy(&before, sb->data, sizeof before);
    before.cancelled = 1;
    if (memcmp(&before, &after, sizeof after) != 0 || sa->data_len != sb->data_len)
      return "cancel_order changed more than the cancelled flag";
  } else {
    memset(&before, 0, sizeof before);
    memcpy(&before, sa->data, 8);
    before.bump = bump;
    before.cancelled = 1;
    before.rent_payer = owner->key; /* the owner paid its rent */
    if (memcmp(&before, &after, sizeof after) != 0)
      return "cancel_order created an OrderState with more than the cancelled flag and its rent payer";
  }
  return NULL;
}

/* Only an expired stored order's record at its PDA, to the rent payer it names,
 * and the receiver got exactly its lamports. */
static const char *close_order_state(const IxCall *b, const IxCall *a, int64_t now) {
  const HostAccount *sb = at(b, 0), *sa = at(a, 0), *market = at(b, 1), *rb = at(b, 2), *ra = at(a, 2);
  OrderState st;
  SolPubkey addr;
  uint8_t bump;
  if (!ours(sb, SOLGRID_ACCOUNT_ORDER_STATE_U64, sizeof st))
    return "close_order_state closed what is not an OrderState";
  memcpy(&st, sb->data, sizeof st);
  if (st.has_order != 1 || now < st.order.expires_at)
    return "close_order_state closed a record whose order can still fill or is unknown";
  SolBytes seeds[4] = {{(const uint8_t *)SOLGRID_SEED_ORDER, SOLGRID_SEED_ORDER_LEN},
                       {market->key.x, 32}, {st.order.owner.x, 32}, {(const uint8_t *)&st.order.order_id, 8}};
  if (!host_find_pda(seeds, 4, &host_rt.program_id, &addr, &bump) || !key_eq(&sb->key, addr.x) || st.bump != bump)
    return "close_order_state closed an OrderState away from its PDA";
  if (!key_eq(&rb->key, st.rent_payer.x))
    return "close_order_state paid the rent to another account than its payer";
  if (sa->lamports != 0 || sa->data_len != 0 || !sol_pubkey_is_zero(&sa->owner) ||
      ra->lamports != rb->lamports + sb->lamports)
    return "close_order_state did not move all of the record's lamports to its payer and free it";
  return NULL;
}

const char *call_broken_promise(const IxCall *before, const IxCall *after, int64_t now) {
  const char *broken = generic(before, after);
  if (broken != NULL || before->data_len < 8)
    return broken;
  switch (u64_at(before->data)) {
  case SOLGRID_IX_UPDATE_MARKET_U64:
    return update_market(before, after);
  case SOLGRID_IX_SET_TOKEN_PRICE_U64:
    return set_token_price(before, after, now);
  case SOLGRID_IX_OPEN_BALANCE_U64:
    return open_balance(before, after);
  case SOLGRID_IX_DEPOSIT_U64:
    return balance_move(before, after, +1, SOLGRID_DEPOSIT_ACCOUNT_SOURCE);
  case SOLGRID_IX_WITHDRAW_U64:
    return balance_move(before, after, -1, SOLGRID_WITHDRAW_ACCOUNT_DESTINATION);
  case SOLGRID_IX_CANCEL_ORDER_U64:
    return cancel_order(before, after);
  case SOLGRID_IX_CLOSE_ORDER_STATE_U64:
    return close_order_state(before, after, now);
  default:
    return NULL;
  }
}
