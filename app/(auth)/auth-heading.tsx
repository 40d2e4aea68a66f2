/** The card's heading; forms swap it for their outcome's, so a success never sits under the form's title. */
export function AuthHeading({ title, subtitle }: { title: string; subtitle?: string }) {
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      {subtitle ? <p className="mt-1 text-fg-muted">{subtitle}</p> : null}
    </>
  );
}
