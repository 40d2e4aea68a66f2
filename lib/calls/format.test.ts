import { describe, expect, it } from "vitest";
import { formatDuration } from "./format";

describe("a call's duration", () => {
  it("reads as m:ss, and as h:mm:ss from an hour on", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(59)).toBe("0:59");
    expect(formatDuration(61)).toBe("1:01");
    expect(formatDuration(3599)).toBe("59:59");
    expect(formatDuration(3600)).toBe("1:00:00");
    expect(formatDuration(86_399)).toBe("23:59:59");
    // An average is fractional: it rounds to the second.
    expect(formatDuration(104.6)).toBe("1:45");
  });
});
