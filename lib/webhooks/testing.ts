import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: Record<string, string>; body: string; path: string };

/**
 * A webhook receiver on 127.0.0.1 at a random port for tests: it records what arrives and answers
 * with the next status of `statuses` (the last one once they run out).
 */
export async function startWebhookReceiver(statuses: number[] = [200]) {
  const received: ReceivedWebhook[] = [];
  const answers = [...statuses];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8"), path: request.url ?? "/" });
      const status = answers.length > 1 ? answers.shift()! : answers[0]!;
      response.writeHead(status, { "content-type": "text/plain" }).end(`answer ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    answerWith: (...next: number[]) => answers.splice(0, answers.length, ...next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
