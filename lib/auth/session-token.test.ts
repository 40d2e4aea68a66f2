import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionToken } from "./session-token";

const secret = "test-secret-for-session-tokens-0123456789";
const salt = "authjs.session-token";

describe("reading the session cookie", () => {
  it("reads what Auth.js wrote", async () => {
    const token = await encode({ token: { sid: "6f1b7e52-8f43-4a4e-9a8e-1d2c3b4a5f60" }, secret, salt });
    expect(await readSessionToken(token, secret, salt)).toMatchObject({ sid: "6f1b7e52-8f43-4a4e-9a8e-1d2c3b4a5f60" });
  });

  it("refuses a cookie made with another secret, for another cookie name, tampered with or expired", async () => {
    const token = await encode({ token: { sid: "x" }, secret, salt });
    expect(await readSessionToken(token, "another-secret-0123456789abcdef", salt)).toBeNull();
    expect(await readSessionToken(token, secret, "__Secure-authjs.session-token")).toBeNull();
    expect(await readSessionToken(`${token.slice(0, -4)}AAAA`, secret, salt)).toBeNull();
    const expired = await encode({ token: { sid: "x" }, secret, salt, maxAge: -60 });
    expect(await readSessionToken(expired, secret, salt)).toBeNull();
  });
});
