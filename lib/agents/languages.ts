import { agentLanguages, type AgentLanguage } from "@/lib/constants";

/** A language code as the reader calls it ("de" → "German", or "Deutsch" for a German reader); an unknown code as itself. */
export function languageNamer(locale: string): (code: string) => string {
  const names = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  return (code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** The languages an agent may speak, named in the reader's language and sorted by that name. */
export function languageOptions(locale: string): Array<{ code: AgentLanguage; name: string }> {
  const name = languageNamer(locale);
  return agentLanguages.map((code) => ({ code, name: name(code) })).sort((a, b) => a.name.localeCompare(b.name, locale));
}
