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
#define SOLGRID_IX_UPDATE_MARKET_U64 0xd9c732b3c5022799ULL
#define SOLGRID_IX_UPDATE_MARKET_BYTES {0x99, 0x27, 0x02, 0xc5, 0xb3, 0x32, 0xc7, 0xd9}
#define SOLGRID_IX_SET_TOKEN_PRICE_U64 0xe9fde1c8c58ed8a6ULL
#define SOLGRID_IX_SET_TOKEN_PRICE_BYTES {0xa6, 0xd8, 0x8e, 0xc5, 0xc8, 0xe1, 0xfd, 0xe9}
#define SOLGRID_IX_OPEN_BALANCE_U64 0xa5eb73b9b06ca241ULL
#define SOLGRID_IX_OPEN_BALANCE_BYTES {0x41, 0xa2, 0x6c, 0xb0, 0xb9, 0x73, 0xeb, 0xa5}
#define SOLGRID_IX_DEPOSIT_U64 0xb6f2e15289c623f2ULL
#define SOLGRID_IX_DEPOSIT_BYTES {0xf2, 0x23, 0xc6, 0x89, 0x52, 0xe1, 0xf2, 0xb6}
#define SOLGRID_IX_WITHDRAW_U64 0x22a16d949c4612b7ULL
#define SOLGRID_IX_WITHDRAW_BYTES {0xb7, 0x12, 0x46, 0x9c, 0x94, 0x6d, 0xa1, 0x22}
#define SOLGRID_IX_COMMIT_LEASES_U64 0x6b54fe2d19cc492aULL
#define SOLGRID_IX_COMMIT_LEASES_BYTES {0x2a, 0x49, 0xcc, 0x19, 0x2d, 0xfe, 0x54, 0x6b}
#define SOLGRID_IX_CANCEL_ORDER_U64 0x84df3108f0ed815fULL
#define SOLGRID_IX_CANCEL_ORDER_BYTES {0x5f, 0x81, 0xed, 0xf0, 0x08, 0x31, 0xdf, 0x84}
#define SOLGRID_IX_SETTLE_LEASE_U64 0x5aec85c9db280e50ULL
#define SOLGRID_IX_SETTLE_LEASE_BYTES {0x50, 0x0e, 0x28, 0xdb, 0xc9, 0x85, 0xec, 0x5a}
#define SOLGRID_IX_CANCEL_LEASE_U64 0x91adb914bcf030e3ULL
#define SOLGRID_IX_CANCEL_LEASE_BYTES {0xe3, 0x30, 0xf0, 0xbc, 0x14, 0xb9, 0xad, 0x91}
#define SOLGRID_IX_RELEASE_LEASE_U64 0x1df64699b9ef1370ULL
#define SOLGRID_IX_RELEASE_LEASE_BYTES {0x70, 0x13, 0xef, 0xb9, 0x99, 0x46, 0xf6, 0x1d}
#define SOLGRID_IX_CLOSE_LEASE_U64 0x9b205cdd468412ffULL
#define SOLGRID_IX_CLOSE_LEASE_BYTES {0xff, 0x12, 0x84, 0x46, 0xdd, 0x5c, 0x20, 0x9b}
#define SOLGRID_IX_CLOSE_ORDER_STATE_U64 0xf64dd763ebb19c65ULL
#define SOLGRID_IX_CLOSE_ORDER_STATE_BYTES {0x65, 0x9c, 0xb1, 0xeb, 0x63, 0xd7, 0x4d, 0xf6}
#define SOLGRID_ACCOUNT_BALANCE_U64 0xb6f19d699d19477fULL
#define SOLGRID_ACCOUNT_BALANCE_BYTES {0x7f, 0x47, 0x19, 0x9d, 0x69, 0x9d, 0xf1, 0xb6}
#define SOLGRID_ACCOUNT_LEASE_U64 0x5469eaf83dda670eULL
#define SOLGRID_ACCOUNT_LEASE_BYTES {0x0e, 0x67, 0xda, 0x3d, 0xf8, 0xea, 0x69, 0x54}
#define SOLGRID_ACCOUNT_MARKET_U64 0x9ac6e30037d5bedbULL
#define SOLGRID_ACCOUNT_MARKET_BYTES {0xdb, 0xbe, 0xd5, 0x37, 0x00, 0xe3, 0xc6, 0x9a}
#define SOLGRID_ACCOUNT_ORDER_STATE_U64 0xe1ad2b60a2437b3cULL
#define SOLGRID_ACCOUNT_ORDER_STATE_BYTES {0x3c, 0x7b, 0x43, 0xa2, 0x60, 0x2b, 0xad, 0xe1}
#define SOLGRID_EVENT_MARKET_INITIALIZED_U64 0x51ff0332577aa086ULL
#define SOLGRID_EVENT_MARKET_INITIALIZED_BYTES {0x86, 0xa0, 0x7a, 0x57, 0x32, 0x03, 0xff, 0x51}
#define SOLGRID_EVENT_MARKET_UPDATED_U64 0xfbd9a874934a33aaULL
#define SOLGRID_EVENT_MARKET_UPDATED_BYTES {0xaa, 0x33, 0x4a, 0x93, 0x74, 0xa8, 0xd9, 0xfb}
#define SOLGRID_EVENT_TOKEN_PRICE_SET_U64 0x2dcc27ee7a7d0dedULL
#define SOLGRID_EVENT_TOKEN_PRICE_SET_BYTES {0xed, 0x0d, 0x7d, 0x7a, 0xee, 0x27, 0xcc, 0x2d}
#define SOLGRID_EVENT_DEPOSITED_U64 0x396423a12d1a8d6fULL
#define SOLGRID_EVENT_DEPOSITED_BYTES {0x6f, 0x8d, 0x1a, 0x2d, 0xa1, 0x23, 0x64, 0x39}
#define SOLGRID_EVENT_WITHDRAWN_U64 0x0ddb7cc2c6df5914ULL
#define SOLGRID_EVENT_WITHDRAWN_BYTES {0x14, 0x59, 0xdf, 0xc6, 0xc2, 0x7c, 0xdb, 0x0d}
#define SOLGRID_EVENT_ORDER_CANCELLED_U64 0xefa871a84480386cULL
#define SOLGRID_EVENT_ORDER_CANCELLED_BYTES {0x6c, 0x38, 0x80, 0x44, 0xa8, 0x71, 0xa8, 0xef}
#define SOLGRID_EVENT_LEASE_COMMITTED_U64 0x1293ae678db0cdfcULL
#define SOLGRID_EVENT_LEASE_COMMITTED_BYTES {0xfc, 0xcd, 0xb0, 0x8d, 0x67, 0xae, 0x93, 0x12}
#define SOLGRID_EVENT_LEASE_SETTLED_U64 0x6ed8e9c969cee9e5ULL
#define SOLGRID_EVENT_LEASE_SETTLED_BYTES {0xe5, 0xe9, 0xce, 0x69, 0xc9, 0xe9, 0xd8, 0x6e}
#define SOLGRID_EVENT_LEASE_CLOSED_U64 0xb6da5f1fcc829c4bULL
#define SOLGRID_EVENT_LEASE_CLOSED_BYTES {0x4b, 0x9c, 0x82, 0xcc, 0x1f, 0x5f, 0xda, 0xb6}
#define SOLGRID_EVENT_ORDER_STATE_CLOSED_U64 0xe6b27ee125185462ULL
#define SOLGRID_EVENT_ORDER_STATE_CLOSED_BYTES {0x62, 0x54, 0x18, 0x25, 0xe1, 0x7e, 0xb2, 0xe6}

/* Constant PDA seeds (without the NUL of the literal). */
#define SOLGRID_SEED_MARKET "market"
#define SOLGRID_SEED_MARKET_LEN 6
#define SOLGRID_SEED_VAULT "vault"
#define SOLGRID_SEED_VAULT_LEN 5
#define SOLGRID_SEED_BALANCE "balance"
#define SOLGRID_SEED_BALANCE_LEN 7
#define SOLGRID_SEED_ORDER "order"
#define SOLGRID_SEED_ORDER_LEN 5
#define SOLGRID_SEED_LEASE "lease"
#define SOLGRID_SEED_LEASE_LEN 5

