export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** The user's photo (through the authorizing file route) or, without one, their initials. Decorative: the name is always beside it. */
export function Avatar({ name, fileId, size = "sm" }: { name: string; fileId?: string | null; size?: "sm" | "lg" }) {
  const box = size === "lg" ? "size-16 text-xl" : "size-8 text-xs";
  if (fileId) {
    // A plain img: next/image's optimizer would fetch the file without the user's cookie.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={`/api/files/${fileId}`} alt="" width={size === "lg" ? 64 : 32} height={size === "lg" ? 64 : 32} className={`${box} shrink-0 rounded-full object-cover`} />;
  }
  return (
    <span aria-hidden className={`grid shrink-0 place-items-center rounded-full bg-primary-soft font-semibold text-primary ${box}`}>
      {initials(name)}
    </span>
  );
}
