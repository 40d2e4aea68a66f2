import type { ComponentProps } from "react";

export function Card({ className = "", ...props }: ComponentProps<"section">) {
  return <section className={`rounded-xl border border-border bg-surface p-5 shadow-card sm:p-6 ${className}`} {...props} />;
}

/** A card's title row: a heading (its id labels the card), a line of help and optional actions. */
export function CardHeader({ id, title, description, actions }: { id: string; title: string; description?: string; actions?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-13 text-fg-muted">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}
