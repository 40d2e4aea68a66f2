import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestListener, parseProxyHops } from "./server.mjs";

type Seen = { clientIp: string | undefined; forwardedFor: string | undefined; forwardedHost: string | undefined };

/** A real HTTP server with our request listener in front of a handler that reports what the app would see. */
function startServer(hops: number) {
  const requestContext = new AsyncLocalStorage<{ serviceUnavailable: boolean; actionStarted: boolean }>();
  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://x");
    if (url.pathname === "/outage") {
      requestContext.getStore()!.serviceUnavailable = true;
      response.writeHead(500).end("error page");
      return;
    }
    if (url.pathname === "/failed-action") {
      requestContext.getStore()!.actionStarted = true;
      response.writeHead(500).end();
      return;
    }
    if (url.pathname === "/broken-action") {
      response.writeHead(500).end();
      return;
    }
    const seen: Seen = {
      clientIp: request.headers["x-clientdesk-client-ip"] as string | undefined,
      forwardedFor: request.headers["x-forwarded-for"] as string | undefined,
      forwardedHost: request.headers["x-forwarded-host"] as string | undefined,
    };
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(seen));
  };
  const server = http.createServer(createRequestListener(handle, { hops, origin: new URL("http://app.example"), internalHost: "127.0.0.1:3000", requestContext }));
  return server;
}

const servers: http.Server[] = [];
const ports: Record<number, number> = {};

beforeAll(async () => {
  for (const hops of [0, 1, 2]) {
    const server = startServer(hops);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    ports[hops] = (server.address() as AddressInfo).port;
  }
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

function get(hops: number, path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: ports[hops], path, method, agent: false, headers: { host: "app.example", ...headers } }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("the production server in front of Next", () => {
  it("with no trusted proxy, uses the socket's address and drops every forwarding header a client sends", async () => {
    const response = await get(0, "/", { "x-forwarded-for": "203.0.113.7", "x-clientdesk-client-ip": "203.0.113.8" });
    expect(JSON.parse(response.body)).toEqual({ clientIp: "127.0.0.1" });
  });

  it("behind one proxy, takes the right-most X-Forwarded-For entry, never the client's own claims to the left", async () => {
    const response = await get(1, "/", { "x-forwarded-for": "203.0.113.7, 198.51.100.4" });
    expect(JSON.parse(response.body).clientIp).toBe("198.51.100.4");
  });

  it("behind two proxies, takes the second entry from the right", async () => {
    const response = await get(2, "/", { "x-forwarded-for": "203.0.113.7, 198.51.100.4, 10.0.0.2" });
    expect(JSON.parse(response.body).clientIp).toBe("198.51.100.4");
  });

  it("sends a page request on another host name to the configured origin, but answers health checks on any", async () => {
    const redirected = await get(0, "/sign-in?x=1", { host: "127.0.0.1:3000" });
    expect(redirected.status).toBe(308);
    expect(redirected.headers.location).toBe("http://app.example/sign-in?x=1");
    expect((await get(0, "/api/health", { host: "10.1.2.3" })).status).toBe(200);
  });

  it("lets Next's own request for a server action's redirect target through on the address it listens on, with its cookies", async () => {
    expect((await get(0, "/dashboard/billing", { host: "127.0.0.1:3000", rsc: "1", cookie: "authjs.session-token=x" })).status).toBe(200);
    // A browser's page on that address still goes to the configured origin, and so does an RSC request for another host.
    expect((await get(0, "/dashboard/billing", { host: "127.0.0.1:3000" })).status).toBe(308);
    expect((await get(0, "/dashboard/billing", { host: "10.0.0.9:3000", rsc: "1" })).status).toBe(308);
  });

  it("keeps the redirect on the configured origin whatever the path looks like", async () => {
    for (const path of ["//evil.example/phish", "/\\evil.example/x", "/%2F%2Fevil.example", "/a/..//evil.example"]) {
      const response = await get(0, path, { host: "www.app.example" });
      expect(response.status, path).toBe(308);
      expect(new URL(response.headers.location!).origin, path).toBe("http://app.example");
    }
  });

  it("compares the forwarded host of the outermost trusted proxy, ignoring case and the default port", async () => {
    expect((await get(1, "/", { host: "10.0.0.5:3000", "x-forwarded-host": "App.Example:80" })).status).toBe(200);
    expect((await get(1, "/", { host: "10.0.0.5:3000", "x-forwarded-host": "evil.example, app.example" })).status).toBe(200);
    expect((await get(1, "/", { host: "10.0.0.5:3000", "x-forwarded-host": "other.example" })).status).toBe(308);
    // Next checks an action's Origin against the first entry: it must see only the trusted one.
    expect(JSON.parse((await get(1, "/", { host: "10.0.0.5:3000", "x-forwarded-host": "evil.example, app.example" })).body).forwardedHost).toBe("app.example");
  });

  it("falls back to the socket's address when the trusted entry is not an IP address or missing", async () => {
    expect(JSON.parse((await get(1, "/", { "x-forwarded-for": "unknown" })).body).clientIp).toBe("127.0.0.1");
    expect(JSON.parse((await get(2, "/", { "x-forwarded-for": "198.51.100.4" })).body).clientIp).toBe("127.0.0.1");
  });

  it("turns a 500 into 503 with Retry-After when the app reports its database unreachable", async () => {
    const response = await get(0, "/outage");
    expect(response.status).toBe(503);
    expect(response.headers["retry-after"]).toBe("5");
  });

  it("answers 400 (413 when oversized) for a page POST that failed before any action code ran, and leaves a failed action alone", async () => {
    expect((await get(0, "/broken-action", {}, "POST")).status).toBe(400);
    expect((await get(0, "/broken-action", { "content-length": String(7 * 1024 * 1024) }, "POST")).status).toBe(413);
    expect((await get(0, "/broken-action", {}, "GET")).status).toBe(500);
    expect((await get(0, "/failed-action", {}, "POST")).status).toBe(500);
  });

  it("refuses a TRUSTED_PROXY_HOPS that is not a small whole number", () => {
    expect(parseProxyHops(undefined)).toBe(0);
    expect(parseProxyHops("2")).toBe(2);
    expect(() => parseProxyHops("-1")).toThrow();
    expect(() => parseProxyHops("one")).toThrow();
  });
});
