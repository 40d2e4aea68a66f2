// The production server around Next's request handler (`--dev`: the development build). It does what
// `next start` cannot: the client's real address, one origin for every page, 503 during outages and
// 4xx for malformed action calls. See createRequestListener.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const CLIENT_IP_HEADER = "x-clientdesk-client-ip";
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];
const RETRY_AFTER_SECONDS = "5";
const ACTION_BODY_LIMIT = 6 * 1024 * 1024;

/** @param {string | undefined} value */
export function parseProxyHops(value) {
  const hops = Number(value ?? 0);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${value}".`);
  return hops;
}

/** An IP address as written by a socket or a proxy, or null when the value is not one. @param {string | undefined} address */
function plainAddress(address) {
  const value = address?.startsWith("::ffff:") ? address.slice(7) : address;
  return value && net.isIP(value) ? value : null;
}

/**
 * With no trusted proxy the socket's peer is the client. Behind N trusted proxies, each appended
 * the address it saw to x-forwarded-for: the N-th entry from the right is the one our outermost
 * proxy saw. Entries further left were sent by the client and prove nothing.
 * @param {import("node:http").IncomingMessage} request
 * @param {number} hops
 */
function clientAddress(request, hops) {
  const peer = plainAddress(request.socket.remoteAddress);
  if (hops === 0) return peer;
  const header = request.headers["x-forwarded-for"];
  const chain = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than trusted hops means the request skipped a proxy: its claims count for nothing.
  return chain.length >= hops ? (plainAddress(chain.at(-hops)) ?? peer) : peer;
}

/**
 * The X-Forwarded-Host entry our outermost trusted proxy set, if any; entries further left are the client's.
 * @param {import("node:http").IncomingMessage} request
 * @param {number} hops
 */
function trustedForwardedHost(request, hops) {
  if (hops === 0) return undefined;
  const forwarded = String(request.headers["x-forwarded-host"] ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return forwarded.length >= hops ? forwarded.at(-hops) : undefined;
}

/**
 * The host the client asked for: Host, or behind trusted proxies the X-Forwarded-Host entry our
 * outermost proxy set; lower-cased and without the scheme's default port, so it compares with AUTH_URL's.
 * @param {import("node:http").IncomingMessage} request
 * @param {number} hops
 * @param {URL} origin
 */
function requestedHost(request, hops, origin) {
  const host = trustedForwardedHost(request, hops) ?? request.headers.host ?? "";
  const defaultPort = origin.protocol === "https:" ? ":443" : ":80";
  return (host.endsWith(defaultPort) ? host.slice(0, -defaultPort.length) : host).toLowerCase();
}

let warnedAboutForwarding = false;

/**
 * - Records the client's address (socket peer, or with TRUSTED_PROXY_HOPS=N the address our
 *   outermost proxy saw) in x-clientdesk-client-ip, and drops forwarding headers nobody vouches for.
 * - Redirects GET/HEAD on another host name to AUTH_URL, keeping only the path and query; except
 *   Next's own request for the page a server action redirected to, which it sends to the address
 *   the server listens on (`internalHost`): redirected, it would lose its cookies on the way.
 * - Turns a 500 into 503 + Retry-After when the app reported its database unreachable, and into
 *   400/413 for a page POST (a server action) that failed before any action code ran.
 * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => Promise<void>} handle
 * @param {{ hops: number, origin: URL, internalHost?: string, requestContext: AsyncLocalStorage<{ serviceUnavailable: boolean, actionStarted: boolean }> }} options
 */
export function createRequestListener(handle, { hops, origin, internalHost, requestContext }) {
  return (request, response) => {
    const address = clientAddress(request, hops);
    if (hops === 0) {
      if (request.headers["x-forwarded-for"] && !warnedAboutForwarding) {
        warnedAboutForwarding = true;
        console.warn("[server] requests carry X-Forwarded-For but TRUSTED_PROXY_HOPS is 0: behind a proxy, every client has the proxy's address. Set TRUSTED_PROXY_HOPS.");
      }
      for (const name of FORWARDING_HEADERS) delete request.headers[name];
    }
    if (hops > 0) {
      // Next reads the first entry of X-Forwarded-Host (e.g. to check an action's Origin): leave it only the trusted one.
      const trustedHost = trustedForwardedHost(request, hops);
      if (trustedHost) request.headers["x-forwarded-host"] = trustedHost;
      else delete request.headers["x-forwarded-host"];
    }
    if (address) request.headers[CLIENT_IP_HEADER] = address;
    else delete request.headers[CLIENT_IP_HEADER];

    const url = request.url ?? "/";
    const host = requestedHost(request, hops, origin);
    const fromNextItself = host === internalHost && request.headers["rsc"] === "1";
    if (host !== origin.host && !fromNextItself && (request.method === "GET" || request.method === "HEAD") && !url.startsWith("/api/health")) {
      // Only the path and query travel: "//evil.example" must not become another origin.
      const asked = new URL(url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/", "http://path.invalid");
      response.writeHead(308, {
        location: `${origin.origin}${asked.pathname}${asked.search}`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        ...(origin.protocol === "https:" ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
      });
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
        // experimental.serverActions.bodySizeLimit in next.config.ts (room for a 5 MB avatar).
        const tooLarge = Number(request.headers["content-length"] ?? 0) > ACTION_BODY_LIMIT;
        console.warn(`[server] ${request.method} ${url.split("?")[0]} failed before any action code ran: answering ${tooLarge ? 413 : 400} instead of ${statusCode}`);
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
  const server = http.createServer(createRequestListener(app.getRequestHandler(), { hops, origin, internalHost: `${hostname}:${port}`.toLowerCase(), requestContext }));
  // The app has printed the one address to open (AUTH_URL) while preparing; no second one here.
  server.listen(port, hostname);

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
