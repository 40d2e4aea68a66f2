/** Money is integer minor units; these are the only places it becomes text or is summed. */

/** Minor units per major unit of a currency (2 for usd/eur/gbp; Intl knows the rest). */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(amount: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount / 10 ** digits);
}

/** "12.50" or "12,50" typed by staff → 1250; null when it is not an amount with at most the currency's decimals. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const normalized = text.trim().replace(/[\s']/g, "").replace(",", ".");
  const match = /^(\d{1,9})(?:\.(\d+))?$/.exec(normalized);
  if (!match || (match[2]?.length ?? 0) > digits) return null;
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? "").padEnd(digits, "0") || 0);
}

export type InvoiceLine = { quantity: number; unitAmount: number };

/** Line amounts, subtotal, tax (basis points, rounded half up on the subtotal) and total. */
export function computeInvoiceTotals(lines: InvoiceLine[], taxRate: number) {
  const amounts = lines.map((line) => line.quantity * line.unitAmount);
  const subtotal = amounts.reduce((sum, amount) => sum + amount, 0);
  const tax = Math.round((subtotal * taxRate) / 10_000);
  return { amounts, subtotal, tax, total: subtotal + tax };
}
