// Parser for legacy and v0 wire transactions: the fields the RPC layer needs
// (signatures, header, keys, blockhash position, instructions, lookups).
import { b58 } from "./encoding.mjs";
import { invalidParams } from "./json.mjs";

function readCompactU16(buf, pos) {
  let v = 0;
  for (let i = 0; i < 3; i++) {
    if (pos.i >= buf.length) throw new Error("truncated compact-u16");
    const b = buf[pos.i++];
    v |= (b & 0x7f) << (7 * i);
    if (!(b & 0x80)) return v;
  }
  return v;
}
function take(buf, pos, n) {
  if (pos.i + n > buf.length) throw new Error("truncated transaction");
  const out = buf.subarray(pos.i, pos.i + n);
  pos.i += n;
  return out;
}

// parseMessage parses message bytes (without signatures).
export function parseMessage(msg) {
  const pos = { i: 0 };
  let version = "legacy";
  if (msg[0] & 0x80) { version = msg[0] & 0x7f; pos.i++; if (version !== 0) throw new Error(`unsupported transaction version ${version}`); }
  const [numRequiredSignatures, numReadonlySignedAccounts, numReadonlyUnsignedAccounts] = take(msg, pos, 3);
  const nKeys = readCompactU16(msg, pos);
  const accountKeys = [];
  for (let k = 0; k < nKeys; k++) accountKeys.push(b58(take(msg, pos, 32)));
  const blockhashOffset = pos.i;
  const recentBlockhash = b58(take(msg, pos, 32));
  const nIx = readCompactU16(msg, pos);
  const instructions = [];
  for (let k = 0; k < nIx; k++) {
    const programIdIndex = take(msg, pos, 1)[0];
    const accounts = [...take(msg, pos, readCompactU16(msg, pos))];
    const data = take(msg, pos, readCompactU16(msg, pos));
    instructions.push({ programIdIndex, accounts, data });
  }
  const addressTableLookups = [];
  if (version === 0) {
    const nL = readCompactU16(msg, pos);
    for (let k = 0; k < nL; k++) {
      const accountKey = b58(take(msg, pos, 32));
      const writableIndexes = [...take(msg, pos, readCompactU16(msg, pos))];
      const readonlyIndexes = [...take(msg, pos, readCompactU16(msg, pos))];
      addressTableLookups.push({ accountKey, writableIndexes, readonlyIndexes });
    }
  }
  return { version, header: { numRequiredSignatures, numReadonlySignedAccounts, numReadonlyUnsignedAccounts },
    accountKeys, recentBlockhash, blockhashOffset, instructions, addressTableLookups };
}

// parseTransaction parses a full wire transaction. Throws an RPC invalid-params error on garbage.
export function parseTransaction(wire) {
  try {
    const pos = { i: 0 };
    const nSig = readCompactU16(wire, pos);
    const signatures = [];
    for (let k = 0; k < nSig; k++) signatures.push(take(wire, pos, 64));
    const messageOffset = pos.i;
    const message = parseMessage(wire.subarray(messageOffset));
    if (nSig === 0 || nSig !== message.header.numRequiredSignatures) throw new Error("signature count does not match the message header");
    return { wire, signatures, signature: b58(signatures[0]), messageOffset, message };
  } catch (e) {
    if (e.code) throw e;
    throw invalidParams(`invalid transaction: ${e.message}`);
  }
}

// withBlockhash returns a copy of the wire transaction with its recent blockhash replaced.
export function withBlockhash(tx, blockhashBytes) {
  const out = new Uint8Array(tx.wire);
  out.set(blockhashBytes, tx.messageOffset + tx.message.blockhashOffset);
  return out;
}

// isWritable tells whether static key i of the message is writable (by the header rules).
export function isWritable(message, i) {
  const h = message.header, n = message.accountKeys.length;
  if (i < h.numRequiredSignatures) return i < h.numRequiredSignatures - h.numReadonlySignedAccounts;
  return i < n - h.numReadonlyUnsignedAccounts;
}
