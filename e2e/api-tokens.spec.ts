import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { createVerifiedCustomer, newClient, signedInAs, signIn } from "./helpers";
import { expectNoCrossUserAccess, twoCustomers, type OwnedResource } from "./security/cross-user";

const password = "tilda's token passphrase";

const whoAmI = (request: APIRequestContext, token: string) => request.get("/api/v1/token", { headers: { authorization: `Bearer ${token}` } });

/** Fills the Security page's token form: a name, read access to the profile only, the default expiry. */
async function createToken(page: Page, card: Locator, name: string, currentPassword = password): Promise<void> {
  await card.getByLabel("Name", { exact: true }).fill(name);
  await card.getByRole("group", { name: "Profile" }).getByRole("radio", { name: "Read" }).check();
  await card.getByLabel("Current password").fill(currentPassword);
  await card.getByRole("button", { name: "Create token" }).click();
}

test("a customer creates a profile:read token on the Security page, uses it, revokes it, and staff revoke another", async ({ browser, request }) => {
  const email = await createVerifiedCustomer(browser, "Tilda Token", password);
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, { email, password });
  await page.goto("/dashboard/security");
  const card = page.getByRole("region", { name: "API tokens" });
  await expect(card.getByLabel("Expires")).toHaveValue("90");

  // At least one area, and the current password: each message next to its field.
  await card.getByLabel("Name", { exact: true }).fill("Phone app");
  await card.getByLabel("Current password").fill(password);
  await card.getByRole("button", { name: "Create token" }).click();
  await expect(card.getByText("Choose at least one area the token may read or write.")).toBeVisible();
  await createToken(page, card, "Phone app", "not my passphrase");
  await expect(card.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await expect(card.getByText("The password is not correct.")).toBeVisible();

  await createToken(page, card, "Phone app");
  await expect(card.getByTestId("form-message")).toHaveText('The token "Phone app" was created.');
  const token = await card.getByLabel("Your new token").inputValue();
  expect(token).toMatch(/^cdk_/);
  await expect(card.getByText("it will not be shown again")).toBeVisible();
  await expect(card.getByText(`curl -H "Authorization: Bearer ${token}"`)).toContainText("/api/v1/dashboard");

  const allowed = await whoAmI(request, token);
  expect(allowed.status()).toBe(200);
  expect(await allowed.json()).toMatchObject({ scopes: ["profile:read"] });

  // Listed with its first characters, scopes and use, never the whole token.
  await page.reload();
  const tokens = card.getByRole("list", { name: "Your tokens" });
  const row = tokens.getByRole("listitem").filter({ hasText: "Phone app" }).first();
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).not.toContainText(token);
  await expect(row).toContainText("profile:read");
  await expect(row).toContainText("Active");
  await expect(row.getByText("Never", { exact: true })).toHaveCount(0);
  await expect(card.getByLabel("Your new token")).toHaveCount(0);

  await row.getByRole("button", { name: /^Revoke/ }).click();
  await page.getByRole("dialog", { name: "Revoke this token?" }).getByRole("button", { name: "Revoke the token" }).click();
  await expect(card.getByTestId("form-message")).toHaveText("The token was revoked.");
  await expect(row).toContainText("Revoked");
  expect((await whoAmI(request, token)).status()).toBe(401);

  // A second token, shown at phone width without sideways scrolling.
  await page.setViewportSize({ width: 360, height: 800 });
  await createToken(page, card, "CRM sync");
  const second = await card.getByLabel("Your new token").inputValue();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect((await whoAmI(request, second)).status()).toBe(200);

  // Staff see it on the customer's page (never the token) and revoke it.
  const staff = await signedInAs(browser, "admin");
  const admin = await staff.newPage();
  await admin.goto(`/admin/users?query=${encodeURIComponent(email)}`);
  await admin.getByRole("link", { name: "Tilda Token" }).click();
  const section = admin.getByRole("region", { name: "API tokens" });
  const staffRow = section.getByRole("listitem").filter({ hasText: "CRM sync" }).first();
  await expect(staffRow).toContainText(second.slice(0, 10));
  await expect(section).not.toContainText(second);
  await expect(section.getByRole("listitem").filter({ hasText: "Phone app" }).first()).toContainText("Revoked");
  await staffRow.getByRole("button", { name: /^Revoke/ }).click();
  await admin.getByRole("dialog", { name: "Revoke this token?" }).getByRole("button", { name: "Revoke the token" }).click();
  await expect(section.getByTestId("form-message")).toHaveText("The token was revoked.");
  expect((await whoAmI(request, second)).status()).toBe(401);

  // The customer is told.
  await page.goto("/dashboard/notifications");
  await expect(page.getByRole("main")).toContainText("Our team revoked an API token");
  await Promise.all([context.close(), staff.close()]);
});

/** A token made on the owner's Security page; its id is on the page, the token itself only in the create answer. */
function apiTokensIn(request: APIRequestContext): OwnedResource {
  let token = "";
  return {
    name: "API tokens",
    async create(owner) {
      const page = await owner.context.newPage();
      await page.goto("/dashboard/security");
      const card = page.getByRole("region", { name: "API tokens" });
      const name = `Owner sync ${randomUUID().slice(0, 8)}`;
      await card.getByLabel("Name", { exact: true }).fill(name);
      await card.getByRole("group", { name: "Calls" }).getByRole("radio", { name: "Write" }).check();
      await card.getByLabel("Current password").fill(owner.password);
      await card.getByRole("button", { name: "Create token" }).click();
      token = await card.getByLabel("Your new token").inputValue();
      await page.close();
      const html = await (await owner.context.request.get("/dashboard/security")).text();
      const ids = [...html.matchAll(/id="api-token-([0-9a-f-]{36})"/g)].map((match) => match[1]!);
      expect(ids, "the owner has exactly one token").toHaveLength(1);
      return { id: ids[0]!, canaries: [name, token.slice(0, 10)] };
    },
    lists: ["/dashboard/security"],
    actions: [{ name: "revokeApiTokenAction", fields: (id) => ({ tokenId: id }), refusal: "This token does not exist or is already revoked." }],
    async ownerView(owner, id) {
      const html = await (await owner.context.request.get("/dashboard/security")).text();
      return { listed: html.includes(`id="api-token-${id}"`), works: (await whoAmI(request, token)).status() };
    },
  };
}

test("a customer can neither see nor revoke another customer's API token", async ({ browser, request }) => {
  const customers = await twoCustomers(browser);
  await expectNoCrossUserAccess(apiTokensIn(request), customers);
  await customers.owner.context.close();
  await customers.intruder.context.close();
});
