import dns from "node:dns";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkWebhookTarget, isAllowedAddress } from "./target";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** Makes `name` resolve to `addresses` (and nothing else resolve at all). */
function resolving(name: string, addresses: string[]) {
  vi.spyOn(dns.promises, "lookup").mockImplementation((async (host: string) => {
    if (host !== name) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  }) as unknown as typeof dns.promises.lookup);
}

describe("webhook targets (SSRF guard)", () => {
  it.each([
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.1.1",
    "127.0.0.1",
    "127.8.9.10",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::a9fe:a9fe",
    // A local NAT64 prefix, 6to4 and Teredo tunnels, IPv4-translated and site-local addresses reach internal IPv4 or sites too.
    "64:ff9b:1::a00:1",
    "2002:a9fe:a9fe::1",
    "2002:7f00:1::1",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "::ffff:0:7f00:1",
    "fec0::1",
  ])("refuses the internal address %s", (address) => {
    expect(isAllowedAddress(address)).toBe(false);
  });

  it.each(["93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::6810:84e5", "::ffff:93.184.215.14"])("accepts the public address %s", (address) => {
    expect(isAllowedAddress(address)).toBe(true);
  });

  it.each([
    ["http://10.0.0.1/hook", "private_address"],
    ["http://127.0.0.1:8080/hook", "private_address"],
    ["http://169.254.169.254/latest/meta-data/", "private_address"],
    ["http://[::1]/hook", "private_address"],
    ["http://[::ffff:127.0.0.1]/hook", "private_address"],
    ["http://localhost:3000/hook", "private_address"],
    ["http://api.localhost/hook", "private_address"],
    ["http://0x7f000001/hook", "private_address"],
    ["http://2130706433/hook", "private_address"],
    ["http://0177.0.0.1/hook", "private_address"],
    ["ftp://hooks.example.com/hook", "scheme"],
    ["https://user:pass@hooks.example.com/hook", "credentials"],
    ["not a url", "invalid"],
  ] as const)("refuses %s (%s)", async (url, reason) => {
    resolving("hooks.example.com", ["93.184.215.14"]);
    expect(await checkWebhookTarget(url)).toEqual({ ok: false, reason });
  });

  it("refuses a name that resolves to loopback, or to a public and a private address", async () => {
    resolving("rebind.example.com", ["127.0.0.1"]);
    expect(await checkWebhookTarget("https://rebind.example.com/hook")).toEqual({ ok: false, reason: "private_address" });
    resolving("mixed.example.com", ["93.184.215.14", "10.1.2.3"]);
    expect(await checkWebhookTarget("https://mixed.example.com/hook")).toEqual({ ok: false, reason: "private_address" });
  });

  it("refuses a name that does not resolve", async () => {
    resolving("elsewhere.example.com", ["93.184.215.14"]);
    expect(await checkWebhookTarget("https://nowhere.example.com/hook")).toEqual({ ok: false, reason: "unresolvable" });
  });

  it("accepts a public https address, and plain http only outside production", async () => {
    resolving("hooks.example.com", ["93.184.215.14"]);
    expect(await checkWebhookTarget("https://hooks.example.com/in")).toMatchObject({ ok: true });
    expect(await checkWebhookTarget("http://hooks.example.com/in")).toMatchObject({ ok: true });
    vi.stubEnv("NODE_ENV", "production");
    expect(await checkWebhookTarget("http://hooks.example.com/in")).toEqual({ ok: false, reason: "https_required" });
    expect(await checkWebhookTarget("https://hooks.example.com/in")).toMatchObject({ ok: true });
  });

  it("with WEBHOOK_ALLOW_PRIVATE_TARGETS allows loopback (over http too in production), never the private ranges nor http elsewhere", async () => {
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE_TARGETS", "true");
    vi.stubEnv("NODE_ENV", "production");
    resolving("localhost", ["127.0.0.1", "::1"]);
    expect(await checkWebhookTarget("http://127.0.0.1:4000/hook")).toMatchObject({ ok: true });
    expect(await checkWebhookTarget("http://[::1]:4000/hook")).toMatchObject({ ok: true });
    expect(await checkWebhookTarget("http://localhost:4000/hook")).toMatchObject({ ok: true });
    // Plain http stays for this machine only: a public host still needs https in production.
    resolving("hooks.example.com", ["93.184.215.14"]);
    expect(await checkWebhookTarget("http://hooks.example.com/in")).toEqual({ ok: false, reason: "https_required" });
    expect(await checkWebhookTarget("http://10.0.0.1/hook")).toEqual({ ok: false, reason: "private_address" });
    expect(await checkWebhookTarget("http://169.254.169.254/hook")).toEqual({ ok: false, reason: "private_address" });
    expect(await checkWebhookTarget("http://192.168.0.10/hook")).toEqual({ ok: false, reason: "private_address" });
  });
});
