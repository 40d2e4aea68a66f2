import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";

export const linkClass = "text-sm font-medium text-primary underline-offset-2 hover:underline";

/** Wide widgets take two of the three columns on large screens. */
export function WidgetCard({
  id,
  title,
  description,
  link,
  wide = false,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  link?: { href: string; label: string };
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Card className={wide ? "lg:col-span-2" : ""} aria-labelledby={id}>
      <CardHeader
        id={id}
        title={title}
        description={description}
        actions={
          link ? (
            <Link href={link.href} prefetch={false} className={linkClass}>
              {link.label}
            </Link>
          ) : undefined
        }
      />
      <div className="mt-3">{children}</div>
    </Card>
  );
}

/** A widget with nothing to show yet: what it will hold, and the first step towards it. */
export function WidgetEmpty({ text, action }: { text: string; action?: { href: string; label: string } }) {
  return (
    <div className="space-y-2">
      <p className="text-fg-muted">{text}</p>
      {action ? (
        <Link href={action.href} prefetch={false} className={linkClass}>
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
