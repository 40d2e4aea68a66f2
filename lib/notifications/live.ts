import "server-only";
import { listenForNotifications, type NotificationEvent, type Unlisten } from "@/db/queries/notifications";

type Listener = (event: NotificationEvent) => void;
type Hub = { listeners: Map<string, Set<Listener>>; listening: Promise<Unlisten> | null };

const hubKey = Symbol.for("clientdesk.notification-hub");
const globalForHub = globalThis as unknown as { [hubKey]?: Hub };

function hub(): Hub {
  globalForHub[hubKey] ??= { listeners: new Map(), listening: null };
  return globalForHub[hubKey];
}

/**
 * Calls `listener` for each notification event of `userId`, from any instance or the worker.
 * One LISTEN per process serves every open stream; returns the unsubscribe function.
 */
export async function subscribeToNotifications(userId: string, listener: Listener): Promise<() => void> {
  const state = hub();
  if (!state.listening) {
    const dispatch = (event: NotificationEvent) => {
      for (const each of state.listeners.get(event.userId) ?? []) each(event);
    };
    // After a dropped connection, events sent meanwhile are lost: every open stream re-reads its count.
    state.listening = listenForNotifications(dispatch, () => {
      for (const userId of state.listeners.keys()) dispatch({ userId });
    });
    state.listening.catch(() => {
      state.listening = null;
    });
  }
  await state.listening;
  const forUser = state.listeners.get(userId) ?? new Set<Listener>();
  forUser.add(listener);
  state.listeners.set(userId, forUser);
  return () => {
    forUser.delete(listener);
    if (forUser.size === 0) state.listeners.delete(userId);
  };
}
