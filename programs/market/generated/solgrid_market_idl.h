/* generated from idl/solgrid_market.json by idl/cmd/solgrid-cheader; do not edit.
 *
 * solgrid_market 0.1.0 (IDL spec 0.1.0): the byte layouts the program shares with its clients.
 * Structs are packed in Borsh field order and aligned(N) with the largest N <= 8 for which
 * sizeof is a multiple of N and every member sits at a multiple of min(N, its natural
 * alignment), so clang emits word loads on 8-aligned account data. Account and event
 * structs start with their 8-byte discriminator. u128/i128 are SolU128 {lo, hi} (the same
 * 16 little-endian bytes), pubkey is SolPubkey; where such a member would be misaligned
 * it is declared as uint8_t[N] so no typed pointer to it can be misaligned. bool is
 * uint8_t. Instruction data is not aligned: copy <ix>_args out of it with memcpy. */
#ifndef SOLGRID_MARKET_IDL_H
#define SOLGRID_MARKET_IDL_H

#include <stddef.h>
#include <stdint.h>
#include "sol/types.h" /* SolPubkey, SolU128 */

/* Program id Bno6DD4ZZJsSM9U9Aave4sqK5gEJK77riuPfwn8rKoqW */
#define SOLGRID_PROGRAM_ID_BYTES {0xa0, 0x50, 0x1e, 0x9f, 0x1e, 0xeb, 0xf6, 0x6f, 0x7e, 0xbd, 0x3b, 0xb2, 0xc2, 0x18, 0x1c, 0xfc, 0x90, 0x7b, 0xbb, 0xf4, 0x5c, 0x2d, 0x1b, 0x37, 0x2e, 0x1b, 0x2a, 0xad, 0x90, 0x46, 0xaf, 0xf5}

/* Discriminators: sha256("global:<ix>" | "account:<Name>" | "event:<Name>")[0..8];
 * _U64 is the same 8 bytes read as a little-endian u64. */
#define SOLGRID_IX_INITIALIZE_MARKET_U64 0xcbaa309bc1bd2323ULL
#define SOLGRID_IX_INITIALIZE_MARKET_BYTES {0x23, 0x23, 0xbd, 0xc1, 0x9b, 0x30, 0xaa, 0xcb}
#define SOLGRID_ACCOUNT_MARKET_U64 0x9ac6e30037d5bedbULL
#define SOLGRID_ACCOUNT_MARKET_BYTES {0xdb, 0xbe, 0xd5, 0x37, 0x00, 0xe3, 0xc6, 0x9a}
#define SOLGRID_EVENT_MARKET_INITIALIZED_U64 0x51ff0332577aa086ULL
#define SOLGRID_EVENT_MARKET_INITIALIZED_BYTES {0x86, 0xa0, 0x7a, 0x57, 0x32, 0x03, 0xff, 0x51}

/* Constant PDA seeds (without the NUL of the literal). */
#define SOLGRID_SEED_MARKET "market"
#define SOLGRID_SEED_MARKET_LEN 6

/* Custom errors: the program returns the code itself, reported as Custom(code). */
enum solgrid_error {
  SOLGRID_ERR_INVALID_INSTRUCTION_DATA = 6000, /* Instruction data is malformed or has the wrong length */
  SOLGRID_ERR_UNKNOWN_INSTRUCTION = 6001, /* Unknown instruction discriminator */
  SOLGRID_ERR_NOT_ENOUGH_ACCOUNTS = 6002, /* Not enough accounts were passed to the instruction */
  SOLGRID_ERR_MISSING_SIGNER = 6003, /* A required account did not sign the transaction */
  SOLGRID_ERR_ACCOUNT_NOT_WRITABLE = 6004, /* A writable account was passed read-only */
  SOLGRID_ERR_INVALID_PDA = 6005, /* Account address is not the expected program-derived address */
  SOLGRID_ERR_MARKET_ALREADY_INITIALIZED = 6006, /* The market account already exists */
  SOLGRID_ERR_INVALID_FEE_BPS = 6007, /* Fees must be at most 10000 bps and the token fee must not exceed the stablecoin fee */
  SOLGRID_ERR_WRONG_PROGRAM_ACCOUNT = 6008, /* A program account is not the expected program */
  SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH = 6009, /* An account is not owned by the expected program */
  SOLGRID_ERR_ACCOUNT_DISCRIMINATOR_MISMATCH = 6010, /* An account's discriminator does not match its expected type */
  SOLGRID_ERR_ARITHMETIC_OVERFLOW = 6011, /* An amount overflowed */
  SOLGRID_ERR_INVALID_MINT = 6012, /* The mint is not an initialized SPL Token mint */
  SOLGRID_ERR_ACCOUNT_DATA_TOO_SMALL = 6013, /* An account's data is shorter than its type requires */
};

