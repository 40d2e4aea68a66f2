"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { PageLink } from "@/components/admin/page-link";
import { inputClass } from "@/components/ui/field";
import { ADMIN_PAGE_SIZES } from "@/lib/constants";

/** The foot of a staff table with offset paging: rows per page, which rows these are, previous and next. */
export function TablePager({
  label,
  page,
  pageSize,
  total,
  href,
}: {
  /** Names the navigation landmark, e.g. "Pages of projects". */
  label: string;
  page: number;
  pageSize: number;
  total: number;
  href: (change: { page: number; pageSize?: number }) => string;
}) {
  const t = useTranslations("pager");
  const router = useRouter();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3 text-13">
      <div className="flex items-center gap-2">
        <label htmlFor="page-size" className="whitespace-nowrap text-fg-muted">
          {t("pageSize")}
        </label>
        <select id="page-size" value={pageSize} onChange={(event) => router.push(href({ pageSize: Number(event.target.value), page: 1 }))} className={`${inputClass} w-auto`}>
          {ADMIN_PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <p className="whitespace-nowrap text-fg-muted">{t("range", { first, last, total })}</p>
      </div>
      <div className="flex items-center gap-2">
        <PageLink href={href({ page: page - 1 })} disabled={page <= 1} label={t("previous")} direction="previous" />
        <span aria-current="page" className="whitespace-nowrap px-1">
          {t("pageOf", { page, pageCount })}
        </span>
        <PageLink href={href({ page: page + 1 })} disabled={page >= pageCount} label={t("next")} direction="next" />
      </div>
    </nav>
  );
}