/* Constants of the IDL. */
#define SOLGRID_ORDER_DOMAIN "solgrid:order:v1"
#define SOLGRID_ORDER_DOMAIN_LEN 16
#define SOLGRID_MAX_FILLS 16U
#define SOLGRID_STORED_ORDER 255U

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
  SOLGRID_ERR_UNAUTHORIZED = 6014, /* The signer is not the authority for this action */
  SOLGRID_ERR_INVALID_PRICE = 6015, /* The token price must be greater than zero */
  SOLGRID_ERR_MINT_NOT_ACCEPTED = 6016, /* The mint is neither the market's stablecoin nor its platform token */
  SOLGRID_ERR_TOKEN2022_NOT_SUPPORTED = 6017, /* Token-2022 accounts are not supported; use SPL Token */
  SOLGRID_ERR_WRONG_VAULT = 6018, /* The vault is not the market's vault for this mint */
  SOLGRID_ERR_INVALID_TOKEN_ACCOUNT = 6019, /* The token account has the wrong mint or owner, or is not initialized */
  SOLGRID_ERR_INSUFFICIENT_FUNDS = 6020, /* The balance's available amount does not cover this */
  SOLGRID_ERR_ZERO_AMOUNT = 6021, /* The amount must be greater than zero */
  SOLGRID_ERR_MISSING_ED25519_INSTRUCTION = 6022, /* The Ed25519 signature-verification instruction is missing or is not the Ed25519 program */
  SOLGRID_ERR_INVALID_ED25519_INSTRUCTION = 6023, /* The Ed25519 instruction's offsets, sizes or instruction indexes do not point at this instruction's orders */
  SOLGRID_ERR_SIGNATURE_KEY_MISMATCH = 6024, /* An order was not signed by its owner */
  SOLGRID_ERR_INVALID_ORDER = 6025, /* The order is malformed (version, side, SKU mask, quantity or hour range) */
  SOLGRID_ERR_WRONG_MARKET = 6026, /* The order is for another market */
  SOLGRID_ERR_WRONG_SIDE = 6027, /* The fill's bid is not a bid or its ask is not an ask */
  SOLGRID_ERR_SELF_TRADE = 6028, /* A wallet's bid cannot fill its own ask */
  SOLGRID_ERR_SKU_NOT_ACCEPTED = 6029, /* The bid does not accept the ask's GPU SKU */
  SOLGRID_ERR_PRICE_OUTSIDE_LIMITS = 6030, /* The lease price is not the maker's limit or lies outside a limit */
  SOLGRID_ERR_HOURS_OUTSIDE_RANGE = 6031, /* The lease length is outside an order's hour range */
  SOLGRID_ERR_REGION_MISMATCH = 6032, /* The ask's region is not the region the bid requires */
  SOLGRID_ERR_PAYMENT_MINT_MISMATCH = 6033, /* The ask does not accept the bid's payment mint */
  SOLGRID_ERR_ORDER_EXPIRED = 6034, /* An order has expired */
  SOLGRID_ERR_ORDER_CANCELLED = 6035, /* An order was cancelled */
  SOLGRID_ERR_OVERFILL = 6036, /* The fill exceeds an order's remaining quantity */
  SOLGRID_ERR_ORDER_MISMATCH = 6037, /* A stored order differs from the order given for the same id */
  SOLGRID_ERR_ORDER_NOT_STORED = 6038, /* A fill references a stored order, but none is stored yet */
  SOLGRID_ERR_STALE_TOKEN_PRICE = 6039, /* The platform token price is missing or older than the market allows */
  SOLGRID_ERR_LEASE_NOT_ACTIVE = 6040, /* The lease has already ended */
  SOLGRID_ERR_LEASE_STILL_ACTIVE = 6041, /* The lease is still active */
  SOLGRID_ERR_WRONG_LEASE_PARTY = 6042, /* The account is not this lease's renter, provider or balance */
  SOLGRID_ERR_BALANCE_NOT_OPEN = 6043, /* The balance account does not exist; open it first */
  SOLGRID_ERR_TOO_MANY_FILLS = 6044, /* commit_leases holds at most 16 fills and 16 new orders */
  SOLGRID_ERR_LEASE_ALREADY_EXISTS = 6045, /* A lease for this (bid, ask) pair was already committed */
  SOLGRID_ERR_ORDERS_STILL_OPEN = 6046, /* A lease can be closed only once one of its orders can never fill again (filled, cancelled or expired) */
  SOLGRID_ERR_ZERO_AUTHORITY = 6047, /* The authority, oracle authority, matcher and treasury must not be the zero address */
  SOLGRID_ERR_FEE_ABOVE_ORDER_LIMIT = 6048, /* The market's fee for the bid's payment mint is above the fee the renter signed for */
  SOLGRID_ERR_ORDER_STILL_LIVE = 6049, /* An OrderState can be closed only once its stored order has expired (a cancel-only record is kept) */
  SOLGRID_ERR_WRONG_RENT_RECEIVER = 6050, /* The rent receiver is not the account that paid the rent */
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
  case SOLGRID_ERR_UNAUTHORIZED: return "Unauthorized";
  case SOLGRID_ERR_INVALID_PRICE: return "InvalidPrice";
  case SOLGRID_ERR_MINT_NOT_ACCEPTED: return "MintNotAccepted";
  case SOLGRID_ERR_TOKEN2022_NOT_SUPPORTED: return "Token2022NotSupported";
  case SOLGRID_ERR_WRONG_VAULT: return "WrongVault";
  case SOLGRID_ERR_INVALID_TOKEN_ACCOUNT: return "InvalidTokenAccount";
  case SOLGRID_ERR_INSUFFICIENT_FUNDS: return "InsufficientFunds";
  case SOLGRID_ERR_ZERO_AMOUNT: return "ZeroAmount";
  case SOLGRID_ERR_MISSING_ED25519_INSTRUCTION: return "MissingEd25519Instruction";
  case SOLGRID_ERR_INVALID_ED25519_INSTRUCTION: return "InvalidEd25519Instruction";
  case SOLGRID_ERR_SIGNATURE_KEY_MISMATCH: return "SignatureKeyMismatch";
  case SOLGRID_ERR_INVALID_ORDER: return "InvalidOrder";
  case SOLGRID_ERR_WRONG_MARKET: return "WrongMarket";
  case SOLGRID_ERR_WRONG_SIDE: return "WrongSide";
  case SOLGRID_ERR_SELF_TRADE: return "SelfTrade";
  case SOLGRID_ERR_SKU_NOT_ACCEPTED: return "SkuNotAccepted";
  case SOLGRID_ERR_PRICE_OUTSIDE_LIMITS: return "PriceOutsideLimits";
  case SOLGRID_ERR_HOURS_OUTSIDE_RANGE: return "HoursOutsideRange";
  case SOLGRID_ERR_REGION_MISMATCH: return "RegionMismatch";
  case SOLGRID_ERR_PAYMENT_MINT_MISMATCH: return "PaymentMintMismatch";
  case SOLGRID_ERR_ORDER_EXPIRED: return "OrderExpired";
  case SOLGRID_ERR_ORDER_CANCELLED: return "OrderCancelled";
  case SOLGRID_ERR_OVERFILL: return "Overfill";
  case SOLGRID_ERR_ORDER_MISMATCH: return "OrderMismatch";
  case SOLGRID_ERR_ORDER_NOT_STORED: return "OrderNotStored";
  case SOLGRID_ERR_STALE_TOKEN_PRICE: return "StaleTokenPrice";
  case SOLGRID_ERR_LEASE_NOT_ACTIVE: return "LeaseNotActive";
  case SOLGRID_ERR_LEASE_STILL_ACTIVE: return "LeaseStillActive";
  case SOLGRID_ERR_WRONG_LEASE_PARTY: return "WrongLeaseParty";
  case SOLGRID_ERR_BALANCE_NOT_OPEN: return "BalanceNotOpen";
  case SOLGRID_ERR_TOO_MANY_FILLS: return "TooManyFills";
  case SOLGRID_ERR_LEASE_ALREADY_EXISTS: return "LeaseAlreadyExists";
  case SOLGRID_ERR_ORDERS_STILL_OPEN: return "OrdersStillOpen";
  case SOLGRID_ERR_ZERO_AUTHORITY: return "ZeroAuthority";
  case SOLGRID_ERR_FEE_ABOVE_ORDER_LIMIT: return "FeeAboveOrderLimit";
  case SOLGRID_ERR_ORDER_STILL_LIVE: return "OrderStillLive";
  case SOLGRID_ERR_WRONG_RENT_RECEIVER: return "WrongRentReceiver";
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
  case SOLGRID_ERR_UNAUTHORIZED: return "The signer is not the authority for this action";
  case SOLGRID_ERR_INVALID_PRICE: return "The token price must be greater than zero";
  case SOLGRID_ERR_MINT_NOT_ACCEPTED: return "The mint is neither the market's stablecoin nor its platform token";
  case SOLGRID_ERR_TOKEN2022_NOT_SUPPORTED: return "Token-2022 accounts are not supported; use SPL Token";
  case SOLGRID_ERR_WRONG_VAULT: return "The vault is not the market's vault for this mint";
  case SOLGRID_ERR_INVALID_TOKEN_ACCOUNT: return "The token account has the wrong mint or owner, or is not initialized";
  case SOLGRID_ERR_INSUFFICIENT_FUNDS: return "The balance's available amount does not cover this";
  case SOLGRID_ERR_ZERO_AMOUNT: return "The amount must be greater than zero";
  case SOLGRID_ERR_MISSING_ED25519_INSTRUCTION: return "The Ed25519 signature-verification instruction is missing or is not the Ed25519 program";
  case SOLGRID_ERR_INVALID_ED25519_INSTRUCTION: return "The Ed25519 instruction's offsets, sizes or instruction indexes do not point at this instruction's orders";
  case SOLGRID_ERR_SIGNATURE_KEY_MISMATCH: return "An order was not signed by its owner";
  case SOLGRID_ERR_INVALID_ORDER: return "The order is malformed (version, side, SKU mask, quantity or hour range)";
  case SOLGRID_ERR_WRONG_MARKET: return "The order is for another market";
  case SOLGRID_ERR_WRONG_SIDE: return "The fill's bid is not a bid or its ask is not an ask";
  case SOLGRID_ERR_SELF_TRADE: return "A wallet's bid cannot fill its own ask";
  case SOLGRID_ERR_SKU_NOT_ACCEPTED: return "The bid does not accept the ask's GPU SKU";
  case SOLGRID_ERR_PRICE_OUTSIDE_LIMITS: return "The lease price is not the maker's limit or lies outside a limit";
  case SOLGRID_ERR_HOURS_OUTSIDE_RANGE: return "The lease length is outside an order's hour range";
  case SOLGRID_ERR_REGION_MISMATCH: return "The ask's region is not the region the bid requires";
  case SOLGRID_ERR_PAYMENT_MINT_MISMATCH: return "The ask does not accept the bid's payment mint";
  case SOLGRID_ERR_ORDER_EXPIRED: return "An order has expired";
  case SOLGRID_ERR_ORDER_CANCELLED: return "An order was cancelled";
  case SOLGRID_ERR_OVERFILL: return "The fill exceeds an order's remaining quantity";
  case SOLGRID_ERR_ORDER_MISMATCH: return "A stored order differs from the order given for the same id";
  case SOLGRID_ERR_ORDER_NOT_STORED: return "A fill references a stored order, but none is stored yet";
  case SOLGRID_ERR_STALE_TOKEN_PRICE: return "The platform token price is missing or older than the market allows";
  case SOLGRID_ERR_LEASE_NOT_ACTIVE: return "The lease has already ended";
  case SOLGRID_ERR_LEASE_STILL_ACTIVE: return "The lease is still active";
  case SOLGRID_ERR_WRONG_LEASE_PARTY: return "The account is not this lease's renter, provider or balance";
  case SOLGRID_ERR_BALANCE_NOT_OPEN: return "The balance account does not exist; open it first";
  case SOLGRID_ERR_TOO_MANY_FILLS: return "commit_leases holds at most 16 fills and 16 new orders";
  case SOLGRID_ERR_LEASE_ALREADY_EXISTS: return "A lease for this (bid, ask) pair was already committed";
  case SOLGRID_ERR_ORDERS_STILL_OPEN: return "A lease can be closed only once one of its orders can never fill again (filled, cancelled or expired)";
  case SOLGRID_ERR_ZERO_AUTHORITY: return "The authority, oracle authority, matcher and treasury must not be the zero address";
  case SOLGRID_ERR_FEE_ABOVE_ORDER_LIMIT: return "The market's fee for the bid's payment mint is above the fee the renter signed for";
  case SOLGRID_ERR_ORDER_STILL_LIVE: return "An OrderState can be closed only once its stored order has expired (a cancel-only record is kept)";
  case SOLGRID_ERR_WRONG_RENT_RECEIVER: return "The rent receiver is not the account that paid the rent";
  default: return NULL;
  }
}

