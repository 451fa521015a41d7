/* fuzz_instructions.c - libFuzzer target for update_market, set_token_price,
 * open_balance, deposit, withdraw, cancel_order and close_order_state. The first byte picks the
 * instruction; the rest is a list of edits to its valid call (valid_calls.h):
 * signer/writable flags, keys from a palette (the right PDAs, the other market's,
 * other parties' wallets and Balances, programs), whole accounts swapped for
 * other real ones, owners, lamports, data bytes and length, Balance / token /
 * OrderState / Market fields, duplicates, the account count, the instruction
 * data (amounts near 0 and u64 max, config fields, length, bytes, another
 * instruction's discriminator) and the clock. No edits = the valid call.
 * Properties beyond "no sanitizer report":
 *   - a failing call leaves every account byte-identical (ix_run aborts);
 *   - a successful one keeps the promises of call_properties.h (value conserved,
 *     locked never touched, config changes signed by the authority / oracle).
 * Inputs the runtime cannot produce are mapped to what it would pass: a key
 * listed twice becomes a duplicate record, and a program PDA never signs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call_properties.h"
#include "fuzz_bytes.h"
#include "sol/token.h"
#include "valid_calls.h"

#define ORDER_ID 77
#define MAX_EDITS 24

typedef enum { FI_UPDATE, FI_PRICE, FI_OPEN, FI_DEPOSIT, FI_WITHDRAW, FI_CANCEL, FI_CLOSE_ORDER, FI_COUNT } Target;

static const uint64_t discriminators[] = {SOLGRID_IX_UPDATE_MARKET_U64, SOLGRID_IX_SET_TOKEN_PRICE_U64,
                                          SOLGRID_IX_OPEN_BALANCE_U64,  SOLGRID_IX_DEPOSIT_U64,
                                          SOLGRID_IX_WITHDRAW_U64,      SOLGRID_IX_CANCEL_ORDER_U64,
                                          SOLGRID_IX_COMMIT_LEASES_U64, SOLGRID_IX_SETTLE_LEASE_U64,
                                          SOLGRID_IX_CLOSE_ORDER_STATE_U64};
#define N_DISCRIMINATORS (sizeof discriminators / sizeof discriminators[0])

/* Built once: the valid calls, real accounts to swap in, keys and owners. */
static struct {
  HostMarket m, other;
  IxCall calls[FI_COUNT];
  HostAccount bank[40];
  int n_bank;
  SolPubkey keys[64];
  int n_keys;
  SolPubkey pdas[40]; /* cannot sign */
  int n_pdas;
  SolPubkey owners[5];
} w;



static void add_key(const SolPubkey *k) {
  for (int i = 0; i < w.n_keys; i++)
    if (memcmp(&w.keys[i], k, 32) == 0)
      return;
  w.keys[w.n_keys++] = *k;
}

static void add_pda(const SolPubkey *k) {
  w.pdas[w.n_pdas++] = *k;
  add_key(k);
}

static HostAccount *bank_slot(void) { return &w.bank[w.n_bank++]; }

static void bank(const HostAccount *a, int is_pda) {
  *bank_slot() = *a;
  (is_pda ? add_pda : add_key)(&a->key);
}

static void bank_balance(const HostMarket *m, uint8_t owner_byte, const SolPubkey *mint, uint64_t available,
                         uint64_t locked) {
  SolPubkey owner;
  memset(&owner, owner_byte, 32);
  host_balance(bank_slot(), m, &owner, mint, available, locked);
  add_pda(&w.bank[w.n_bank - 1].key);
}

static void bank_wallet(uint8_t key_byte) {
  host_wallet(bank_slot(), key_byte, VC_OWNER_LAMPORTS, 0, 0);
  add_key(&w.bank[w.n_bank - 1].key);
}

static void bank_token_account(uint8_t key_byte, const SolPubkey *mint, const SolPubkey *owner, uint64_t amount) {
  host_token_account(bank_slot(), key_byte, mint, owner, amount);
  add_key(&w.bank[w.n_bank - 1].key);
}

