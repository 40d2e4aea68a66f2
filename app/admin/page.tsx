import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  await requireAdmin();
  return {};
}

export default async function AdminHomePage() {
  await requireAdmin();
  redirect("/admin/users");
}
