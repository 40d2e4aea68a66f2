import { getTranslations } from "next-intl/server";
import { countUnreadNotifications, getNotification } from "@/db/queries/notifications";
import { isSessionLive } from "@/db/queries/sessions";
import { AppError, describeError } from "@/lib/errors";
import { createDateFormatter } from "@/lib/i18n/date-format";
import { subscribeToNotifications } from "@/lib/notifications/live";
import { describeNotification } from "@/lib/notifications/text";
import { getSessionUser } from "@/lib/session";

/** Keeps proxies from closing an idle stream, and re-checks that the session is still live. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-sent events for the signed-in user's bell: `unread` (the count) on connect and whenever
 * it changes, `notification` for each new one, `live` with a topic when a live page's data changed
 * (e.g. a call arrived), and `session-ended` last when the session ends. The browser reconnects after a drop and gets the
 * current count again, so the bell is right after any gap. An open stream is not activity: it
 * never keeps a session from expiring, and it ends once the session does.
 */
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new AppError("unauthorized", "Sign in to receive notifications.").toResponse();
  const t = await getTranslations({ locale: user.locale, namespace: "notifications" });
  const dates = createDateFormatter(user);
  const encoder = new TextEncoder();
  let close = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const write = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      // Updates are handled one after another, so counts never arrive out of order.
      let queue = Promise.resolve();
      const update = (notificationId?: string) => {
        queue = queue
          .then(async () => {
            if (!open) return;
            if (!(await isSessionLive(user.sessionId))) return end();
            const unread = await countUnreadNotifications(user.id);
            const row = notificationId ? await getNotification(user.id, notificationId) : null;
            if (row) send("notification", { id: row.id, ...describeNotification(t, row, dates), link: row.link, unread });
            else send("unread", { count: unread });
          })
          .catch((error) => console.error(`[notifications] stream update failed: ${describeError(error)}`));
      };
      const unsubscribe = await subscribeToNotifications(user.id, (event) => (event.topic ? send("live", { topic: event.topic }) : update(event.id)));
      const heartbeat = setInterval(() => {
        isSessionLive(user.sessionId)
          .then((live) => (live ? write(": keep-alive\n\n") : end()))
          .catch(() => write(": keep-alive\n\n"));
      }, HEARTBEAT_MS);
      close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      // The page says so at once, rather than at its next click.
      const end = () => {
        send("session-ended", {});
        close();
      };
      // The client may have gone while we subscribed.
      if (request.signal.aborted) return close();
      request.signal.addEventListener("abort", close);
      write("retry: 3000\n\n");
      update();
    },
    cancel() {
      close();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
