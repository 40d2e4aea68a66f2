import {
  Bell,
  Bot,
  CreditCard,
  FolderKanban,
  LayoutDashboard,
  MessagesSquare,
  PhoneCall,
  Receipt,
  Settings,
  ShieldCheck,
  UserRound,
  Users,
  type LucideIcon,
} from "lucide-react";

export type NavItem = { href: string; key: string; icon: LucideIcon };

/** The customer area, one entry per capability of the product; labels live in messages under `nav`. */
export const dashboardNav: NavItem[] = [
  { href: "/dashboard", key: "overview", icon: LayoutDashboard },
  { href: "/dashboard/projects", key: "projects", icon: FolderKanban },
  { href: "/dashboard/messages", key: "messages", icon: MessagesSquare },
  { href: "/dashboard/invoices", key: "invoices", icon: Receipt },
  { href: "/dashboard/billing", key: "billing", icon: CreditCard },
  { href: "/dashboard/calls", key: "calls", icon: PhoneCall },
  { href: "/dashboard/agents", key: "agents", icon: Bot },
  { href: "/dashboard/notifications", key: "notifications", icon: Bell },
  { href: "/dashboard/profile", key: "profile", icon: UserRound },
  { href: "/dashboard/settings", key: "settings", icon: Settings },
  { href: "/dashboard/security", key: "security", icon: ShieldCheck },
];

export const adminNav: NavItem[] = [{ href: "/admin/users", key: "users", icon: Users }];

export function isActive(pathname: string, href: string, exact: boolean): boolean {
  return exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}
