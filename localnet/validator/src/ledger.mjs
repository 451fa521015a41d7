// Ledger persistence (--ledger DIR): the full LiteSVM snapshot (accounts, sysvars, feature set),
// the slot clock state, and an append-only transaction log. Snapshots are written shortly after
// every change and on shutdown; the transaction log is appended synchronously per transaction.
import { mkdirSync, readFileSync, writeFileSync, renameSync, appendFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";

const STATE = "state.bin", META = "chain.json", TXLOG = "transactions.jsonl";
const SAVE_DELAY_MS = 200;

export class Ledger {
  constructor(dir, log) {
    this.dir = dir;
    this.log = log;
    this.timer = null;
    this.chain = null;
    mkdirSync(dir, { recursive: true });
  }

  // reset deletes only the files this server writes, never anything else in DIR.
  reset() {
    for (const f of [STATE, META, TXLOG, STATE + ".tmp", META + ".tmp"]) rmSync(join(this.dir, f), { force: true });
  }

  load() {
    if (!existsSync(join(this.dir, STATE)) || !existsSync(join(this.dir, META))) return null;
    const svmBytes = new Uint8Array(readFileSync(join(this.dir, STATE)));
    const meta = JSON.parse(readFileSync(join(this.dir, META), "utf8"));
    const records = [];
    if (existsSync(join(this.dir, TXLOG))) {
      for (const line of readFileSync(join(this.dir, TXLOG), "utf8").split("\n")) {
        if (!line) continue;
        try { records.push(JSON.parse(line)); } catch { this.log("ledger: skipping a torn transaction-log line"); }
      }
    }
    this.log(`ledger: restored ${records.length} transactions from ${this.dir}`);
    return { svmBytes, meta, records };
  }

  appendTransaction(rec) { appendFileSync(join(this.dir, TXLOG), JSON.stringify(rec) + "\n"); }

  scheduleSave(chain) {
    this.chain = chain;
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = null; this.save(); }, SAVE_DELAY_MS);
  }

  // save writes the snapshot atomically (temp file + rename), so a crash never leaves a torn state.bin.
  save() {
    if (!this.chain) return;
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    writeAtomic(join(this.dir, STATE), this.chain.svm.toBytes());
    writeAtomic(join(this.dir, META), JSON.stringify(this.chain.snapshotMeta()));
  }
}

function writeAtomic(path, data) {
  writeFileSync(path + ".tmp", data);
  renameSync(path + ".tmp", path);
}
