// Conversion of LiteSVM transaction errors into the RPC JSON form (serde of agave's TransactionError)
// and into the Display text that real validators put into "Transaction simulation failed: ...".
import internal from "litesvm/dist/internal.js";

const { InstructionErrorCustom, InstructionErrorBorshIo, TransactionErrorInstructionError, TransactionErrorDuplicateInstruction,
  TransactionErrorInsufficientFundsForRent, TransactionErrorProgramExecutionTemporarilyRestricted } = internal;

// Variant order of the napi const enums in litesvm 1.5.0 (internal.d.ts); const enums are erased at runtime.
const TX_FIELDLESS = ["AccountInUse", "AccountLoadedTwice", "AccountNotFound", "ProgramAccountNotFound", "InsufficientFundsForFee",
  "InvalidAccountForFee", "AlreadyProcessed", "BlockhashNotFound", "CallChainTooDeep", "MissingSignatureForFee", "InvalidAccountIndex",
  "SignatureFailure", "InvalidProgramForExecution", "SanitizeFailure", "ClusterMaintenance", "AccountBorrowOutstanding",
  "WouldExceedMaxBlockCostLimit", "UnsupportedVersion", "InvalidWritableAccount", "WouldExceedMaxAccountCostLimit",
  "WouldExceedAccountDataBlockLimit", "TooManyAccountLocks", "AddressLookupTableNotFound", "InvalidAddressLookupTableOwner",
  "InvalidAddressLookupTableData", "InvalidAddressLookupTableIndex", "InvalidRentPayingAccount", "WouldExceedMaxVoteCostLimit",
  "WouldExceedAccountDataTotalLimit", "MaxLoadedAccountsDataSizeExceeded", "ResanitizationNeeded", "InvalidLoadedAccountsDataSizeLimit",
  "UnbalancedTransaction", "ProgramCacheHitMaxLimit", "CommitCancelled"];
const IX_FIELDLESS = ["GenericError", "InvalidArgument", "InvalidInstructionData", "InvalidAccountData", "AccountDataTooSmall",
  "InsufficientFunds", "IncorrectProgramId", "MissingRequiredSignature", "AccountAlreadyInitialized", "UninitializedAccount",
  "UnbalancedInstruction", "ModifiedProgramId", "ExternalAccountLamportSpend", "ExternalAccountDataModified", "ReadonlyLamportChange",
  "ReadonlyDataModified", "DuplicateAccountIndex", "ExecutableModified", "RentEpochModified", "NotEnoughAccountKeys",
  "AccountDataSizeChanged", "AccountNotExecutable", "AccountBorrowFailed", "AccountBorrowOutstanding", "DuplicateAccountOutOfSync",
  "InvalidError", "ExecutableDataModified", "ExecutableLamportChange", "ExecutableAccountNotRentExempt", "UnsupportedProgramId",
  "CallDepth", "MissingAccount", "ReentrancyNotAllowed", "MaxSeedLengthExceeded", "InvalidSeeds", "InvalidRealloc",
  "ComputationalBudgetExceeded", "PrivilegeEscalation", "ProgramEnvironmentSetupFailure", "ProgramFailedToComplete",
  "ProgramFailedToCompile", "Immutable", "IncorrectAuthority", "AccountNotRentExempt", "InvalidAccountOwner", "ArithmeticOverflow",
  "UnsupportedSysvar", "IllegalOwner", "MaxAccountsDataAllocationsExceeded", "MaxAccountsExceeded",
  "MaxInstructionTraceLengthExceeded", "BuiltinProgramsMustConsumeComputeUnits", "BorshIoError"];

// txErrorJson converts FailedTransactionMetadata.err() into RPC JSON.
export function txErrorJson(err) {
  if (typeof err === "number") return TX_FIELDLESS[err] ?? `UnknownError${err}`;
  if (err instanceof TransactionErrorInstructionError) return { InstructionError: [err.index, ixErrorJson(err.err())] };
  if (err instanceof TransactionErrorDuplicateInstruction) return { DuplicateInstruction: err.index };
  if (err instanceof TransactionErrorInsufficientFundsForRent) return { InsufficientFundsForRent: { account_index: err.accountIndex } };
  if (err instanceof TransactionErrorProgramExecutionTemporarilyRestricted) return { ProgramExecutionTemporarilyRestricted: { account_index: err.accountIndex } };
  return String(err);
}

