import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact";

describe("redacting a stored body for staff", () => {
  it("hides token-like query values, whether already redacted or not, and leaves plain links alone", () => {
    const text = "Reset: http://x.test/reset-password?token=redacted\nVerify: http://x.test/verify?token=abc_DEF-123&lang=de\nOpen http://x.test/dashboard/security";
    expect(redactSecrets(text)).toBe(
      "Reset: http://x.test/reset-password?token=[redacted]\nVerify: http://x.test/verify?token=[redacted]&lang=de\nOpen http://x.test/dashboard/security",
    );
  });
});
