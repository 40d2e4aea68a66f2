import {
  Bell,
  Bot,
  CircleAlert,
  ClipboardList,
  CreditCard,
  FolderKanban,
  Headset,
  History,
  KeyRound,
  LayoutDashboard,
  Mail,
  MessagesSquare,
  PhoneCall,
  Receipt,
  ScrollText,
  Settings,
  ShieldCheck,
  UserRound,
  Users,
  type LucideIcon,
} from "lucide-react";

export type NavItem = { href: string; key: string; icon: LucideIcon };
/** A titled group of the sidebar; labels live in messages under `nav` and `nav.groups`. */
export type NavGroup = { key: "main" | "work" | "billing" | "calls" | "account" | "customers" | "staff"; items: NavItem[] };

/** The customer area, one entry per capability of the product, grouped as customers think of them. */
export const dashboardNav: NavGroup[] = [
  {
    key: "main",
    items: [
      { href: "/dashboard", key: "overview", icon: LayoutDashboard },
      { href: "/dashboard/activity", key: "activity", icon: History },
    ],
  },
  {
    key: "work",
    items: [
      { href: "/dashboard/projects", key: "projects", icon: FolderKanban },
      { href: "/dashboard/messages", key: "messages", icon: MessagesSquare },
    ],
  },
  {
    key: "billing",
    items: [
      { href: "/dashboard/invoices", key: "invoices", icon: Receipt },
      { href: "/dashboard/billing", key: "billing", icon: CreditCard },
    ],
  },
  {
    key: "calls",
    items: [
      { href: "/dashboard/calls", key: "calls", icon: PhoneCall },
      { href: "/dashboard/agents", key: "agents", icon: Bot },
    ],
  },
  {
    key: "account",
    items: [
      { href: "/dashboard/notifications", key: "notifications", icon: Bell },
      { href: "/dashboard/profile", key: "profile", icon: UserRound },
      { href: "/dashboard/settings", key: "settings", icon: Settings },
      { href: "/dashboard/security", key: "security", icon: ShieldCheck },
    ],
  },
];

export const adminNav: NavGroup[] = [
  {
    key: "customers",
    items: [
      { href: "/admin/projects", key: "adminProjects", icon: FolderKanban },
      { href: "/admin/requests", key: "adminRequests", icon: ClipboardList },
      { href: "/admin/messages", key: "adminMessages", icon: MessagesSquare },
      { href: "/admin/invoices", key: "adminInvoices", icon: Receipt },
      { href: "/admin/plans", key: "adminPlans", icon: CreditCard },
    ],
  },
  {
    key: "calls",
    items: [
      { href: "/admin/calls", key: "adminCalls", icon: PhoneCall },
      { href: "/admin/agents", key: "adminAgents", icon: Bot },
      { href: "/admin/agent-requests", key: "adminAgentRequests", icon: Headset },
      { href: "/admin/platform-keys", key: "adminPlatformKeys", icon: KeyRound },
    ],
  },
  {
    key: "staff",
    items: [
      { href: "/admin/users", key: "users", icon: Users },
      { href: "/admin/audit", key: "audit", icon: ScrollText },
      { href: "/admin/outbox", key: "outbox", icon: Mail },
      { href: "/admin/jobs", key: "jobs", icon: CircleAlert },
    ],
  },
];

export function navIcon(key: string): LucideIcon | undefined {
  return dashboardNav.flatMap((group) => group.items).find((item) => item.key === key)?.icon;
}

export function isActive(pathname: string, href: string): boolean {
  return href === "/dashboard" || href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}
