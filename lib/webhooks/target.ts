import "server-only";
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import net from "node:net";
import { webhookLoopbackAllowed } from "@/lib/env";

/** Why an endpoint's address is refused. */
export type WebhookTargetProblem = "invalid" | "scheme" | "https_required" | "credentials" | "private_address" | "unresolvable";

const blockedV4 = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  // Multicast, then the reserved block that ends with the broadcast address.
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blockedV4.addSubnet(network, prefix, "ipv4");
}

const blockedV6 = new net.BlockList();
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fe80::", 10],
  ["fec0::", 10],
  ["fc00::", 7],
  ["ff00::", 8],
  // Ways into IPv4 or a site that embeddedIpv4 does not read: IPv4-translated (SIIT), a local NAT64
  // prefix, Teredo and 6to4 tunnels (both deprecated; no webhook receiver needs them).
  ["::ffff:0:0:0", 96],
  ["64:ff9b:1::", 48],
  ["2001::", 32],
  ["2002::", 16],
] as const) {
  blockedV6.addSubnet(network, prefix, "ipv6");
}

/** The 16 bytes of an IPv6 address (net.isIPv6 must hold), dotted IPv4 tails included. */
function ipv6Bytes(address: string): number[] {
  let text = address.split("%")[0]!.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number);
    text = `${text.slice(0, dotted.index)}${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  return groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

/** The IPv4 address an IPv6 one carries (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible, NAT64 64:ff9b::/96), if any. */
function embeddedIpv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  const prefix = bytes.slice(0, 12);
  const mapped = prefix.slice(0, 10).every((byte) => byte === 0) && ((prefix[10] === 0xff && prefix[11] === 0xff) || (prefix[10] === 0 && prefix[11] === 0));
  const nat64 = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0].every((byte, i) => prefix[i] === byte);
  if (!mapped && !nat64) return null;
  // :: and ::1 are IPv6's own unspecified and loopback addresses, not IPv4-compatible ones.
  if (mapped && prefix[10] === 0 && bytes.slice(12, 15).every((byte) => byte === 0) && bytes[15]! <= 1) return null;
  return bytes.slice(12).join(".");
}

function isLoopback(address: string): boolean {
  if (net.isIPv4(address)) return address.startsWith("127.");
  if (!net.isIPv6(address)) return false;
  const v4 = embeddedIpv4(address);
  return v4 ? v4.startsWith("127.") : ipv6Bytes(address).every((byte, i) => byte === (i === 15 ? 1 : 0));
}

/** Whether a webhook may connect to this IP address: public unicast only (loopback too with the development setting). */
export function isAllowedAddress(address: string): boolean {
  if (webhookLoopbackAllowed() && isLoopback(address)) return true;
  if (net.isIPv4(address)) return !blockedV4.check(address, "ipv4");
  if (!net.isIPv6(address)) return false;
  const v4 = embeddedIpv4(address);
  if (v4) return !blockedV4.check(v4, "ipv4");
  return !blockedV6.check(address.split("%")[0]!, "ipv6");
}

function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

/** A URL's host as an address or a name: IPv6 literals lose their brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/** Every address a name resolves to; an IP literal is itself. */
async function resolveAll(host: string): Promise<string[]> {
  if (net.isIP(host)) return [host];
  const found = await dns.promises.lookup(host, { all: true, verbatim: true });
  return found.map((entry) => entry.address);
}

/**
 * Whether a webhook may be sent to `value`: http(s) (https only in production unless the development
 * setting is on), no credentials in the URL, and a host whose every address is public. Checked when
 * an endpoint is saved and again before each delivery; `guardedLookup` checks at connect time too.
 */
export async function checkWebhookTarget(value: string): Promise<{ ok: true; url: URL } | { ok: false; reason: WebhookTargetProblem }> {
  if (!URL.canParse(value)) return { ok: false, reason: "invalid" };
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "scheme" };
  if (url.username || url.password) return { ok: false, reason: "credentials" };
  const host = hostOf(url);
  if (!host) return { ok: false, reason: "invalid" };
  if (isLocalhostName(host) && !webhookLoopbackAllowed()) return { ok: false, reason: "private_address" };
  let addresses: string[];
  try {
    addresses = await resolveAll(host);
  } catch {
    return { ok: false, reason: "unresolvable" };
  }
  if (addresses.length === 0) return { ok: false, reason: "unresolvable" };
  if (!addresses.every(isAllowedAddress)) return { ok: false, reason: "private_address" };
  // Plain http only to this machine under the development setting: in production, anything else is https.
  if (url.protocol === "http:" && process.env.NODE_ENV === "production" && !(webhookLoopbackAllowed() && addresses.every(isLoopback))) return { ok: false, reason: "https_required" };
  return { ok: true, url };
}

export class WebhookTargetError extends Error {
  constructor(readonly reason: WebhookTargetProblem) {
    super(`The webhook's address is refused (${reason}).`);
  }
}

/**
 * The `lookup` of a webhook's HTTP request: it resolves the name once more and refuses to connect
 * when any answer is an internal address, so a name re-pointed after the check (DNS rebinding)
 * cannot reach one.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  if (isLocalhostName(hostname) && !webhookLoopbackAllowed()) {
    callback(new WebhookTargetError("private_address"), "", 4);
    return;
  }
  resolveAll(hostname).then(
    (addresses) => {
      if (addresses.length === 0) return callback(new WebhookTargetError("unresolvable"), "", 4);
      if (!addresses.every(isAllowedAddress)) return callback(new WebhookTargetError("private_address"), "", 4);
      const entries = addresses.map((address) => ({ address, family: net.isIPv6(address) ? 6 : 4 }));
      const wanted = options.family === 4 || options.family === 6 ? entries.filter((entry) => entry.family === options.family) : entries;
      if (wanted.length === 0) return callback(new WebhookTargetError("unresolvable"), "", 4);
      if (options.all) (callback as unknown as (error: null, addresses: typeof entries) => void)(null, wanted);
      else callback(null, wanted[0]!.address, wanted[0]!.family);
    },
    (error: NodeJS.ErrnoException) => callback(error, "", 4),
  );
};
