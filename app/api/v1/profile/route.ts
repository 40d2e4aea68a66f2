import { getUserProfile } from "@/db/queries/users";
import { profileEndpoints } from "@/lib/api/endpoints/profile";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import type { ApiCaller } from "@/lib/api/tokens";
import { updateProfile } from "@/lib/profile/service";
import { requestInfoFrom } from "@/lib/request-info";

async function profileOf(caller: ApiCaller) {
  const profile = await getUserProfile(caller.user.id);
  if (!profile) throw new ApiError(404, "not_found", "There is no such user.");
  return { id: caller.user.id, email: caller.user.email, name: profile.name, phone: profile.phone, company: profile.company, jobTitle: profile.jobTitle, address: profile.address };
}

export const GET = apiRoute(profileEndpoints.get, async ({ caller }) => ({ body: await profileOf(caller) }));

export const PATCH = apiRoute(profileEndpoints.update, async ({ caller, request, body }) => {
  await updateProfile(caller.user, body, requestInfoFrom(request.headers));
  return { body: await profileOf(caller) };
});
