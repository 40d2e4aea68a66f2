import en from "@/lib/i18n/messages/en.json";

type Messages = { [key: string]: string | Messages };

function lookup(path: string): string | null {
  let node: string | Messages | undefined = en as Messages;
  for (const part of path.split(".")) {
    if (typeof node !== "object" || node === null) return null;
    node = node[part];
  }
  return typeof node === "string" ? node : null;
}

/**
 * The English text of a message key the pages translate (a validation key, or a full key such as
 * "agents.form.pendingExists"), so the API says what the form says; anything else is returned as it is.
 * Only simple `{name}` placeholders are filled.
 */
export function englishMessage(key: string, params: Record<string, string | number> = {}): string {
  const text = lookup(`validation.${key}`) ?? lookup(key) ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
