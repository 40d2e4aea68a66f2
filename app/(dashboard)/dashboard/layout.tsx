import { AppShell } from "@/components/shell/app-shell";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const unread = await countUnreadNotifications(user.id);
  return (
    <ClientMessages namespaces={["errors", "shell", "nav"]}>
      <AppShell area="dashboard" user={user} unreadNotifications={unread}>
        {children}
      </AppShell>
    </ClientMessages>
  );
}
