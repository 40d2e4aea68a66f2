import type { LucideIcon } from "lucide-react";

export function EmptyState({
  icon: Icon,
  title,
  description,
  headingLevel: Heading = "h2",
  children,
}: {
  icon: LucideIcon;
  title: string;
  description: string;
  /** h1 where the empty state is the whole page, e.g. a 404. */
  headingLevel?: "h1" | "h2";
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed border-border-strong bg-surface px-6 py-14 text-center">
      <span className="mb-4 grid size-12 place-items-center rounded-full bg-surface-muted">
        <Icon aria-hidden className="size-6 text-fg-muted" />
      </span>
      <Heading className="text-base font-semibold text-fg">{title}</Heading>
      <p className="mt-1 max-w-md text-fg-muted">{description}</p>
      {children ? <div className="mt-5 flex flex-wrap justify-center gap-2">{children}</div> : null}
    </div>
  );
}
