// WebSocket PubSub: signatureSubscribe, accountSubscribe, slotSubscribe and their unsubscribes.
// Subscriptions are driven by the chain's "transaction" and "slot" events.
import bs58 from "bs58";
import { stringify, rawTopLevelId, response, errorResponse, RpcError, invalidParams } from "./json.mjs";
import { encodeAccount, pubkeyBytes } from "./encoding.mjs";

const SYSTEM = "11111111111111111111111111111111";

export class PubSub {
  constructor(chain, log) {
    this.chain = chain;
    this.log = log;
    this.nextId = 1;
    this.subs = new Map(); // id -> {socket, kind, key, opts}
    chain.on("transaction", (rec, writable) => this.onTransaction(rec, writable));
    chain.on("slot", (slot) => this.onSlot(slot));
  }

  attach(socket) {
    socket.on("message", (buf) => this.onMessage(socket, buf.toString()));
    socket.on("close", () => { for (const [id, s] of this.subs) if (s.socket === socket) this.subs.delete(id); });
  }

  onMessage(socket, text) {
    const rawId = rawTopLevelId(text);
    let req;
    try { req = JSON.parse(text); } catch { return socket.send(errorResponse("null", -32700, "Parse error")); }
    try {
      const result = this.handle(socket, req.method, Array.isArray(req.params) ? req.params : []);
      socket.send(response(rawId, result.value));
      result.after?.();
    } catch (e) {
      if (e instanceof RpcError) socket.send(errorResponse(rawId, e.code, e.message, e.data));
      else { this.log(`ws ${req.method}: ${e.stack}`); socket.send(errorResponse(rawId, -32603, `Internal error: ${e.message}`)); }
    }
  }

  handle(socket, method, params) {
    this.chain.sync();
    const opts = params[1] && typeof params[1] === "object" ? params[1] : {};
    switch (method) {
      case "signatureSubscribe": {
        if (typeof params[0] !== "string") throw invalidParams("Invalid param: expected a signature string");
        const id = this.add(socket, "signature", params[0], opts);
        const done = this.chain.history.get(params[0]);
        // Already processed: notify right after the subscription id, then drop the subscription.
        return { value: id, after: done ? () => this.notifySignature(id, done) : undefined };
      }
      case "accountSubscribe":
        pubkeyBytes(params[0]);
        encodeAccount({ data: () => new Uint8Array(), executable: () => false, lamports: () => 0n, owner: () => new Uint8Array(32), rentEpoch: () => 0n }, { encoding: opts.encoding ?? "base64" });
        return { value: this.add(socket, "account", params[0], opts) };
      case "slotSubscribe":
        return { value: this.add(socket, "slot", null, opts) };
      case "signatureUnsubscribe": case "accountUnsubscribe": case "slotUnsubscribe": {
        const kind = method.replace("Unsubscribe", "");
        const s = this.subs.get(Number(params[0]));
        if (!s || s.kind !== kind || s.socket !== socket) return { value: false };
        this.subs.delete(Number(params[0]));
        return { value: true };
      }
      default:
        throw new RpcError(-32601, "Method not found");
    }
  }

  add(socket, kind, key, opts) {
    const id = this.nextId++;
    this.subs.set(id, { socket, kind, key, opts });
    return id;
  }

  send(id, method, result) {
    const s = this.subs.get(id);
    if (!s || s.socket.readyState !== 1) return;
    s.socket.send(`{"jsonrpc":"2.0","method":"${method}","params":{"result":${stringify(result)},"subscription":${id}}}`);
  }

  notifySignature(id, rec) {
    this.send(id, "signatureNotification", { context: { slot: BigInt(rec.slot) }, value: { err: rec.err } });
    this.subs.delete(id);
  }

  onTransaction(rec, writable) {
    const touched = new Set(writable);
    for (const [id, s] of this.subs) {
      if (s.kind === "signature" && s.key === rec.signature) this.notifySignature(id, rec);
      else if (s.kind === "account" && touched.has(s.key)) {
        const a = this.chain.account(bs58.decode(s.key));
        const value = a ? encodeAccount(a, { encoding: s.opts.encoding ?? "base64" })
          : { data: ["", "base64"], executable: false, lamports: 0n, owner: SYSTEM, rentEpoch: 0n, space: 0 };
        this.send(id, "accountNotification", { context: { slot: this.chain.slot }, value });
      }
    }
  }

  onSlot(slot) {
    for (const [id, s] of this.subs) {
      if (s.kind === "slot") this.send(id, "slotNotification", { parent: slot - 1n, root: slot, slot });
    }
  }
}