/* Name and message of an error code, for Anchor-style error logs; NULL if unknown. */
static inline const char *solgrid_error_name(uint64_t code) {
  switch (code) {
  case SOLGRID_ERR_INVALID_INSTRUCTION_DATA: return "InvalidInstructionData";
  case SOLGRID_ERR_UNKNOWN_INSTRUCTION: return "UnknownInstruction";
  case SOLGRID_ERR_NOT_ENOUGH_ACCOUNTS: return "NotEnoughAccounts";
  case SOLGRID_ERR_MISSING_SIGNER: return "MissingSigner";
  case SOLGRID_ERR_ACCOUNT_NOT_WRITABLE: return "AccountNotWritable";
  case SOLGRID_ERR_INVALID_PDA: return "InvalidPda";
  case SOLGRID_ERR_MARKET_ALREADY_INITIALIZED: return "MarketAlreadyInitialized";
  case SOLGRID_ERR_INVALID_FEE_BPS: return "InvalidFeeBps";
  case SOLGRID_ERR_WRONG_PROGRAM_ACCOUNT: return "WrongProgramAccount";
  case SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH: return "AccountOwnerMismatch";
  case SOLGRID_ERR_ACCOUNT_DISCRIMINATOR_MISMATCH: return "AccountDiscriminatorMismatch";
  case SOLGRID_ERR_ARITHMETIC_OVERFLOW: return "ArithmeticOverflow";
  case SOLGRID_ERR_INVALID_MINT: return "InvalidMint";
  case SOLGRID_ERR_ACCOUNT_DATA_TOO_SMALL: return "AccountDataTooSmall";
  default: return NULL;
  }
}

static inline const char *solgrid_error_msg(uint64_t code) {
  switch (code) {
  case SOLGRID_ERR_INVALID_INSTRUCTION_DATA: return "Instruction data is malformed or has the wrong length";
  case SOLGRID_ERR_UNKNOWN_INSTRUCTION: return "Unknown instruction discriminator";
  case SOLGRID_ERR_NOT_ENOUGH_ACCOUNTS: return "Not enough accounts were passed to the instruction";
  case SOLGRID_ERR_MISSING_SIGNER: return "A required account did not sign the transaction";
  case SOLGRID_ERR_ACCOUNT_NOT_WRITABLE: return "A writable account was passed read-only";
  case SOLGRID_ERR_INVALID_PDA: return "Account address is not the expected program-derived address";
  case SOLGRID_ERR_MARKET_ALREADY_INITIALIZED: return "The market account already exists";
  case SOLGRID_ERR_INVALID_FEE_BPS: return "Fees must be at most 10000 bps and the token fee must not exceed the stablecoin fee";
  case SOLGRID_ERR_WRONG_PROGRAM_ACCOUNT: return "A program account is not the expected program";
  case SOLGRID_ERR_ACCOUNT_OWNER_MISMATCH: return "An account is not owned by the expected program";
  case SOLGRID_ERR_ACCOUNT_DISCRIMINATOR_MISMATCH: return "An account's discriminator does not match its expected type";
  case SOLGRID_ERR_ARITHMETIC_OVERFLOW: return "An amount overflowed";
  case SOLGRID_ERR_INVALID_MINT: return "The mint is not an initialized SPL Token mint";
  case SOLGRID_ERR_ACCOUNT_DATA_TOO_SMALL: return "An account's data is shorter than its type requires";
  default: return NULL;
  }
}

