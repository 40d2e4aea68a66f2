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
    expect(safeCallbackPath("/dashboard/invoices?status=open#top")).toBe("/dashboard/invoices?status=open#top");
  });

  it.each(["https://evil.example/phish", "//evil.example/phish", "/\\evil.example", "javascript:alert(1)", "", undefined])(
    "sends %s to the dashboard instead of leaving the app",
    (value) => {
      expect(safeCallbackPath(value)).toBe("/dashboard");
    },
  );
});
