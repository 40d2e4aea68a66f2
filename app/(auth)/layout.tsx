import { Logo } from "@/components/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10">
      <Logo />
      <main className="mt-8 w-full max-w-md rounded-lg border border-border bg-surface p-6 shadow-sm sm:p-8">{children}</main>
    </div>
  );
}