typedef uint8_t Side; /* Borsh enum tag */
#define SOLGRID_SIDE_BID 0
#define SOLGRID_SIDE_ASK 1
#define SOLGRID_SIDE_COUNT 2

/* Standardised GPU products; bit i of an order's sku_mask is GpuSku i. */
typedef uint8_t GpuSku; /* Borsh enum tag */
#define SOLGRID_GPU_SKU_RTX3090 0
#define SOLGRID_GPU_SKU_RTX4090 1
#define SOLGRID_GPU_SKU_RTX5090 2
#define SOLGRID_GPU_SKU_L4 3
#define SOLGRID_GPU_SKU_L40S 4
#define SOLGRID_GPU_SKU_A100_40_GB 5
#define SOLGRID_GPU_SKU_A100_80_GB 6
#define SOLGRID_GPU_SKU_H100_PCIE 7
#define SOLGRID_GPU_SKU_H100_SXM 8
#define SOLGRID_GPU_SKU_H200 9
#define SOLGRID_GPU_SKU_B200 10
#define SOLGRID_GPU_SKU_MI300X 11
#define SOLGRID_GPU_SKU_COUNT 12

/* Active: accruing. Closed: ended, fully settled; the account may be closed. */
typedef uint8_t LeaseState; /* Borsh enum tag */
#define SOLGRID_LEASE_STATE_ACTIVE 0
#define SOLGRID_LEASE_STATE_CLOSED 1
#define SOLGRID_LEASE_STATE_COUNT 2

/* Who ended a lease, and why. */
typedef uint8_t CloseReason; /* Borsh enum tag */
#define SOLGRID_CLOSE_REASON_NONE 0
#define SOLGRID_CLOSE_REASON_EXPIRED 1
#define SOLGRID_CLOSE_REASON_CANCELLED_BY_RENTER 2
#define SOLGRID_CLOSE_REASON_RELEASED_BY_PROVIDER 3
#define SOLGRID_CLOSE_REASON_COUNT 4

/* Market configuration and counters (PDA ["market", authority, market_id]). */
typedef struct __attribute__((packed, aligned(8))) Market {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  /* Authority-chosen id; with the authority it seeds the Market PDA. */
  uint64_t market_id; /* offset 8, size 8 */
  /* Oracle price of one whole platform token in micro-USD. */
  uint64_t token_price_micro_usd; /* offset 16, size 8 */
  /* Unix time of the last set_token_price; 0 = never set. */
  int64_t token_price_updated_at; /* offset 24, size 8 */
  /* Platform-token base units paid to providers per GPU-hour served. */
  uint64_t subsidy_per_gpu_hour; /* offset 32, size 8 */
  /* Platform-token base units paid per valid health report. */
  uint64_t checker_reward_per_report; /* offset 40, size 8 */
  /* Sale price of one virtual miner. */
  uint64_t miner_price_micro_usd; /* offset 48, size 8 */
  /* Number of leases ever committed on this market. */
  uint64_t leases_committed; /* offset 56, size 8 */
  /* Unix time the market was created. */
  int64_t created_at; /* offset 64, size 8 */
  /* Reward-per-weight accumulator of the virtual-miner pool (scaled 1e12). */
  SolU128 miner_reward_per_weight; /* offset 72, size 16 */
  /* May update the market configuration. */
  SolPubkey authority; /* offset 88, size 32 */
  /* Owner of the Balances that receive fees. */
  SolPubkey treasury; /* offset 120, size 32 */
  /* Stablecoin mint (6 decimals: one base unit is one micro-USD). */
  SolPubkey stable_mint; /* offset 152, size 32 */
  /* Platform token mint. */
  SolPubkey token_mint; /* offset 184, size 32 */
  /* Program-owned token account holding deposited stablecoin: PDA ["vault", market, stable_mint]. */
  SolPubkey stable_vault; /* offset 216, size 32 */
  /* Program-owned token account holding deposited platform tokens: PDA ["vault", market, token_mint]. */
  SolPubkey token_vault; /* offset 248, size 32 */
  /* May set the platform token price. */
  SolPubkey oracle_authority; /* offset 280, size 32 */
  /* The only key allowed to commit matched orders (it cannot forge them: every order is signed). */
  SolPubkey matcher; /* offset 312, size 32 */
  /* The authority that created the market: with market_id it seeds the Market PDA, which signs vault transfers, so it stays fixed when update_market hands authority to another key. */
  SolPubkey seed_authority; /* offset 344, size 32 */
  /* Oldest token price accepted when converting a lease cost. */
  uint32_t max_price_staleness_secs; /* offset 376, size 4 */
  /* Minimum time between two rewarded reports on the same node. */
  uint32_t checker_min_report_interval_secs; /* offset 380, size 4 */
  /* Most virtual miners that can ever be minted. */
  uint32_t miner_max_supply; /* offset 384, size 4 */
  /* Virtual miners minted so far. */
  uint32_t miners_minted; /* offset 388, size 4 */
  /* GPU nodes registered so far. */
  uint32_t nodes_registered; /* offset 392, size 4 */
  /* Checkers registered so far. */
  uint32_t checkers_registered; /* offset 396, size 4 */
  /* Fee in basis points on leases paid in the stablecoin. */
  uint16_t fee_bps_stable; /* offset 400, size 2 */
  /* Discounted fee in basis points on leases paid in the platform token. */
  uint16_t fee_bps_token; /* offset 402, size 2 */
  /* Share of fees (bps) that goes to the virtual-miner reward pool. */
  uint16_t miner_fee_share_bps; /* offset 404, size 2 */
  /* Canonical bump of the Market PDA. */
  uint8_t bump; /* offset 406, size 1 */
  /* Canonical bump of the stablecoin vault PDA. */
  uint8_t stable_vault_bump; /* offset 407, size 1 */
  /* Canonical bump of the platform-token vault PDA. */
  uint8_t token_vault_bump; /* offset 408, size 1 */
  /* Decimals of the platform token mint. */
  uint8_t token_decimals; /* offset 409, size 1 */
  /* Zero; room for new fields without a migration. */
  uint8_t reserved[30]; /* offset 410, size 30 */
} Market;
_Static_assert(sizeof(Market) == 440, "sizeof Market");
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
_Static_assert(offsetof(Market, matcher) == 312, "offset of Market.matcher");
_Static_assert(offsetof(Market, seed_authority) == 344, "offset of Market.seed_authority");
_Static_assert(offsetof(Market, max_price_staleness_secs) == 376, "offset of Market.max_price_staleness_secs");
_Static_assert(offsetof(Market, checker_min_report_interval_secs) == 380, "offset of Market.checker_min_report_interval_secs");
_Static_assert(offsetof(Market, miner_max_supply) == 384, "offset of Market.miner_max_supply");
_Static_assert(offsetof(Market, miners_minted) == 388, "offset of Market.miners_minted");
_Static_assert(offsetof(Market, nodes_registered) == 392, "offset of Market.nodes_registered");
_Static_assert(offsetof(Market, checkers_registered) == 396, "offset of Market.checkers_registered");
_Static_assert(offsetof(Market, fee_bps_stable) == 400, "offset of Market.fee_bps_stable");
_Static_assert(offsetof(Market, fee_bps_token) == 402, "offset of Market.fee_bps_token");
_Static_assert(offsetof(Market, miner_fee_share_bps) == 404, "offset of Market.miner_fee_share_bps");
_Static_assert(offsetof(Market, bump) == 406, "offset of Market.bump");
_Static_assert(offsetof(Market, stable_vault_bump) == 407, "offset of Market.stable_vault_bump");
_Static_assert(offsetof(Market, token_vault_bump) == 408, "offset of Market.token_vault_bump");
_Static_assert(offsetof(Market, token_decimals) == 409, "offset of Market.token_decimals");
_Static_assert(offsetof(Market, reserved) == 410, "offset of Market.reserved");

