// JSON-RPC method handlers. Each takes (params, chain) and returns the result or throws RpcError.
import bs58 from "bs58";
import { RpcError, invalidParams } from "./json.mjs";
import { b58, pubkeyBytes, decodeWire, encodeAccount, compileFilters } from "./encoding.mjs";
import { parseMessage } from "./wire.mjs";
import { feeForMessage } from "./fees.mjs";
import { TOKEN_PROGRAMS, isTokenAccount, tokenAccountFields, mintDecimals, uiTokenAmount } from "./token.mjs";

// A transaction travels in one UDP packet (PACKET_DATA_SIZE, 1232 bytes), so
// validators refuse anything larger before looking at it (as agave's RPC does,
// with this message). --max-transaction-size raises the limit for tests only.
function decodeTransaction(chain, param, encoding = "base58") {
  const wire = decodeWire(param, encoding);
  const max = chain.maxTransactionSize ?? 1232;
  if (wire.length > max) {
    throw invalidParams(`decoded VersionedTransaction too large: ${wire.length} bytes (max: ${max} bytes)`);
  }
  return wire;
}

export const VERSION = { "solana-core": "3.0.0", "feature-set": 0, litesvm: "1.5.0" };
const MAX_MULTIPLE_ACCOUNTS = 100;

const ctx = (chain, value) => ({ context: { apiVersion: VERSION["solana-core"], slot: chain.slot }, value });
const cfg = (params, i) => (params[i] && typeof params[i] === "object" ? params[i] : {});
const statusOf = (err) => (err ? { Err: err } : { Ok: null });

function account(chain, address, opts) {
  const a = chain.account(pubkeyBytes(address));
  return a ? encodeAccount(a, opts) : null;
}

export const methods = {
  getHealth: () => "ok",
  getVersion: () => VERSION,
  getSlot: (_p, chain) => chain.slot,
  getBlockHeight: (_p, chain) => chain.clock.blockHeight(),
  getGenesisHash: () => "LiteSVMLocaLnet1111111111111111111111111111",
  getIdentity: () => ({ identity: "LiteSVMLocaLnet1111111111111111111111111111" }),
  getEpochInfo: (_p, chain) => ({ absoluteSlot: chain.slot, blockHeight: chain.clock.blockHeight(), epoch: chain.slot / 432000n,
    slotIndex: chain.slot % 432000n, slotsInEpoch: 432000, transactionCount: null }),

  getLatestBlockhash: (_p, chain) => ctx(chain, chain.clock.latest()),
  isBlockhashValid: (p, chain) => ctx(chain, chain.clock.isValid(p[0])),

  getBalance: (p, chain) => ctx(chain, chain.svm.inner.getBalance(pubkeyBytes(p[0])) ?? 0n),
  getAccountInfo: (p, chain) => ctx(chain, account(chain, p[0], cfg(p, 1))),
  getMultipleAccounts: (p, chain) => {
    if (!Array.isArray(p[0])) throw invalidParams("Invalid param: expected an array of pubkeys");
    if (p[0].length > MAX_MULTIPLE_ACCOUNTS) throw invalidParams(`Too many inputs provided; max ${MAX_MULTIPLE_ACCOUNTS}`);
    return ctx(chain, p[0].map((a) => account(chain, a, cfg(p, 1))));
  },
  getProgramAccounts: (p, chain) => {
    const c = cfg(p, 1);
    const filters = compileFilters(c.filters);
    const list = chain.svm.inner.getProgramAccounts(pubkeyBytes(p[0]))
      .map((x) => ({ pubkey: b58(x.address), acct: x.account() }))
      .filter(({ acct }) => { const d = acct.data(); return filters.every((f) => f(d)); })
      .map(({ pubkey, acct }) => ({ pubkey, account: encodeAccount(acct, c) }));
    return c.withContext ? ctx(chain, list) : list;
  },
  getMinimumBalanceForRentExemption: (p, chain) => chain.svm.minimumBalanceForRentExemption(BigInt(p[0] ?? 0)),
  getFeeForMessage: (p, chain) => {
    const msg = parseMessage(decodeWire(p[0], "base64"));
    return ctx(chain, chain.blockhashOk(msg) ? feeForMessage(msg) : null);
  },

  requestAirdrop: (p, chain) => {
    const lamports = BigInt(p[1] ?? 0);
    if (lamports <= 0n) throw invalidParams("Invalid param: lamports must be positive");
    return chain.airdrop(pubkeyBytes(p[0]), lamports);
  },
  sendTransaction: (p, chain) => {
    const c = cfg(p, 1);
    return chain.send(decodeTransaction(chain, p[0], c.encoding), { skipPreflight: !!c.skipPreflight });
  },
  simulateTransaction: (p, chain) => {
    const c = cfg(p, 1);
    const value = chain.simulate(decodeTransaction(chain, p[0], c.encoding), { sigVerify: !!c.sigVerify, replaceRecentBlockhash: !!c.replaceRecentBlockhash });
    if (c.accounts?.addresses) {
      value.accounts = c.accounts.addresses.map((a) => account(chain, a, { encoding: c.accounts.encoding ?? "base64" }));
    }
    return ctx(chain, value);
  },

  getSignatureStatuses: (p, chain) => {
    if (!Array.isArray(p[0])) throw invalidParams("Invalid param: expected an array of signatures");
    return ctx(chain, p[0].map((sig) => {
      const r = chain.history.get(sig);
      return r ? { slot: BigInt(r.slot), confirmations: null, err: r.err, status: statusOf(r.err), confirmationStatus: "finalized" } : null;
    }));
  },
  getTransaction: (p, chain) => {
    const c = typeof p[1] === "string" ? { encoding: p[1] } : cfg(p, 1);
    const r = chain.history.get(p[0]);
    if (!r) return null;
    if (r.version !== "legacy" && c.maxSupportedTransactionVersion === undefined) {
      throw new RpcError(-32015, `Transaction version (${r.version}) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": ${r.version}`);
    }
    return transactionJson(r, c.encoding ?? "json", c.maxSupportedTransactionVersion !== undefined);
  },
  getSignaturesForAddress: (p, chain) => {
    const c = cfg(p, 1);
    pubkeyBytes(p[0]);
    const limit = Math.min(Number(c.limit ?? 1000), 1000);
    return chain.history.forAddress(p[0], { limit, before: c.before, until: c.until }).map((r) => ({
      signature: r.signature, slot: BigInt(r.slot), err: r.err, memo: null, blockTime: r.blockTime, confirmationStatus: "finalized",
    }));
  },

  getTokenAccountBalance: (p, chain) => {
    const a = chain.account(pubkeyBytes(p[0]));
    if (!a || !TOKEN_PROGRAMS.includes(b58(a.owner())) || !isTokenAccount(a.data())) {
      throw invalidParams("Invalid param: not a Token account");
    }
    const { mint, amount } = tokenAccountFields(a.data());
    const m = chain.account(bs58.decode(mint));
    if (!m) throw invalidParams("Invalid param: Token mint could not be unpacked");
    return ctx(chain, uiTokenAmount(amount, mintDecimals(m.data())));
  },
  getTokenAccountsByOwner: (p, chain) => {
    pubkeyBytes(p[0]);
    const filter = cfg(p, 1), c = cfg(p, 2);
    let programs;
    if (filter.mint) {
      const m = chain.account(pubkeyBytes(filter.mint));
      if (!m) throw invalidParams("Invalid param: could not find mint");
      programs = [b58(m.owner())];
    } else if (filter.programId) {
      if (!TOKEN_PROGRAMS.includes(filter.programId)) throw invalidParams("Invalid param: unrecognized Token program id");
      programs = [filter.programId];
    } else throw invalidParams("Invalid param: expected {mint} or {programId}");
    const out = [];
    for (const prog of programs) {
      for (const x of chain.svm.inner.getProgramAccounts(bs58.decode(prog))) {
        const acct = x.account(), d = acct.data();
        if (!isTokenAccount(d)) continue;
        const f = tokenAccountFields(d);
        if (f.owner !== p[0] || (filter.mint && f.mint !== filter.mint)) continue;
        out.push({ pubkey: b58(x.address), account: encodeAccount(acct, { encoding: c.encoding ?? "base64", dataSlice: c.dataSlice }) });
      }
    }
    return ctx(chain, out);
  },

  // Test-only: move the Clock sysvar's unix_timestamp forward by params[0] seconds.
  localnet_warpClock: (p, chain) => {
    const seconds = Number(p[0]);
    if (!Number.isInteger(seconds) || seconds < 0) throw invalidParams("Invalid param: seconds must be a non-negative integer");
    chain.clock.warp(seconds);
    chain.changed();
    return { unixTimestamp: chain.clock.unixTimestamp(), slot: chain.slot };
  },
};

