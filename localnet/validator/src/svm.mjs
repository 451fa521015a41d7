// Construction of the LiteSVM instance for a feature-set name, and restore from a ledger snapshot.
import { LiteSVM, FeatureSet } from "litesvm";

// createSvm builds a fresh LiteSVM.
// "all": FeatureSet.allEnabled(), so SIMD-0500 (no SBPF v0-v2 deployments) is active like on an up-to-date cluster.
// "default": the new LiteSVM() defaults.
export function createSvm(features) {
  let svm;
  if (features === "default") svm = new LiteSVM();
  else if (features === "all") svm = new LiteSVM().withFeatureSet(FeatureSet.allEnabled()).withBuiltins().withPrecompiles().withDefaultPrograms();
  else throw new Error(`unknown feature set ${features}`);
  return configure(svm);
}

export function restoreSvm(bytes) {
  return configure(LiteSVM.fromBytes(bytes));
}

// The RPC layer keeps its own blockhash queue (150-slot validity like a real cluster) and checks it
// before handing a transaction to LiteSVM, whose own check only accepts the very latest blockhash.
function configure(svm) {
  return svm.withBlockhashCheck(false).withSigverify(true);
}
