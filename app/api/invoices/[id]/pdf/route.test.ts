import { eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getActiveSessionUser, type SessionUser } from "@/db/queries/sessions";
import { invoices, userSettings } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { testOpenInvoice } from "@/db/testing/billing";
import { getSessionUser } from "@/lib/session";
import { GET } from "./route";

vi.mock("@/lib/session", () => ({ getSessionUser: vi.fn() }));

const db = setupTestDatabase();

let customer: SessionUser;
let invoiceId: string;

beforeAll(async () => {
  const user = await signedInUser("customer", "pdf-reader");
  await db().update(userSettings).set({ timeZone: "America/Los_Angeles", dateFormat: "dmy", timeFormat: "h12" }).where(eq(userSettings.userId, user.id));
  // The session as the next request reads it: the settings come from the database.
  customer = (await getActiveSessionUser(user.sessionId))!;
  const invoice = await testOpenInvoice(customer.accountId!);
  // Paid at 03:30 UTC on 20 November: still the 19th in Los Angeles.
  await db().update(invoices).set({ status: "paid", amountPaid: invoice.total, paidAt: new Date("2026-11-20T03:30:00Z") }).where(eq(invoices.id, invoice.id));
  invoiceId = invoice.id;
});

async function textOf(response: Response): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(await response.arrayBuffer()), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await (await document.getPage(1)).getTextContent();
  await document.destroy();
  return page.items.map((item) => ("str" in item ? item.str : "")).join(" ");
}

const get = (id: string) => GET(new Request(`http://test/api/invoices/${id}/pdf`), { params: Promise.resolve({ id }) });

describe("GET /api/invoices/[id]/pdf", () => {
  it("writes the dates in the reader's chosen format, the payment on its day in the reader's zone", async () => {
    vi.mocked(getSessionUser).mockResolvedValue(customer);
    const response = await get(invoiceId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = await textOf(response);
    for (const expected of ["01/11/2026", "01/12/2026", "19/11/2026"]) expect(text).toContain(expected);
    expect(text).not.toContain("20/11/2026");
  });

  it("answers 404 to another customer and 401 to the signed-out", async () => {
    vi.mocked(getSessionUser).mockResolvedValue(await signedInUser("customer", "pdf-other"));
    expect((await get(invoiceId)).status).toBe(404);
    vi.mocked(getSessionUser).mockResolvedValue(null);
    expect((await get(invoiceId)).status).toBe(401);
  });
});
