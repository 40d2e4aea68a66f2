import { Logo } from "@/components/logo";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={["errors", "auth"]}>
      <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:py-16">
        <Logo />
        <main className="mt-8 w-full max-w-sm rounded-xl border border-border bg-surface p-6 shadow-card sm:p-8">{children}</main>
      </div>
    </ClientMessages>
  );
}
