import { z } from "zod";
import type { InvoiceDetail, listInvoicesForAccount } from "@/db/queries/invoices";
import { customerInvoiceFilters, invoiceKinds, paymentMethods, paymentStatuses, type InvoiceStatus } from "@/lib/constants";
import { defineEndpoint } from "../endpoint";
import { apiErrorSchema } from "../errors";
import { pageOf, pageQuery } from "../pagination";
import { idParams } from "../route";

const minor = (description: string) => z.number().int().meta({ description: `${description}, in minor units of \`currency\` (cents).` });
const day = (description: string) => z.iso.date().meta({ description, example: "2026-11-01" });

export const invoiceSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string().meta({ example: "INV-2026-0042" }),
    status: z.enum(["open", "paid", "void", "uncollectible"] satisfies InvoiceStatus[]).meta({ description: "Drafts are never shown to customers." }),
    overdue: z.boolean().meta({ description: "Open and due before today in the user's time zone." }),
    currency: z.string().meta({ description: "ISO 4217, lower case.", example: "eur" }),
    total: minor("The invoice's total"),
    amountPaid: minor("What was paid so far"),
    amountDue: minor("What is left to pay (0 unless open)"),
    issueDate: day("The day the invoice was issued."),
    dueDate: day("The day payment is due."),
    project: z.object({ id: z.uuid(), name: z.string() }).nullable().meta({ description: "The project the invoice bills, if any." }),
  })
  .meta({ id: "InvoiceSummary" });

export const invoiceSchema = invoiceSummarySchema
  .extend({
    kind: z.enum(invoiceKinds).meta({ description: "`subscription` invoices are charged to the saved card by the payment provider, never paid here." }),
    taxRate: z.number().int().meta({ description: "The tax rate in basis points (1900 = 19 %).", example: 1900 }),
    subtotal: minor("The sum of the lines"),
    tax: minor("The tax on the subtotal"),
    notes: z.string(),
    paidAt: z.iso.datetime({ offset: true }).nullable(),
    payable: z.boolean().meta({ description: "Whether `POST /invoices/{id}/pay` can start a payment now." }),
    items: z.array(
      z.object({
        id: z.uuid(),
        description: z.string(),
        quantity: z.number().int(),
        unitAmount: minor("The price of one"),
        amount: minor("quantity × unitAmount"),
      }),
    ),
    payments: z
      .array(
        z.object({
          id: z.uuid(),
          amount: z.number().int().meta({ description: "In minor units of the payment's currency." }),
          currency: z.string(),
          status: z.enum(paymentStatuses),
          method: z.enum(paymentMethods),
          cardBrand: z.string().nullable(),
          cardLast4: z.string().nullable(),
          failureMessage: z.string().nullable().meta({ description: "Why a failed attempt failed, as the provider said." }),
          occurredAt: z.iso.datetime({ offset: true }),
        }),
      )
      .meta({ description: "Payments and failed attempts, oldest first." }),
  })
  .meta({ id: "Invoice" });

export const invoiceCheckoutSchema = z
  .object({
    invoiceId: z.uuid(),
    checkoutUrl: z.url().meta({ description: "Open this page for the customer to pay: the payment provider's checkout (or the demo checkout). The invoice is paid once the provider confirms it." }),
  })
  .meta({ id: "InvoiceCheckout" });

export const invoiceListQuery = pageQuery.extend({
  status: z.enum(customerInvoiceFilters).optional().meta({ description: "As the invoices page filters: `overdue` is open and past its due date." }),
  from: z.iso.date().optional().meta({ description: "Issued on or after this day." }),
  to: z.iso.date().optional().meta({ description: "Issued on or before this day." }),
});

const notFound = { description: "No such invoice of the token's account (or a draft).", schema: apiErrorSchema };

