import { apiErrorResponse } from "@/lib/api/errors";

/** Any other path under /api/v1 answers the API's error object, not the site's HTML 404 page. */
function notFound(): Response {
  return apiErrorResponse(404, "not_found", "There is no such endpoint: see /api/v1/openapi.json.", {}, { "Cache-Control": "no-store" });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
