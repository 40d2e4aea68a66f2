import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

type Namespace = keyof typeof import("./messages/en.json");

/**
 * Gives the client components below only the message namespaces they use: the catalogue is
 * serialised into every page for the browser, and most of it (emails, admin, other areas) is not needed there.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: React.ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