/* Market configuration and counters (PDA ["market", authority, market_id]). */
typedef struct __attribute__((packed, aligned(8))) Market {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  /* Authority-chosen id; with the authority it seeds the Market PDA. */
  uint64_t market_id; /* offset 8, size 8 */
  /* Oracle price of one whole platform token in micro-USD. */
  uint64_t token_price_micro_usd; /* offset 16, size 8 */
  /* Unix time of the last set_token_price. */
  int64_t token_price_updated_at; /* offset 24, size 8 */
  /* Platform-token base units paid to providers per GPU-hour served. */
  uint64_t subsidy_per_gpu_hour; /* offset 32, size 8 */
  /* Platform-token base units paid per valid health report. */
  uint64_t checker_reward_per_report; /* offset 40, size 8 */
  /* Sale price of one virtual miner. */
  uint64_t miner_price_micro_usd; /* offset 48, size 8 */
  /* Number of leases ever committed on this market. */
  uint64_t leases_committed; /* offset 56, size 8 */
  int64_t created_at; /* offset 64, size 8 */
  /* Reward-per-weight accumulator of the virtual-miner pool (scaled 1e12). */
  SolU128 miner_reward_per_weight; /* offset 72, size 16 */
  SolPubkey authority; /* offset 88, size 32 */
  SolPubkey treasury; /* offset 120, size 32 */
  SolPubkey stable_mint; /* offset 152, size 32 */
  SolPubkey token_mint; /* offset 184, size 32 */
  /* Program-owned token account holding deposited stablecoin (set by a later instruction). */
  SolPubkey stable_vault; /* offset 216, size 32 */
  /* Program-owned token account holding deposited platform tokens (set by a later instruction). */
  SolPubkey token_vault; /* offset 248, size 32 */
  SolPubkey oracle_authority; /* offset 280, size 32 */
  uint32_t max_price_staleness_secs; /* offset 312, size 4 */
  uint32_t checker_min_report_interval_secs; /* offset 316, size 4 */
  uint32_t miner_max_supply; /* offset 320, size 4 */
  uint32_t miners_minted; /* offset 324, size 4 */
  uint32_t nodes_registered; /* offset 328, size 4 */
  uint32_t checkers_registered; /* offset 332, size 4 */
  /* Fee in basis points on leases paid in the stablecoin. */
  uint16_t fee_bps_stable; /* offset 336, size 2 */
  /* Discounted fee in basis points on leases paid in the platform token. */
  uint16_t fee_bps_token; /* offset 338, size 2 */
  /* Share of fees (bps) that goes to the virtual-miner reward pool. */
  uint16_t miner_fee_share_bps; /* offset 340, size 2 */
  /* Canonical bump of the Market PDA. */
  uint8_t bump; /* offset 342, size 1 */
  uint8_t stable_vault_bump; /* offset 343, size 1 */
  uint8_t token_vault_bump; /* offset 344, size 1 */
  /* Zero; room for new fields without a migration. */
  uint8_t reserved[63]; /* offset 345, size 63 */
} Market;
_Static_assert(sizeof(Market) == 408, "sizeof Market");
_Static_assert(_Alignof(Market) == 8, "alignment of Market");
_Static_assert(offsetof(Market, discriminator) == 0, "offset of Market.discriminator");
_Static_assert(offsetof(Market, market_id) == 8, "offset of Market.market_id");
_Static_assert(offsetof(Market, token_price_micro_usd) == 16, "offset of Market.token_price_micro_usd");
_Static_assert(offsetof(Market, token_price_updated_at) == 24, "offset of Market.token_price_updated_at");
_Static_assert(offsetof(Market, subsidy_per_gpu_hour) == 32, "offset of Market.subsidy_per_gpu_hour");
_Static_assert(offsetof(Market, checker_reward_per_report) == 40, "offset of Market.checker_reward_per_report");
_Static_assert(offsetof(Market, miner_price_micro_usd) == 48, "offset of Market.miner_price_micro_usd");
_Static_assert(offsetof(Market, leases_committed) == 56, "offset of Market.leases_committed");
_Static_assert(offsetof(Market, created_at) == 64, "offset of Market.created_at");
_Static_assert(offsetof(Market, miner_reward_per_weight) == 72, "offset of Market.miner_reward_per_weight");
_Static_assert(offsetof(Market, authority) == 88, "offset of Market.authority");
_Static_assert(offsetof(Market, treasury) == 120, "offset of Market.treasury");
_Static_assert(offsetof(Market, stable_mint) == 152, "offset of Market.stable_mint");
_Static_assert(offsetof(Market, token_mint) == 184, "offset of Market.token_mint");
_Static_assert(offsetof(Market, stable_vault) == 216, "offset of Market.stable_vault");
_Static_assert(offsetof(Market, token_vault) == 248, "offset of Market.token_vault");
_Static_assert(offsetof(Market, oracle_authority) == 280, "offset of Market.oracle_authority");
_Static_assert(offsetof(Market, max_price_staleness_secs) == 312, "offset of Market.max_price_staleness_secs");
_Static_assert(offsetof(Market, checker_min_report_interval_secs) == 316, "offset of Market.checker_min_report_interval_secs");
_Static_assert(offsetof(Market, miner_max_supply) == 320, "offset of Market.miner_max_supply");
_Static_assert(offsetof(Market, miners_minted) == 324, "offset of Market.miners_minted");
_Static_assert(offsetof(Market, nodes_registered) == 328, "offset of Market.nodes_registered");
_Static_assert(offsetof(Market, checkers_registered) == 332, "offset of Market.checkers_registered");
_Static_assert(offsetof(Market, fee_bps_stable) == 336, "offset of Market.fee_bps_stable");
_Static_assert(offsetof(Market, fee_bps_token) == 338, "offset of Market.fee_bps_token");
_Static_assert(offsetof(Market, miner_fee_share_bps) == 340, "offset of Market.miner_fee_share_bps");
_Static_assert(offsetof(Market, bump) == 342, "offset of Market.bump");
_Static_assert(offsetof(Market, stable_vault_bump) == 343, "offset of Market.stable_vault_bump");
_Static_assert(offsetof(Market, token_vault_bump) == 344, "offset of Market.token_vault_bump");
_Static_assert(offsetof(Market, reserved) == 345, "offset of Market.reserved");

