import { AppShell } from "@/components/shell/app-shell";
import { requireAdmin } from "@/lib/session";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdmin();
  return (
    <AppShell area="admin" user={admin}>
      {children}
    </AppShell>
  );
}
