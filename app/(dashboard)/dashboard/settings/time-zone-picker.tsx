"use client";

import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useState } from "react";
import { FieldShell, inputClass } from "@/components/ui/field";
import type { TimeZoneOption } from "@/lib/time-zones";

/**
 * A native select (keyboard and screen-reader friendly everywhere) with a search box above it
 * that narrows the 400-odd zones by name, city or offset; the chosen zone always stays listed.
 */
export function TimeZonePicker({ options, defaultValue, error }: { options: TimeZoneOption[]; defaultValue: string; error?: string }) {
  const t = useTranslations("settings");
  const id = useId();
  const [query, setQuery] = useState("");
  const [value, setValue] = useState(defaultValue);
  const search = useDeferredValue(query.trim().toLowerCase());
  const terms = search.split(/\s+/).filter(Boolean);
  const visible = options.filter((option) => option.value === value || terms.every((term) => `${option.label} ${option.value}`.toLowerCase().replace(/_/g, " ").includes(term)));
  return (
    <FieldShell
      id={`${id}-select`}
      label={t("timeZone")}
      hint={t("timeZoneMatches", { count: visible.length })}
      error={error}
      control={(aria) => (
        <>
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            // Enter narrows the list; it must not submit the whole preferences form.
            onKeyDown={(event) => {
              if (event.key === "Enter") event.preventDefault();
            }}
            placeholder={t("timeZoneSearchPlaceholder")}
            aria-label={t("timeZoneSearch")}
            aria-controls={`${id}-select`}
            className={inputClass}
          />
          <select id={`${id}-select`} name="timeZone" value={value} onChange={(event) => setValue(event.target.value)} className={`${inputClass} mt-1.5`} {...aria}>
            {visible.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </>
      )}
    />
  );
}
