import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

/**
 * A real SMTP server for the test file, with SMTP_URL pointing at it: links with tokens exist only
 * in what the transport delivers, so tests read them here, as a user reads their inbox.
 */
export function startTestMailbox() {
  const received: ParsedMail[] = [];
  let smtp: SMTPServer | undefined;
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      async onData(stream, _session, callback) {
        received.push(await simpleParser(stream));
        callback();
      },
    });
    await new Promise<void>((resolve) => smtp!.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
  });

  const to = (email: string) => received.filter((mail) => [mail.to].flat().some((address) => address?.text === email));
  return {
    received,
    /** Every message delivered to `email`, oldest first. */
    to,
    last(email: string): ParsedMail | undefined {
      return to(email).at(-1);
    },
    /** The token of the newest `path` link sent to `email`. */
    tokenFrom(email: string, path: string): string {
      const match = this.last(email)?.text?.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
      if (!match?.[1]) throw new Error(`no ${path} link in the last mail to ${email}`);
      return match[1];
    },
  };
}
