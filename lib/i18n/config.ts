import { locales, type Locale } from "@/lib/constants";

export { locales, type Locale };
export const defaultLocale: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Picks the first supported language of an Accept-Language header, by quality. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { language: tag.toLowerCase().split("-")[0] ?? "", quality: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.language && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  return ranked.map((entry) => entry.language).find(isLocale) ?? defaultLocale;
}

/** Which way a language is written: the root layout and emails set `dir` from it, so the layout mirrors. */
export function localeDirection(locale: string): "ltr" | "rtl" {
  return locale.split("-")[0] === "ur" ? "rtl" : "ltr";
}

type Messages = typeof import("./messages/en.json");
type MessageTree = { [key: string]: unknown };

// A namespace is a plain object; a message is a string, or an array once the build has precompiled it.
const isNamespace = (value: unknown): value is MessageTree => typeof value === "object" && value !== null && !Array.isArray(value);

/** `translation` over `fallback`, key by key, so a message not yet translated shows in English instead of as its key. */
export function mergeMessages(fallback: MessageTree, translation: MessageTree): MessageTree {
  const merged: MessageTree = { ...fallback };
  for (const [key, value] of Object.entries(translation)) {
    const base = fallback[key];
    merged[key] = isNamespace(value) && isNamespace(base) ? mergeMessages(base, value) : value;
  }
  return merged;
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  const english = (await import("./messages/en.json")).default;
  if (locale === "en") return english;
  const translation = (await import(`./messages/${locale}.json`)).default as MessageTree;
  return mergeMessages(english, translation) as Messages;
}
