import { servedOpenApiDocument } from "@/lib/api/openapi";

/** The API's OpenAPI 3.1 document: public (it describes, it grants nothing), cacheable, built once per process. */
export function GET(request: Request): Response {
  const { text, etag } = servedOpenApiDocument();
  const headers = { ETag: etag, "Cache-Control": "public, max-age=300", Vary: "Accept-Encoding" };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*")) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
}
