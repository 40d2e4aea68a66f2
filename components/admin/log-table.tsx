"use client";

import type { ReactTable, RowData, TableFeatures } from "@tanstack/react-table";

/**
 * The staff area's read-mostly tables (audit log, outbox, failed jobs): a header row from md up;
 * below it, only `phoneColumn` shows, as a card that renders the row's essentials itself.
 */
export function LogTable<TFeatures extends TableFeatures, TData extends RowData>({
  table,
  caption,
  phoneColumn,
  widthClass,
  empty,
}: {
  table: ReactTable<TFeatures, TData>;
  caption: string;
  phoneColumn: string;
  /** A literal class such as "md:min-w-[60rem]", so Tailwind sees it. */
  widthClass: string;
  /** Shown in place of the rows when there are none; null where an empty list never renders. */
  empty: React.ReactNode;
}) {
  const rows = table.getRowModel().rows;
  return (
    <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-card">
      <table className={`w-full text-start text-sm ${widthClass}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden border-b border-border bg-surface-muted text-13 text-fg-muted md:table-header-group">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-4 py-2.5 font-medium">
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-surface-muted/60">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`px-4 py-3 align-top ${cell.column.id === phoneColumn ? "" : "hidden md:table-cell"}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={table.getAllLeafColumns().length} className="px-4 py-12 text-center text-fg-muted">
                {empty}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
