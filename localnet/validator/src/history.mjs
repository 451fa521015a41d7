// Transaction history: what getTransaction, getSignatureStatuses and getSignaturesForAddress read.
// A record is plain JSON (u64 values as decimal strings) so the ledger can append it as one line.
export class History {
  constructor() {
    this.bySignature = new Map();
    this.byAddress = new Map(); // address -> signatures, oldest first
  }

  add(rec) {
    this.bySignature.set(rec.signature, rec);
    for (const a of new Set(rec.accountKeys)) {
      let list = this.byAddress.get(a);
      if (!list) this.byAddress.set(a, (list = []));
      list.push(rec.signature);
    }
  }

  get(signature) { return this.bySignature.get(signature); }

  // forAddress returns records newest first, honouring before/until (exclusive) and limit.
  forAddress(address, { limit = 1000, before, until } = {}) {
    const list = this.byAddress.get(address) ?? [];
    const out = [];
    let started = before === undefined;
    for (let i = list.length - 1; i >= 0 && out.length < limit; i--) {
      const sig = list[i];
      if (!started) { if (sig === before) started = true; continue; }
      if (sig === until) break;
      out.push(this.bySignature.get(sig));
    }
    return out;
  }
}
