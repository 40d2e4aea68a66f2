import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type { ActionState } from "@/lib/action-state";
import messages from "@/lib/i18n/messages/en.json" with { type: "json" };
import { baseURL } from "../../playwright.config";
import { fetchLikeBrowser, sampleUrl } from "./routes";

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

export type ServerAction = {
  id: string;
  /** Where it is defined, e.g. "app/(auth)/actions.ts#signInAction"; the id if the build does not say. */
  name: string;
  /** The pages whose bundle includes it: Next runs an action only when it is posted to one of them. */
  pages: string[];
};

/** Every server action of the production build, from the manifest `next build` writes. */
export function listServerActions(): ServerAction[] {
  const manifestFile = path.resolve(".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Record<"node" | "edge", Record<string, ManifestEntry>>;
  return Object.entries({ ...manifest.node, ...manifest.edge }).map(([id, entry]) => ({
    id,
    name: entry.filename && entry.exportedName ? `${entry.filename}#${entry.exportedName}` : id,
    pages: Object.keys(entry.workers)
      .filter((worker) => worker.endsWith("/page"))
      .map((worker) => sampleUrl(worker.slice(0, -"/page".length))),
  }));
}

/** The one action exported under `exportedName`, e.g. "revokeSessionsAction". */
export function findServerAction(exportedName: string): ServerAction {
  const found = listServerActions().filter((action) => action.name.endsWith(`#${exportedName}`));
  if (found.length !== 1) throw new Error(`expected one server action named ${exportedName} in the build, found ${found.length}`);
  return found[0]!;
}

/** What our action wrapper (lib/action.ts) answers a caller without a session, or without the role. */
export const refusals = { signedOut: messages.errors.signedOut, forbidden: messages.errors.forbidden };

export type Answer = {
  status: number;
  /** Where the answer sends the browser: a Location, a server action's x-action-redirect, or a redirect in the flight. */
  redirect: string | null;
  /** The answer carries the action's return value: the action ran to its end. */
  returned: boolean;
  /** That value, when it is a form state. */
  state: ActionState | null;
  /** Next could not match the call to an action, so no action code ran. */
  actionNotFound: boolean;
  headers: Record<string, string>;
  body: string;
};

/** The action's return value in a flight answer: row 0 points at it ("a":"$@1") and that row holds it. */
function actionResult(body: string): { value: unknown } | null {
  const rows = new Map(body.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)]));
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const row = typeof root?.a === "string" ? /^\$@([0-9a-f]+)$/.exec(root.a)?.[1] : undefined;
    return row && rows.has(row) ? { value: JSON.parse(rows.get(row)!) } : null;
  } catch {
    return null;
  }
}

function isSignInRedirect(answer: Answer): boolean {
  return answer.redirect !== null && new URL(answer.redirect, baseURL).pathname === "/sign-in";
}

/**
 * An action that returned must have returned one of `messages`; one that did not must have sent
 * the caller to sign-in or answered 401/403/404/405. A call Next matched to no action proves nothing.
 */
export function isRefused(answer: Answer, messages: string[]): boolean {
  if (answer.actionNotFound) return false;
  if (answer.returned) return answer.state?.ok === false && messages.includes(answer.state.message ?? "");
  return isSignInRedirect(answer) || [401, 403, 404, 405].includes(answer.status);
}

export function describeAnswer(answer: Answer): string {
  const outcome = answer.state ? JSON.stringify(answer.state) : answer.body.replace(/\s+/g, " ").slice(0, 160);
  return `${answer.status}${answer.redirect ? ` to ${answer.redirect}` : ""}${answer.actionNotFound ? " (action not found)" : ""}: ${outcome}`;
}

export type ActionCall = {
  /** The form's fields: the action is called as `action(previousState, formData)`, as useActionState does. */
  fields?: Record<string, string>;
  headers?: Record<string, string>;
  /** Added to the page's URL, e.g. "?_rsc=x". */
  search?: string;
};

/**
 * Calls a server action over HTTP as React's client does: a POST to a page that includes it, with
 * its id in Next-Action and the arguments in encodeReply's multipart form. Field "0" is the JSON
 * argument list, where "$K1" stands for a FormData whose entries are the "_1_<name>" fields.
 */
export async function callAction(request: APIRequestContext, action: ServerAction, call: ActionCall = {}): Promise<Answer> {
  const multipart = new FormData();
  for (const [name, value] of Object.entries(call.fields ?? {})) multipart.append(`_1_${name}`, value);
  // Last, as React sends it: the server decodes "0" on arrival, and "$K1" takes only the entries before it.
  multipart.append("0", JSON.stringify([{ ok: false }, "$K1"]));
  const headers = { "next-action": action.id, accept: "text/x-component", origin: baseURL, ...call.headers };
  const response = await fetchLikeBrowser(request, `${action.pages[0]}${call.search ?? ""}`, { method: "POST", headers, multipart });
  const location = response.headers()["location"];
  const body = await response.text();
  const result = actionResult(body);
  const flightRedirect = /NEXT_REDIRECT;(?:push|replace);([^;"]+);/.exec(body)?.[1];
  return {
    status: response.status(),
    redirect: location ?? response.headers()["x-action-redirect"]?.replace(/;(push|replace)$/, "") ?? flightRedirect ?? null,
    returned: result !== null,
    state: typeof result?.value === "object" ? (result.value as ActionState | null) : null,
    actionNotFound: response.headers()["x-nextjs-action-not-found"] === "1",
    headers: response.headers(),
    body,
  };
}
