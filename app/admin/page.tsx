import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/session";

export default async function AdminHomePage() {
  await requireAdmin();
  redirect("/admin/users");
}
