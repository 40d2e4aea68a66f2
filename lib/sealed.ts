import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/env";

/** A value encrypted with a key derived from AUTH_SECRET (AES-256-GCM): job payloads, TOTP secrets. */
export type Sealed = { sealed: string };

let cached: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = authSecret();
  if (cached?.secret !== secret) {
    // The label dates from when only job payloads were sealed; changing it would strand queued jobs.
    cached = { secret, key: Buffer.from(hkdfSync("sha256", secret, "", "clientdesk job payload", 32)) };
  }
  return cached.key;
}

/**
 * What must not be readable in a copy of the database is sealed: a job's payload (a sign-in link, a
 * password hash), a TOTP secret. `context` (a queue's name, a user's id) is bound in: a sealed value
 * cannot be replayed in another queue or moved to another user.
 */
export function seal(value: unknown, context: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return { sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url") };
}

export function unseal<T>(payload: Sealed, context: string): T {
  const raw = Buffer.from(payload.sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")) as T;
}
