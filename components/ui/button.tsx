import Link from "next/link";
import type { ComponentProps } from "react";

const variants = {
  primary: "bg-primary text-primary-fg hover:bg-primary-hover",
  secondary: "border border-border-strong bg-surface text-fg hover:bg-surface-muted",
  danger: "bg-danger text-danger-fg hover:opacity-90",
  ghost: "text-fg hover:bg-surface-muted",
} as const;

const sizes = {
  md: "min-h-10 px-4 py-2",
  sm: "min-h-9 px-3 py-1.5",
} as const;

export type ButtonVariant = keyof typeof variants;

export function buttonClass(variant: ButtonVariant = "primary", extra = "", size: keyof typeof sizes = "md"): string {
  return `inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${sizes[size]} ${variants[variant]} ${extra}`;
}

export function Button({ variant = "primary", className = "", ...props }: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}

/** Does not prefetch unless asked: every page renders per request, so a prefetch is a wasted render. */
export function ButtonLink({
  variant = "primary",
  size = "md",
  className = "",
  prefetch = false,
  ...props
}: ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: keyof typeof sizes }) {
  return <Link className={buttonClass(variant, className, size)} prefetch={prefetch} {...props} />;
}
