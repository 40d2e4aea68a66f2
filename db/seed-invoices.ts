import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { getAccountMembership } from "@/db/queries/accounts";
import { nextInvoiceNumber } from "@/db/queries/invoice-numbers";
import { getUserByEmail } from "@/db/queries/users";
import { invoiceItems, invoices, payments, projects } from "@/db/schema";
import { computeInvoiceTotals } from "@/lib/billing/money";
import type { InvoiceStatus, PaymentMethod } from "@/lib/constants";

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const instantFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

type SeedPayment = { method: PaymentMethod; provider: "demo" | "offline"; daysAgo: number; failed?: string; partOf?: number };
type SeedInvoice = {
  status: InvoiceStatus;
  project?: boolean;
  issued: number;
  due: number;
  items: [string, number, number][];
  notes?: string;
  payments?: SeedPayment[];
};

const bankNote = "Please transfer to IBAN DE02 1001 0010 0123 4567 89 and quote the invoice number.";

/** The demo customer's invoices: one in every status, a card payment (after a declined attempt) and a bank transfer. */
const demoInvoices: SeedInvoice[] = [
  { status: "paid", project: true, issued: -70, due: -56, items: [["Discovery workshop", 2, 60_000], ["Wireframes", 1, 90_000]], payments: [{ method: "card", provider: "demo", daysAgo: 60, failed: "Your card was declined." }, { method: "card", provider: "demo", daysAgo: 59 }] },
  { status: "paid", issued: -45, due: -31, items: [["Phone system setup", 1, 45_000], ["Staff training (hours)", 3, 9_500]], notes: bankNote, payments: [{ method: "bank_transfer", provider: "offline", daysAgo: 35 }] },
  { status: "void", issued: -40, due: -26, items: [["Duplicate: Phone system setup", 1, 45_000]] },
  { status: "uncollectible", issued: -120, due: -106, items: [["Emergency call-out", 1, 25_000]], notes: bankNote },
  { status: "open", project: true, issued: -38, due: -24, items: [["Design sprint", 1, 180_000], ["Content migration (pages)", 24, 2_500]], notes: bankNote, payments: [{ method: "bank_transfer", provider: "offline", daysAgo: 20, partOf: 50_000 }] },
  { status: "open", project: true, issued: -5, due: 9, items: [["Development, November", 1, 240_000], ["Hosting, November", 1, 4_900]], notes: bankNote },
  { status: "draft", project: true, issued: 0, due: 14, items: [["Development, December", 1, 240_000]] },
];

/** Another customer's few invoices, so staff lists show more than one account. */
const otherInvoices: SeedInvoice[] = [
  { status: "paid", issued: -30, due: -16, items: [["Consulting (hours)", 6, 12_000]], payments: [{ method: "cheque", provider: "offline", daysAgo: 18 }] },
  { status: "open", issued: -3, due: 11, items: [["Consulting (hours)", 4, 12_000]] },
];

async function insertSeedInvoices(accountId: string, staffId: string, seeds: SeedInvoice[], currency: string, taxRate: number, db: Database) {
  // Already seeded (a second run): leave them as they are.
  const [existing] = await db.select({ value: count() }).from(invoices).where(and(eq(invoices.accountId, accountId), eq(invoices.kind, "project")));
  if ((existing?.value ?? 0) > 0) return;
  const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.accountId, accountId)).orderBy(asc(projects.createdAt), asc(projects.id)).limit(1);
  const ordered = [...seeds].sort((a, b) => a.issued - b.issued);
  for (const seed of ordered) {
    const issueDate = dayFromNow(seed.issued);
    const lines = seed.items.map(([description, quantity, unitAmount]) => ({ description, quantity, unitAmount }));
    const { amounts, subtotal, tax, total } = computeInvoiceTotals(lines, taxRate);
    const succeeded = (seed.payments ?? []).filter((payment) => !payment.failed);
    const amountPaid = succeeded.reduce((sum, payment) => sum + (payment.partOf ?? total), 0);
    const paidAt = seed.status === "paid" && succeeded.length > 0 ? instantFromNow(-succeeded.at(-1)!.daysAgo) : null;
    const [invoice] = await db
      .insert(invoices)
      .values({
        accountId,
        projectId: seed.project && project ? project.id : null,
        kind: "project",
        number: await nextInvoiceNumber(Number(issueDate.slice(0, 4)), db),
        status: seed.status,
        currency,
        taxRate,
        subtotal,
        tax,
        total,
        amountPaid,
        issueDate,
        dueDate: dayFromNow(seed.due),
        notes: seed.notes ?? "",
        sentAt: seed.status === "draft" ? null : instantFromNow(seed.issued),
        paidAt,
        voidedAt: seed.status === "void" ? instantFromNow(seed.issued + 2) : null,
        createdById: staffId,
        createdAt: instantFromNow(seed.issued),
      })
      .returning({ id: invoices.id });
    await db.insert(invoiceItems).values(lines.map((line, position) => ({ invoiceId: invoice!.id, position, ...line, amount: amounts[position]! })));
    for (const [index, payment] of (seed.payments ?? []).entries()) {
      const online = payment.provider === "demo";
      await db.insert(payments).values({
        invoiceId: invoice!.id,
        accountId,
        amount: payment.partOf ?? total,
        currency,
        status: payment.failed ? "failed" : "succeeded",
        method: payment.method,
        provider: payment.provider,
        providerReference: online ? `demo_pi_seed_${invoice!.id.slice(0, 8)}_${index}` : null,
        cardBrand: online ? "visa" : null,
        cardLast4: online ? (payment.failed ? "0002" : "4242") : null,
        failureMessage: payment.failed ?? null,
        recordedById: online ? null : staffId,
        occurredAt: instantFromNow(-payment.daysAgo),
      });
    }
  }
}

/** Invoices of the demo customer (in euro, 19 % tax, some for their first project) and of one other customer. */
export async function seedDemoInvoices(input: { accountId: string; staffId: string; otherCustomerEmail: string }, db: Database): Promise<void> {
  await insertSeedInvoices(input.accountId, input.staffId, demoInvoices, "eur", 1900, db);
  const other = await getUserByEmail(input.otherCustomerEmail, db);
  const membership = other ? await getAccountMembership(other.id, db) : null;
  if (membership) await insertSeedInvoices(membership.accountId, input.staffId, otherInvoices, "usd", 0, db);
}
