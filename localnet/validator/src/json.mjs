// JSON helpers that keep u64 values and request ids exact.
// JS numbers lose precision above 2^53, but u64 fields (lamports, rentEpoch = u64::MAX) and
// solana-go's WebSocket request ids (rand.Int63) are larger, so they travel as raw digits.

const BIG = "@@bigint:";
const BIG_RE = new RegExp(`"${BIG}(-?\\d+)"`, "g");

// stringify renders BigInt values as bare JSON numbers.
export function stringify(value) {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? BIG + v.toString() : v)).replace(BIG_RE, "$1");
}

// rawTopLevelId returns the exact source text of the top-level "id" member of a JSON object,
// or "null" if there is none. It skips nested values and strings, so ids inside params are ignored.
export function rawTopLevelId(text) {
  let i = skipWs(text, 0);
  if (text[i] !== "{") return "null";
  i++;
  for (;;) {
    i = skipWs(text, i);
    if (text[i] === "}" || i >= text.length) return "null";
    if (text[i] === ",") { i++; continue; }
    const keyEnd = endOfString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd));
    i = skipWs(text, keyEnd);
    if (text[i] !== ":") return "null";
    const start = skipWs(text, i + 1);
    const end = endOfValue(text, start);
    if (key === "id") return text.slice(start, end).trim();
    i = end;
  }
}

function skipWs(t, i) { while (i < t.length && " \t\r\n".includes(t[i])) i++; return i; }
function endOfString(t, i) { // t[i] === '"'
  for (let j = i + 1; j < t.length; j++) {
    if (t[j] === "\\") j++;
    else if (t[j] === '"') return j + 1;
  }
  return t.length;
}
function endOfValue(t, i) {
  if (t[i] === '"') return endOfString(t, i);
  if (t[i] === "{" || t[i] === "[") {
    let depth = 0;
    for (let j = i; j < t.length; j++) {
      const c = t[j];
      if (c === '"') { j = endOfString(t, j) - 1; continue; }
      if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") { depth--; if (depth === 0) return j + 1; }
    }
    return t.length;
  }
  let j = i;
  while (j < t.length && !",}]".includes(t[j])) j++;
  return j;
}

// response builds a JSON-RPC 2.0 response around an id given as raw JSON text.
export function response(rawId, result) {
  return `{"jsonrpc":"2.0","result":${stringify(result === undefined ? null : result)},"id":${rawId}}`;
}
export function errorResponse(rawId, code, message, data) {
  const error = data === undefined ? { code, message } : { code, message, data };
  return `{"jsonrpc":"2.0","error":${stringify(error)},"id":${rawId}}`;
}

// RpcError is thrown by method handlers and turned into a JSON-RPC error object.
export class RpcError extends Error {
  constructor(code, message, data) { super(message); this.code = code; this.data = data; }
}
export const invalidParams = (msg) => new RpcError(-32602, msg);