/* Configuration given to initialize_market and update_market. */
typedef struct __attribute__((packed, aligned(2))) MarketParams {
  uint8_t treasury[32]; /* offset 0, size 32 */
  uint8_t oracle_authority[32]; /* offset 32, size 32 */
  uint8_t matcher[32]; /* offset 64, size 32 */
  uint64_t subsidy_per_gpu_hour; /* offset 96, size 8 */
  uint64_t checker_reward_per_report; /* offset 104, size 8 */
  uint64_t miner_price_micro_usd; /* offset 112, size 8 */
  uint32_t max_price_staleness_secs; /* offset 120, size 4 */
  uint32_t checker_min_report_interval_secs; /* offset 124, size 4 */
  uint32_t miner_max_supply; /* offset 128, size 4 */
  uint16_t fee_bps_stable; /* offset 132, size 2 */
  uint16_t fee_bps_token; /* offset 134, size 2 */
  uint16_t miner_fee_share_bps; /* offset 136, size 2 */
} MarketParams;
_Static_assert(sizeof(MarketParams) == 138, "sizeof MarketParams");
_Static_assert(_Alignof(MarketParams) == 2, "alignment of MarketParams");
_Static_assert(offsetof(MarketParams, treasury) == 0, "offset of MarketParams.treasury");
_Static_assert(offsetof(MarketParams, oracle_authority) == 32, "offset of MarketParams.oracle_authority");
_Static_assert(offsetof(MarketParams, matcher) == 64, "offset of MarketParams.matcher");
_Static_assert(offsetof(MarketParams, subsidy_per_gpu_hour) == 96, "offset of MarketParams.subsidy_per_gpu_hour");
_Static_assert(offsetof(MarketParams, checker_reward_per_report) == 104, "offset of MarketParams.checker_reward_per_report");
_Static_assert(offsetof(MarketParams, miner_price_micro_usd) == 112, "offset of MarketParams.miner_price_micro_usd");
_Static_assert(offsetof(MarketParams, max_price_staleness_secs) == 120, "offset of MarketParams.max_price_staleness_secs");
_Static_assert(offsetof(MarketParams, checker_min_report_interval_secs) == 124, "offset of MarketParams.checker_min_report_interval_secs");
_Static_assert(offsetof(MarketParams, miner_max_supply) == 128, "offset of MarketParams.miner_max_supply");
_Static_assert(offsetof(MarketParams, fee_bps_stable) == 132, "offset of MarketParams.fee_bps_stable");
_Static_assert(offsetof(MarketParams, fee_bps_token) == 134, "offset of MarketParams.fee_bps_token");
_Static_assert(offsetof(MarketParams, miner_fee_share_bps) == 136, "offset of MarketParams.miner_fee_share_bps");

/* A wallet's funds in one mint on one market (PDA ["balance", market, owner, mint]). */
typedef struct __attribute__((packed, aligned(8))) Balance {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  /* Free to withdraw or to lock for new leases, in base units of the mint. */
  uint64_t available; /* offset 8, size 8 */
  /* Reserved for active leases; never withdrawable. */
  uint64_t locked; /* offset 16, size 8 */
  SolPubkey market; /* offset 24, size 32 */
  SolPubkey owner; /* offset 56, size 32 */
  SolPubkey mint; /* offset 88, size 32 */
  uint8_t bump; /* offset 120, size 1 */
  uint8_t reserved[7]; /* offset 121, size 7 */
} Balance;
_Static_assert(sizeof(Balance) == 128, "sizeof Balance");
_Static_assert(_Alignof(Balance) == 8, "alignment of Balance");
_Static_assert(offsetof(Balance, discriminator) == 0, "offset of Balance.discriminator");
_Static_assert(offsetof(Balance, available) == 8, "offset of Balance.available");
_Static_assert(offsetof(Balance, locked) == 16, "offset of Balance.locked");
_Static_assert(offsetof(Balance, market) == 24, "offset of Balance.market");
_Static_assert(offsetof(Balance, owner) == 56, "offset of Balance.owner");
_Static_assert(offsetof(Balance, mint) == 88, "offset of Balance.mint");
_Static_assert(offsetof(Balance, bump) == 120, "offset of Balance.bump");
_Static_assert(offsetof(Balance, reserved) == 121, "offset of Balance.reserved");

/* A signed order; the owner signs "solgrid:order:v1" || borsh(order). */
typedef struct __attribute__((packed, aligned(8))) Order {
  /* Market the order is for. */
  SolPubkey market; /* offset 0, size 32 */
  /* Wallet that signed the order. */
  SolPubkey owner; /* offset 32, size 32 */
  /* Owner-chosen id, unique per owner and market. */
  uint64_t order_id; /* offset 64, size 8 */
  /* Micro-USD per GPU-hour: the most a bid pays, the least an ask takes. */
  uint64_t limit_price; /* offset 72, size 8 */
  /* Unix time after which the order cannot be filled. */
  int64_t expires_at; /* offset 80, size 8 */
  /* Bit i set = GpuSku i accepted (a bid may accept several; an ask names exactly one). */
  uint32_t sku_mask; /* offset 88, size 4 */
  /* Quantity: GPUs wanted (bid) or offered (ask). */
  uint32_t gpu_count; /* offset 92, size 4 */
  /* Shortest lease the order accepts. */
  uint32_t min_hours; /* offset 96, size 4 */
  /* Longest lease the order accepts. */
  uint32_t max_hours; /* offset 100, size 4 */
  /* Ask: the provider's node; bid: zero. */
  SolPubkey node; /* offset 104, size 32 */
  /* Bid: the mint it pays in; ask: the mint it insists on, or zero for either. */
  SolPubkey payment_mint; /* offset 136, size 32 */
  /* Ask: the node's region; bid: required region, 0 = any. */
  uint16_t region; /* offset 168, size 2 */
  /* Bid: least node reliability accepted (checked once nodes exist on chain). */
  uint16_t min_reliability_bps; /* offset 170, size 2 */
  Side side; /* offset 172, size 1 */
  /* Order format version, 1. */
  uint8_t version; /* offset 173, size 1 */
  /* Bid: the highest fee (bps) the renter accepts; the lease's fee must not exceed it. Ask: ignored, 0. */
  uint16_t max_fee_bps; /* offset 174, size 2 */
} Order;
_Static_assert(sizeof(Order) == 176, "sizeof Order");
_Static_assert(_Alignof(Order) == 8, "alignment of Order");
_Static_assert(offsetof(Order, market) == 0, "offset of Order.market");
_Static_assert(offsetof(Order, owner) == 32, "offset of Order.owner");
_Static_assert(offsetof(Order, order_id) == 64, "offset of Order.order_id");
_Static_assert(offsetof(Order, limit_price) == 72, "offset of Order.limit_price");
_Static_assert(offsetof(Order, expires_at) == 80, "offset of Order.expires_at");
_Static_assert(offsetof(Order, sku_mask) == 88, "offset of Order.sku_mask");
_Static_assert(offsetof(Order, gpu_count) == 92, "offset of Order.gpu_count");
_Static_assert(offsetof(Order, min_hours) == 96, "offset of Order.min_hours");
_Static_assert(offsetof(Order, max_hours) == 100, "offset of Order.max_hours");
_Static_assert(offsetof(Order, node) == 104, "offset of Order.node");
_Static_assert(offsetof(Order, payment_mint) == 136, "offset of Order.payment_mint");
_Static_assert(offsetof(Order, region) == 168, "offset of Order.region");
_Static_assert(offsetof(Order, min_reliability_bps) == 170, "offset of Order.min_reliability_bps");
_Static_assert(offsetof(Order, side) == 172, "offset of Order.side");
_Static_assert(offsetof(Order, version) == 173, "offset of Order.version");
_Static_assert(offsetof(Order, max_fee_bps) == 174, "offset of Order.max_fee_bps");

