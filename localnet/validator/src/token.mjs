// SPL Token (and Token-2022 base layout) account reading for the token RPC methods.
import { b58 } from "./encoding.mjs";

export const TOKEN_PROGRAM = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
export const TOKEN_2022_PROGRAM = "TokenzQdBNbLRTELmFYZsrBGWrsmSoEudJDSyrAJyAEG";
export const TOKEN_PROGRAMS = [TOKEN_PROGRAM, TOKEN_2022_PROGRAM];
const ACCOUNT_LEN = 165;
const ACCOUNT_TYPE_OFFSET = 165, ACCOUNT_TYPE_ACCOUNT = 2;

// isTokenAccount: a 165-byte SPL account, or a Token-2022 account with extensions (type byte 2).
export function isTokenAccount(data) {
  return data.length === ACCOUNT_LEN || (data.length > ACCOUNT_LEN && data[ACCOUNT_TYPE_OFFSET] === ACCOUNT_TYPE_ACCOUNT);
}

export function tokenAccountFields(data) {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { mint: b58(data.subarray(0, 32)), owner: b58(data.subarray(32, 64)), amount: dv.getBigUint64(64, true) };
}

export const mintDecimals = (data) => data[44];

// uiAmount renders a raw amount the way the RPC's UiTokenAmount does.
export function uiTokenAmount(amount, decimals) {
  const s = amount.toString().padStart(decimals + 1, "0");
  const whole = s.slice(0, s.length - decimals), frac = decimals ? s.slice(s.length - decimals).replace(/0+$/, "") : "";
  const uiAmountString = frac ? `${whole}.${frac}` : whole;
  return { amount: amount.toString(), decimals, uiAmount: Number(uiAmountString), uiAmountString };
}
