import { AppShell } from "@/components/shell/app-shell";
import { adminCountUnreadThreads } from "@/db/queries/messages";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireAdmin } from "@/lib/session";

// Each admin page's generateMetadata also calls requireAdmin(): metadata resolves apart from this
// layout, and a non-admin's 404 must carry the 404's title, not the page's.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdmin();
  const [unread, unreadThreads] = await Promise.all([countUnreadNotifications(admin.id), adminCountUnreadThreads(admin.id)]);
  return (
    <ClientMessages namespaces={["errors", "shell", "nav", "admin", "pager"]}>
      <AppShell area="admin" user={admin} unreadNotifications={unread} navCounts={{ adminMessages: unreadThreads }}>
        {children}
      </AppShell>
    </ClientMessages>
  );
}
