import Link from "next/link";

export type InvoiceTableRow = { id: string; number: string; project: string | null; issueDate: string; dueDate: string; total: string; badge: React.ReactNode; overdue: boolean };

/** A list of invoices as a table (customer and staff pages); below 768 px the project and issue date fold under the number. */
export function InvoiceTable({
  caption,
  rows,
  labels,
  hrefBase = "/dashboard/invoices",
  showProject = true,
}: {
  caption: string;
  rows: InvoiceTableRow[];
  labels: Record<"number" | "project" | "issueDate" | "dueDate" | "total" | "status" | "noProject", string>;
  hrefBase?: string;
  /** Off where every row is of the same project (the project's own page). */
  showProject?: boolean;
}) {
  return (
    <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-card">
      <table className="w-full text-start text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border bg-surface-muted text-13 text-fg-muted">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">
              {labels.number}
            </th>
            {showProject ? (
              <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">
                {labels.project}
              </th>
            ) : null}
            <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">
              {labels.issueDate}
            </th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">
              {labels.dueDate}
            </th>
            <th scope="col" className="px-4 py-2.5 text-end font-medium">
              {labels.total}
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              {labels.status}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-surface-muted/60">
              <td className="px-4 py-3 align-top">
                <Link href={`${hrefBase}/${row.id}`} prefetch={false} className="whitespace-nowrap font-medium text-primary underline-offset-2 hover:underline">
                  {row.number}
                </Link>
                <p className="mt-1 break-words text-13 text-fg-muted md:hidden">
                  {showProject && row.project ? `${row.project} · ` : ""}
                  {row.issueDate}
                </p>
                <p className={`text-13 sm:hidden ${row.overdue ? "font-medium text-danger" : "text-fg-muted"}`}>{`${labels.dueDate}: ${row.dueDate}`}</p>
              </td>
              {showProject ? <td className="hidden break-words px-4 py-3 md:table-cell">{row.project ?? <span className="text-fg-muted">{labels.noProject}</span>}</td> : null}
              <td className="hidden whitespace-nowrap px-4 py-3 md:table-cell">{row.issueDate}</td>
              <td className={`hidden whitespace-nowrap px-4 py-3 sm:table-cell ${row.overdue ? "font-medium text-danger" : ""}`}>{row.dueDate}</td>
              <td className="whitespace-nowrap px-4 py-3 text-end tabular-nums">{row.total}</td>
              <td className="px-4 py-3">{row.badge}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
