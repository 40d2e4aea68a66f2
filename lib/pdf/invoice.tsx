import "server-only";
import path from "node:path";
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import type { InvoiceDetail } from "@/db/queries/invoices";
import { companyDetails } from "@/lib/billing/config";
import { formatMoney } from "@/lib/billing/money";
import { loadMessages, localeDirection, type Locale } from "@/lib/i18n/config";
import { createDateFormatter, type DateTimePreferences } from "@/lib/i18n/date-format";

// The built-in Helvetica, and for Arabic script (Urdu) Noto Naskh Arabic from lib/pdf/fonts (OFL):
// the renderer never fetches a font, an image or any URL.
const fontFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "pdf", "fonts");
Font.register({
  family: "NotoNaskhArabic",
  fonts: [
    { src: path.join(fontFolder, "NotoNaskhArabic-Regular.ttf") },
    { src: path.join(fontFolder, "NotoNaskhArabic-Bold.ttf"), fontWeight: "bold" },
  ],
});

const ltrStyles = StyleSheet.create({
  page: { padding: 48, fontFamily: "Helvetica", fontSize: 10, color: "#1f2937" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 28 },
  company: { fontSize: 14, fontFamily: "Helvetica-Bold", marginBottom: 4 },
  muted: { color: "#6b7280" },
  title: { fontSize: 20, fontFamily: "Helvetica-Bold", textAlign: "right" },
  number: { fontSize: 11, textAlign: "right", marginTop: 4 },
  stamp: { marginTop: 10, alignSelf: "flex-end", borderWidth: 2, borderRadius: 4, paddingVertical: 4, paddingHorizontal: 10, fontSize: 14, fontFamily: "Helvetica-Bold" },
  columns: { flexDirection: "row", justifyContent: "space-between", marginBottom: 24 },
  label: { fontSize: 8, color: "#6b7280", textTransform: "uppercase", marginBottom: 3 },
  facts: { width: 200 },
  fact: { flexDirection: "row", justifyContent: "space-between", marginBottom: 3 },
  tableHead: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#d1d5db", paddingBottom: 4, fontFamily: "Helvetica-Bold" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#e5e7eb", paddingVertical: 5 },
  description: { flexGrow: 1, flexBasis: 0, paddingRight: 8 },
  quantity: { width: 50, textAlign: "right" },
  amount: { width: 90, textAlign: "right" },
  totals: { marginTop: 12, alignSelf: "flex-end", width: 240 },
  totalLine: { flexDirection: "row", justifyContent: "space-between", marginBottom: 3 },
  grandTotal: { flexDirection: "row", justifyContent: "space-between", borderTopWidth: 1, borderColor: "#1f2937", paddingTop: 4, marginTop: 2, fontFamily: "Helvetica-Bold" },
  notes: { marginTop: 28 },
  text: {},
});

type Styles = typeof ltrStyles;
type Style = Styles[keyof Styles];

/**
 * The same layout mirrored for a right-to-left reader: rows run from the right, text alignment flips,
 * and Arabic script falls back from Helvetica (Latin: numbers, amounts, names) to Noto Naskh Arabic.
 * Words keep their order (the bidi algorithm reverses Urdu runs); react-pdf's `direction: "rtl"` is
 * not used: it measures a text in a box without a width as the full page and pushes columns off it.
 */
function rightToLeft(ltr: Styles): Styles {
  const mirror = (style: Style): Style => {
    const { paddingRight, ...rest } = style as Style & { paddingRight?: number; textAlign?: string };
    const mirrored: Record<string, unknown> = { ...rest, textAlign: rest.textAlign === "right" ? "left" : "right" };
    if (paddingRight !== undefined) mirrored.paddingLeft = paddingRight;
    if (mirrored.flexDirection === "row") mirrored.flexDirection = "row-reverse";
    if (mirrored.alignSelf === "flex-end") mirrored.alignSelf = "flex-start";
    if (mirrored.fontFamily === "Helvetica") mirrored.fontFamily = ["Helvetica", "NotoNaskhArabic"];
    if (mirrored.fontFamily === "Helvetica-Bold") Object.assign(mirrored, { fontFamily: ["Helvetica", "NotoNaskhArabic"], fontWeight: "bold" });
    return mirrored as Style;
  };
  return Object.fromEntries(Object.entries(ltr).map(([name, style]) => [name, mirror(style)])) as Styles;
}

const rtlStyles = rightToLeft(ltrStyles);

const stampColors = { paid: "#15803d", overdue: "#b91c1c", void: "#6b7280", uncollectible: "#b45309" } as const;

/** The stamp an invoice carries, if any: paid, overdue (derived), void or uncollectible. */
export function invoiceStamp(invoice: Pick<InvoiceDetail, "status" | "overdue">): keyof typeof stampColors | null {
  if (invoice.status === "paid" || invoice.status === "void" || invoice.status === "uncollectible") return invoice.status;
  return invoice.overdue ? "overdue" : null;
}

// The standard PDF fonts know Latin-1 and the euro sign, not the narrow spaces some locales format with,
// nor the invisible direction marks Urdu numbers carry (the layout sets the direction).
const pdfText = (text: string) => text.replace(/[\u202f\u2009]/g, " ").replace(/[\u200e\u200f\u061c]/g, "");

