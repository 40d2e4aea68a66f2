import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";

const keys = new Map<string, Uint8Array>();

/**
 * The key Auth.js derives from AUTH_SECRET for its session cookie (HKDF-SHA256, salted with the
 * cookie's name). Auth.js derives it again on every read; deriving it once per process saves most
 * of the cost of reading the cookie. lib/auth/session-token.test.ts checks it against Auth.js's own encode.
 */
function encryptionKey(secret: string, salt: string): Uint8Array {
  const id = `${salt}\0${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    keys.set(id, key);
  }
  return key;
}

/** The payload of an Auth.js session cookie, or null when it is forged, tampered with or expired. */
export async function readSessionToken(token: string, secret: string, salt: string): Promise<Record<string, unknown> | null> {
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), {
      clockTolerance: 15,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256CBC-HS512"],
    });
    return payload;
  } catch {
    return null;
  }
}
