// The airdrop faucet: a fixed keypair whose System transfers are real, signed transactions,
// so airdrops show up in getTransaction and getSignaturesForAddress like any other transaction.
import { createPrivateKey, createPublicKey, sign } from "node:crypto";
import { b58 } from "./encoding.mjs";

const SEED = new Uint8Array(32).fill(0xfa);
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, SEED]), format: "der", type: "pkcs8" });
const publicKey = new Uint8Array(createPublicKey(privateKey).export({ format: "der", type: "spki" }).subarray(-32));
const SYSTEM = new Uint8Array(32);

export const FAUCET_LAMPORTS = 500_000_000n * 1_000_000_000n; // 500M SOL, solana-test-validator's faucet is similar
export const faucetAddress = b58(publicKey);

// transferTx returns the wire bytes of a legacy System transfer from the faucet.
export function transferTx(toBytes, lamports, blockhashBytes) {
  const data = Buffer.alloc(12);
  data.writeUInt32LE(2, 0); // SystemInstruction::Transfer
  data.writeBigUInt64LE(BigInt(lamports), 4);
  const message = Buffer.concat([
    Buffer.from([1, 0, 1, 3]), publicKey, toBytes, SYSTEM, blockhashBytes,
    Buffer.from([1, 2, 2, 0, 1, data.length]), data,
  ]);
  return new Uint8Array(Buffer.concat([Buffer.from([1]), sign(null, message, privateKey), message]));
}
