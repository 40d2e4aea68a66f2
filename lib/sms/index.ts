import "server-only";
import type { Transaction } from "@/db/queries/transaction";
import { enqueue } from "@/lib/jobs";
import { seal, unseal, type Sealed } from "@/lib/sealed";

type SmsMessage = { to: string; text: string };

/**
 * Text messages through an HTTP SMS gateway: `SMS_PROVIDER_URL` receives a JSON POST `{ to, text }`
 * (with `Authorization: Bearer SMS_PROVIDER_TOKEN` when set). Until it is configured, SMS is shown
 * as unavailable and `notify` sends none. An object, so a test can watch it.
 */
export const smsGateway = {
  configured(): boolean {
    return Boolean(process.env.SMS_PROVIDER_URL?.trim());
  },
  /** Queued in the caller's transaction, as mail is: a rolled-back change sends nothing. */
  async send(message: SmsMessage, db?: Transaction): Promise<void> {
    await enqueue("sms.send", seal(message, "sms.send"), db);
  },
};

export function smsProviderConfigured(): boolean {
  return smsGateway.configured();
}

/** The job: hands one message to the gateway; anything but a 2xx is retried (see lib/jobs/queues.ts). */
export async function deliverSms(data: Sealed): Promise<void> {
  const url = process.env.SMS_PROVIDER_URL?.trim();
  if (!url) throw new Error("SMS_PROVIDER_URL is not set: the text message waits for a provider.");
  const message = unseal<SmsMessage>(data, "sms.send");
  const token = process.env.SMS_PROVIDER_TOKEN?.trim();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`The SMS gateway answered ${response.status}.`);
}
