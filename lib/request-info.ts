import "server-only";
import net from "node:net";

export type RequestInfo = { ip: string | null; userAgent: string | null };

/**
 * The client's address as scripts/server.mjs determined it from the socket (and, with
 * TRUSTED_PROXY_HOPS, from the forwarding headers of trusted proxies only). Any client-sent
 * x-forwarded-for is never read here. Without that server (e.g. `next dev`) the address is unknown.
 */
export function requestInfoFrom(headers: Headers): RequestInfo {
  const ip = process.env.CLIENTDESK_CLIENT_ADDRESS_HEADER === "1" ? headers.get("x-clientdesk-client-ip") : null;
  return { ip: ip || null, userAgent: headers.get("user-agent") };
}

/**
 * What a per-address limit counts by: an IPv4 address, or an IPv6 address's /64 network, since a
 * single host is routinely given a whole /64 and could otherwise change address per request.
 */
export function addressBucket(ip: string): string {
  if (net.isIPv4(ip)) return ip;
  if (!net.isIPv6(ip)) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
