/* sol/error.h - the u64 a program returns. 0 is success; a builtin
 * InstructionError is its ProgramError number shifted into the high 32 bits; any
 * other value with a zero high half is reported as Custom(value). Custom(0) has
 * its own builtin encoding, which is why program codes start at 6000. */
#ifndef SOL_ERROR_H
#define SOL_ERROR_H

#include "sol/types.h"

#define SOL_BUILTIN_ERROR(n) ((uint64_t)(n) << 32)

#define SOL_SUCCESS 0
#define SOL_ERR_CUSTOM_ZERO SOL_BUILTIN_ERROR(1)
#define SOL_ERR_INVALID_ARGUMENT SOL_BUILTIN_ERROR(2)
#define SOL_ERR_INVALID_INSTRUCTION_DATA SOL_BUILTIN_ERROR(3)
#define SOL_ERR_INVALID_ACCOUNT_DATA SOL_BUILTIN_ERROR(4)
#define SOL_ERR_ACCOUNT_DATA_TOO_SMALL SOL_BUILTIN_ERROR(5)
#define SOL_ERR_INSUFFICIENT_FUNDS SOL_BUILTIN_ERROR(6)
#define SOL_ERR_INCORRECT_PROGRAM_ID SOL_BUILTIN_ERROR(7)
#define SOL_ERR_MISSING_REQUIRED_SIGNATURES SOL_BUILTIN_ERROR(8)
#define SOL_ERR_ACCOUNT_ALREADY_INITIALIZED SOL_BUILTIN_ERROR(9)
#define SOL_ERR_UNINITIALIZED_ACCOUNT SOL_BUILTIN_ERROR(10)
#define SOL_ERR_NOT_ENOUGH_ACCOUNT_KEYS SOL_BUILTIN_ERROR(11)
#define SOL_ERR_ACCOUNT_BORROW_FAILED SOL_BUILTIN_ERROR(12)
#define SOL_ERR_MAX_SEED_LENGTH_EXCEEDED SOL_BUILTIN_ERROR(13)
#define SOL_ERR_INVALID_SEEDS SOL_BUILTIN_ERROR(14)

/* Custom codes must fit the low half and must not be 0 (that is success). */
static inline uint64_t sol_custom_error(uint32_t code) {
  return code == 0 ? SOL_ERR_CUSTOM_ZERO : (uint64_t)code;
}

#endif
