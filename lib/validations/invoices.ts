import { z } from "zod";
import { parseMoney } from "@/lib/billing/money";
import { isCalendarDay } from "@/lib/calendar-day";
import {
  ADMIN_PAGE_SIZES,
  adminInvoiceSortColumns,
  AMOUNT_MAX,
  currencies,
  customerInvoiceFilters,
  INVOICE_ITEM_DESCRIPTION_MAX,
  INVOICE_ITEMS_MAX,
  INVOICE_NOTES_MAX,
  INVOICE_QUANTITY_MAX,
  invoiceStatuses,
  invoiceSteps,
  paymentMethods,
  TAX_RATE_MAX,
} from "@/lib/constants";

// Messages are keys of the `validation` namespace or full keys of `adminInvoices.validation` (see lib/action.ts).

const id = z.uuid("invalid");
const day = (requiredMessage: string) => z.string().trim().min(1, requiredMessage).refine(isCalendarDay, "adminInvoices.validation.dateInvalid");
/** A field the form sends once per line item: one value arrives as a string, several as a list. */
const perLine = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));

/** "19" or "7.5" percent → basis points (1900, 750). */
const taxPercent = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(value || "0");
    const basisPoints = match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : NaN;
    if (!(basisPoints <= TAX_RATE_MAX)) {
      ctx.addIssue({ code: "custom", message: "adminInvoices.validation.taxRateInvalid" });
      return z.NEVER;
    }
    return basisPoints;
  });

const invoiceFields = z.object({
  projectId: z
    .string()
    .trim()
    .refine((value) => value === "" || z.uuid().safeParse(value).success, "adminInvoices.validation.projectInvalid")
    .transform((value) => value || null),
  currency: z.enum(currencies, "adminInvoices.validation.currencyInvalid"),
  taxRate: taxPercent,
  issueDate: day("adminInvoices.validation.issueDateRequired"),
  dueDate: day("adminInvoices.validation.dueDateRequired"),
  notes: z.string().trim().max(INVOICE_NOTES_MAX, "adminInvoices.validation.notesTooLong"),
  description: perLine,
  quantity: perLine,
  unitAmount: perLine,
});

type InvoiceFields = z.infer<typeof invoiceFields>;

/**
 * The lines as typed: each needs a description, a whole quantity and an amount like "12.50" in the
 * invoice's currency. A line's error is reported on its own field (`items.2.unitAmount`), one about
 * the lines as a whole on `items`.
 */
function withItems<T extends InvoiceFields>(value: T, ctx: z.RefinementCtx) {
  const count = Math.max(value.description.length, value.quantity.length, value.unitAmount.length);
  const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", message, path: [field] });
  if (count === 0) issue("items", "adminInvoices.validation.itemsRequired");
  if (count > INVOICE_ITEMS_MAX) issue("items", "adminInvoices.validation.tooManyItems");
  if (value.dueDate < value.issueDate) issue("dueDate", "adminInvoices.validation.dueBeforeIssue");
  const items = Array.from({ length: count }, (_, index) => {
    const description = (value.description[index] ?? "").trim();
    const quantityText = (value.quantity[index] ?? "").trim();
    const quantity = /^\d{1,6}$/.test(quantityText) ? Number(quantityText) : NaN;
    const unitAmount = parseMoney(value.unitAmount[index] ?? "", value.currency);
    if (!description) issue(`items.${index}.description`, "adminInvoices.validation.descriptionRequired");
    else if (description.length > INVOICE_ITEM_DESCRIPTION_MAX) issue(`items.${index}.description`, "adminInvoices.validation.descriptionTooLong");
    if (!(quantity >= 1 && quantity <= INVOICE_QUANTITY_MAX)) issue(`items.${index}.quantity`, "adminInvoices.validation.quantityInvalid");
    if (unitAmount === null) issue(`items.${index}.unitAmount`, "adminInvoices.validation.unitAmountInvalid");
    else if (unitAmount > AMOUNT_MAX) issue(`items.${index}.unitAmount`, "adminInvoices.validation.unitAmountTooLarge");
    return { description, quantity, unitAmount: unitAmount ?? 0 };
  });
  // A price too large is told on its line; the total is told only when every price is within bounds.
  const total = items.reduce((sum, item) => sum + item.quantity * item.unitAmount, 0);
  if (total > AMOUNT_MAX && items.every((item) => item.unitAmount <= AMOUNT_MAX)) issue("items", "adminInvoices.validation.totalTooLarge");
  const { description: _d, quantity: _q, unitAmount: _u, ...rest } = value;
  return { ...rest, items };
}

export const createInvoiceSchema = invoiceFields.extend({ accountId: z.uuid("adminInvoices.validation.customerRequired") }).transform(withItems);
export const updateInvoiceSchema = invoiceFields.extend({ invoiceId: id }).transform(withItems);

export const invoiceStepSchema = z.object({ invoiceId: id, step: z.enum(invoiceSteps, "invalid") });

export const recordPaymentSchema = z
  .object({
    invoiceId: id,
    currency: z.enum(currencies, "invalid"),
    amount: z.string(),
    method: z.enum(paymentMethods, "adminInvoices.validation.methodInvalid"),
    paidOn: day("adminInvoices.validation.paidOnRequired"),
    note: z.string().trim().max(INVOICE_NOTES_MAX, "adminInvoices.validation.noteTooLong"),
  })
  .transform((value, ctx) => {
    const amount = parseMoney(value.amount, value.currency);
    if (amount === null || amount <= 0 || amount > AMOUNT_MAX) {
      ctx.addIssue({ code: "custom", message: "adminInvoices.validation.amountInvalid", path: ["amount"] });
      return z.NEVER;
    }
    return { ...value, amount };
  });

const optionalDay = z
  .string()
  .trim()
  .refine(isCalendarDay)
  .optional()
  .catch(undefined);

/** The customer's list filters, as held in the URL; anything malformed falls back to "all". */
export const invoiceListSearchSchema = z.object({
  status: z.enum(customerInvoiceFilters).optional().catch(undefined),
  from: optionalDay,
  to: optionalDay,
});

/** The staff invoices table's state as held in the URL. */
export const adminInvoicesSearchSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce
    .number()
    .refine((value) => (ADMIN_PAGE_SIZES as readonly number[]).includes(value))
    .catch(20),
  sort: z.enum(adminInvoiceSortColumns).catch("issueDate"),
  direction: z.enum(["asc", "desc"]).catch("desc"),
  query: z.string().trim().max(200).catch(""),
  status: z.enum(invoiceStatuses).optional().catch(undefined),
});

/** The new-invoice page: the customer search, the customer chosen (and so its projects), a project chosen on its page. */
export const newInvoiceSearchSchema = z.object({
  customer: z.string().trim().max(200).catch(""),
  account: z.uuid().optional().catch(undefined),
  project: z.uuid().optional().catch(undefined),
});

/** A checkout's way back to the invoice page. */
export const invoicePageSearchSchema = z.object({
  checkout: z.enum(["success", "cancelled"]).optional().catch(undefined),
});
