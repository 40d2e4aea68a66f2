import type { SessionUser } from "@/db/queries/sessions";

export async function DeleteAccountCard(_props: { user: SessionUser }) {
  return null;
}
