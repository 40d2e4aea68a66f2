"use client";

import { Bell, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

type Arrival = { id: string; title: string; body: string; link: string | null };

/** How long a new notification's card stays, unless the pointer or focus is in it. */
const SHOW_MS = 10_000;
/** A busy account reports calls every few seconds: live call pages refresh at most this often. */
const CALLS_REFRESH_MS = 5_000;
/** Reconnecting after the server refused the stream (e.g. during an outage): 3 s, doubling up to a minute. */
const RETRY_MS = { first: 3_000, max: 60_000 };

/**
 * The header's bell: its unread count follows the server's event stream, and a new notification
 * shows in a card that screen readers announce. Every (re)connection starts with the server's
 * count, so a dropped connection never leaves it wrong.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const t = useTranslations("shell");
  const router = useRouter();
  const pathname = usePathname();
  const [unread, setUnread] = useState(initialUnread);
  const [arrival, setArrival] = useState<Arrival | null>(null);
  const [held, setHeld] = useState(false);
  const [ended, setEnded] = useState(false);
  const bellRef = useRef<HTMLAnchorElement>(null);
  const onListPage = useRef(false);
  // Messages pages show what a notification announces (a new message, its unread count): they reload too.
  const onMessagesPage = useRef(false);
  // Pages that show calls as they arrive: the overview and the call history (not a call's own page).
  const onCallsPage = useRef(false);
  useEffect(() => {
    onListPage.current = pathname.startsWith("/dashboard/notifications");
    onMessagesPage.current = /^\/(dashboard|admin)\/messages(\/|$)/.test(pathname);
    onCallsPage.current = pathname === "/dashboard" || pathname === "/dashboard/calls";
  }, [pathname]);

  // A server render (e.g. after marking read) brings a fresh count: it wins over the stream's last one.
  const [rendered, setRendered] = useState(initialUnread);
  if (rendered !== initialUnread) {
    setRendered(initialUnread);
    setUnread(initialUnread);
  }

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = RETRY_MS.first;
    // The first new call refreshes at once; more within the interval wait for one refresh at its end.
    let callsRefresh: ReturnType<typeof setTimeout> | undefined;
    let callsRefreshedAt = 0;
    const refreshCalls = () => {
      if (!onCallsPage.current || callsRefresh) return;
      const wait = Math.max(0, callsRefreshedAt + CALLS_REFRESH_MS - Date.now());
      callsRefresh = setTimeout(() => {
        callsRefresh = undefined;
        callsRefreshedAt = Date.now();
        if (onCallsPage.current) router.refresh();
      }, wait);
    };
    const connect = () => {
      source = new EventSource("/api/notifications/stream");
      source.addEventListener("open", () => {
        delay = RETRY_MS.first;
      });
      source.addEventListener("unread", (event) => {
        setUnread((JSON.parse(event.data) as { count: number }).count);
        if (onListPage.current) router.refresh();
      });
      source.addEventListener("notification", (event) => {
        const data = JSON.parse(event.data) as Arrival & { unread: number };
        setUnread(data.unread);
        // On the list itself the new row appears in place; elsewhere a card shows it.
        if (onListPage.current || onMessagesPage.current) router.refresh();
        if (!onListPage.current) setArrival({ id: data.id, title: data.title, body: data.body, link: data.link });
      });
      source.addEventListener("live", (event) => {
        if ((JSON.parse(event.data) as { topic: string }).topic === "calls") refreshCalls();
      });
      source.addEventListener("session-ended", () => {
        source?.close();
        setArrival(null);
        setEnded(true);
      });
      // The browser retries a dropped stream itself, but gives up on an error answer: try again later.
      source.addEventListener("error", () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, RETRY_MS.max);
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      clearTimeout(callsRefresh);
      source?.close();
    };
  }, [router]);

  useEffect(() => {
    if (!arrival || held) return;
    const timer = setTimeout(() => setArrival(null), SHOW_MS);
    return () => clearTimeout(timer);
  }, [arrival, held]);

  useEffect(() => {
    if (!arrival) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setArrival(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [arrival]);

  const dismiss = () => {
    setArrival(null);
    setHeld(false);
    bellRef.current?.focus();
  };

  return (
    <>
      <Link
        ref={bellRef}
        href="/dashboard/notifications"
        prefetch={false}
        aria-label={t("notificationsUnread", { count: unread })}
        className="relative grid size-10 place-items-center rounded-md text-fg-muted hover:bg-surface-muted hover:text-fg"
      >
        <Bell aria-hidden className="size-5" />
        {unread > 0 ? (
          <span
            aria-hidden
            className="absolute end-1 top-1 grid min-w-4 place-items-center rounded-full bg-danger px-1 text-[0.6875rem] font-semibold leading-4 text-danger-fg"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Link>
      {ended ? (
        <div className="fixed inset-0 z-50 grid place-items-center bg-bg/80 p-4 backdrop-blur-sm">
          <div role="alertdialog" aria-modal="true" aria-labelledby="session-ended-title" className="w-full max-w-sm rounded-xl border border-border-strong bg-surface p-6 shadow-lg">
            <h2 id="session-ended-title" className="text-base font-semibold">
              {t("sessionEndedTitle")}
            </h2>
            <p className="mt-1 text-fg-muted">{t("sessionEndedText")}</p>
            <a
              href={`/sign-in?reason=session-ended&callbackUrl=${encodeURIComponent(pathname)}`}
              autoFocus
              className="mt-4 inline-flex min-h-10 items-center rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-fg hover:bg-primary-hover"
            >
              {t("signInAgain")}
            </a>
          </div>
        </div>
      ) : null}
      {/* Phones: at the bottom, clear of the page's title and actions; wider screens: under the header. */}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-3 bottom-3 z-40 flex justify-end sm:inset-x-auto sm:bottom-auto sm:end-6 sm:top-16"
      >
        {arrival ? (
          <section
            aria-label={t("newNotification")}
            onMouseEnter={() => setHeld(true)}
            onMouseLeave={() => setHeld(false)}
            onFocus={() => setHeld(true)}
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget)) setHeld(false);
            }}
            className="pointer-events-auto w-full max-w-sm rounded-xl border border-border-strong bg-surface-raised p-4 shadow-lg"
          >
            <div className="flex items-start gap-3">
              <Bell aria-hidden className="mt-0.5 size-5 shrink-0 text-primary" />
              <div className="min-w-0 flex-1">
                <p className="font-medium">{arrival.title}</p>
                <p className="mt-0.5 text-13 text-fg-muted">{arrival.body}</p>
                {arrival.link ? (
                  <Link href={arrival.link} className="mt-2 inline-block text-sm font-medium text-primary underline-offset-4 hover:underline" onClick={() => setArrival(null)}>
                    {t("viewNotification")}
                  </Link>
                ) : null}
              </div>
              <button
                type="button"
                onClick={dismiss}
                aria-label={t("dismiss")}
                className="grid size-8 shrink-0 place-items-center rounded-md text-fg-muted hover:bg-surface-muted hover:text-fg"
              >
                <X aria-hidden className="size-4" />
              </button>
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