typedef struct __attribute__((packed, aligned(8))) MarketInitialized {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  SolPubkey market; /* offset 8, size 32 */
  SolPubkey authority; /* offset 40, size 32 */
  /* Authority-chosen id; with the authority it seeds the Market PDA. */
  uint64_t market_id; /* offset 72, size 8 */
} MarketInitialized;
_Static_assert(sizeof(MarketInitialized) == 80, "sizeof MarketInitialized");
_Static_assert(_Alignof(MarketInitialized) == 8, "alignment of MarketInitialized");
_Static_assert(offsetof(MarketInitialized, discriminator) == 0, "offset of MarketInitialized.discriminator");
_Static_assert(offsetof(MarketInitialized, market) == 8, "offset of MarketInitialized.market");
_Static_assert(offsetof(MarketInitialized, authority) == 40, "offset of MarketInitialized.authority");
_Static_assert(offsetof(MarketInitialized, market_id) == 72, "offset of MarketInitialized.market_id");

/* Configuration given to initialize_market. */
typedef struct __attribute__((packed, aligned(2))) MarketParams {
  uint8_t treasury[32]; /* offset 0, size 32 */
  uint8_t oracle_authority[32]; /* offset 32, size 32 */
  /* Platform-token base units paid to providers per GPU-hour served. */
  uint64_t subsidy_per_gpu_hour; /* offset 64, size 8 */
  /* Platform-token base units paid per valid health report. */
  uint64_t checker_reward_per_report; /* offset 72, size 8 */
  /* Sale price of one virtual miner. */
  uint64_t miner_price_micro_usd; /* offset 80, size 8 */
  uint32_t max_price_staleness_secs; /* offset 88, size 4 */
  uint32_t checker_min_report_interval_secs; /* offset 92, size 4 */
  uint32_t miner_max_supply; /* offset 96, size 4 */
  /* Fee in basis points on leases paid in the stablecoin. */
  uint16_t fee_bps_stable; /* offset 100, size 2 */
  /* Discounted fee in basis points on leases paid in the platform token. */
  uint16_t fee_bps_token; /* offset 102, size 2 */
  /* Share of fees (bps) that goes to the virtual-miner reward pool. */
  uint16_t miner_fee_share_bps; /* offset 104, size 2 */
} MarketParams;
_Static_assert(sizeof(MarketParams) == 106, "sizeof MarketParams");
_Static_assert(_Alignof(MarketParams) == 2, "alignment of MarketParams");
_Static_assert(offsetof(MarketParams, treasury) == 0, "offset of MarketParams.treasury");
_Static_assert(offsetof(MarketParams, oracle_authority) == 32, "offset of MarketParams.oracle_authority");
_Static_assert(offsetof(MarketParams, subsidy_per_gpu_hour) == 64, "offset of MarketParams.subsidy_per_gpu_hour");
_Static_assert(offsetof(MarketParams, checker_reward_per_report) == 72, "offset of MarketParams.checker_reward_per_report");
_Static_assert(offsetof(MarketParams, miner_price_micro_usd) == 80, "offset of MarketParams.miner_price_micro_usd");
_Static_assert(offsetof(MarketParams, max_price_staleness_secs) == 88, "offset of MarketParams.max_price_staleness_secs");
_Static_assert(offsetof(MarketParams, checker_min_report_interval_secs) == 92, "offset of MarketParams.checker_min_report_interval_secs");
_Static_assert(offsetof(MarketParams, miner_max_supply) == 96, "offset of MarketParams.miner_max_supply");
_Static_assert(offsetof(MarketParams, fee_bps_stable) == 100, "offset of MarketParams.fee_bps_stable");
_Static_assert(offsetof(MarketParams, fee_bps_token) == 102, "offset of MarketParams.fee_bps_token");
_Static_assert(offsetof(MarketParams, miner_fee_share_bps) == 104, "offset of MarketParams.miner_fee_share_bps");