static void build_world(void) {
  static const SolPubkey t22 = {SOL_TOKEN_2022_PROGRAM_ID_BYTES};
  update_market_args args;
  SolPubkey owner, k;
  uint8_t bump;
  host_market_init_id(&w.other, 2);
  host_market_init(&w.m);
  memset(&owner, VC_OWNER_KEY, 32);
  vc_update_market(&w.calls[FI_UPDATE], &w.m, &args);
  vc_set_token_price(&w.calls[FI_PRICE], &w.m, 1234567);
  vc_open_balance(&w.calls[FI_OPEN], &w.m);
  vc_deposit(&w.calls[FI_DEPOSIT], &w.m, 1250000);
  vc_withdraw(&w.calls[FI_WITHDRAW], &w.m, 600, 1000, 300);
  vc_cancel_order(&w.calls[FI_CANCEL], &w.m, ORDER_ID);
  vc_close_order_state(&w.calls[FI_CLOSE_ORDER], &w.m, ORDER_ID + 2);
  for (int t = 0; t < FI_COUNT; t++) /* every account of every valid call */
    for (uint64_t i = 0; i < w.calls[t].n_accounts; i++)
      add_key(&w.calls[t].accounts[i].key);
  /* Program accounts of both markets, and the PDAs among the calls' keys. */
  bank(&w.m.market, 1);
  bank(&w.m.stable_vault, 1);
  bank(&w.m.token_vault, 1);
  bank(&w.other.market, 1);
  bank(&w.other.stable_vault, 1);
  bank(&w.m.stable_mint, 0);
  bank(&w.m.token_mint, 0);
  fixture_mint(bank_slot(), 0x93);
  add_key(&w.bank[w.n_bank - 1].key);
  bank(&w.m.token_program, 0);
  bank(&w.m.system, 0);
  bank(&w.m.authority, 0);
  bank(&w.calls[FI_PRICE].accounts[CFG_SIGNER], 0);
  bank_wallet(VC_OWNER_KEY);
  bank_wallet(0x84);
  bank_wallet(0x86);
  bank_wallet(VC_RENT_PAYER_KEY);
  bank(&w.calls[FI_CLOSE_ORDER].accounts[X_ORDER_STATE], 1);
  bank_balance(&w.m, VC_OWNER_KEY, &w.m.stable_mint.key, 1000, 300);
  bank_balance(&w.m, VC_OWNER_KEY, &w.m.token_mint.key, 5, 0);
  bank_balance(&w.m, 0x11, &w.m.stable_mint.key, 7, 0);
  bank_balance(&w.m, 0x86, &w.m.token_mint.key, 0, 9);
  bank_balance(&w.other, VC_OWNER_KEY, &w.other.stable_mint.key, 1000, 0);
  bank_token_account(0x82, &w.m.stable_mint.key, &owner, VC_USER_TOKENS);
  bank_token_account(0x87, &w.m.token_mint.key, &owner, 40);
  bank_token_account(0x83, &w.m.stable_mint.key, &w.m.authority.key, VC_DESTINATION_TOKENS);
  bank_token_account(0x88, &w.m.stable_mint.key, &owner, UINT64_MAX - 5);
  bank_token_account(0x89, &w.m.stable_mint.key, &owner, 3);
  w.bank[w.n_bank - 1].owner = t22; /* a Token-2022 account */
  vc_order_state(bank_slot(), &w.m, &owner, ORDER_ID, 2);
  add_pda(&w.bank[w.n_bank - 1].key);
  vc_order_state_address(&w.m, &owner, ORDER_ID + 1, &k, &bump);
  add_pda(&k);
  host_balance_address(&w.m, &w.m.authority.key, &w.m.token_mint.key, &k, &bump);
  add_pda(&k);
  for (int t = 0; t < FI_COUNT; t++) /* the unopened Balance / OrderState addresses */
    for (uint64_t i = 0; i < w.calls[t].n_accounts; i++)
      if (w.calls[t].accounts[i].data_len == 0 && w.calls[t].accounts[i].lamports == 0)
        add_pda(&w.calls[t].accounts[i].key);
  add_key(&w.m.program_id);
  add_key(&t22);
  memset(&k, 0x74, 32); /* update_market's new authority */
  add_key(&k);
  w.owners[0] = w.m.program_id;
  w.owners[1] = w.m.token_program.key;
  w.owners[2] = t22;
  memset(&w.owners[3], 0, 32);
  memset(&w.owners[4], 0x42, 32);
}

static void mutate_market_field(HostAccount *a, Bytes *b) {
  Market m;
  if (a->data_len < sizeof m)
    return;
  memcpy(&m, a->data, sizeof m);
  const SolPubkey *k = &w.keys[next(b) % w.n_keys];
  switch (next(b) % 6) { /* what update_market and set_token_price can set; mints and vaults never change */
  case 0:
    m.authority = *k;
    break;
  case 1:
    m.oracle_authority = *k;
    break;
  case 2:
    m.treasury = *k;
    break;
  case 3:
    m.fee_bps_stable = (uint16_t)fuzz_amount(b);
    break;
  case 4:
    m.token_price_micro_usd = fuzz_amount(b);
    break;
  default:
    m.token_price_updated_at = (int64_t)fuzz_amount(b);
  }
  memcpy(a->data, &m, sizeof m);
}

