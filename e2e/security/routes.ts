import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse, BrowserContext } from "@playwright/test";
import { baseURL } from "../../playwright.config";

/**
 * A URL the file-system route answers, e.g. "app/admin/users/[id]" → "/admin/users/<random uuid>":
 * route groups and parallel slots are not part of the URL, a catch-all gets one segment.
 */
export function sampleUrl(route: string): string {
  const segments = route
    .split("/")
    .slice(1)
    .flatMap((segment) => {
      if (/^\(.*\)$/.test(segment) || segment.startsWith("@") || /^\[\[\.\.\..+\]\]$/.test(segment)) return [];
      if (/^\[\.\.\..+\]$/.test(segment)) return ["sample"];
      if (/^\[.+\]$/.test(segment)) return [randomUUID()];
      return [segment];
    });
  return `/${segments.join("/")}`;
}

export type RouteHandler = {
  /** Its file, e.g. "app/api/health/route.ts". */
  file: string;
  url: string;
};

/** Every route handler (route.ts) under app/, found by walking the folder as Next does. */
export function listRouteHandlers(folder = "app"): RouteHandler[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return listRouteHandlers(file);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [{ file, url: sampleUrl(folder) }] : [];
  });
}

/** The methods every route handler is called with; one it does not export answers 405. */
export const routeMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** The HTTP methods a route file exports (`export const GET = …` or `export async function GET`). */
export function exportedMethods(file: string): (typeof routeMethods)[number][] {
  const source = fs.readFileSync(file, "utf8");
  return routeMethods.filter((method) => new RegExp(`export (const|async function|function) ${method}\\b`).test(source));
}

/**
 * A request as fetch() makes it: a 307/308 on this origin is followed with the same method and body
 * (Next answers an unexpected `_rsc` with one), but one to sign-in is the answer.
 */
export async function fetchLikeBrowser(
  request: APIRequestContext,
  url: string,
  options: { method: string; headers?: Record<string, string>; multipart?: FormData },
): Promise<APIResponse> {
  for (let hop = 0; ; hop++) {
    const response = await request.fetch(url, { ...options, maxRedirects: 0 });
    const location = response.headers()["location"];
    const next = location ? new URL(location, baseURL) : null;
    if (!next || hop === 3 || ![307, 308].includes(response.status()) || next.origin !== baseURL || next.pathname === "/sign-in") return response;
    url = `${next.pathname}${next.search}`;
  }
}

/**
 * A GET's status and headers without waiting for its body: a stream (server-sent events) never ends.
 * Sends the context's cookies as the browser would.
 */
export async function headersOf(context: BrowserContext, url: string): Promise<{ status: number; headers: Record<string, string> }> {
  const cookie = (await context.cookies(baseURL)).map((entry) => `${entry.name}=${entry.value}`).join("; ");
  const controller = new AbortController();
  const response = await fetch(new URL(url, baseURL), { headers: { cookie }, redirect: "manual", signal: controller.signal });
  controller.abort();
  return { status: response.status, headers: Object.fromEntries(response.headers) };
}
