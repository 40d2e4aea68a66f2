import "server-only";

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
