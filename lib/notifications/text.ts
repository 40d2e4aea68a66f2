import "server-only";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import { loadMessages, type Locale } from "@/lib/i18n/config";
import { isNotificationType } from "./types";

type Translator = (key: string, values?: Record<string, string | number>) => string;

/** A notification's title and text in the reader's language, from its type and parameters. */
export function describeNotification(t: Translator, notification: { type: string; params: Record<string, string | number> }) {
  if (!isNotificationType(notification.type)) return { title: t("types.unknown.title"), body: t("types.unknown.body") };
  return { title: t(`types.${notification.type}.title`, notification.params), body: t(`types.${notification.type}.body`, notification.params) };
}

/** A translator for the `notifications` messages in any language, outside a request (jobs, email). */
export async function notificationTranslator(locale: Locale): Promise<Translator> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: messages as AbstractIntlMessages, namespace: "notifications" });
  return (key, values) => t(key as never, values as never);
}
