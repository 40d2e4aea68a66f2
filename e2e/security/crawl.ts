import { expect, type APIRequestContext } from "@playwright/test";

type Fetched = { url: string; body: string };

/** A page's route: ids and the query make no new page ("/admin/users/:id"). */
function routeOf(url: string): string {
  return new URL(url, "http://x").pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id");
}

/**
 * Every page reachable by links from `start`, one URL per route, each fetched as HTML and as a
 * flight (the RSC payload a client-side navigation gets).
 */
export async function crawl(request: APIRequestContext, start: string[]): Promise<Fetched[]> {
  const queue = [...start];
  const seen = new Set(queue.map(routeOf));
  const fetched: Fetched[] = [];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const page = await request.get(url);
    const html = await page.text();
    const flight = await request.get(`${url}${url.includes("?") ? "&" : "?"}_rsc=1`, { headers: { rsc: "1" } });
    fetched.push({ url, body: html }, { url: `${url} (flight)`, body: await flight.text() });
    // Links as HTML attributes and as props in the inlined flight data.
    for (const [, href] of html.matchAll(/(?:href="|\\"href\\":\\")(\/[^"\\#]*)/g)) {
      const link = href!.replace(/&amp;/g, "&");
      if (link.startsWith("/_next/") || link.startsWith("/api/") || /\.\w+$/.test(routeOf(link)) || seen.has(routeOf(link))) continue;
      seen.add(routeOf(link));
      queue.push(link);
    }
  }
  expect(fetched.length, `pages reachable from ${start.join(", ")}`).toBeGreaterThan(4);
  return fetched;
}
