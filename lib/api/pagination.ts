import { z } from "zod";
import { API_PAGE_SIZE_DEFAULT, API_PAGE_SIZE_MAX } from "@/lib/constants";

const limitMessage = `Use a whole number from 1 to ${API_PAGE_SIZE_MAX}.`;

/** `?cursor=…&limit=…` on every list that can grow. The cursor is opaque: pass back `nextCursor`. */
export const pageQuery = z.object({
  cursor: z.string().max(500).optional().meta({ description: "The `nextCursor` of the previous page; omit for the first page." }),
  limit: z.coerce
    .number({ error: limitMessage })
    .int(limitMessage)
    .min(1, limitMessage)
    .max(API_PAGE_SIZE_MAX, limitMessage)
    .default(API_PAGE_SIZE_DEFAULT)
    .meta({ description: `Items per page, 1–${API_PAGE_SIZE_MAX}.` }),
});

/** A page of `item`: `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null when there is none." }),
    })
    .meta({ id });
}
