#!/usr/bin/env node
// solgrid localnet validator: Solana JSON-RPC + WebSocket on LiteSVM.
// Prints one JSON ready line on stdout; everything else goes to stderr.
import { parseFlags, USAGE } from "./flags.mjs";
import { Chain } from "./chain.mjs";
import { Ledger } from "./ledger.mjs";
import { startServer } from "./server.mjs";

const log = (msg) => process.stderr.write(`${new Date().toISOString()} ${msg}\n`);

async function main() {
  let cfg;
  try { cfg = parseFlags(process.argv.slice(2)); } catch (e) { process.stderr.write(`${e.message}\n${USAGE}\n`); process.exit(2); }
  if (cfg.help) { process.stdout.write(USAGE + "\n"); return; }

  let ledger = null;
  if (cfg.ledger) {
    ledger = new Ledger(cfg.ledger, log);
    if (cfg.reset) { ledger.reset(); log(`ledger: reset ${cfg.ledger}`); }
  }
  const chain = Chain.open({ features: cfg.features, slotMs: cfg.slotMs, programs: cfg.programs, ledger, log });
  chain.maxTransactionSize = cfg.maxTransactionSize;
  const { http, wss, port } = await startServer({ chain, bind: cfg.bind, port: cfg.rpcPort, log, quiet: cfg.quiet });
  const ticker = setInterval(() => chain.sync(), cfg.slotMs);

  const shutdown = (signal) => {
    log(`${signal}: shutting down`);
    clearInterval(ticker);
    try { ledger?.save(); } catch (e) { log(`ledger: final save failed: ${e.message}`); }
    for (const c of wss.clients) c.terminate();
    http.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  const host = cfg.bind === "0.0.0.0" ? "127.0.0.1" : cfg.bind;
  process.stdout.write(JSON.stringify({ ready: true, rpc: `http://${host}:${port}`, ws: `ws://${host}:${port}`, slot: chain.slot.toString(),
    features: chain.features, ledger: cfg.ledger }) + "\n");
  log(`listening on ${host}:${port} (HTTP JSON-RPC and WebSocket), features ${chain.features}`);
}

main().catch((e) => { log(`fatal: ${e.stack ?? e}`); process.exit(1); });
