import type { ComponentProps } from "react";

export function Card({ className = "", ...props }: ComponentProps<"section">) {
  return <section className={`rounded-lg border border-border bg-surface p-5 shadow-sm ${className}`} {...props} />;
}
