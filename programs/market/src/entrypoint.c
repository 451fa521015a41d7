/* entrypoint.c - parse the input, dispatch on the 8-byte Anchor discriminator,
 * log IDL errors Anchor-style. PDAs and ownership always use the program id the
 * runtime passes, so the code is correct at whatever address it is deployed. */
#include "program.h"
#include "errors.h"
#include "instructions/instructions.h"
#include "sol/mem.h"

uint64_t sg_dispatch(SolParameters *p) {
  if (p->data_len < 8)
    return SG_ERR(INVALID_INSTRUCTION_DATA);
  switch (sol_read_u64(p->data)) {
  case SOLGRID_IX_INITIALIZE_MARKET_U64:
    return sg_initialize_market(p);
  case SOLGRID_IX_UPDATE_MARKET_U64:
    return sg_update_market(p);
  case SOLGRID_IX_SET_TOKEN_PRICE_U64:
    return sg_set_token_price(p);
  case SOLGRID_IX_OPEN_BALANCE_U64:
    return sg_open_balance(p);
  case SOLGRID_IX_DEPOSIT_U64:
    return sg_deposit(p);
  case SOLGRID_IX_WITHDRAW_U64:
    return sg_withdraw(p);
  case SOLGRID_IX_COMMIT_LEASES_U64:
    return sg_commit_leases(p);
  case SOLGRID_IX_CANCEL_ORDER_U64:
    return sg_cancel_order(p);
  case SOLGRID_IX_SETTLE_LEASE_U64:
    return sg_settle_lease(p);
  case SOLGRID_IX_CANCEL_LEASE_U64:
    return sg_cancel_lease(p);
  case SOLGRID_IX_RELEASE_LEASE_U64:
    return sg_release_lease(p);
  case SOLGRID_IX_CLOSE_LEASE_U64:
    return sg_close_lease(p);
  case SOLGRID_IX_CLOSE_ORDER_STATE_U64:
    return sg_close_order_state(p);
  default:
    return SG_ERR(UNKNOWN_INSTRUCTION);
  }
}

uint64_t sg_process(const uint8_t *input, uint64_t input_len) {
  SolAccountInfo accounts[SG_MAX_ACCOUNTS];
  SolParameters p = {.accounts = accounts};
  uint64_t r;
  if (!sol_deserialize(input, input_len, &p, SG_MAX_ACCOUNTS))
    return SOL_ERR_INVALID_ARGUMENT;
  r = sg_dispatch(&p);
  if (r != SOL_SUCCESS)
    sg_log_error(r);
  return r;
}

uint64_t entrypoint(const uint8_t *input) { return sg_process(input, SOL_INPUT_LEN_UNKNOWN); }