/* Instruction initialize_market: accounts in order, then data = discriminator || initialize_market_args. */
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_AUTHORITY 0 /* signer, writable */
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_MARKET 1 /* writable, pda */
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_STABLE_MINT 2
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_TOKEN_MINT 3
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_SYSTEM_PROGRAM 4 /* address 11111111111111111111111111111111 */
#define SOLGRID_INITIALIZE_MARKET_NUM_ACCOUNTS 5

/* Creates the Market PDA and writes its configuration; the authority pays its rent. */
typedef struct __attribute__((packed, aligned(2))) initialize_market_args {
  uint64_t market_id; /* offset 0, size 8 */
  MarketParams params; /* offset 8, size 106 */
} initialize_market_args;
_Static_assert(sizeof(initialize_market_args) == 114, "sizeof initialize_market_args");
_Static_assert(_Alignof(initialize_market_args) == 2, "alignment of initialize_market_args");
_Static_assert(offsetof(initialize_market_args, market_id) == 0, "offset of initialize_market_args.market_id");
_Static_assert(offsetof(initialize_market_args, params) == 8, "offset of initialize_market_args.params");
#define SOLGRID_INITIALIZE_MARKET_DATA_LEN (8 + 114)

#endif /* SOLGRID_MARKET_IDL_H */
