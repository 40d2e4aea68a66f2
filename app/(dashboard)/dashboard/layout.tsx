import { AppShell } from "@/components/shell/app-shell";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <ClientMessages namespaces={["errors", "shell", "nav"]}>
      <AppShell area="dashboard" user={user}>
        {children}
      </AppShell>
    </ClientMessages>
  );
}
