import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { resetPasswordSchema, safeCallbackPath, signUpSchema } from "./auth";

function passwordIssue(password: string) {
  const result = signUpSchema.safeParse({ name: "Pat", email: "pat@example.com", password });
  return result.success ? null : result.error.issues.find((issue) => issue.path[0] === "password")?.message;
}

describe("password rules", () => {
  it("requires at least 8 characters", () => {
    expect(passwordIssue("short12")).toBe("passwordTooShort");
    expect(passwordIssue("long enough")).toBeNull();
  });

  it("accepts long passphrases up to 128 characters", () => {
    expect(passwordIssue("a".repeat(64) + " " + "b".repeat(63))).toBeNull();
    expect(passwordIssue("x".repeat(129))).toBe("passwordTooLong");
  });

  it("rejects common passwords whatever their case", () => {
    expect(passwordIssue("Password123")).toBe("passwordCommon");
    expect(passwordIssue("QWERTYUIOP")).toBe("passwordCommon");
  });

  it.each(["corvette", "samantha", "qwer1234", "asdfasdf", "Jennifer1", "starwars", "1q2w3e4r5t6y"])("rejects %s, a top breached password", (password) => {
    expect(passwordIssue(password)).toBe("passwordCommon");
  });

  it("refuses the 10,000 most common breached passwords of 8 or more characters", () => {
    const common = dictionary["passwords-common"].filter((password) => password.length >= 8).slice(0, 10_000);
    expect(common).toHaveLength(10_000);
    expect(common.filter((password) => passwordIssue(password) !== "passwordCommon")).toEqual([]);
    expect(passwordIssue("correct horse battery staple")).toBeNull();
  });

  it("rejects the email address as password", () => {
    expect(passwordIssue("pat@example.com")).toBe("passwordIsEmail");
  });

  it("requires the repeated password to match on reset", () => {
    const result = resetPasswordSchema.safeParse({ token: "t", password: "a fine passphrase", confirmPassword: "another one" });
    expect(result.success ? null : result.error.issues[0]?.path).toEqual(["confirmPassword"]);
  });

  it("normalises the email to lower case and rejects malformed ones", () => {
    expect(signUpSchema.parse({ name: "Pat", email: "  Pat@Example.COM ", password: "long enough" }).email).toBe("pat@example.com");
    expect(signUpSchema.safeParse({ name: "Pat", email: "not-an-email", password: "long enough" }).success).toBe(false);
  });
});

describe("callback URLs after sign-in", () => {
  it("keeps paths inside the app", () => {
    expect(safeCallbackPath("/dashboard/invoices?status=open#top", null)).toBe("/dashboard/invoices?status=open#top");
    expect(safeCallbackPath("/admin/users/../users?page=2", null)).toBe("/admin/users?page=2");
  });

  it.each([
    "https://evil.example/phish",
    "//evil.example/phish",
    "/\\evil.example",
    "/.//evil.example/phish",
    "/./\\evil.example/phish",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "",
    undefined,
  ])("never sends %j off the site", (value) => {
    const result = safeCallbackPath(value, null);
    if (result !== null) {
      expect(new URL(result, "https://clientdesk.example").origin).toBe("https://clientdesk.example");
      expect(result).not.toMatch(/^\/[\\/]/);
    }
  });

  it("falls back for a path that normalises to another host", () => {
    expect(safeCallbackPath("/.//evil.example/phish", "/dashboard")).toBe("/dashboard");
    expect(safeCallbackPath("/a/..//evil.example", "/dashboard")).toBe("/dashboard");
  });
});
