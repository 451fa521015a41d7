/* valid_calls.h - one valid call of each market-config, balance and
 * cancel_order instruction on a market made by initialize_market (host_market_init):
 * what the unit tests and fuzz_instructions start from and then break. */
#ifndef HOST_VALID_CALLS_H
#define HOST_VALID_CALLS_H

#include "ix_call.h"

#define VC_OWNER_KEY 0x81 /* the wallet that deposits, withdraws and cancels */
#define VC_OWNER_LAMPORTS 1000000000ULL
#define VC_USER_TOKENS 5000000ULL /* in the owner's source token account */
#define VC_DESTINATION_TOKENS 17ULL
#define VC_ORACLE_KEY 0x55 /* the fixture market's oracle authority */
#define VC_RENT_PAYER_KEY 0x8a /* paid the rent of vc_order_state's record (the matcher) */
#define VC_BALANCE_RENT ((128 + sizeof(Balance)) * 6960)
#define VC_ORDER_STATE_RENT ((128 + sizeof(OrderState)) * 6960)

/* Account slots. update_market and set_token_price: signer, market. */
enum { CFG_SIGNER, CFG_MARKET };
enum { D_OWNER, D_MARKET, D_MINT, D_BALANCE, D_SOURCE, D_VAULT, D_TOKEN_PROGRAM, D_SYSTEM };
enum { W_OWNER, W_MARKET, W_MINT, W_BALANCE, W_DESTINATION, W_VAULT, W_TOKEN_PROGRAM };
enum { O_PAYER, O_OWNER, O_MARKET, O_MINT, O_BALANCE, O_SYSTEM };
enum { C_OWNER, C_MARKET, C_ORDER_STATE, C_SYSTEM };
enum { X_ORDER_STATE, X_MARKET, X_RECEIVER };

/* The authority replaces every parameter and hands over to key 0x74..; *args
 * gets what was encoded. */
void vc_update_market(IxCall *c, const HostMarket *m, update_market_args *args);
/* The oracle sets the token price. */
void vc_set_token_price(IxCall *c, const HostMarket *m, uint64_t price);
/* A payer opens the platform-token Balance of another wallet (not yet open). */
void vc_open_balance(IxCall *c, const HostMarket *m);
/* The owner deposits stablecoin into its Balance, not yet open. */
void vc_deposit(IxCall *c, const HostMarket *m, uint64_t amount);
/* The owner withdraws stablecoin from its open Balance to another party's token
 * account; the vault holds exactly available + locked. */
void vc_withdraw(IxCall *c, const HostMarket *m, uint64_t amount, uint64_t available, uint64_t locked);
/* The owner cancels order_id, which has no OrderState yet. */
void vc_cancel_order(IxCall *c, const HostMarket *m, uint64_t order_id);

/* The OrderState PDA ["order", market, owner, order_id]. */
void vc_order_state_address(const HostMarket *m, const SolPubkey *owner, uint64_t order_id, SolPubkey *out,
                            uint8_t *bump);
/* An OrderState at that PDA, as a first fill of filled_gpus would have written it
 * (rent paid by VC_RENT_PAYER_KEY, the order expiring at 0). */
void vc_order_state(HostAccount *a, const HostMarket *m, const SolPubkey *owner, uint64_t order_id,
                    uint32_t filled_gpus);
/* Anyone closes the owner's OrderState of order_id, whose order expired right
 * now (expires_at = the host clock), to its rent payer. */
void vc_close_order_state(IxCall *c, const HostMarket *m, uint64_t order_id);

#endif
