import { expect, type Browser, type BrowserContext } from "@playwright/test";
import { createVerifiedCustomer, newClient, signIn, uniqueIp } from "../helpers";
import { callAction, describeAnswer, findServerAction } from "./actions";

export type Customer = { context: BrowserContext; email: string; ip: string; password: string };

// Opera on Android: the session list names the device, and the intruder's browser is neither.
export const ownerUserAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 OPR/86.0.0.0";
export const ownerDeviceLabel = "Opera on Android";

/** Two new customers, each signed in in a browser of its own with an address of its own. */
export async function twoCustomers(browser: Browser): Promise<{ owner: Customer; intruder: Customer }> {
  const signedIn = async (name: string, userAgent?: string): Promise<Customer> => {
    const password = `${name} passphrase`;
    const email = await createVerifiedCustomer(browser, name, password);
    const ip = uniqueIp();
    const context = await newClient(browser, { ip, userAgent });
    await signIn(await context.newPage(), { email, password });
    return { context, email, ip, password };
  };
  const [owner, intruder] = await Promise.all([signedIn("Olive Owner", ownerUserAgent), signedIn("Ivan Intruder")]);
  return { owner, intruder };
}

/**
 * A kind of resource a customer owns, described for `expectNoCrossUserAccess`. Only `name`,
 * `create` and `ownerView` are required: list whatever pages, actions and routes take its id.
 */
export type OwnedResource = {
  name: string;
  /** Creates one for the owner. `canaries`: texts that only this resource shows (its id aside). */
  create(owner: Customer): Promise<{ id: string; canaries: string[] }>;
  /** Pages addressed by the id: the intruder gets a 404, as page and as flight. */
  pages?(id: string): string[];
  /** Pages listing the intruder's own resources of this kind: neither the id nor a canary may appear. */
  lists?: string[];
  /** Server actions (by export name) that take the id: each must answer the intruder `refusal` (next to `field`, if given). */
  actions?: { name: string; fields(id: string): Record<string, string>; refusal: string; field?: string }[];
  /** Route handlers addressed by the id: the intruder gets a 404. */
  routes?(id: string): string[];
  /** What the owner sees of the resource: it must be the same after the intruder's attempts. */
  ownerView(owner: Customer, id: string): Promise<unknown>;
};

/**
 * Creates `resource` for `owner`, then lets `intruder` try every page, flight, action and route
 * that takes its id: none may answer with the owner's data, and the owner's view must not change.
 */
export async function expectNoCrossUserAccess(resource: OwnedResource, { owner, intruder }: { owner: Customer; intruder: Customer }) {
  const { id, canaries } = await resource.create(owner);
  const before = await resource.ownerView(owner, id);
  const request = intruder.context.request;
  const expectNoCanary = (body: string, where: string, texts = canaries) => {
    for (const canary of texts) expect(body, `${resource.name}: ${where} shows the owner's "${canary}"`).not.toContain(canary);
  };
  const asFlight = (url: string) => `${url}${url.includes("?") ? "&" : "?"}_rsc=1`;

  for (const url of resource.pages?.(id) ?? []) {
    const page = await request.get(url);
    expect(page.status(), `${resource.name}: ${url}`).toBe(404);
    expectNoCanary(await page.text(), url);
    const flight = await request.get(asFlight(url), { headers: { rsc: "1" } });
    const flightBody = await flight.text();
    // A flight is already streaming with 200 when the page calls notFound(): Next says so inside it.
    expect(flightBody, `${resource.name}: the flight of ${url} is a 404`).toContain("NEXT_HTTP_ERROR_FALLBACK;404");
    expectNoCanary(flightBody, `the flight of ${url}`);
  }
  for (const url of resource.lists ?? []) {
    for (const [where, response] of [
      [url, await request.get(url)],
      [`the flight of ${url}`, await request.get(asFlight(url), { headers: { rsc: "1" } })],
    ] as const) {
      expect(response.status(), `${resource.name}: ${where}`).toBe(200);
      expectNoCanary(await response.text(), where, [id, ...canaries]);
    }
  }
  for (const action of resource.actions ?? []) {
    const answer = await callAction(request, findServerAction(action.name), { fields: action.fields(id) });
    const refusal = action.field ? answer.state?.fieldErrors?.[action.field] : answer.state?.message;
    expect(answer.state?.ok === false && refusal === action.refusal, `${resource.name}: ${action.name} answered ${describeAnswer(answer)}`).toBe(true);
    expectNoCanary(answer.body, action.name);
  }
  for (const url of resource.routes?.(id) ?? []) {
    const response = await request.get(url);
    expect(response.status(), `${resource.name}: ${url}`).toBe(404);
    expectNoCanary(await response.text(), url);
  }
  expect(await resource.ownerView(owner, id), `${resource.name}: the owner's view after the intruder's attempts`).toEqual(before);
}
