// The secret `npm start` and `npm run db:seed` use when AUTH_SECRET is not set: random, made once per
// data folder, so the two agree (the demo admin's two-factor key is sealed with it) and restarts keep it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** @param {string} dataDir */
export function localAuthSecret(dataDir) {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}
