/** What every server action returns to its form (shared by server and client code). */
export type ActionState = {
  ok: boolean;
  message?: string;
  /** A way forward shown with the message, e.g. "Reset your password" when sign-in is locked. */
  link?: { href: string; label: string };
  fieldErrors?: Record<string, string>;
  /** What was submitted, so React's form reset does not wipe the user's input. */
  values?: Record<string, string>;
  /** Secrets shown once and never again (recovery codes): kept only in the form's state. */
  secrets?: string[];
  /** Problems of a submitted file, one per row and field (the CSV import's report). */
  report?: { row: number; field: string; reason: string }[];
};

export const initialActionState: ActionState = { ok: false };
