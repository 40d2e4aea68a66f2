/**
 * Every page of the signed-in areas: its heading, an optional description and actions, and one
 * content width per kind of page: "wide" for overviews and lists, "narrow" for forms and settings.
 */
export function Page({
  title,
  description,
  actions,
  width = "wide",
  children,
}: {
  title: string;
  description?: string;
  actions?: React.ReactNode;
  width?: "wide" | "narrow";
  children: React.ReactNode;
}) {
  return (
    // Every page starts at the same left edge; a narrow page is narrower on the right only.
    <div className="mx-auto w-full max-w-6xl">
      <div className={width === "narrow" ? "max-w-3xl" : undefined}>
        <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
          <div className="min-w-0">
            <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">{title}</h1>
            {description ? <p className="mt-1 text-fg-muted">{description}</p> : null}
          </div>
          {actions}
        </div>
        {children}
      </div>
    </div>
  );
}
