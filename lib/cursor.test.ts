import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, isCursorInstant } from "./cursor";

describe("keyset cursors", () => {
  it("travel as opaque values and come back unchanged", () => {
    const cursor = { createdAt: "2026-11-26T14:03:07.123456Z", id: randomUUID() };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("mean the first page when tampered with, also with an instant of the right shape that does not exist", () => {
    const id = randomUUID();
    for (const createdAt of ["2024-13-45T99:00:00.000000Z", "2026-02-30T10:00:00.000000Z", "2026-11-26 14:03:07", "0000-01-01T00:00:00.000000Z"]) {
      expect(isCursorInstant(createdAt)).toBe(false);
      expect(decodeCursor(Buffer.from(JSON.stringify([createdAt, id])).toString("base64url"))).toBeNull();
    }
    expect(decodeCursor("not-a-cursor")).toBeNull();
  });
});