/* Fill and cancel record of one order (PDA ["order", market, owner, order_id]). */
typedef struct __attribute__((packed, aligned(8))) OrderState {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  /* GPUs of this order already committed to leases. */
  uint32_t filled_gpus; /* offset 8, size 4 */
  /* 1 once the owner cancelled the order on chain. */
  uint8_t cancelled; /* offset 12, size 1 */
  /* 1 once the signed order is stored (its first fill); 0 for a cancel-only record. */
  uint8_t has_order; /* offset 13, size 1 */
  uint8_t bump; /* offset 14, size 1 */
  uint8_t reserved[1]; /* offset 15, size 1 */
  /* The signed order, stored on first fill so later fills need no signature. */
  Order order; /* offset 16, size 176 */
  /* Who paid the rent (the matcher on first fill, the owner for a cancel-only record); close_order_state returns it there. */
  SolPubkey rent_payer; /* offset 192, size 32 */
} OrderState;
_Static_assert(sizeof(OrderState) == 224, "sizeof OrderState");
_Static_assert(_Alignof(OrderState) == 8, "alignment of OrderState");
_Static_assert(offsetof(OrderState, discriminator) == 0, "offset of OrderState.discriminator");
_Static_assert(offsetof(OrderState, filled_gpus) == 8, "offset of OrderState.filled_gpus");
_Static_assert(offsetof(OrderState, cancelled) == 12, "offset of OrderState.cancelled");
_Static_assert(offsetof(OrderState, has_order) == 13, "offset of OrderState.has_order");
_Static_assert(offsetof(OrderState, bump) == 14, "offset of OrderState.bump");
_Static_assert(offsetof(OrderState, reserved) == 15, "offset of OrderState.reserved");
_Static_assert(offsetof(OrderState, order) == 16, "offset of OrderState.order");
_Static_assert(offsetof(OrderState, rent_payer) == 192, "offset of OrderState.rent_payer");

/* A committed lease (PDA ["lease", bid OrderState, ask OrderState]). */
typedef struct __attribute__((packed, aligned(2))) Lease {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  /* Micro-USD per GPU-hour (the maker's limit price). */
  uint64_t price_micro_usd; /* offset 8, size 8 */
  /* Cost of the whole lease in base units of the payment mint. */
  uint64_t total_cost; /* offset 16, size 8 */
  /* Fee on the whole lease in base units of the payment mint. */
  uint64_t total_fee; /* offset 24, size 8 */
  /* Part of total_cost already paid to the provider. */
  uint64_t paid_cost; /* offset 32, size 8 */
  /* Part of total_fee already paid to the treasury. */
  uint64_t paid_fee; /* offset 40, size 8 */
  /* Part of cost + fee returned to the renter on an early end. */
  uint64_t refunded; /* offset 48, size 8 */
  int64_t start_ts; /* offset 56, size 8 */
  int64_t end_ts; /* offset 64, size 8 */
  /* Accrual has been paid up to this time. */
  int64_t settled_until; /* offset 72, size 8 */
  /* When the lease ended; 0 while active. */
  int64_t closed_at; /* offset 80, size 8 */
  uint64_t bid_order_id; /* offset 88, size 8 */
  uint64_t ask_order_id; /* offset 96, size 8 */
  uint8_t market[32]; /* offset 104, size 32 */
  uint8_t renter[32]; /* offset 136, size 32 */
  uint8_t provider[32]; /* offset 168, size 32 */
  uint8_t node[32]; /* offset 200, size 32 */
  uint8_t payment_mint[32]; /* offset 232, size 32 */
  /* Receives the account's rent when the lease is closed. */
  uint8_t rent_payer[32]; /* offset 264, size 32 */
  uint32_t gpu_count; /* offset 296, size 4 */
  uint32_t hours; /* offset 300, size 4 */
  uint16_t fee_bps; /* offset 304, size 2 */
  uint16_t region; /* offset 306, size 2 */
  uint16_t min_reliability_bps; /* offset 308, size 2 */
  GpuSku sku; /* offset 310, size 1 */
  LeaseState state; /* offset 311, size 1 */
  CloseReason close_reason; /* offset 312, size 1 */
  uint8_t bump; /* offset 313, size 1 */
  uint8_t reserved[4]; /* offset 314, size 4 */
} Lease;
_Static_assert(sizeof(Lease) == 318, "sizeof Lease");
_Static_assert(_Alignof(Lease) == 2, "alignment of Lease");
_Static_assert(offsetof(Lease, discriminator) == 0, "offset of Lease.discriminator");
_Static_assert(offsetof(Lease, price_micro_usd) == 8, "offset of Lease.price_micro_usd");
_Static_assert(offsetof(Lease, total_cost) == 16, "offset of Lease.total_cost");
_Static_assert(offsetof(Lease, total_fee) == 24, "offset of Lease.total_fee");
_Static_assert(offsetof(Lease, paid_cost) == 32, "offset of Lease.paid_cost");
_Static_assert(offsetof(Lease, paid_fee) == 40, "offset of Lease.paid_fee");
_Static_assert(offsetof(Lease, refunded) == 48, "offset of Lease.refunded");
_Static_assert(offsetof(Lease, start_ts) == 56, "offset of Lease.start_ts");
_Static_assert(offsetof(Lease, end_ts) == 64, "offset of Lease.end_ts");
_Static_assert(offsetof(Lease, settled_until) == 72, "offset of Lease.settled_until");
_Static_assert(offsetof(Lease, closed_at) == 80, "offset of Lease.closed_at");
_Static_assert(offsetof(Lease, bid_order_id) == 88, "offset of Lease.bid_order_id");
_Static_assert(offsetof(Lease, ask_order_id) == 96, "offset of Lease.ask_order_id");
_Static_assert(offsetof(Lease, market) == 104, "offset of Lease.market");
_Static_assert(offsetof(Lease, renter) == 136, "offset of Lease.renter");
_Static_assert(offsetof(Lease, provider) == 168, "offset of Lease.provider");
_Static_assert(offsetof(Lease, node) == 200, "offset of Lease.node");
_Static_assert(offsetof(Lease, payment_mint) == 232, "offset of Lease.payment_mint");
_Static_assert(offsetof(Lease, rent_payer) == 264, "offset of Lease.rent_payer");
_Static_assert(offsetof(Lease, gpu_count) == 296, "offset of Lease.gpu_count");
_Static_assert(offsetof(Lease, hours) == 300, "offset of Lease.hours");
_Static_assert(offsetof(Lease, fee_bps) == 304, "offset of Lease.fee_bps");
_Static_assert(offsetof(Lease, region) == 306, "offset of Lease.region");
_Static_assert(offsetof(Lease, min_reliability_bps) == 308, "offset of Lease.min_reliability_bps");
_Static_assert(offsetof(Lease, sku) == 310, "offset of Lease.sku");
_Static_assert(offsetof(Lease, state) == 311, "offset of Lease.state");
_Static_assert(offsetof(Lease, close_reason) == 312, "offset of Lease.close_reason");
_Static_assert(offsetof(Lease, bump) == 313, "offset of Lease.bump");
_Static_assert(offsetof(Lease, reserved) == 314, "offset of Lease.reserved");

/* One matched pair in commit_leases. */
typedef struct __attribute__((packed)) Fill {
  /* Lease price; must equal the maker's limit and lie within both limits. */
  uint64_t price_micro_usd; /* offset 0, size 8 */
  uint32_t hours; /* offset 8, size 4 */
  uint32_t gpu_count; /* offset 12, size 4 */
  /* Index into new_orders of the bid, or 255 = the order stored in the bid's OrderState. */
  uint8_t bid; /* offset 16, size 1 */
  /* Index into new_orders of the ask, or 255 = stored. */
  uint8_t ask; /* offset 17, size 1 */
  /* Which order rested first; the lease is at its price. */
  Side maker; /* offset 18, size 1 */
} Fill;
_Static_assert(sizeof(Fill) == 19, "sizeof Fill");
_Static_assert(_Alignof(Fill) == 1, "alignment of Fill");
_Static_assert(offsetof(Fill, price_micro_usd) == 0, "offset of Fill.price_micro_usd");
_Static_assert(offsetof(Fill, hours) == 8, "offset of Fill.hours");
_Static_assert(offsetof(Fill, gpu_count) == 12, "offset of Fill.gpu_count");
_Static_assert(offsetof(Fill, bid) == 16, "offset of Fill.bid");
_Static_assert(offsetof(Fill, ask) == 17, "offset of Fill.ask");
_Static_assert(offsetof(Fill, maker) == 18, "offset of Fill.maker");

