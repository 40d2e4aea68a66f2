import "server-only";

/** The public origin of the app. Links in emails are built from it, never from the request's Host. */
export function appUrl(): string {
  return (process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

export function smtpUrl(): string | undefined {
  return process.env.SMTP_URL || undefined;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? "Clientdesk <no-reply@clientdesk.test>";
}
