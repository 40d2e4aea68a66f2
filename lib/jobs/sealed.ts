import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/env";

/** A job payload encrypted with a key derived from AUTH_SECRET (AES-256-GCM). */
export type Sealed = { sealed: string };

let cached: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = authSecret();
  if (cached?.secret !== secret) {
    cached = { secret, key: Buffer.from(hkdfSync("sha256", secret, "", "clientdesk job payload", 32)) };
  }
  return cached.key;
}

/**
 * Jobs sit in the database until they run and a while after: what they carry that must not be read
 * there (a sign-in link, a password hash, who asked for a reset) is sealed, so a copy of the job
 * table reveals nothing. The queue's name is bound in: a payload cannot be replayed in another queue.
 */
export function seal(value: unknown, queue: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(queue, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return { sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url") };
}

export function unseal<T>(payload: Sealed, queue: string): T {
  const raw = Buffer.from(payload.sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(queue, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")) as T;
}
