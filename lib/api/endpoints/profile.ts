import { z } from "zod";
import { profileSchema } from "@/lib/validations/profile";
import { defineEndpoint } from "../endpoint";

export const profileResponseSchema = z
  .object({
    id: z.uuid(),
    email: z.email().meta({ description: "Read-only here: changing it needs the password, on the Security page." }),
    name: z.string(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    jobTitle: z.string().nullable(),
    address: z.string().nullable(),
  })
  .meta({ id: "Profile" });

// The profile form's own rules; null is accepted where the form's blank means "not given".
const { phone, company, jobTitle, address } = profileSchema.shape;
export const profileBodySchema = profileSchema
  .extend({
    phone: phone.nullable().meta({ description: "Digits, spaces and + ( ) . / -, 5–40 characters; null or blank clears it.", example: "+49 30 1234567" }),
    company: company.nullable().meta({ description: "Up to 120 characters; null or blank clears it." }),
    jobTitle: jobTitle.nullable().meta({ description: "Up to 120 characters; null or blank clears it." }),
    address: address.nullable().meta({ description: "Up to 500 characters; null or blank clears it." }),
  })
  .meta({ id: "ProfileUpdate" });

export const profileEndpoints = {
  get: defineEndpoint({
    method: "GET",
    path: "/profile",
    operationId: "getProfile",
    tag: "Profile",
    summary: "The token user's contact details",
    scope: "profile:read",
    etag: true,
    responses: { 200: { description: "The profile.", schema: profileResponseSchema } },
  }),
  update: defineEndpoint({
    method: "PATCH",
    path: "/profile",
    operationId: "updateProfile",
    tag: "Profile",
    summary: "Change the contact details",
    description:
      "Send the whole group: name, phone, company, job title and address, as the profile page's form does (a field left out is refused). The email address and the password are never changed with a token.",
    scope: "profile:write",
    body: profileBodySchema,
    responses: { 200: { description: "The profile as saved.", schema: profileResponseSchema } },
  }),
};
