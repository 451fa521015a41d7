// Slot clock: slots advance with wall time, each slot gets a new blockhash, and a blockhash stays
// valid for 150 slots. The Clock sysvar's unix_timestamp follows wall time (plus any test warp).
import { Clock } from "litesvm";
import bs58 from "bs58";

export const MAX_PROCESSING_AGE = 150;
const SLOTS_PER_EPOCH = 432_000n;
const MAX_SLOT_HASHES = 512; // agave's SlotHashes length: what "recent slot" means to the lookup-table program

export class SlotClock {
  // state: {slot, warpSeconds, blockhashes: [[hash, slot], ...]} from the ledger, or null for genesis.
  constructor(svm, slotMs, state) {
    this.svm = svm;
    this.slotMs = slotMs;
    this.warpSeconds = state?.warpSeconds ?? 0;
    this.slot = state ? BigInt(state.slot) + 1n : svm.getClock().slot;
    this.anchorSlot = this.slot;
    this.anchorMs = Date.now();
    this.blockhashes = new Map((state?.blockhashes ?? []).map(([h, s]) => [h, BigInt(s)]));
    this.apply();
    this.blockhashes.set(svm.latestBlockhash(), this.slot);
  }

  // sync advances the slot to match wall time; returns true if it moved.
  sync() {
    const target = this.anchorSlot + BigInt(Math.floor((Date.now() - this.anchorMs) / this.slotMs));
    if (target <= this.slot) return false;
    this.recordSlotHash();
    this.slot = target;
    this.apply();
    this.svm.expireBlockhash();
    this.blockhashes.set(this.svm.latestBlockhash(), this.slot);
    for (const [h, s] of this.blockhashes) if (this.slot - s > MAX_PROCESSING_AGE) this.blockhashes.delete(h);
    return true;
  }

  // recordSlotHash adds the slot being left to the SlotHashes sysvar, newest first, as a bank does
  // for its parent. LiteSVM never updates it, and the Address Lookup Table program needs it: a
  // table is derived from a slot found there, and a deactivated table closes once its slot left it.
  // Slots that passed without a sync count as skipped (no entry), which clusters have too.
  recordSlotHash() {
    const hashes = this.svm.getSlotHashes().map((h) => ({ slot: h.slot, hash: h.hash }));
    if (hashes[0]?.slot === this.slot) return;
    hashes.unshift({ slot: this.slot, hash: this.svm.latestBlockhash() });
    this.svm.setSlotHashes(hashes.slice(0, MAX_SLOT_HASHES));
  }

  unixTimestamp() { return BigInt(Math.floor(Date.now() / 1000) + this.warpSeconds); }

  apply() {
    const c = this.svm.getClock();
    const epoch = this.slot / SLOTS_PER_EPOCH;
    this.svm.setClock(new Clock(this.slot, c.epochStartTimestamp, epoch, epoch + 1n, this.unixTimestamp()));
  }

  // warp moves the Clock sysvar's unix_timestamp forward (test-only RPC localnet_warpClock).
  warp(seconds) { this.warpSeconds += seconds; this.apply(); }

  latest() {
    const h = this.svm.latestBlockhash();
    return { blockhash: h, lastValidBlockHeight: this.blockhashes.get(h) + BigInt(MAX_PROCESSING_AGE) };
  }
  latestBytes() { return bs58.decode(this.svm.latestBlockhash()); }
  isValid(hash) {
    const s = this.blockhashes.get(hash);
    return s !== undefined && this.slot - s <= MAX_PROCESSING_AGE;
  }
  blockHeight() { return this.slot; }

  state() {
    return { slot: this.slot.toString(), warpSeconds: this.warpSeconds, blockhashes: [...this.blockhashes].map(([h, s]) => [h, s.toString()]) };
  }
}
