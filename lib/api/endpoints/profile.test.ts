import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getProfile, PATCH as patchProfile } from "@/app/api/v1/profile/route";
import { getUserProfile } from "@/db/queries/users";
import { auditLog, users } from "@/db/schema";
import { setupTestDatabase, signedInUser } from "@/db/testing";
import { callApi, testApiToken } from "@/db/testing/api";
import { profileEndpoints } from "./profile";

const db = setupTestDatabase();
const details = { name: "Ada Lovelace", phone: "+44 20 7946 0000", company: "Analytical Engines Ltd", jobTitle: "Engineer", address: "12 St James's Square, London" };

describe("the profile API", () => {
  it("reads and changes the token user's contact details through the profile service, with an audit row", async () => {
    const customer = await signedInUser("customer", "api-profile");
    const token = await testApiToken(customer, ["profile:write"]);
    const read = await callApi(getProfile, profileEndpoints.get, { token });
    expect(read.status).toBe(200);
    expect(read.json).toEqual({ id: customer.id, email: customer.email, name: customer.name, phone: null, company: null, jobTitle: null, address: null });

    const saved = await callApi(patchProfile, profileEndpoints.update, { token, body: { ...details, phone: ` ${details.phone} ` } });
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual({ id: customer.id, email: customer.email, ...details });
    expect(await getUserProfile(customer.id)).toMatchObject(details);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.targetUserId, customer.id), eq(auditLog.action, "user.profile_updated")));
    expect(audit).toHaveLength(1);

    // null or blank clears an optional field, as the form's empty input does.
    const cleared = await callApi(patchProfile, profileEndpoints.update, { token, body: { ...details, phone: null, company: "", jobTitle: null, address: null } });
    expect(cleared.json).toMatchObject({ phone: null, company: null, jobTitle: null, address: null });
  });

  it("refuses bad input with the form's rules, per field", async () => {
    const customer = await signedInUser("customer", "api-profile-bad");
    const token = await testApiToken(customer, ["profile:write"]);
    const { status, json } = await callApi(patchProfile, profileEndpoints.update, { token, body: { name: " ", phone: "call me", company: "x".repeat(121), jobTitle: null, address: null } });
    expect(status).toBe(400);
    expect(json.error.code).toBe("bad_request");
    // The form's rules, answered in English rather than as the form's message keys.
    expect(json.error.fields).toEqual({ name: "Enter your name.", phone: "Enter a phone number with digits, spaces and + ( ) - / . only.", company: "This is too long." });
    const partial = await callApi(patchProfile, profileEndpoints.update, { token, body: { name: "Only a name" } });
    expect(partial.status).toBe(400);
    expect(Object.keys(partial.json.error.fields)).toEqual(expect.arrayContaining(["phone", "company"]));
    expect((await getUserProfile(customer.id))!.name).toBe(customer.name);
  });

  it("never changes the email address, and a read token cannot write", async () => {
    const customer = await signedInUser("customer", "api-profile-scope");
    const reader = await testApiToken(customer, ["profile:read"]);
    const refused = await callApi(patchProfile, profileEndpoints.update, { token: reader, body: details });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("insufficient_scope");
    const other = await testApiToken(customer, ["settings:write"]);
    expect((await callApi(getProfile, profileEndpoints.get, { token: other })).status).toBe(403);

    const writer = await testApiToken(customer, ["profile:write"]);
    const saved = await callApi(patchProfile, profileEndpoints.update, { token: writer, body: { ...details, email: "attacker@example.com" } });
    expect(saved.status).toBe(200);
    const [row] = await db().select({ email: users.email }).from(users).where(eq(users.id, customer.id));
    expect(row!.email).toBe(customer.email);
  });
});
