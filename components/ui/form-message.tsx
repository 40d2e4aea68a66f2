"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/action-state";

/**
 * The form-level outcome; its own test id because Next's route announcer is also role="alert".
 * When the control that was used has gone (e.g. a row's button after it was marked read), focus
 * comes here instead of falling back to the top of the page.
 */
export function FormMessage({ state }: { state: Pick<ActionState, "ok" | "message" | "link"> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message && (!document.activeElement || document.activeElement === document.body)) ref.current?.focus();
  }, [state]);
  if (!state.message) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={state.ok ? "status" : "alert"}
      data-testid="form-message"
      className={`rounded-md px-3 py-2 text-sm outline-none focus-visible:outline-2 focus-visible:outline-focus ${state.ok ? "bg-success-soft text-success" : "bg-danger-soft text-danger"}`}
    >
      <p>{state.message}</p>
      {state.link ? (
        <Link href={state.link.href} className="mt-1 inline-block font-medium underline underline-offset-2">
          {state.link.label}
        </Link>
      ) : null}
    </div>
  );
}