/* A field of whatever the account holds: Balance, token account, OrderState, Market. */
static void mutate_typed(HostAccount *a, Bytes *b) {
  uint64_t v = fuzz_amount(b);
  uint8_t which = next(b);
  if (a->data_len == sizeof(Balance)) {
    if (which & 4)
      memcpy(a->data + 24 + 32 * (which % 3), &w.keys[next(b) % w.n_keys], 32); /* market / owner / mint */
    else
      memcpy(a->data + (which & 1 ? 16 : 8), &v, 8); /* locked / available */
  } else if (a->data_len == SOL_TOKEN_ACCOUNT_LEN) {
    if (which & 1)
      a->data[SOL_TOKEN_ACCOUNT_STATE_OFFSET] = which >> 1 & 3; /* uninitialized / initialized / frozen */
    else
      memcpy(a->data + SOL_TOKEN_ACCOUNT_AMOUNT_OFFSET, &v, 8);
  } else if (a->data_len == sizeof(OrderState)) {
    OrderState *s = (OrderState *)a->data;
    s->cancelled ^= which & 1;
    s->has_order ^= which >> 1 & 1;
    s->bump ^= which & 4 ? next(b) : 0;
    s->filled_gpus = which & 8 ? (uint32_t)v : s->filled_gpus;
    s->order.expires_at = which & 16 ? host_rt.clock.unix_timestamp + (int8_t)next(b) : s->order.expires_at;
    if (which & 32) /* another rent payer, or another order at this address */
      memcpy(which & 64 ? s->rent_payer.x : s->order.owner.x, &w.keys[next(b) % w.n_keys], 32);
  } else if (a->data_len == sizeof(Market)) {
    mutate_market_field(a, b);
  }
}

/* update_market: one field of the args; the others: the u64 argument. */
static void mutate_args(IxCall *c, Bytes *b) {
  uint8_t *args = c->data + 8;
  uint64_t v = fuzz_amount(b);
  if (c->data_len != SOLGRID_UPDATE_MARKET_DATA_LEN) {
    memcpy(args, &v, 8);
    return;
  }
  uint8_t field = next(b);
  switch (field % 6) {
  case 0: /* treasury, oracle, matcher, new authority: a palette key or zero */
    memcpy(args + (uint8_t[]){0, 32, 64, 138}[field / 6 % 4], field & 0x80 ? (const void *)&(SolPubkey){{0}}
                                                                             : (const void *)&w.keys[next(b) % w.n_keys],
           32);
    break;
  case 1: /* fee_bps_stable, fee_bps_token, miner_fee_share_bps around the 10 000 limit */
    memcpy(args + 132 + 2 * (field / 6 % 3), &(uint16_t){(uint16_t)(9990 + next(b) % 20)}, 2);
    break;
  case 2:
    memcpy(args + 132 + 2 * (field / 6 % 3), &(uint16_t){(uint16_t)v}, 2);
    break;
  case 3: /* the u64 fields */
    memcpy(args + 96 + 8 * (field / 6 % 3), &v, 8);
    break;
  case 4: /* the u32 fields */
    memcpy(args + 120 + 4 * (field / 6 % 3), &(uint32_t){(uint32_t)v}, 4);
    break;
  default:
    args[next(b) % 170] ^= next(b);
  }
}

/* Another real account in this slot, with the slot's flags. */
static void put_account(HostAccount *slot, const HostAccount *a) {
  uint8_t s = slot->is_signer, wr = slot->is_writable;
  *slot = *a;
  slot->is_signer = s;
  slot->is_writable = wr;
}

/* What sits at a program's or the token program's address is that program's
 * work (a vault's authority is the market, forever): passing the key passes
 * that account. Any other key (a wallet, an unused address) may come with
 * whatever the slot held. */
static void put_key(HostAccount *slot, const SolPubkey *k) {
  for (int i = 0; i < w.n_bank; i++)
    if (memcmp(&w.bank[i].key, k, 32) == 0 && !sol_pubkey_is_zero(&w.bank[i].owner)) {
      put_account(slot, &w.bank[i]);
      return;
    }
  slot->key = *k;
}

