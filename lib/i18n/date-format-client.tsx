"use client";

import { createContext, useContext, useMemo } from "react";
import { createDateFormatter, type DateFormatter, type DateTimePreferences } from "./date-format";

const DateTimePreferencesContext = createContext<DateTimePreferences>({ locale: "en", timeZone: "UTC", dateFormat: "locale", timeFormat: "locale" });

/** Gives client components the reader's date preferences (set once in the root layout). */
export function DateFormatProvider({ preferences, children }: { preferences: DateTimePreferences; children: React.ReactNode }) {
  return <DateTimePreferencesContext value={preferences}>{children}</DateTimePreferencesContext>;
}

/** Formats dates in client components exactly as the server does. */
export function useDateFormatter(): DateFormatter {
  const preferences = useContext(DateTimePreferencesContext);
  return useMemo(() => createDateFormatter(preferences), [preferences]);
}