export const invoiceEndpoints = {
  list: defineEndpoint({
    method: "GET",
    path: "/invoices",
    operationId: "listInvoices",
    tag: "Invoices",
    summary: "List invoices",
    description: "The account's invoices, newest issue first, with the invoices page's filters. Drafts are never listed.",
    scope: "invoices:read",
    query: invoiceListQuery,
    responses: { 200: { description: "A page of invoices.", schema: pageOf(invoiceSummarySchema, "InvoicePage") } },
    etag: true,
  }),
  get: defineEndpoint({
    method: "GET",
    path: "/invoices/{id}",
    operationId: "getInvoice",
    tag: "Invoices",
    summary: "Get an invoice",
    description: "An invoice with its lines, totals, tax and payments, as its page shows it.",
    scope: "invoices:read",
    params: idParams,
    responses: { 200: { description: "The invoice.", schema: invoiceSchema }, 404: notFound },
    etag: true,
  }),
  pdf: defineEndpoint({
    method: "GET",
    path: "/invoices/{id}/pdf",
    operationId: "getInvoicePdf",
    tag: "Invoices",
    summary: "Download an invoice as PDF",
    description: "The same PDF as the invoice page's download, in the user's language and date format.",
    scope: "invoices:read",
    params: idParams,
    responses: { 200: { description: "The invoice as a PDF file.", contentType: "application/pdf" }, 404: notFound },
  }),
  pay: defineEndpoint({
    method: "POST",
    path: "/invoices/{id}/pay",
    operationId: "payInvoice",
    tag: "Invoices",
    summary: "Start paying an invoice",
    description:
      "Starts a checkout for the open balance of a project invoice, as the invoice page's Pay button does, and answers where the customer pays. Nothing is charged until they do; the invoice turns `paid` once the payment provider confirms it. Send an `Idempotency-Key` to retry safely.",
    scope: "invoices:write",
    params: idParams,
    idempotent: true,
    responses: {
      201: { description: "The checkout was started.", schema: invoiceCheckoutSchema },
      404: notFound,
      409: { description: "`invoice_not_payable`: the invoice is paid, void, uncollectible, or a subscription invoice (charged by the provider).", schema: apiErrorSchema },
    },
    examples: { 201: { invoiceId: "6f1c2a9e-8d1b-4c57-9a51-2f0c3e5d7b10", checkoutUrl: "https://checkout.stripe.com/c/pay/cs_test_a1b2c3" } },
  }),
};

type InvoiceRow = Awaited<ReturnType<typeof listInvoicesForAccount>>[number];

/** A row of the invoices query as the API answers it. */
export function invoiceSummaryBody(row: InvoiceRow): z.input<typeof invoiceSummarySchema> {
  return {
    id: row.id,
    number: row.number,
    status: row.status as z.output<typeof invoiceSummarySchema>["status"],
    overdue: row.overdue,
    currency: row.currency,
    total: row.total,
    amountPaid: row.amountPaid,
    amountDue: row.status === "open" ? Math.max(0, row.total - row.amountPaid) : 0,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    project: row.projectId && row.projectName !== null ? { id: row.projectId, name: row.projectName } : null,
  };
}

/** An invoice as its page shows it; `payable` is the pay service's own rule (isPayableOnline). */
export function invoiceBody(invoice: InvoiceDetail, payable: boolean): z.input<typeof invoiceSchema> {
  return {
    ...invoiceSummaryBody(invoice),
    kind: invoice.kind,
    taxRate: invoice.taxRate,
    subtotal: invoice.subtotal,
    tax: invoice.tax,
    notes: invoice.notes,
    paidAt: invoice.status === "paid" && invoice.paidAt ? invoice.paidAt.toISOString() : null,
    payable,
    items: invoice.items,
    payments: invoice.payments.map(({ id, amount, currency, status, method, cardBrand, cardLast4, failureMessage, occurredAt }) => ({
      id,
      amount,
      currency,
      status,
      method,
      cardBrand,
      cardLast4,
      failureMessage,
      occurredAt: occurredAt.toISOString(),
    })),
  };
}
