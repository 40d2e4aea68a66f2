import { AppError } from "@/lib/errors";
import { calendarForToken } from "@/lib/calendar/service";

/**
 * A user's private calendar feed, fetched by calendar apps without a session: the token in the
 * path (`<token>.ics`) is the credential. Unknown, replaced and revoked tokens answer 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const token = (await params).token.replace(/\.ics$/, "");
  const calendar = await calendarForToken(token);
  if (calendar === null) return new AppError("not_found", "That calendar feed does not exist.").toResponse();
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="clientdesk.ics"',
      // Personal data behind a secret address: no shared cache may keep it, and a revoke applies at once.
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
