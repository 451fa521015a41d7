/* sol/account.h - an account as the program sees it. The field order and types
 * are the C ABI the runtime reads back in sol_invoke_signed_c, so they must not
 * change. Pointers point into the input region: writing lamports or data writes
 * the account (the runtime checks the writes at the end). */
#ifndef SOL_ACCOUNT_H
#define SOL_ACCOUNT_H

#include "sol/types.h"

typedef struct SolAccountInfo {
  SolPubkey *key;
  uint64_t *lamports;
  uint64_t data_len; /* updated by the runtime after a CPI that resizes the account */
  uint8_t *data;
  SolPubkey *owner;
  uint64_t rent_epoch;
  bool is_signer;
  bool is_writable;
  bool executable;
} SolAccountInfo;

#endif
