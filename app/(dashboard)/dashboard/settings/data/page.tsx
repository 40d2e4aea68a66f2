import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/session";
import { DataExportCard } from "./data-export-card";
import { DeleteAccountCard } from "./delete-account-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.tabs"))("data") };
}

/** The user's rights over their data: a copy of everything (GDPR art. 15/20) and erasure (art. 17). */
export default async function YourDataPage() {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <DataExportCard user={user} />
      <DeleteAccountCard user={user} />
    </div>
  );
}
