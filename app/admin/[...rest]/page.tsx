import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/session";

// Resolved apart from the layout: a non-admin gets the site's 404, an admin the 404's title.
export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  notFound();
}

/** Unknown staff URLs get the staff area's own 404, inside its frame. */
export default function UnknownAdminPage() {
  notFound();
}
