import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { plans } from "@/db/schema";
import { setupTestDatabase } from "@/db/testing";
import { seedPlans } from "./seed-plans";

const db = setupTestDatabase();

describe("seeding plans", () => {
  it("adds Starter, Professional and Enterprise once, and keeps what staff changed since", async () => {
    await seedPlans(db());
    await db().update(plans).set({ monthlyPrice: 3500 }).where(eq(plans.key, "starter"));
    await seedPlans(db());
    const seeded = await db()
      .select({ key: plans.key, monthlyPrice: plans.monthlyPrice, includedMinutes: plans.includedMinutes, maxAgents: plans.maxAgents, recordingRetentionDays: plans.recordingRetentionDays, stripePriceId: plans.stripePriceId })
      .from(plans)
      .where(inArray(plans.key, ["starter", "professional", "enterprise"]))
      .orderBy(plans.position);
    expect(seeded).toEqual([
      { key: "starter", monthlyPrice: 3500, includedMinutes: 300, maxAgents: 1, recordingRetentionDays: 30, stripePriceId: "price_demo_starter" },
      { key: "professional", monthlyPrice: 9900, includedMinutes: 1500, maxAgents: 3, recordingRetentionDays: 90, stripePriceId: "price_demo_professional" },
      { key: "enterprise", monthlyPrice: 29900, includedMinutes: 6000, maxAgents: 10, recordingRetentionDays: 365, stripePriceId: "price_demo_enterprise" },
    ]);
  });
});
