import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/[...path]/route";
import { apiErrorSchema } from "./errors";

describe("an unknown /api/v1 path", () => {
  it("answers 404 with the API's error object, not the site's HTML page", async () => {
    for (const handler of [GET, POST]) {
      const response = handler();
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(apiErrorSchema.parse(await response.json()).error.code).toBe("not_found");
    }
  });
});