function ixErrorJson(e) {
  if (typeof e === "number") return IX_FIELDLESS[e] ?? `UnknownError${e}`;
  if (e instanceof InstructionErrorCustom) return { Custom: e.code };
  if (e instanceof InstructionErrorBorshIo) return { BorshIoError: e.msg };
  return String(e);
}

const TX_TEXT = {
  AccountInUse: "Account in use", AccountLoadedTwice: "Account loaded twice",
  AccountNotFound: "Attempt to debit an account but found no record of a prior credit.",
  ProgramAccountNotFound: "Attempt to load a program that does not exist", InsufficientFundsForFee: "Insufficient funds for fee",
  InvalidAccountForFee: "This account may not be used to pay transaction fees", AlreadyProcessed: "This transaction has already been processed",
  BlockhashNotFound: "Blockhash not found", MissingSignatureForFee: "Transaction did not pass signature verification",
  SignatureFailure: "Transaction did not pass signature verification", SanitizeFailure: "Transaction failed to sanitize accounts offsets correctly",
  InvalidProgramForExecution: "Attempt to load a program that does not exist", UnsupportedVersion: "Transaction version is unsupported",
  InvalidWritableAccount: "Transaction loads a writable account that cannot be written",
};
const IX_TEXT = {
  GenericError: "generic instruction error", InvalidArgument: "invalid program argument", InvalidInstructionData: "invalid instruction data",
  InvalidAccountData: "invalid account data for instruction", AccountDataTooSmall: "account data too small for instruction",
  InsufficientFunds: "insufficient funds for instruction", IncorrectProgramId: "incorrect program id for instruction",
  MissingRequiredSignature: "missing required signature for instruction", AccountAlreadyInitialized: "instruction requires an uninitialized account",
  UninitializedAccount: "instruction requires an initialized account", PrivilegeEscalation: "Cross-program invocation with unauthorized signer or writable account",
  ComputationalBudgetExceeded: "Computational budget exceeded", ProgramFailedToComplete: "Program failed to complete",
  InvalidSeeds: "Provided seeds do not result in a valid address", IncorrectAuthority: "Incorrect authority provided",
  InvalidAccountOwner: "Invalid account owner", ArithmeticOverflow: "Program arithmetic overflowed", MissingAccount: "An account required by the instruction is missing",
  NotEnoughAccountKeys: "insufficient account keys for instruction", AccountNotExecutable: "instruction expected an executable account",
  ReadonlyDataModified: "instruction modified data of a read-only account", ReadonlyLamportChange: "instruction changed the balance of a read-only account",
  ExternalAccountDataModified: "instruction modified data of an account it does not own", ExternalAccountLamportSpend: "instruction spent from the balance of an account it does not own",
  UnbalancedInstruction: "sum of account balances before and after instruction do not match", IllegalOwner: "Provided owner is not allowed",
};

// txErrorText renders the agave Display text of an RPC-JSON transaction error.
export function txErrorText(json) {
  if (typeof json === "string") return TX_TEXT[json] ?? json;
  if (json.InstructionError) {
    const [i, e] = json.InstructionError;
    let t;
    if (typeof e === "string") t = IX_TEXT[e] ?? e;
    else if (e.Custom !== undefined) t = `custom program error: 0x${e.Custom.toString(16)}`;
    else if (e.BorshIoError !== undefined) t = `Failed to serialize or deserialize account data: ${e.BorshIoError}`;
    else t = JSON.stringify(e);
    return `Error processing Instruction ${i}: ${t}`;
  }
  if (json.InsufficientFundsForRent) return `Transaction results in an account (${json.InsufficientFundsForRent.account_index}) with insufficient funds for rent`;
  if (json.DuplicateInstruction !== undefined) return `Transaction contains a duplicate instruction (${json.DuplicateInstruction}) that is not allowed`;
  return JSON.stringify(json);
}
