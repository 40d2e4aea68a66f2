import { PastDueBanner } from "@/components/billing/past-due-banner";
import { AppShell } from "@/components/shell/app-shell";
import { countUnreadThreads } from "@/db/queries/messages";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { hasPastDueSubscription } from "@/db/queries/subscriptions";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { requireUser } from "@/lib/session";
import { fixPaymentAction } from "./billing/actions";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const [unread, unreadThreads, pastDue] = await Promise.all([
    countUnreadNotifications(user.id),
    user.accountId ? countUnreadThreads(user.id, user.accountId) : 0,
    user.accountId ? hasPastDueSubscription(user.accountId) : false,
  ]);
  return (
    <ClientMessages namespaces={["errors", "shell", "nav"]}>
      <AppShell area="dashboard" user={user} unreadNotifications={unread} navCounts={{ messages: unreadThreads }}>
        {pastDue ? <PastDueBanner fixPaymentAction={fixPaymentAction} /> : null}
        {children}
      </AppShell>
    </ClientMessages>
  );
}
