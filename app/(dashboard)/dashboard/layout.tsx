import { AppShell } from "@/components/shell/app-shell";
import { countUnreadThreads } from "@/db/queries/messages";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const [unread, unreadThreads] = await Promise.all([countUnreadNotifications(user.id), user.accountId ? countUnreadThreads(user.id, user.accountId) : 0]);
  return (
    <ClientMessages namespaces={["errors", "shell", "nav"]}>
      <AppShell area="dashboard" user={user} unreadNotifications={unread} navCounts={{ messages: unreadThreads }}>
        {children}
      </AppShell>
    </ClientMessages>
  );
}
