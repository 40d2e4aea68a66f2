// The production server (`npm start` runs it after building; `--dev` serves the development build).
// It wraps Next's request handler to do what `next start` cannot:
// - record the client's address from the socket, trusting forwarding headers only from the
//   TRUSTED_PROXY_HOPS proxies in front of us, so rate limits and the audit log see the real client;
// - send every page request to the configured origin (AUTH_URL), so sign-in cookies and links agree;
// - answer 503 with Retry-After when the app reports that its database is unreachable.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const CLIENT_IP_HEADER = "x-clientdesk-client-ip";
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];
const RETRY_AFTER_SECONDS = "5";
const ACTION_BODY_LIMIT = 1024 * 1024;

/** @param {string | undefined} value */
export function parseProxyHops(value) {
  const hops = Number(value ?? 0);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${value}".`);
  return hops;
}

/** @param {string | undefined} address */
function plainAddress(address) {
  return address?.startsWith("::ffff:") ? address.slice(7) : (address ?? null);
}

/**
 * With no trusted proxy the socket's peer is the client. Behind N trusted proxies, each appended
 * the address it saw to x-forwarded-for: the N-th entry from the right is the one our outermost
 * proxy saw. Entries further left were sent by the client and prove nothing.
 * @param {import("node:http").IncomingMessage} request
 * @param {number} hops
 */
export function clientAddress(request, hops) {
  const peer = plainAddress(request.socket.remoteAddress);
  if (hops === 0) return peer;
  const header = request.headers["x-forwarded-for"];
  const chain = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return plainAddress(chain.at(-hops) ?? chain[0] ?? peer ?? undefined);
}

/**
 * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => Promise<void>} handle
 * @param {{ hops: number, origin: URL, requestContext: AsyncLocalStorage<{ serviceUnavailable: boolean }> }} options
 */
export function createRequestListener(handle, { hops, origin, requestContext }) {
  return (request, response) => {
    const address = clientAddress(request, hops);
    // Nobody in front of us is trusted to describe the client: drop what the client claims.
    if (hops === 0) for (const name of FORWARDING_HEADERS) delete request.headers[name];
    if (address) request.headers[CLIENT_IP_HEADER] = address;
    else delete request.headers[CLIENT_IP_HEADER];

    const host = (hops > 0 && request.headers["x-forwarded-host"]) || request.headers.host;
    const url = request.url ?? "/";
    if (host !== origin.host && (request.method === "GET" || request.method === "HEAD") && !url.startsWith("/api/health")) {
      response.writeHead(308, { location: new URL(url, origin).toString(), "cache-control": "no-store" });
      response.end();
      return;
    }

    const context = { serviceUnavailable: false, actionStarted: false };
    // Pages answer POST only for server actions; one that fails before our action code ran was malformed.
    const isActionCall = request.method === "POST" && !url.startsWith("/api/");
    const writeHead = response.writeHead;
    response.writeHead = function (statusCode, ...rest) {
      if (statusCode >= 500 && context.serviceUnavailable) {
        this.setHeader("retry-after", RETRY_AFTER_SECONDS);
        this.setHeader("cache-control", "no-store");
        return writeHead.call(this, 503, ...rest);
      }
      if (statusCode >= 500 && isActionCall && !context.actionStarted) {
        const tooLarge = Number(request.headers["content-length"] ?? 0) > ACTION_BODY_LIMIT;
        return writeHead.call(this, tooLarge ? 413 : 400, ...rest);
      }
      return writeHead.call(this, statusCode, ...rest);
    };
    requestContext.run(context, () => {
      handle(request, response).catch((error) => {
        console.error(`[server] request failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
  };
}

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "127.0.0.1";
  const hops = parseProxyHops(process.env.TRUSTED_PROXY_HOPS);
  const origin = new URL(process.env.AUTH_URL ?? `http://localhost:${port}`);

  const requestContext = new AsyncLocalStorage();
  globalThis[Symbol.for("clientdesk.request-context")] = requestContext;
  process.env.CLIENTDESK_CLIENT_ADDRESS_HEADER = "1";

  const { default: next } = await import("next");
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const app = next({ dev, dir, hostname, port });
  await app.prepare();
  const server = http.createServer(createRequestListener(app.getRequestHandler(), { hops, origin, requestContext }));
  server.listen(port, hostname, () => {
    console.log(`  Listening on ${hostname}:${port}${hops > 0 ? ` behind ${hops} trusted proxy hop(s)` : ""}; open ${origin.origin}`);
  });

  const stop = () => {
    server.close();
    // Closing the embedded database flushes it and releases its lock before the process ends.
    const db = globalThis.clientdeskDb;
    Promise.resolve(db?.close())
      .catch(() => {})
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
