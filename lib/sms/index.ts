import "server-only";

/**
 * Text messages. No provider adapter exists yet: until `SMS_PROVIDER_URL` names one, SMS is shown as
 * unavailable and `notify` sends none. The gateway is an object so a test can watch `send`.
 */
export const smsGateway = {
  configured(): boolean {
    return Boolean(process.env.SMS_PROVIDER_URL?.trim());
  },
  async send(message: { to: string; text: string }): Promise<void> {
    // A provider's adapter plugs in here. With none implemented the message is dropped and logged,
    // rather than failing the change that caused it (notify runs inside its transaction).
    console.error(`[sms] no adapter for SMS_PROVIDER_URL; a message to ${message.to.slice(0, 4)}… was not sent`);
  },
};

export function smsProviderConfigured(): boolean {
  return smsGateway.configured();
}
