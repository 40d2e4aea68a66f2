import { notFound } from "next/navigation";

/** Unknown dashboard URLs get the dashboard's own 404, inside its frame, rather than the site's. */
export default function UnknownDashboardPage() {
  notFound();
}
