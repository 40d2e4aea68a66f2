import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/action-state";
import { AuthHeading } from "./auth-heading";

/** What a finished verification or reset shows: its own heading, the outcome, and the way to sign in. */
export function AuthSuccess({ title, state, signInLabel }: { title: string; state: ActionState; signInLabel: string }) {
  return (
    <>
      <AuthHeading title={title} />
      <div className="mt-6 space-y-4">
        <FormMessage state={state} />
        <Link href="/sign-in" className={buttonClass("primary", "w-full")}>
          {signInLabel}
        </Link>
      </div>
    </>
  );
}
