import "server-only";
import { render } from "@react-email/render";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import nodemailer, { type Transporter } from "nodemailer";
import { createOutboxEntry } from "@/db/queries/mail";
import type { Transaction } from "@/db/queries/transaction";
import { mailFrom, smtpUrl } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { loadMessages, type Locale } from "@/lib/i18n/config";
import { mailTemplates, type MailTemplate } from "./templates";

type TemplateProps<T extends MailTemplate> = Parameters<(typeof mailTemplates)[T]["render"]>[1];

export type MailResult = { id: string; status: "logged" | "sent" | "failed" };

const globalForMail = globalThis as unknown as { clientdeskSmtp?: { url: string; transport: Transporter } };

function smtpTransport(url: string): Transporter {
  if (globalForMail.clientdeskSmtp?.url !== url) {
    globalForMail.clientdeskSmtp = { url, transport: nodemailer.createTransport(url) };
  }
  return globalForMail.clientdeskSmtp.transport;
}

async function renderMail<T extends MailTemplate>(template: T, props: TemplateProps<T>, locale: Locale) {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: messages as AbstractIntlMessages, namespace: "email" });
  const { subject, element } = mailTemplates[template].render((key, values) => t(key, values as never), props, locale);
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: { selectors: [{ selector: "h1", options: { uppercase: false } }] } }),
  ]);
  return { subject, html, text };
}

/**
 * Renders a template in the recipient's language and sends it through SMTP when SMTP_URL is set
 * (otherwise prints it to the server log). The outbox records it either way, but with its secret
 * links redacted: only the transport ever sees a usable token.
 */
export async function sendMail<T extends MailTemplate>(
  input: { to: string; locale: Locale; template: T; props: TemplateProps<T> },
  db?: Transaction,
): Promise<MailResult> {
  const redactedProps = mailTemplates[input.template].redact(input.props as never) as TemplateProps<T>;
  const [mail, kept] = await Promise.all([
    renderMail(input.template, input.props, input.locale),
    renderMail(input.template, redactedProps, input.locale),
  ]);

  let status: MailResult["status"] = "logged";
  let error: string | null = null;
  const url = smtpUrl();
  if (url) {
    try {
      await smtpTransport(url).sendMail({ from: mailFrom(), to: input.to, subject: mail.subject, html: mail.html, text: mail.text });
      status = "sent";
    } catch (cause) {
      status = "failed";
      error = describeError(cause);
      console.error(`[mail] sending "${input.template}" to ${input.to} failed: ${error}`);
    }
  } else {
    console.log(`[mail] (not sent: SMTP_URL is not set) to ${input.to}: ${mail.subject}\n${mail.text}\n`);
  }

  const id = await createOutboxEntry(
    { toAddress: input.to, template: input.template, subject: kept.subject, textBody: kept.text, htmlBody: kept.html, status, error },
    db,
  );
  return { id, status };
}
