import "server-only";
import type { Transaction } from "@/db/queries/transaction";

/**
 * Text messages. No provider adapter exists yet: until `SMS_PROVIDER_URL` names one, SMS is shown as
 * unavailable and `notify` sends none. The gateway is an object so a test can watch `send`.
 */
export const smsGateway = {
  configured(): boolean {
    return Boolean(process.env.SMS_PROVIDER_URL?.trim());
  },
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async send(message: { to: string; text: string }, db?: Transaction): Promise<void> {
    // A provider's adapter plugs in here, as a job enqueued in the caller's transaction (as mail is),
    // so a rolled-back change sends nothing. With none implemented the message is logged and dropped.
    console.error(`[sms] no adapter for SMS_PROVIDER_URL; a message to ${message.to.slice(0, 4)}… was not sent`);
  },
};

export function smsProviderConfigured(): boolean {
  return smsGateway.configured();
}
