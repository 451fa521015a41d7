// HTTP JSON-RPC (single and batch requests) and the WebSocket PubSub on the same port;
// on a fixed port the PubSub also listens on port + 1, where solana-test-validator has
// it and where Solana tools look for it (`--url localhost` → ws://127.0.0.1:8900).
import { createServer } from "node:http";
import { WebSocketServer } from "ws";
import { methods } from "./rpc.mjs";
import { rawTopLevelId, response, errorResponse, RpcError } from "./json.mjs";
import { PubSub } from "./subscriptions.mjs";

const MAX_BODY = 50 * 1024 * 1024;

export function startServer({ chain, bind, port, log, quiet }) {
  const pubsub = new PubSub(chain, log);
  const http = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/health") { res.end("ok"); return; }
    if (req.method !== "POST") { res.writeHead(405).end(); return; }
    const chunks = [];
    let size = 0;
    req.on("data", (c) => { size += c.length; if (size > MAX_BODY) req.destroy(); else chunks.push(c); });
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(handleBody(body, chain, log, quiet));
    });
  });
  const wss = new WebSocketServer({ server: http });
  wss.on("connection", (socket) => pubsub.attach(socket));
  return new Promise((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, bind, () => {
      if (port !== 0) listenPubSubAlso(pubsub, bind, port + 1, log);
      resolve({ http, wss, port: http.address().port });
    });
  });
}

// listenPubSubAlso serves the same subscriptions on a second port, best effort:
// a busy port only costs the convention, not the validator.
function listenPubSubAlso(pubsub, bind, port, log) {
  const server = createServer((req, res) => res.writeHead(426).end());
  const extra = new WebSocketServer({ server });
  extra.on("connection", (socket) => pubsub.attach(socket));
  server.once("error", (e) => log(`websocket on port ${port} unavailable: ${e.message}`));
  server.listen(port, bind, () => log(`websocket also on ${bind}:${port}`));
}

function handleBody(body, chain, log, quiet) {
  let parsed;
  try { parsed = JSON.parse(body); } catch { return errorResponse("null", -32700, "Parse error"); }
  if (!Array.isArray(parsed)) return handleOne(parsed, rawTopLevelId(body), chain, log, quiet);
  // Batch: ids inside a batch are re-serialised from the parsed values (solana-go batches use small integers).
  return `[${parsed.map((r) => handleOne(r, JSON.stringify(r?.id ?? null), chain, log, quiet)).join(",")}]`;
}

function handleOne(req, rawId, chain, log, quiet) {
  if (!req || typeof req !== "object" || typeof req.method !== "string") return errorResponse(rawId, -32600, "Invalid request");
  const fn = Object.hasOwn(methods, req.method) ? methods[req.method] : null;
  if (!fn) return errorResponse(rawId, -32601, "Method not found");
  try {
    chain.sync();
    const result = fn(Array.isArray(req.params) ? req.params : [], chain);
    if (!quiet) log(`rpc ${req.method}`);
    return response(rawId, result);
  } catch (e) {
    if (e instanceof RpcError) {
      if (!quiet) log(`rpc ${req.method}: error ${e.code} ${e.message}`);
      return errorResponse(rawId, e.code, e.message, e.data);
    }
    log(`rpc ${req.method}: internal error: ${e.stack}`);
    return errorResponse(rawId, -32603, `Internal error: ${e.message}`);
  }
}
