import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} prefetch={false} className="inline-flex items-center gap-2 rounded-md text-base font-semibold tracking-tight text-fg">
      <svg aria-hidden viewBox="0 0 32 32" className="size-7 shrink-0">
        <rect width="32" height="32" rx="7" fill="var(--primary)" />
        <path d="M21.5 11.2a7 7 0 1 0 0 9.6" fill="none" stroke="var(--primary-fg)" strokeWidth="3.4" strokeLinecap="round" />
      </svg>
      Clientdesk
    </Link>
  );
}
