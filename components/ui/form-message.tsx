import Link from "next/link";
import type { ActionState } from "@/lib/action-state";

/** The form-level outcome; its own test id because Next's route announcer is also role="alert". */
export function FormMessage({ state }: { state: Pick<ActionState, "ok" | "message" | "link"> }) {
  if (!state.message) return null;
  return (
    <div
      role={state.ok ? "status" : "alert"}
      data-testid="form-message"
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-success-soft text-success" : "bg-danger-soft text-danger"}`}
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
