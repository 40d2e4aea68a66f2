import "server-only";
import { createHash, randomInt } from "node:crypto";
import { generateSecret, generateSync, generateURI, verifySync } from "otplib";
import QRCode from "qrcode";

const ISSUER = "Clientdesk";
const PERIOD_SECONDS = 30;
// One step either side: a phone clock a little off, or a code typed as it turned over, still works.
const TOLERANCE_SECONDS = PERIOD_SECONDS;

export function generateTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The provisioning address an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: ISSUER, label: accountName, secret });
}

/** The QR code as an SVG document, drawn here: the secret never leaves the server for a QR service. */
export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}

export function currentTotp(secret: string, at: Date = new Date()): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * The accepted code's time step, or null. Steps up to `afterStep` are refused, so a code that
 * was used (or watched being typed) cannot be replayed.
 */
export function verifyTotp(secret: string, code: string, afterStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = verifySync({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, ...(afterStep === null ? {} : { afterTimeStep: afterStep }) });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // otplib throws for an afterStep ahead of the window (a clock that went back): not a match.
    return null;
  }
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes like `k7qm2-x9ptd`: 50 bits each, easy to read back from paper. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Case, spaces and the dash are forgiven when a code is typed back. */
export function normalizeRecoveryCode(code: string): string | null {
  const compact = code.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z0-9]{10}$/.test(compact) ? `${compact.slice(0, 5)}-${compact.slice(5)}` : null;
}

/** Salted with the user's id: one sweep of the 50-bit code space cannot crack every user's codes at once. */
export function hashRecoveryCode(userId: string, code: string): string {
  return createHash("sha256").update(`${userId}:${code}`).digest("hex");
}
