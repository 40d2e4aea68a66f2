import { describe, expect, it } from "vitest";
import { addressBucket } from "./request-info";

describe("rate-limit buckets of client addresses", () => {
  it("count an IPv4 address by itself", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
  });

  it("count every address of an IPv6 /64 as one client", () => {
    expect(addressBucket("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0DB8:0001:0002::ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
  });
});