/* An order with its owner's ed25519 signature over domain || order, as carried in commit_leases. */
typedef struct __attribute__((packed, aligned(8))) SignedOrder {
  uint8_t signature[64]; /* offset 0, size 64 */
  /* The domain prefix "solgrid:order:v1". */
  uint8_t domain[16]; /* offset 64, size 16 */
  Order order; /* offset 80, size 176 */
} SignedOrder;
_Static_assert(sizeof(SignedOrder) == 256, "sizeof SignedOrder");
_Static_assert(_Alignof(SignedOrder) == 8, "alignment of SignedOrder");
_Static_assert(offsetof(SignedOrder, signature) == 0, "offset of SignedOrder.signature");
_Static_assert(offsetof(SignedOrder, domain) == 64, "offset of SignedOrder.domain");
_Static_assert(offsetof(SignedOrder, order) == 80, "offset of SignedOrder.order");

typedef struct __attribute__((packed, aligned(8))) MarketInitialized {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  SolPubkey market; /* offset 8, size 32 */
  SolPubkey authority; /* offset 40, size 32 */
  uint64_t market_id; /* offset 72, size 8 */
} MarketInitialized;
_Static_assert(sizeof(MarketInitialized) == 80, "sizeof MarketInitialized");
_Static_assert(_Alignof(MarketInitialized) == 8, "alignment of MarketInitialized");
_Static_assert(offsetof(MarketInitialized, discriminator) == 0, "offset of MarketInitialized.discriminator");
_Static_assert(offsetof(MarketInitialized, market) == 8, "offset of MarketInitialized.market");
_Static_assert(offsetof(MarketInitialized, authority) == 40, "offset of MarketInitialized.authority");
_Static_assert(offsetof(MarketInitialized, market_id) == 72, "offset of MarketInitialized.market_id");

typedef struct __attribute__((packed, aligned(8))) MarketUpdated {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  SolPubkey market; /* offset 8, size 32 */
  SolPubkey authority; /* offset 40, size 32 */
} MarketUpdated;
_Static_assert(sizeof(MarketUpdated) == 72, "sizeof MarketUpdated");
_Static_assert(_Alignof(MarketUpdated) == 8, "alignment of MarketUpdated");
_Static_assert(offsetof(MarketUpdated, discriminator) == 0, "offset of MarketUpdated.discriminator");
_Static_assert(offsetof(MarketUpdated, market) == 8, "offset of MarketUpdated.market");
_Static_assert(offsetof(MarketUpdated, authority) == 40, "offset of MarketUpdated.authority");

typedef struct __attribute__((packed, aligned(8))) TokenPriceSet {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  SolPubkey market; /* offset 8, size 32 */
  uint64_t price_micro_usd; /* offset 40, size 8 */
  int64_t at; /* offset 48, size 8 */
} TokenPriceSet;
_Static_assert(sizeof(TokenPriceSet) == 56, "sizeof TokenPriceSet");
_Static_assert(_Alignof(TokenPriceSet) == 8, "alignment of TokenPriceSet");
_Static_assert(offsetof(TokenPriceSet, discriminator) == 0, "offset of TokenPriceSet.discriminator");
_Static_assert(offsetof(TokenPriceSet, market) == 8, "offset of TokenPriceSet.market");
_Static_assert(offsetof(TokenPriceSet, price_micro_usd) == 40, "offset of TokenPriceSet.price_micro_usd");
_Static_assert(offsetof(TokenPriceSet, at) == 48, "offset of TokenPriceSet.at");

typedef struct __attribute__((packed, aligned(8))) Deposited {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  SolPubkey market; /* offset 8, size 32 */
  SolPubkey owner; /* offset 40, size 32 */
  SolPubkey mint; /* offset 72, size 32 */
  uint64_t amount; /* offset 104, size 8 */
  uint64_t available; /* offset 112, size 8 */
} Deposited;
_Static_assert(sizeof(Deposited) == 120, "sizeof Deposited");
_Static_assert(_Alignof(Deposited) == 8, "alignment of Deposited");
_Static_assert(offsetof(Deposited, discriminator) == 0, "offset of Deposited.discriminator");
_Static_assert(offsetof(Deposited, market) == 8, "offset of Deposited.market");
_Static_assert(offsetof(Deposited, owner) == 40, "offset of Deposited.owner");
_Static_assert(offsetof(Deposited, mint) == 72, "offset of Deposited.mint");
_Static_assert(offsetof(Deposited, amount) == 104, "offset of Deposited.amount");
_Static_assert(offsetof(Deposited, available) == 112, "offset of Deposited.available");

typedef struct __attribute__((packed, aligned(8))) Withdrawn {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  SolPubkey market; /* offset 8, size 32 */
  SolPubkey owner; /* offset 40, size 32 */
  SolPubkey mint; /* offset 72, size 32 */
  uint64_t amount; /* offset 104, size 8 */
  uint64_t available; /* offset 112, size 8 */
} Withdrawn;
_Static_assert(sizeof(Withdrawn) == 120, "sizeof Withdrawn");
_Static_assert(_Alignof(Withdrawn) == 8, "alignment of Withdrawn");
_Static_assert(offsetof(Withdrawn, discriminator) == 0, "offset of Withdrawn.discriminator");
_Static_assert(offsetof(Withdrawn, market) == 8, "offset of Withdrawn.market");
_Static_assert(offsetof(Withdrawn, owner) == 40, "offset of Withdrawn.owner");
_Static_assert(offsetof(Withdrawn, mint) == 72, "offset of Withdrawn.mint");
_Static_assert(offsetof(Withdrawn, amount) == 104, "offset of Withdrawn.amount");
_Static_assert(offsetof(Withdrawn, available) == 112, "offset of Withdrawn.available");

typedef struct __attribute__((packed, aligned(8))) OrderCancelled {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  SolPubkey market; /* offset 8, size 32 */
  SolPubkey owner; /* offset 40, size 32 */
  uint64_t order_id; /* offset 72, size 8 */
} OrderCancelled;
_Static_assert(sizeof(OrderCancelled) == 80, "sizeof OrderCancelled");
_Static_assert(_Alignof(OrderCancelled) == 8, "alignment of OrderCancelled");
_Static_assert(offsetof(OrderCancelled, discriminator) == 0, "offset of OrderCancelled.discriminator");
_Static_assert(offsetof(OrderCancelled, market) == 8, "offset of OrderCancelled.market");
_Static_assert(offsetof(OrderCancelled, owner) == 40, "offset of OrderCancelled.owner");
_Static_assert(offsetof(OrderCancelled, order_id) == 72, "offset of OrderCancelled.order_id");

typedef struct __attribute__((packed, aligned(8))) LeaseCommitted {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  SolPubkey lease; /* offset 8, size 32 */
  SolPubkey renter; /* offset 40, size 32 */
  SolPubkey provider; /* offset 72, size 32 */
  uint64_t bid_order_id; /* offset 104, size 8 */
  uint64_t ask_order_id; /* offset 112, size 8 */
  uint32_t gpu_count; /* offset 120, size 4 */
  uint32_t hours; /* offset 124, size 4 */
  uint64_t price_micro_usd; /* offset 128, size 8 */
  uint64_t total_cost; /* offset 136, size 8 */
  uint64_t total_fee; /* offset 144, size 8 */
  SolPubkey payment_mint; /* offset 152, size 32 */
} LeaseCommitted;
_Static_assert(sizeof(LeaseCommitted) == 184, "sizeof LeaseCommitted");
_Static_assert(_Alignof(LeaseCommitted) == 8, "alignment of LeaseCommitted");
_Static_assert(offsetof(LeaseCommitted, discriminator) == 0, "offset of LeaseCommitted.discriminator");
_Static_assert(offsetof(LeaseCommitted, lease) == 8, "offset of LeaseCommitted.lease");
_Static_assert(offsetof(LeaseCommitted, renter) == 40, "offset of LeaseCommitted.renter");
_Static_assert(offsetof(LeaseCommitted, provider) == 72, "offset of LeaseCommitted.provider");
_Static_assert(offsetof(LeaseCommitted, bid_order_id) == 104, "offset of LeaseCommitted.bid_order_id");
_Static_assert(offsetof(LeaseCommitted, ask_order_id) == 112, "offset of LeaseCommitted.ask_order_id");
_Static_assert(offsetof(LeaseCommitted, gpu_count) == 120, "offset of LeaseCommitted.gpu_count");
_Static_assert(offsetof(LeaseCommitted, hours) == 124, "offset of LeaseCommitted.hours");
_Static_assert(offsetof(LeaseCommitted, price_micro_usd) == 128, "offset of LeaseCommitted.price_micro_usd");
_Static_assert(offsetof(LeaseCommitted, total_cost) == 136, "offset of LeaseCommitted.total_cost");
_Static_assert(offsetof(LeaseCommitted, total_fee) == 144, "offset of LeaseCommitted.total_fee");
_Static_assert(offsetof(LeaseCommitted, payment_mint) == 152, "offset of LeaseCommitted.payment_mint");

