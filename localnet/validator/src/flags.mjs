// Command-line flags, in the spirit of solana-test-validator.
export const USAGE = `usage: node src/main.mjs [flags]
  --rpc-port N            HTTP JSON-RPC and WebSocket port (0 = pick a free one; default 8899)
  --bind-address ADDR     address to listen on (default 127.0.0.1)
  --bpf-program ID PATH   load an SBF program at start (repeatable), like solana-test-validator
  --ledger DIR            keep accounts and transaction history in DIR across restarts
  --reset                 wipe the ledger before starting
  --features all|default  all = FeatureSet.allEnabled() (SIMD-0500 active); default = new LiteSVM() defaults
  --slot-ms N             wall-clock milliseconds per slot (default 400)
  --quiet                 no per-request logging on stderr
  --max-transaction-size N  refuse transactions over N bytes (default 1232, a cluster's packet size;
                          tests of the program's own checks with more orders than one packet holds raise it)`;

export function parseFlags(argv) {
  const cfg = { rpcPort: 8899, bind: "127.0.0.1", programs: [], ledger: null, reset: false, features: "all", slotMs: 400, quiet: false, maxTransactionSize: 1232 };
  const need = (i, n, name) => { if (i + n >= argv.length) throw new Error(`${name} needs ${n} argument(s)`); };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case "--rpc-port": need(i, 1, a); cfg.rpcPort = parsePort(argv[++i]); break;
      case "--bind-address": need(i, 1, a); cfg.bind = argv[++i]; break;
      case "--bpf-program": need(i, 2, a); cfg.programs.push({ id: argv[i + 1], path: argv[i + 2] }); i += 2; break;
      case "--ledger": need(i, 1, a); cfg.ledger = argv[++i]; break;
      case "--reset": cfg.reset = true; break;
      case "--features": need(i, 1, a); cfg.features = argv[++i];
        if (!["all", "default"].includes(cfg.features)) throw new Error(`--features must be all or default, got ${cfg.features}`);
        break;
      case "--slot-ms": need(i, 1, a); cfg.slotMs = Number(argv[++i]);
        if (!(cfg.slotMs > 0)) throw new Error("--slot-ms must be a positive number");
        break;
      case "--quiet": cfg.quiet = true; break;
      case "--max-transaction-size": need(i, 1, a); cfg.maxTransactionSize = Number(argv[++i]);
        if (!(Number.isInteger(cfg.maxTransactionSize) && cfg.maxTransactionSize > 0)) throw new Error("--max-transaction-size must be a positive integer");
        break;
      case "-h": case "--help": cfg.help = true; break;
      default: throw new Error(`unknown flag ${a}`);
    }
  }
  return cfg;
}

function parsePort(s) {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid --rpc-port ${s}`);
  return n;
}