/** The invoice as a PDF, in the reader's language, time zone and date format, from stored data only. */
export async function renderInvoicePdf(invoice: InvoiceDetail, reader: DateTimePreferences & { locale: Locale }): Promise<Buffer> {
  const messages = await loadMessages(reader.locale);
  const t = createTranslator({ locale: reader.locale, messages: messages as AbstractIntlMessages, namespace: "invoices" });
  const tr = (key: string, values?: Record<string, string | number>) => pdfText(t(key as never, values as never));
  const money = (amount: number) => pdfText(formatMoney(amount, invoice.currency, reader.locale));
  const dates = createDateFormatter(reader);
  const day = (value: string) => pdfText(dates.day(value));
  const instant = (value: Date) => pdfText(dates.date(value));
  const styles = localeDirection(reader.locale) === "rtl" ? rtlStyles : ltrStyles;
  const company = companyDetails();
  const stamp = invoiceStamp(invoice);
  const balance = invoice.total - invoice.amountPaid;
  const taxRate = new Intl.NumberFormat(reader.locale, { style: "percent", maximumFractionDigits: 2 }).format(invoice.taxRate / 10_000);
  const fact = (label: string, value: string) => (
    <View style={styles.fact}>
      <Text style={styles.muted}>{label}</Text>
      <Text style={styles.text}>{value}</Text>
    </View>
  );
  const totalLine = (label: string, value: string) => (
    <View style={styles.totalLine}>
      <Text style={styles.text}>{label}</Text>
      <Text style={styles.text}>{value}</Text>
    </View>
  );

  return renderToBuffer(
    <Document title={tr("pdf.title", { number: invoice.number })} author={company.name} creator={company.name} producer={company.name} language={reader.locale}>
      <Page size="A4" style={styles.page}>
        <View style={styles.header}>
          <View>
            <Text style={styles.company}>{company.name}</Text>
            <Text style={styles.muted}>{company.address}</Text>
            <Text style={styles.muted}>{company.email}</Text>
            {company.taxId ? <Text style={styles.muted}>{tr("pdf.taxId", { taxId: company.taxId })}</Text> : null}
          </View>
          <View>
            <Text style={styles.title}>{tr("pdf.heading")}</Text>
            <Text style={styles.number}>{invoice.number}</Text>
            {stamp ? <Text style={[styles.stamp, { color: stampColors[stamp], borderColor: stampColors[stamp] }]}>{tr(`pdf.stamps.${stamp}`)}</Text> : null}
          </View>
        </View>

        <View style={styles.columns}>
          <View>
            <Text style={styles.label}>{tr("pdf.billedTo")}</Text>
            <Text style={styles.text}>{invoice.customerName}</Text>
            {invoice.billingAddress ? <Text style={styles.text}>{invoice.billingAddress}</Text> : null}
            {invoice.billingEmail ? <Text style={styles.text}>{invoice.billingEmail}</Text> : null}
            {invoice.taxId ? <Text style={styles.text}>{tr("pdf.taxId", { taxId: invoice.taxId })}</Text> : null}
          </View>
          <View style={styles.facts}>
            {fact(tr("issueDate"), day(invoice.issueDate))}
            {fact(tr("dueDate"), day(invoice.dueDate))}
            {invoice.status === "paid" && invoice.paidAt ? fact(tr("paidOn"), instant(invoice.paidAt)) : null}
            {invoice.projectName ? fact(tr("project"), invoice.projectName) : null}
          </View>
        </View>

        <View style={styles.tableHead}>
          <Text style={styles.description}>{tr("items.description")}</Text>
          <Text style={styles.quantity}>{tr("items.quantity")}</Text>
          <Text style={styles.amount}>{tr("items.unitAmount")}</Text>
          <Text style={styles.amount}>{tr("items.amount")}</Text>
        </View>
        {invoice.items.map((item) => (
          <View key={item.id} style={styles.row} wrap={false}>
            <Text style={styles.description}>{item.description}</Text>
            <Text style={styles.quantity}>{item.quantity}</Text>
            <Text style={styles.amount}>{money(item.unitAmount)}</Text>
            <Text style={styles.amount}>{money(item.amount)}</Text>
          </View>
        ))}

        <View style={styles.totals} wrap={false}>
          {totalLine(tr("subtotal"), money(invoice.subtotal))}
          {totalLine(tr("taxWithRate", { rate: taxRate }), money(invoice.tax))}
          <View style={styles.grandTotal}>
            <Text style={styles.text}>{tr("total")}</Text>
            <Text style={styles.text}>{money(invoice.total)}</Text>
          </View>
          {invoice.amountPaid > 0 ? totalLine(tr("amountPaid"), money(invoice.amountPaid)) : null}
          {invoice.status === "open" ? totalLine(tr("balance"), money(balance)) : null}
        </View>

        {invoice.notes ? (
          <View style={styles.notes}>
            <Text style={styles.label}>{tr("notes")}</Text>
            <Text style={styles.text}>{invoice.notes}</Text>
          </View>
        ) : null}
      </Page>
    </Document>,
  );
}
