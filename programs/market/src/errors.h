/* errors.h - what the program returns. Custom errors are the IDL codes (6000...)
 * returned as the u64 itself, which the runtime reports as Custom(code) and
 * clients map back through the IDL; runtime-level failures (malformed input) use
 * the builtin encoding of sol/error.h. */
#ifndef SG_ERRORS_H
#define SG_ERRORS_H

#include "sol/error.h"
#include "solgrid_market_idl.h"

#define SG_ERR(name) ((uint64_t)SOLGRID_ERR_##name)

/* Logs an IDL error the way Anchor does, so explorers and the Anchor client
 * show name and message; builtin errors are logged by the runtime itself. */
void sg_log_error(uint64_t code);

#endif
