import "server-only";
import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import nodemailer, { type Transporter } from "nodemailer";
import { createOutboxEntry, getOutboxEntry, recordDeliveryAttempt } from "@/db/queries/mail";
import type { Transaction } from "@/db/queries/transaction";
import { mailFrom, smtpUrl } from "@/lib/env";
import { describeError } from "@/lib/errors";
import { loadMessages, type Locale } from "@/lib/i18n/config";
import { enqueue, type JobData } from "@/lib/jobs";
import { seal, unseal } from "@/lib/sealed";
import { mailTemplates, type MailTemplate } from "./templates";

type TemplateProps<T extends MailTemplate> = Parameters<(typeof mailTemplates)[T]["render"]>[1];

type RenderedMail = { to: string; subject: string; html: string; text: string; template: string };

const globalForMail = globalThis as unknown as { clientdeskSmtp?: { url: string; transport: Transporter } };

function smtpTransport(url: string): Transporter {
  if (globalForMail.clientdeskSmtp?.url !== url) {
    // Well inside the delivery job's expiry (2 min), so a hung server fails the attempt instead of outliving it.
    globalForMail.clientdeskSmtp = { url, transport: nodemailer.createTransport({ url, connectionTimeout: 20_000, greetingTimeout: 15_000, socketTimeout: 60_000 }) };
  }
  return globalForMail.clientdeskSmtp.transport;
}

async function renderMail<T extends MailTemplate>(template: T, props: TemplateProps<T>, locale: Locale) {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: messages as AbstractIntlMessages, namespace: "email" });
  const { subject, element } = mailTemplates[template].render((key, values) => t(key, values as never), props as never, locale);
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: { selectors: [{ selector: "h1", options: { uppercase: false } }] } }),
  ]);
  return { subject, html, text };
}

/**
 * Renders a template in the recipient's language and queues it for delivery in the caller's
 * transaction: the outbox keeps it with its secret links redacted, and only the sealed job
 * carries the usable mail to the transport. Returns the outbox row's id.
 */
export async function sendMail<T extends MailTemplate>(
  input: { to: string; locale: Locale; template: T; props: TemplateProps<T> },
  db?: Transaction,
): Promise<string> {
  const redactedProps = mailTemplates[input.template].redact(input.props as never) as TemplateProps<T>;
  const [mail, kept] = await Promise.all([
    renderMail(input.template, input.props, input.locale),
    renderMail(input.template, redactedProps, input.locale),
  ]);
  const jobId = randomUUID();
  const outboxId = await createOutboxEntry(
    { toAddress: input.to, template: input.template, subject: kept.subject, textBody: kept.text, htmlBody: kept.html, jobId },
    db,
  );
  const sealed: RenderedMail = { to: input.to, template: input.template, ...mail };
  await enqueue("mail.deliver", { outboxId, ...seal(sealed, "mail.deliver") }, db, { id: jobId });
  return outboxId;
}

/**
 * The delivery job: SMTP when SMTP_URL is set, otherwise the server log. A failure is recorded on
 * the outbox row and thrown, so the queue retries it; after the last try the row says "failed".
 * A message the row already counts as delivered is not sent again (a retried or repeated job).
 */
export async function deliverMail(data: JobData["mail.deliver"], attempt: { retryCount: number; retryLimit: number }): Promise<void> {
  const entry = await getOutboxEntry(data.outboxId);
  if (!entry || entry.status === "sent" || entry.status === "logged") return;
  let mail: RenderedMail | undefined;
  try {
    mail = unseal<RenderedMail>(data, "mail.deliver");
    const url = smtpUrl();
    if (!url) {
      console.log(`[mail] (not sent: SMTP_URL is not set) to ${mail.to}: ${mail.subject}\n${mail.text}\n`);
      await recordDeliveryAttempt(data.outboxId, { status: "logged" });
      return;
    }
    await smtpTransport(url).sendMail({ from: mailFrom(), to: mail.to, subject: mail.subject, html: mail.html, text: mail.text });
  } catch (cause) {
    const error = describeError(cause);
    const final = attempt.retryCount >= attempt.retryLimit;
    console.error(`[mail] delivering outbox ${data.outboxId}${mail ? ` ("${mail.template}" to ${mail.to})` : ""} failed${final ? " for the last time" : ", will retry"}: ${error}`);
    await recordDeliveryAttempt(data.outboxId, { status: final ? "failed" : "queued", error });
    throw cause;
  }
  await recordDeliveryAttempt(data.outboxId, { status: "sent" });
}
