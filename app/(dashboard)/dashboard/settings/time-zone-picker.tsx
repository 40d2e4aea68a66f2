"use client";

import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useId, useRef, useState } from "react";
import { FieldShell, inputClass } from "@/components/ui/field";
import type { TimeZoneOption } from "@/lib/time-zones";

function matching(options: TimeZoneOption[], query: string): TimeZoneOption[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return options.filter((option) => terms.every((term) => `${option.label} ${option.value}`.toLowerCase().replace(/_/g, " ").includes(term)));
}

/**
 * A native select (keyboard and screen-reader friendly everywhere) with a search box above it:
 * typing narrows the 400-odd zones by name, city or offset and selects the first match. The select
 * is uncontrolled, so React's reset of the form after saving returns it to the saved zone.
 */
export function TimeZonePicker({ options, defaultValue, error }: { options: TimeZoneOption[]; defaultValue: string; error?: string }) {
  const t = useTranslations("settings");
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  const [query, setQuery] = useState("");
  const [value, setValue] = useState(defaultValue);
  const search = useDeferredValue(query);
  const matches = matching(options, search);
  const current = options.find((option) => option.value === value);
  const visible = current && !matches.includes(current) ? [current, ...matches] : matches;

  // A selection made by typing reaches the (uncontrolled) select once its option is rendered.
  useEffect(() => {
    if (select.current && select.current.value !== value) select.current.value = value;
  }, [value, visible.length]);

  function onSearch(text: string) {
    setQuery(text);
    const found = matching(options, text);
    if (text.trim() && found[0] && !found.some((option) => option.value === value)) setValue(found[0].value);
  }

  return (
    <FieldShell
      id={`${id}-select`}
      label={t("timeZone")}
      hint={query.trim() ? (matches.length > 0 ? t("timeZoneMatches", { count: matches.length }) : t("timeZoneNoMatch")) : t("timeZoneHint")}
      error={error}
      control={(aria) => (
        <>
          <input
            type="search"
            value={query}
            onChange={(event) => onSearch(event.target.value)}
            // Enter narrows the list; it must not submit the whole preferences form.
            onKeyDown={(event) => {
              if (event.key === "Enter") event.preventDefault();
            }}
            placeholder={t("timeZoneSearchPlaceholder")}
            aria-label={t("timeZoneSearch")}
            aria-controls={`${id}-select`}
            className={inputClass}
          />
          <select
            ref={select}
            id={`${id}-select`}
            name="timeZone"
            defaultValue={defaultValue}
            onChange={(event) => setValue(event.target.value)}
            className={`${inputClass} mt-1.5`}
            {...aria}
          >
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