static void mutate(IxCall *c, Bytes *b) {
  uint8_t op = next(b), slot = next(b) % IX_MAX_ACCOUNTS;
  HostAccount *a = &c->accounts[slot];
  switch (op % 16) {
  case 0:
    a->is_signer ^= 1;
    break;
  case 1:
    a->is_writable ^= 1;
    break;
  case 2:
    put_key(a, &w.keys[next(b) % w.n_keys]);
    break;
  case 3:
    put_account(a, &w.bank[next(b) % w.n_bank]);
    break;
  case 4:
    a->owner = w.owners[next(b) % 5];
    break;
  case 5:
    a->lamports = fuzz_amount(b);
    break;
  case 6:
    a->data[next(b) % (a->data_len ? a->data_len : 1)] ^= next(b);
    break;
  case 7: {
    static const uint64_t lens[] = {0, 8, sizeof(Balance) - 1, sizeof(Balance), SOL_TOKEN_ACCOUNT_LEN,
                                    sizeof(OrderState), sizeof(Market) - 1, sizeof(Market)};
    a->data_len = lens[next(b) % 8];
    break;
  }
  case 8:
    if (slot > 0)
      a->dup_of = next(b) % slot;
    break;
  case 9:
    mutate_typed(a, b);
    break;
  case 10:
    mutate_args(c, b);
    break;
  case 11:
    c->data[8 + next(b) % (IX_MAX_DATA - 8)] ^= next(b);
    break;
  case 12:
    c->data_len = next(b) % 4 ? c->data_len + (int8_t)next(b) % 9 : next(b);
    c->data_len = c->data_len > IX_MAX_DATA ? IX_MAX_DATA : c->data_len;
    break;
  case 13:
    memcpy(c->data, &discriminators[next(b) % N_DISCRIMINATORS], 8);
    break;
  case 14:
    c->n_accounts = next(b) % (IX_MAX_ACCOUNTS + 1);
    break;
  default:
    host_rt.clock.unix_timestamp = (int64_t)fuzz_amount(b);
  }
}

/* A transaction lists each key once: a later slot with an earlier slot's key is
 * that account again (the loader's duplicate record), never a second copy. */
static void dedup_keys(IxCall *c) {
  for (uint64_t i = 1; i < IX_MAX_ACCOUNTS; i++)
    for (uint64_t j = 0; j < i && c->accounts[i].dup_of < 0; j++)
      if (c->accounts[j].dup_of < 0 && memcmp(&c->accounts[i].key, &c->accounts[j].key, 32) == 0)
        c->accounts[i].dup_of = (int)j;
}

/* Only keys with a private key sign a transaction; a program's PDA has none. */
static void unsign_pdas(IxCall *c) {
  for (uint64_t i = 0; i < IX_MAX_ACCOUNTS; i++)
    for (int p = 0; p < w.n_pdas && c->accounts[i].is_signer; p++)
      if (memcmp(&c->accounts[i].key, &w.pdas[p], 32) == 0)
        c->accounts[i].is_signer = 0;
}

/* What the failing call looked like, for the crash report. */
static void dump(const char *what, const IxCall *c) {
  fprintf(stderr, "%s: %llu accounts, data_len %llu\n", what, (unsigned long long)c->n_accounts,
          (unsigned long long)c->data_len);
  for (uint64_t i = 0; i < c->n_accounts; i++) {
    const HostAccount *a = &c->accounts[i];
    fprintf(stderr, "  [%llu] dup_of %d key %02x%02x.. owner %02x%02x.. signer %d writable %d lamports %llu len %llu "
            "u64@8 %llu u64@64 %llu\n", (unsigned long long)i, a->dup_of, a->key.x[0], a->key.x[1], a->owner.x[0],
            a->owner.x[1], a->is_signer, a->is_writable, (unsigned long long)a->lamports,
            (unsigned long long)a->data_len, (unsigned long long)*(const uint64_t *)(a->data + 8),
            (unsigned long long)*(const uint64_t *)(a->data + 64));
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  static bool ready;
  static IxCall c, before;
  Bytes b = {data, n};
  if (!ready) {
    build_world();
    ready = true;
  }
  Target t = (Target)(next(&b) % FI_COUNT);
  c = w.calls[t];
  host_reset(&w.m.program_id);
  host_rt.quiet = 1;
  for (int i = 0; i < MAX_EDITS && b.n != 0; i++)
    mutate(&c, &b);
  dedup_keys(&c);
  unsign_pdas(&c);
  before = c;
  uint64_t r = ix_run(&c, &w.m.program_id);
  if (r != 0) {
    if (n <= 1) { /* the valid call itself */
      fprintf(stderr, "valid call %d failed: %#llx\n", (int)t, (unsigned long long)r);
      abort();
    }
    return 0;
  }
  const char *broken = call_broken_promise(&before, &c, host_rt.clock.unix_timestamp);
  if (broken != NULL) {
    fprintf(stderr, "instruction %d succeeded but: %s\n", (int)t, broken);
    dump("before", &before);
    dump("after", &c);
    abort();
  }
  return 0;
}
