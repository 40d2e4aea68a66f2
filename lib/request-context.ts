import "server-only";

/**
 * What scripts/server.mjs knows about the request being served: it runs Next's handler inside an
 * AsyncLocalStorage and reads this store back when the response's status goes out.
 */
type RequestContext = { serviceUnavailable: boolean; actionStarted: boolean };
type Storage = { getStore(): RequestContext | undefined };

function currentRequest(): RequestContext | undefined {
  return (globalThis as Record<symbol, Storage | undefined>)[Symbol.for("clientdesk.request-context")]?.getStore();
}

/** The database is unreachable: the server answers 503 with Retry-After instead of 500. */
export function reportServiceUnavailable(): void {
  const store = currentRequest();
  if (store) store.serviceUnavailable = true;
}

/**
 * Our server action code is running, so Next decoded the call. A 500 from a call that never got
 * here was a malformed request (bad encoding, oversized body), which the server answers with a 4xx.
 */
export function reportActionStarted(): void {
  const store = currentRequest();
  if (store) store.actionStarted = true;
}
