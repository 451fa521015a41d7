// Byte and account encodings used by the JSON-RPC responses.
import bs58 from "bs58";
import { invalidParams } from "./json.mjs";

export const b58 = (bytes) => bs58.encode(bytes);
export const b64 = (bytes) => Buffer.from(bytes).toString("base64");

export function fromB58(s, what = "value") {
  try { return bs58.decode(s); } catch { throw invalidParams(`Invalid param: ${what} is not valid base58`); }
}

// pubkeyBytes decodes a base58 address and checks it is 32 bytes.
export function pubkeyBytes(s) {
  if (typeof s !== "string") throw invalidParams("Invalid param: expected a base58 pubkey string");
  const b = fromB58(s, "pubkey");
  if (b.length !== 32) throw invalidParams(`Invalid param: Invalid pubkey ${s}`);
  return b;
}

// decodeWire decodes a transaction or message string in the given RPC encoding (default base58).
export function decodeWire(s, encoding = "base58") {
  if (typeof s !== "string") throw invalidParams("Invalid param: expected an encoded transaction string");
  if (encoding === "base64") return new Uint8Array(Buffer.from(s, "base64"));
  if (encoding === "base58") return fromB58(s, "transaction");
  throw invalidParams(`Invalid param: unsupported encoding ${encoding}`);
}

// sliceData applies an RPC dataSlice {offset, length}.
export function sliceData(data, dataSlice) {
  if (!dataSlice) return data;
  const off = Number(dataSlice.offset ?? 0), len = Number(dataSlice.length ?? 0);
  return data.subarray(Math.min(off, data.length), Math.min(off + len, data.length));
}

// encodeAccount renders a LiteSVM Account as an RPC UiAccount.
// jsonParsed falls back to base64, as real validators do for data they cannot parse.
export function encodeAccount(account, { encoding = "binary", dataSlice } = {}) {
  const raw = account.data();
  const data = sliceData(raw, dataSlice);
  let encoded;
  switch (encoding) {
    case "base64": case "jsonParsed": encoded = [b64(data), "base64"]; break;
    case "base58": encoded = [b58(data), "base58"]; break;
    case "binary": encoded = b58(data); break; // legacy default: bare base58 string
    default: throw invalidParams(`Invalid param: unsupported encoding ${encoding}`);
  }
  return {
    data: encoded,
    executable: account.executable(),
    lamports: account.lamports(),
    owner: b58(account.owner()),
    rentEpoch: account.rentEpoch(),
    space: raw.length,
  };
}

// matchesFilters implements getProgramAccounts filters: dataSize and memcmp (bytes in base58 or base64).
export function compileFilters(filters = []) {
  if (!Array.isArray(filters)) throw invalidParams("Invalid param: filters must be an array");
  return filters.map((f) => {
    if (f.dataSize !== undefined) { const n = Number(f.dataSize); return (d) => d.length === n; }
    if (f.memcmp) {
      const off = Number(f.memcmp.offset ?? 0);
      const enc = f.memcmp.encoding ?? "base58";
      const want = enc === "base64" ? new Uint8Array(Buffer.from(f.memcmp.bytes, "base64"))
        : enc === "base58" ? fromB58(f.memcmp.bytes, "memcmp bytes")
        : (() => { throw invalidParams(`Invalid param: unsupported memcmp encoding ${enc}`); })();
      return (d) => off + want.length <= d.length && Buffer.from(d.subarray(off, off + want.length)).equals(Buffer.from(want));
    }
    throw invalidParams(`Invalid param: unsupported filter ${JSON.stringify(f)}`);
  });
}
