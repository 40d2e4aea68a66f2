import type { SessionUser } from "@/db/queries/sessions";

export async function DataExportCard(_props: { user: SessionUser }) {
  return null;
}