function transactionJson(r, encoding, versioned) {
  const wire = new Uint8Array(Buffer.from(r.transaction, "base64"));
  let transaction;
  if (encoding === "base64") transaction = [r.transaction, "base64"];
  else if (encoding === "base58") transaction = [b58(wire), "base58"];
  else if (encoding === "json" || encoding === "jsonParsed") transaction = transactionUiJson(wire);
  else throw invalidParams(`Invalid param: unsupported encoding ${encoding}`);
  const out = {
    slot: BigInt(r.slot), blockTime: r.blockTime, transaction,
    meta: {
      err: r.err, status: statusOf(r.err), fee: BigInt(r.fee),
      preBalances: r.preBalances.map(BigInt), postBalances: r.postBalances.map(BigInt),
      innerInstructions: r.innerInstructions, logMessages: r.logs, preTokenBalances: [], postTokenBalances: [], rewards: [],
      loadedAddresses: r.loadedAddresses, returnData: r.returnData ?? undefined, computeUnitsConsumed: BigInt(r.unitsConsumed),
    },
  };
  if (versioned) out.version = r.version;
  return out;
}

function transactionUiJson(wire) {
  // Re-parse: the signature count prefix is one compact-u16 byte for any realistic transaction.
  let i = 0, n = 0, shift = 0, b;
  do { b = wire[i++]; n |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
  const signatures = [];
  for (let k = 0; k < n; k++) signatures.push(b58(wire.subarray(i + 64 * k, i + 64 * (k + 1))));
  const m = parseMessage(wire.subarray(i + 64 * n));
  const message = {
    accountKeys: m.accountKeys, header: m.header, recentBlockhash: m.recentBlockhash,
    instructions: m.instructions.map((ix) => ({ programIdIndex: ix.programIdIndex, accounts: ix.accounts, data: b58(ix.data), stackHeight: null })),
  };
  if (m.version !== "legacy") message.addressTableLookups = m.addressTableLookups;
  return { signatures, message };
}

