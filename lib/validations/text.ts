/** PostgreSQL's text cannot hold a NUL character: input holding one is refused as bad input rather than failing the write. */
export const containsNul = (value: string) => value.includes("\u0000");

export const withoutNul = (value: string | null | undefined) => !value || !containsNul(value);
