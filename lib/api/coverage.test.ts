import { describe, expect, it } from "vitest";
import { apiRouteModules, httpMethods, routeTemplateOf } from "@/db/testing/api";
import { apiEndpoints } from "./registry";

/** Routes under /api/v1 that are not token-guarded endpoints of the registry, each with its reason. */
const notInRegistry: Record<string, string> = {
  "app/api/v1/openapi.json/route.ts": "the public OpenAPI document itself: it describes the endpoints, takes no token and grants nothing",
  "app/api/v1/[...path]/route.ts": "every other path under /api/v1: answers the error object's 404, reads nothing",
};

describe("the API's coverage guard", () => {
  it("maps folders to OpenAPI path templates", () => {
    expect(routeTemplateOf("app/api/v1/token/route.ts")).toBe("/token");
    expect(routeTemplateOf("app/api/v1/invoices/[id]/pdf/route.ts")).toBe("/invoices/{id}/pdf");
    expect(routeTemplateOf("app/api/v1/(group)/calls/[callId]/route.ts")).toBe("/calls/{callId}");
  });

  it("serves every exported method of every app/api/v1 route through apiRoute, as the registry endpoint of that path and method", async () => {
    const modules = await apiRouteModules();
    expect(modules.map(({ file }) => file)).toContain("app/api/v1/token/route.ts");
    expect(Object.keys(notInRegistry).filter((file) => !modules.some((route) => route.file === file)), "an allowlisted route that no longer exists").toEqual([]);
    const problems: string[] = [];
    for (const { file, template, module } of modules) {
      if (file in notInRegistry) continue;
      if (/\[\.\.\./.test(file)) problems.push(`${file}: a catch-all route cannot be described by one OpenAPI path`);
      const exported = httpMethods.filter((method) => typeof module[method] === "function");
      if (exported.length === 0) problems.push(`${file} exports no HTTP method`);
      for (const method of exported) {
        const endpoint = apiEndpoints.find((candidate) => candidate.path === template && candidate.method === method);
        if (!endpoint) problems.push(`${method} ${template} (${file}) is not in lib/api/registry.ts`);
        else if (module[method]!.apiEndpoint !== endpoint) problems.push(`${method} ${template} (${file}) is not apiRoute(${endpoint.operationId}'s endpoint, …)`);
      }
    }
    expect(problems, "every /api/v1 route is a registry endpoint served by apiRoute (or is allowlisted here with a reason)").toEqual([]);
  });

  it("has a route file exporting each registry endpoint's method", async () => {
    const modules = await apiRouteModules();
    const missing = apiEndpoints
      .filter((endpoint) => !modules.some(({ template, module }) => template === endpoint.path && module[endpoint.method]?.apiEndpoint === endpoint))
      .map((endpoint) => `${endpoint.method} ${endpoint.path} (${endpoint.operationId}): expected app/api/v1${endpoint.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts exporting ${endpoint.method}`);
    expect(missing).toEqual([]);
    const keys = apiEndpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index), "declared twice").toEqual([]);
  });
});
