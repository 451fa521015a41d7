// Transaction fee, as the runtime charges it: 5000 lamports per signature (transaction signatures plus
// the signatures checked by the ed25519/secp256k1/secp256r1 precompiles) plus the prioritization fee.

export const LAMPORTS_PER_SIGNATURE = 5000n;
const COMPUTE_BUDGET = "ComputeBudget111111111111111111111111111111";
const PRECOMPILES = new Set(["Ed25519SigVerify111111111111111111111111111", "KeccakSecp256k11111111111111111111111111111",
  "Secp256r1SigVerify1111111111111111111111111"]);
const DEFAULT_UNITS_PER_INSTRUCTION = 200_000n;
const MAX_UNITS = 1_400_000n;

export function feeForMessage(message) {
  let signatures = BigInt(message.header.numRequiredSignatures);
  let price = 0n, limit = null, nonBudget = 0n;
  for (const ix of message.instructions) {
    const program = message.accountKeys[ix.programIdIndex];
    if (PRECOMPILES.has(program) && ix.data.length > 0) signatures += BigInt(ix.data[0]);
    if (program === COMPUTE_BUDGET) {
      const dv = new DataView(ix.data.buffer, ix.data.byteOffset, ix.data.byteLength);
      if (ix.data[0] === 2 && ix.data.length >= 5) limit = BigInt(dv.getUint32(1, true));
      if (ix.data[0] === 3 && ix.data.length >= 9) price = dv.getBigUint64(1, true);
    } else nonBudget++;
  }
  // Without SetComputeUnitLimit the runtime assumes 200k CU per instruction (approximation: newer
  // runtimes give builtins less, which only matters when a price is set without a limit).
  const units = limit ?? (nonBudget * DEFAULT_UNITS_PER_INSTRUCTION < MAX_UNITS ? nonBudget * DEFAULT_UNITS_PER_INSTRUCTION : MAX_UNITS);
  const priority = (price * units + 999_999n) / 1_000_000n;
  return signatures * LAMPORTS_PER_SIGNATURE + priority;
}
