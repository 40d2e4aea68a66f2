import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 text-lg font-bold text-fg">
      <span aria-hidden className="grid size-8 place-items-center rounded-md bg-primary text-sm text-primary-fg">
        C
      </span>
      Clientdesk
    </Link>
  );
}
