import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell area="dashboard" user={user}>
      {children}
    </AppShell>
  );
}