typedef struct __attribute__((packed, aligned(8))) LeaseSettled {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  SolPubkey lease; /* offset 8, size 32 */
  uint64_t paid_cost; /* offset 40, size 8 */
  uint64_t paid_fee; /* offset 48, size 8 */
  int64_t settled_until; /* offset 56, size 8 */
} LeaseSettled;
_Static_assert(sizeof(LeaseSettled) == 64, "sizeof LeaseSettled");
_Static_assert(_Alignof(LeaseSettled) == 8, "alignment of LeaseSettled");
_Static_assert(offsetof(LeaseSettled, discriminator) == 0, "offset of LeaseSettled.discriminator");
_Static_assert(offsetof(LeaseSettled, lease) == 8, "offset of LeaseSettled.lease");
_Static_assert(offsetof(LeaseSettled, paid_cost) == 40, "offset of LeaseSettled.paid_cost");
_Static_assert(offsetof(LeaseSettled, paid_fee) == 48, "offset of LeaseSettled.paid_fee");
_Static_assert(offsetof(LeaseSettled, settled_until) == 56, "offset of LeaseSettled.settled_until");

typedef struct __attribute__((packed)) LeaseClosed {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  uint8_t lease[32]; /* offset 8, size 32 */
  CloseReason reason; /* offset 40, size 1 */
  uint64_t refunded; /* offset 41, size 8 */
} LeaseClosed;
_Static_assert(sizeof(LeaseClosed) == 49, "sizeof LeaseClosed");
_Static_assert(_Alignof(LeaseClosed) == 1, "alignment of LeaseClosed");
_Static_assert(offsetof(LeaseClosed, discriminator) == 0, "offset of LeaseClosed.discriminator");
_Static_assert(offsetof(LeaseClosed, lease) == 8, "offset of LeaseClosed.lease");
_Static_assert(offsetof(LeaseClosed, reason) == 40, "offset of LeaseClosed.reason");
_Static_assert(offsetof(LeaseClosed, refunded) == 41, "offset of LeaseClosed.refunded");

typedef struct __attribute__((packed, aligned(8))) OrderStateClosed {
  /* Anchor discriminator; sizeof includes it. */
  uint8_t discriminator[8]; /* offset 0, size 8 */
  SolPubkey order_state; /* offset 8, size 32 */
  SolPubkey owner; /* offset 40, size 32 */
  uint64_t order_id; /* offset 72, size 8 */
  SolPubkey rent_receiver; /* offset 80, size 32 */
  uint64_t lamports; /* offset 112, size 8 */
} OrderStateClosed;
_Static_assert(sizeof(OrderStateClosed) == 120, "sizeof OrderStateClosed");
_Static_assert(_Alignof(OrderStateClosed) == 8, "alignment of OrderStateClosed");
_Static_assert(offsetof(OrderStateClosed, discriminator) == 0, "offset of OrderStateClosed.discriminator");
_Static_assert(offsetof(OrderStateClosed, order_state) == 8, "offset of OrderStateClosed.order_state");
_Static_assert(offsetof(OrderStateClosed, owner) == 40, "offset of OrderStateClosed.owner");
_Static_assert(offsetof(OrderStateClosed, order_id) == 72, "offset of OrderStateClosed.order_id");
_Static_assert(offsetof(OrderStateClosed, rent_receiver) == 80, "offset of OrderStateClosed.rent_receiver");
_Static_assert(offsetof(OrderStateClosed, lamports) == 112, "offset of OrderStateClosed.lamports");

/* Instruction initialize_market: accounts in order, then data = discriminator || initialize_market_args. */
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_AUTHORITY 0 /* signer, writable */
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_MARKET 1 /* writable, pda */
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_STABLE_MINT 2
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_TOKEN_MINT 3
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_STABLE_VAULT 4 /* writable, pda */
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_TOKEN_VAULT 5 /* writable, pda */
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_TOKEN_PROGRAM 6 /* address TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA */
#define SOLGRID_INITIALIZE_MARKET_ACCOUNT_SYSTEM_PROGRAM 7 /* address 11111111111111111111111111111111 */
#define SOLGRID_INITIALIZE_MARKET_NUM_ACCOUNTS 8

/* Creates the Market PDA and its two program-owned vaults and writes the configuration; the authority pays the rent. */
typedef struct __attribute__((packed, aligned(2))) initialize_market_args {
  uint64_t market_id; /* offset 0, size 8 */
  MarketParams params; /* offset 8, size 138 */
} initialize_market_args;
_Static_assert(sizeof(initialize_market_args) == 146, "sizeof initialize_market_args");
_Static_assert(_Alignof(initialize_market_args) == 2, "alignment of initialize_market_args");
_Static_assert(offsetof(initialize_market_args, market_id) == 0, "offset of initialize_market_args.market_id");
_Static_assert(offsetof(initialize_market_args, params) == 8, "offset of initialize_market_args.params");
#define SOLGRID_INITIALIZE_MARKET_DATA_LEN (8 + 146)

/* Instruction update_market: accounts in order, then data = discriminator || update_market_args. */
#define SOLGRID_UPDATE_MARKET_ACCOUNT_AUTHORITY 0 /* signer */
#define SOLGRID_UPDATE_MARKET_ACCOUNT_MARKET 1 /* writable */
#define SOLGRID_UPDATE_MARKET_NUM_ACCOUNTS 2

/* Replaces the market's configuration; authority only. new_authority may equal the current one. */
typedef struct __attribute__((packed, aligned(2))) update_market_args {
  MarketParams params; /* offset 0, size 138 */
  uint8_t new_authority[32]; /* offset 138, size 32 */
} update_market_args;
_Static_assert(sizeof(update_market_args) == 170, "sizeof update_market_args");
_Static_assert(_Alignof(update_market_args) == 2, "alignment of update_market_args");
_Static_assert(offsetof(update_market_args, params) == 0, "offset of update_market_args.params");
_Static_assert(offsetof(update_market_args, new_authority) == 138, "offset of update_market_args.new_authority");
#define SOLGRID_UPDATE_MARKET_DATA_LEN (8 + 170)

/* Instruction set_token_price: accounts in order, then data = discriminator || set_token_price_args. */
#define SOLGRID_SET_TOKEN_PRICE_ACCOUNT_ORACLE 0 /* signer */
#define SOLGRID_SET_TOKEN_PRICE_ACCOUNT_MARKET 1 /* writable */
#define SOLGRID_SET_TOKEN_PRICE_NUM_ACCOUNTS 2

/* Sets the platform token price in micro-USD per whole token; oracle authority only. */
typedef struct __attribute__((packed, aligned(8))) set_token_price_args {
  uint64_t price_micro_usd; /* offset 0, size 8 */
} set_token_price_args;
_Static_assert(sizeof(set_token_price_args) == 8, "sizeof set_token_price_args");
_Static_assert(_Alignof(set_token_price_args) == 8, "alignment of set_token_price_args");
_Static_assert(offsetof(set_token_price_args, price_micro_usd) == 0, "offset of set_token_price_args.price_micro_usd");
#define SOLGRID_SET_TOKEN_PRICE_DATA_LEN (8 + 8)

/* Instruction open_balance: accounts in order, then data = discriminator || open_balance_args. */
#define SOLGRID_OPEN_BALANCE_ACCOUNT_PAYER 0 /* signer, writable */
#define SOLGRID_OPEN_BALANCE_ACCOUNT_OWNER 1
#define SOLGRID_OPEN_BALANCE_ACCOUNT_MARKET 2
#define SOLGRID_OPEN_BALANCE_ACCOUNT_MINT 3
#define SOLGRID_OPEN_BALANCE_ACCOUNT_BALANCE 4 /* writable, pda */
#define SOLGRID_OPEN_BALANCE_ACCOUNT_SYSTEM_PROGRAM 5 /* address 11111111111111111111111111111111 */
#define SOLGRID_OPEN_BALANCE_NUM_ACCOUNTS 6
#define SOLGRID_OPEN_BALANCE_DATA_LEN (8 + 0)

/* Instruction deposit: accounts in order, then data = discriminator || deposit_args. */
#define SOLGRID_DEPOSIT_ACCOUNT_OWNER 0 /* signer, writable */
#define SOLGRID_DEPOSIT_ACCOUNT_MARKET 1
#define SOLGRID_DEPOSIT_ACCOUNT_MINT 2
#define SOLGRID_DEPOSIT_ACCOUNT_BALANCE 3 /* writable, pda */
#define SOLGRID_DEPOSIT_ACCOUNT_SOURCE 4 /* writable */
#define SOLGRID_DEPOSIT_ACCOUNT_VAULT 5 /* writable */
#define SOLGRID_DEPOSIT_ACCOUNT_TOKEN_PROGRAM 6 /* address TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA */
#define SOLGRID_DEPOSIT_ACCOUNT_SYSTEM_PROGRAM 7 /* address 11111111111111111111111111111111 */
#define SOLGRID_DEPOSIT_NUM_ACCOUNTS 8

