/* instructions.h - one handler per IDL instruction. A handler gets the parsed
 * input (discriminator already matched) and returns SOL_SUCCESS or an error;
 * it must check everything before its first write, so an error changes nothing. */
#ifndef SG_INSTRUCTIONS_H
#define SG_INSTRUCTIONS_H

#include "sol/entrypoint.h"

uint64_t sg_initialize_market(SolParameters *p);
uint64_t sg_update_market(SolParameters *p);
uint64_t sg_set_token_price(SolParameters *p);
uint64_t sg_open_balance(SolParameters *p);
uint64_t sg_deposit(SolParameters *p);
uint64_t sg_withdraw(SolParameters *p);
uint64_t sg_commit_leases(SolParameters *p);
uint64_t sg_cancel_order(SolParameters *p);
uint64_t sg_settle_lease(SolParameters *p);
uint64_t sg_cancel_lease(SolParameters *p);
uint64_t sg_release_lease(SolParameters *p);
uint64_t sg_close_lease(SolParameters *p);
uint64_t sg_close_order_state(SolParameters *p);

#endif
