// The chain: LiteSVM state, the slot clock, transaction processing (preflight, blockhash age,
// history, fees, balances) and change events for WebSocket subscriptions.
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { FailedTransactionMetadata } from "litesvm";
import { getTransactionDecoder } from "@solana/kit";
import bs58 from "bs58";
import { createSvm, restoreSvm } from "./svm.mjs";
import { SlotClock } from "./clock.mjs";
import { History } from "./history.mjs";
import { feeForMessage } from "./fees.mjs";
import { parseTransaction, withBlockhash, isWritable } from "./wire.mjs";
import { txErrorJson, txErrorText } from "./txerror.mjs";
import { b58, b64 } from "./encoding.mjs";
import { RpcError } from "./json.mjs";
import { faucetAddress, FAUCET_LAMPORTS, transferTx } from "./faucet.mjs";

const SYSTEM = "11111111111111111111111111111111";
const ALT_HEADER = 56; // address lookup table: metadata before the 32-byte addresses
const txDecoder = getTransactionDecoder();

export class Chain extends EventEmitter {
  // open builds the chain from the ledger (if any) or from genesis, then loads --bpf-program files.
  static open({ features, slotMs, programs, ledger, log }) {
    const saved = ledger?.load();
    let svm;
    if (saved) {
      svm = restoreSvm(saved.svmBytes);
      if (saved.meta.features !== features) log(`ledger was created with --features ${saved.meta.features}; keeping it (ignoring --features ${features})`);
    } else {
      svm = createSvm(features);
      svm.setAccount({ address: faucetAddress, lamports: FAUCET_LAMPORTS, data: new Uint8Array(), programAddress: SYSTEM, executable: false });
    }
    const chain = new Chain(svm, new SlotClock(svm, slotMs, saved?.meta.clock ?? null), saved?.meta.features ?? features, ledger, log);
    for (const rec of saved?.records ?? []) chain.history.add(rec);
    for (const p of programs) {
      svm.addProgram(p.id, new Uint8Array(readFileSync(p.path)));
      log(`loaded program ${p.id} from ${p.path}`);
    }
    chain.changed();
    return chain;
  }

  constructor(svm, clock, features, ledger, log) {
    super();
    this.setMaxListeners(0);
    this.svm = svm;
    this.clock = clock;
    this.features = features;
    this.ledger = ledger;
    this.log = log;
    this.history = new History();
  }

  get slot() { return this.clock.slot; }
  sync() { if (this.clock.sync()) this.emit("slot", this.clock.slot); }

  changed() { this.ledger?.scheduleSave(this); }
  snapshotMeta() { return { features: this.features, clock: this.clock.state() }; }

  account(addressBytes) { return this.svm.inner.getAccount(addressBytes); }

  // accountKeys resolves static keys plus the addresses loaded from lookup tables (v0).
  accountKeys(message) {
    const writable = [], readonly = [];
    for (const l of message.addressTableLookups) {
      const table = this.account(bs58.decode(l.accountKey));
      if (!table) throw new RpcError(-32602, `address lookup table ${l.accountKey} not found`);
      const data = table.data();
      const at = (i) => {
        const off = ALT_HEADER + 32 * i;
        if (off + 32 > data.length) throw new RpcError(-32602, `address lookup table ${l.accountKey} has no index ${i}`);
        return b58(data.subarray(off, off + 32));
      };
      writable.push(...l.writableIndexes.map(at));
      readonly.push(...l.readonlyIndexes.map(at));
    }
    return { all: [...message.accountKeys, ...writable, ...readonly], loaded: { writable, readonly } };
  }

  balances(keys) { return keys.map((k) => (this.svm.inner.getBalance(bs58.decode(k)) ?? 0n).toString()); }

  // isNonceTransaction: first instruction is System AdvanceNonceAccount; its lifetime is the nonce,
  // not a recent blockhash (the nonce value itself is not checked here: a LiteSVM limitation).
  static isNonceTransaction(message) {
    const ix = message.instructions[0];
    return ix && message.accountKeys[ix.programIdIndex] === SYSTEM && ix.data.length >= 4 && ix.data[0] === 4 && ix.data[1] === 0;
  }

  blockhashOk(message) { return this.clock.isValid(message.recentBlockhash) || Chain.isNonceTransaction(message); }