/* Moves tokens from the owner's token account into the market vault and credits the owner's Balance (created if missing). */
typedef struct __attribute__((packed, aligned(8))) deposit_args {
  uint64_t amount; /* offset 0, size 8 */
} deposit_args;
_Static_assert(sizeof(deposit_args) == 8, "sizeof deposit_args");
_Static_assert(_Alignof(deposit_args) == 8, "alignment of deposit_args");
_Static_assert(offsetof(deposit_args, amount) == 0, "offset of deposit_args.amount");
#define SOLGRID_DEPOSIT_DATA_LEN (8 + 8)

/* Instruction withdraw: accounts in order, then data = discriminator || withdraw_args. */
#define SOLGRID_WITHDRAW_ACCOUNT_OWNER 0 /* signer */
#define SOLGRID_WITHDRAW_ACCOUNT_MARKET 1
#define SOLGRID_WITHDRAW_ACCOUNT_MINT 2
#define SOLGRID_WITHDRAW_ACCOUNT_BALANCE 3 /* writable */
#define SOLGRID_WITHDRAW_ACCOUNT_DESTINATION 4 /* writable */
#define SOLGRID_WITHDRAW_ACCOUNT_VAULT 5 /* writable */
#define SOLGRID_WITHDRAW_ACCOUNT_TOKEN_PROGRAM 6 /* address TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA */
#define SOLGRID_WITHDRAW_NUM_ACCOUNTS 7

/* Pays available (never locked) funds from the vault to a token account of the owner's choice. */
typedef struct __attribute__((packed, aligned(8))) withdraw_args {
  uint64_t amount; /* offset 0, size 8 */
} withdraw_args;
_Static_assert(sizeof(withdraw_args) == 8, "sizeof withdraw_args");
_Static_assert(_Alignof(withdraw_args) == 8, "alignment of withdraw_args");
_Static_assert(offsetof(withdraw_args, amount) == 0, "offset of withdraw_args.amount");
#define SOLGRID_WITHDRAW_DATA_LEN (8 + 8)

/* Instruction commit_leases: accounts in order, then data = discriminator || commit_leases_args. */
#define SOLGRID_COMMIT_LEASES_ACCOUNT_MATCHER 0 /* signer, writable */
#define SOLGRID_COMMIT_LEASES_ACCOUNT_MARKET 1 /* writable */
#define SOLGRID_COMMIT_LEASES_ACCOUNT_INSTRUCTIONS_SYSVAR 2 /* address Sysvar1nstructions1111111111111111111111111 */
#define SOLGRID_COMMIT_LEASES_ACCOUNT_SYSTEM_PROGRAM 3 /* address 11111111111111111111111111111111 */
#define SOLGRID_COMMIT_LEASES_NUM_ACCOUNTS 4

/* Commits matched (bid, ask) pairs. Each new order's signature is verified by the Ed25519 instruction at ed25519_instruction_index, whose offsets must point into this instruction's data. Remaining accounts, per fill: bid OrderState, ask OrderState, Lease, renter Balance (all writable). */
typedef struct __attribute__((packed)) commit_leases_args {
  uint8_t ed25519_instruction_index; /* offset 0, size 1 */
} commit_leases_args;
_Static_assert(sizeof(commit_leases_args) == 1, "sizeof commit_leases_args");
_Static_assert(_Alignof(commit_leases_args) == 1, "alignment of commit_leases_args");
_Static_assert(offsetof(commit_leases_args, ed25519_instruction_index) == 0, "offset of commit_leases_args.ed25519_instruction_index");
#define SOLGRID_COMMIT_LEASES_FIXED_DATA_LEN (8 + 1)
/* then new_orders: u32 LE count, then count x SignedOrder */
/* then fills: u32 LE count, then count x Fill */

/* Instruction cancel_order: accounts in order, then data = discriminator || cancel_order_args. */
#define SOLGRID_CANCEL_ORDER_ACCOUNT_OWNER 0 /* signer, writable */
#define SOLGRID_CANCEL_ORDER_ACCOUNT_MARKET 1
#define SOLGRID_CANCEL_ORDER_ACCOUNT_ORDER_STATE 2 /* writable, pda */
#define SOLGRID_CANCEL_ORDER_ACCOUNT_SYSTEM_PROGRAM 3 /* address 11111111111111111111111111111111 */
#define SOLGRID_CANCEL_ORDER_NUM_ACCOUNTS 4

/* Marks an order id cancelled on chain (creating its OrderState if needed); no later fill is accepted. */
typedef struct __attribute__((packed, aligned(8))) cancel_order_args {
  uint64_t order_id; /* offset 0, size 8 */
} cancel_order_args;
_Static_assert(sizeof(cancel_order_args) == 8, "sizeof cancel_order_args");
_Static_assert(_Alignof(cancel_order_args) == 8, "alignment of cancel_order_args");
_Static_assert(offsetof(cancel_order_args, order_id) == 0, "offset of cancel_order_args.order_id");
#define SOLGRID_CANCEL_ORDER_DATA_LEN (8 + 8)

/* Instruction settle_lease: accounts in order, then data = discriminator || settle_lease_args. */
#define SOLGRID_SETTLE_LEASE_ACCOUNT_MARKET 0
#define SOLGRID_SETTLE_LEASE_ACCOUNT_LEASE 1 /* writable */
#define SOLGRID_SETTLE_LEASE_ACCOUNT_RENTER_BALANCE 2 /* writable */
#define SOLGRID_SETTLE_LEASE_ACCOUNT_PROVIDER_BALANCE 3 /* writable */
#define SOLGRID_SETTLE_LEASE_ACCOUNT_TREASURY_BALANCE 4 /* writable */
#define SOLGRID_SETTLE_LEASE_NUM_ACCOUNTS 5
#define SOLGRID_SETTLE_LEASE_DATA_LEN (8 + 0)

/* Instruction cancel_lease: accounts in order, then data = discriminator || cancel_lease_args. */
#define SOLGRID_CANCEL_LEASE_ACCOUNT_RENTER 0 /* signer */
#define SOLGRID_CANCEL_LEASE_ACCOUNT_MARKET 1
#define SOLGRID_CANCEL_LEASE_ACCOUNT_LEASE 2 /* writable */
#define SOLGRID_CANCEL_LEASE_ACCOUNT_RENTER_BALANCE 3 /* writable */
#define SOLGRID_CANCEL_LEASE_ACCOUNT_PROVIDER_BALANCE 4 /* writable */
#define SOLGRID_CANCEL_LEASE_ACCOUNT_TREASURY_BALANCE 5 /* writable */
#define SOLGRID_CANCEL_LEASE_NUM_ACCOUNTS 6
#define SOLGRID_CANCEL_LEASE_DATA_LEN (8 + 0)

/* Instruction release_lease: accounts in order, then data = discriminator || release_lease_args. */
#define SOLGRID_RELEASE_LEASE_ACCOUNT_PROVIDER 0 /* signer */
#define SOLGRID_RELEASE_LEASE_ACCOUNT_MARKET 1
#define SOLGRID_RELEASE_LEASE_ACCOUNT_LEASE 2 /* writable */
#define SOLGRID_RELEASE_LEASE_ACCOUNT_RENTER_BALANCE 3 /* writable */
#define SOLGRID_RELEASE_LEASE_ACCOUNT_PROVIDER_BALANCE 4 /* writable */
#define SOLGRID_RELEASE_LEASE_ACCOUNT_TREASURY_BALANCE 5 /* writable */
#define SOLGRID_RELEASE_LEASE_NUM_ACCOUNTS 6
#define SOLGRID_RELEASE_LEASE_DATA_LEN (8 + 0)

/* Instruction close_lease: accounts in order, then data = discriminator || close_lease_args. */
#define SOLGRID_CLOSE_LEASE_ACCOUNT_LEASE 0 /* writable, pda */
#define SOLGRID_CLOSE_LEASE_ACCOUNT_RENT_PAYER 1 /* writable */
#define SOLGRID_CLOSE_LEASE_ACCOUNT_BID_ORDER_STATE 2
#define SOLGRID_CLOSE_LEASE_ACCOUNT_ASK_ORDER_STATE 3
#define SOLGRID_CLOSE_LEASE_NUM_ACCOUNTS 4
#define SOLGRID_CLOSE_LEASE_DATA_LEN (8 + 0)

/* Instruction close_order_state: accounts in order, then data = discriminator || close_order_state_args. */
#define SOLGRID_CLOSE_ORDER_STATE_ACCOUNT_ORDER_STATE 0 /* writable */
#define SOLGRID_CLOSE_ORDER_STATE_ACCOUNT_MARKET 1
#define SOLGRID_CLOSE_ORDER_STATE_ACCOUNT_RENT_RECEIVER 2 /* writable */
#define SOLGRID_CLOSE_ORDER_STATE_NUM_ACCOUNTS 3
#define SOLGRID_CLOSE_ORDER_STATE_DATA_LEN (8 + 0)

#endif /* SOLGRID_MARKET_IDL_H */
