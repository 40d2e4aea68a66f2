import { Field } from "@/components/ui/field";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/constants";

/** The password a user chooses (sign-up, reset): the browser's password manager may suggest one. */
export function NewPasswordField({ label, hint, error }: { label: string; hint: string; error?: string }) {
  return (
    <Field label={label} name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} hint={hint} error={error} />
  );
}
