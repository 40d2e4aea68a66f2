import "server-only";
import { render } from "@react-email/render";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb, type Database } from "@/db";
import { emailOutbox } from "@/db/schema";
import { mailFrom, smtpUrl } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { loadMessages, type Locale } from "@/lib/i18n/config";
import { mailTemplates, type MailTemplate } from "./templates";

type TemplateProps<T extends MailTemplate> = Parameters<(typeof mailTemplates)[T]>[1];

export type MailResult = { id: string; status: "logged" | "sent" | "failed" };

const globalForMail = globalThis as unknown as { clientdeskSmtp?: { url: string; transport: Transporter } };

function smtpTransport(url: string): Transporter {
  if (globalForMail.clientdeskSmtp?.url !== url) {
    globalForMail.clientdeskSmtp = { url, transport: nodemailer.createTransport(url) };
  }
  return globalForMail.clientdeskSmtp.transport;
}

/**
 * Renders a template in the recipient's language, sends it through SMTP when SMTP_URL is set
 * (otherwise prints it to the server log), and records it in the outbox either way.
 */
export async function sendMail<T extends MailTemplate>(
  input: { to: string; locale: Locale; template: T; props: TemplateProps<T> },
  db: Database = getDb(),
): Promise<MailResult> {
  const messages = await loadMessages(input.locale);
  const t = createTranslator({ locale: input.locale, messages: messages as AbstractIntlMessages, namespace: "email" });
  const { subject, element } = mailTemplates[input.template]((key, values) => t(key, values as never), input.props, input.locale);
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: { selectors: [{ selector: "h1", options: { uppercase: false } }] } }),
  ]);

  let status: MailResult["status"] = "logged";
  let error: string | null = null;
  const url = smtpUrl();
  if (url) {
    try {
      await smtpTransport(url).sendMail({ from: mailFrom(), to: input.to, subject, html, text });
      status = "sent";
    } catch (cause) {
      status = "failed";
      error = describeError(cause);
      console.error(`[mail] sending "${input.template}" to ${input.to} failed: ${error}`);
    }
  } else {
    console.log(`[mail] (not sent: SMTP_URL is not set) to ${input.to}: ${subject}\n${text}\n`);
  }

  const [row] = await db
    .insert(emailOutbox)
    .values({
      toAddress: input.to,
      template: input.template,
      subject,
      textBody: text,
      htmlBody: html,
      status,
      error,
      sentAt: status === "sent" ? new Date() : null,
    })
    .returning({ id: emailOutbox.id });
  return { id: row!.id, status };
}
