import "server-only";

export type RequestInfo = { ip: string | null; userAgent: string | null };

/**
 * The last x-forwarded-for hop: the address the proxy in front of us saw (`next start` fills
 * the header with the socket address when no proxy set it). Per-account limits back it up.
 */
export function requestInfoFrom(headers: Headers): RequestInfo {
  const forwarded = headers.get("x-forwarded-for");
  const ip = forwarded?.split(",").at(-1)?.trim() || headers.get("x-real-ip") || null;
  return { ip, userAgent: headers.get("user-agent") };
}
