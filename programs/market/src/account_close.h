/* account_close.h - closing an account this program owns, without a CPI. The
 * aligned loader ABI serialises each account's lamports, data length and owner
 * in the input, and the runtime reads all three back after the program ran: it
 * accepts a program-owned account losing lamports, shrinking, and being assigned
 * to another owner once its data is empty. */
#ifndef SG_ACCOUNT_CLOSE_H
#define SG_ACCOUNT_CLOSE_H

#include "sol/entrypoint.h"

/* Moves all of a's lamports to `to` (writable; false, nothing changed, if its
 * balance would overflow), zeroes a's data, shrinks it to 0 bytes and hands it
 * to the System program. The account is then gone at the end of the
 * transaction, and even later in the same transaction it is an empty System
 * account, not one of ours that could be refunded and reused. */
bool sg_close_account(SolAccountInfo *a, SolAccountInfo *to);

#endif
