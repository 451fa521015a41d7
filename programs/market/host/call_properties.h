/* call_properties.h - what a SUCCESSFUL call of update_market, set_token_price,
 * open_balance, deposit, withdraw, cancel_order or close_order_state must have done, judged from
 * the accounts before and after (the failing case, "nothing changed", is
 * ix_run's check). Used by fuzz_instructions and by regression tests. */
#ifndef HOST_CALL_PROPERTIES_H
#define HOST_CALL_PROPERTIES_H

#include "ix_call.h"

/* NULL if the call kept every promise, else what it broke. `now` is the clock
 * the call ran with. Checked for every call:
 *   - only writable accounts changed (the runtime's rule);
 *   - lamports and SPL token amounts are conserved over the distinct accounts;
 * and by the instruction its data names:
 *   - update_market / set_token_price: signed by the market's authority / oracle,
 *     and the Market changed in exactly the fields the instruction sets;
 *   - deposit / withdraw: the vault's token amount moved by the amount, the
 *     signer's Balance.available by the same, Balance.locked not at all;
 *   - open_balance: a Balance of (market, owner, mint), an open one untouched;
 *   - cancel_order: the signer's OrderState at its PDA is cancelled, nothing else
 *     in it changed;
 *   - close_order_state: an OrderState at its PDA whose stored order has expired
 *     is gone, all its lamports with the rent payer it recorded. */
const char *call_broken_promise(const IxCall *before, const IxCall *after, int64_t now);

#endif
