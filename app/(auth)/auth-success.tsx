import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/action-state";

/** What a finished verification or reset shows: the outcome, and the way to sign in. */
export function AuthSuccess({ state, signInLabel }: { state: ActionState; signInLabel: string }) {
  return (
    <div className="mt-6 space-y-4">
      <FormMessage state={state} />
      <Link href="/sign-in" className={buttonClass("primary", "w-full")}>
        {signInLabel}
      </Link>
    </div>
  );
}