  // simulate runs a transaction without committing it. Returns the RPC simulation value.
  simulate(wire, { sigVerify = false, replaceRecentBlockhash = false } = {}) {
    this.sync();
    let tx = parseTransaction(wire);
    let replacementBlockhash;
    if (replaceRecentBlockhash) {
      if (sigVerify) throw new RpcError(-32602, "sigVerify may not be used with replaceRecentBlockhash");
      tx = parseTransaction(withBlockhash(tx, this.clock.latestBytes()));
      replacementBlockhash = this.clock.latest();
    }
    const base = { accounts: null, innerInstructions: null, loadedAccountsDataSize: null, replacementBlockhash: replacementBlockhash ?? null };
    if (!this.blockhashOk(tx.message)) return { ...base, err: "BlockhashNotFound", logs: [], unitsConsumed: 0n, returnData: null };
    const r = this.runWithSigverify(sigVerify, () => this.svm.simulateTransaction(txDecoder.decode(tx.wire)));
    const failed = r instanceof FailedTransactionMetadata;
    const meta = r.meta();
    return {
      ...base,
      err: failed ? txErrorJson(r.err()) : null,
      logs: meta.logs(),
      unitsConsumed: meta.computeUnitsConsumed(),
      returnData: returnDataJson(meta),
      innerInstructions: innerInstructionsJson(meta),
    };
  }

  runWithSigverify(on, fn) {
    if (on) return fn();
    this.svm.withSigverify(false);
    try { return fn(); } finally { this.svm.withSigverify(true); }
  }

  // send processes a transaction like sendTransaction: preflight unless skipped, then commit.
  // Returns the signature. Preflight failures throw -32002 with {err, logs, unitsConsumed}.
  send(wire, { skipPreflight = false } = {}) {
    this.sync();
    const tx = parseTransaction(wire);
    const sig = tx.signature;
    if (!skipPreflight) {
      const sim = this.history.get(sig) ? { err: "AlreadyProcessed", logs: [], unitsConsumed: 0n } : this.simulate(wire, { sigVerify: true });
      if (sim.err) {
        throw new RpcError(-32002, `Transaction simulation failed: ${txErrorText(sim.err)}`,
          { err: sim.err, logs: sim.logs, unitsConsumed: sim.unitsConsumed, accounts: null, returnData: sim.returnData ?? null, innerInstructions: null });
      }
    }
    if (!this.blockhashOk(tx.message)) {
      this.log(`dropped ${sig}: Blockhash not found`); // as on a real cluster, a skipped-preflight tx with a stale blockhash never lands
      return sig;
    }
    const keys = this.accountKeys(tx.message);
    const pre = this.balances(keys.all);
    const r = this.svm.sendTransaction(txDecoder.decode(tx.wire));
    const failed = r instanceof FailedTransactionMetadata;
    const meta = failed ? r.meta() : r;
    const err = failed ? txErrorJson(r.err()) : null;
    if (failed && this.svm.getTransaction(sig) === null) {
      if (err === "SignatureFailure") throw new RpcError(-32003, "Transaction signature verification failure");
      this.log(`dropped ${sig}: ${txErrorText(err)}`);
      return sig;
    }
    const rec = {
      signature: sig, slot: this.clock.slot.toString(), blockTime: Number(this.clock.unixTimestamp()),
      transaction: b64(tx.wire), version: tx.message.version, err, logs: meta.logs(),
      unitsConsumed: meta.computeUnitsConsumed().toString(), fee: feeForMessage(tx.message).toString(),
      preBalances: pre, postBalances: this.balances(keys.all), accountKeys: keys.all, loadedAddresses: keys.loaded,
      innerInstructions: innerInstructionsJson(meta), returnData: returnDataJson(meta),
    };
    this.history.add(rec);
    this.ledger?.appendTransaction(rec);
    this.changed();
    this.emit("transaction", rec, keys.all.filter((_, i) => i >= tx.message.accountKeys.length || isWritable(tx.message, i)));
    return sig;
  }

  // airdrop sends a real, signed System transfer from the faucet.
  airdrop(toBytes, lamports) {
    this.sync();
    const wire = transferTx(toBytes, lamports, this.clock.latestBytes());
    const sig = this.send(wire);
    const rec = this.history.get(sig);
    if (!rec || rec.err) throw new RpcError(-32603, `airdrop failed: ${rec ? txErrorText(rec.err) : "not processed"}`);
    return sig;
  }
}

function innerInstructionsJson(meta) {
  return meta.innerInstructions().map((list, index) => ({
    index,
    instructions: list.map((ii) => {
      const c = ii.instruction();
      return { programIdIndex: c.programIdIndex(), accounts: [...c.accounts()], data: b58(c.data()), stackHeight: ii.stackHeight() };
    }),
  })).filter((x) => x.instructions.length > 0);
}

function returnDataJson(meta) {
  const rd = meta.returnData();
  const data = rd.data();
  if (!data.length) return null;
  return { programId: b58(rd.programId()), data: [b64(data), "base64"] };
}
