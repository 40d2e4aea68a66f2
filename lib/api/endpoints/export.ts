import { defineEndpoint } from "../endpoint";
import { apiErrorSchema } from "../errors";

export const exportEndpoints = {
  get: defineEndpoint({
    method: "GET",
    path: "/export",
    operationId: "exportData",
    tag: "Export",
    summary: "Download a copy of your data",
    description:
      "Everything held about the token's user — and, for the owner of a customer account, the account's data — as a ZIP streamed as it is built: `data.json`, CSV files, attachments and a `manifest.json` (written last) with each file's size and SHA-256. The same export as the Data settings page, counted against the same limit of 5 per hour.",
    scope: "export:read",
    responses: {
      200: { description: "The ZIP archive.", contentType: "application/zip" },
      429: { description: "`rate_limited`: five exports this hour already; `Retry-After` says when to try again.", schema: apiErrorSchema },
    },
  }),
};
