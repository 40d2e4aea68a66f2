import type { Metadata } from "next";
import { notFound } from "next/navigation";

// Metadata resolves apart from the page: without this, the 404 would carry the site's default title.
export function generateMetadata(): Metadata {
  notFound();
}

/** Unknown dashboard URLs get the dashboard's own 404, inside its frame, rather than the site's. */
export default function UnknownDashboardPage() {
  notFound();
}
