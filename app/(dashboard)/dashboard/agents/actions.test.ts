import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { agentRequests } from "@/db/schema";
import type { SessionUser } from "@/db/queries/sessions";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import messages from "@/lib/i18n/messages/en.json";
import { getSessionUser } from "@/lib/session";
import { createAgentRequestAction } from "./actions";

vi.mock("@/lib/session", () => ({ getSessionUser: vi.fn(), STAFF_TWO_FACTOR_PATH: "/admin/two-factor" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
}));

const db = setupTestDatabase();

let customer: SessionUser;
beforeEach(async () => {
  customer ??= await signedInUser("customer", "nul-notes");
  vi.mocked(getSessionUser).mockResolvedValue(customer);
});

describe("the action wrapper", () => {
  it("refuses a NUL character in an agent request's notes as a field error, writing nothing", async () => {
    const form = new FormData();
    form.set("notes", "Please\u0000 call back");
    const state = await createAgentRequestAction({ ok: false }, form);
    expect(state).toMatchObject({ ok: false, fieldErrors: { notes: messages.validation.nulCharacter } });
    expect(await db().select().from(agentRequests).where(eq(agentRequests.accountId, customer.accountId!))).toHaveLength(0);
  });
});
