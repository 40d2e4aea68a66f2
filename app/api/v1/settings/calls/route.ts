import { settingsEndpoints } from "@/lib/api/endpoints/settings";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { getAccountCallPreferences, updateCallPreferences } from "@/lib/calls/preferences";
import { requestInfoFrom } from "@/lib/request-info";

export const GET = apiRoute(settingsEndpoints.getCalls, async ({ caller }) => ({ body: await getAccountCallPreferences(caller.user) }));

export const PATCH = apiRoute(settingsEndpoints.updateCalls, async ({ caller, request, body }) => {
  const result = await updateCallPreferences(caller.user, body, requestInfoFrom(request.headers));
  if (result.status === "auto_record_needs_consent") {
    throw new ApiError(400, "bad_request", "Recording every call needs the account's consent to recording.", { autoRecord: "Needs `recordingConsent`." });
  }
  return { body: await getAccountCallPreferences(caller.user) };
});
