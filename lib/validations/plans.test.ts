import { describe, expect, it } from "vitest";
import { updatePlanSchema } from "./plans";

const form = (overrides: Record<string, string | undefined> = {}) =>
  Object.fromEntries(
    Object.entries({
      planId: "5f0c7a4e-3b7e-4b59-9c1a-2f3d4e5f6a7b",
      name: "Starter",
      description: "",
      monthlyPrice: "29.00",
      currency: "usd",
      features: "300 minutes\n1 agent",
      includedMinutes: "300",
      maxAgents: "1",
      recordingRetentionDays: "30",
      stripePriceId: "price_demo_starter",
      active: "on",
      position: "0",
      ...overrides,
    }).filter(([, value]) => value !== undefined),
  );

const errorsOf = (overrides: Record<string, string | undefined>) => {
  const parsed = updatePlanSchema.safeParse(form(overrides));
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
};

describe("the plan form", () => {
  it("takes the price as typed in major units and stores minor units", () => {
    expect(updatePlanSchema.parse(form({ monthlyPrice: "29.00" })).monthlyPrice).toBe(2900);
    expect(updatePlanSchema.parse(form({ monthlyPrice: "99,5" })).monthlyPrice).toBe(9950);
    expect(updatePlanSchema.parse(form({ monthlyPrice: "0" })).monthlyPrice).toBe(0);
  });

  it("refuses a price that is not an amount of the currency, next to the price", () => {
    expect(errorsOf({ monthlyPrice: "29.001" })).toEqual({ monthlyPrice: "adminPlans.validation.priceInvalid" });
    expect(errorsOf({ monthlyPrice: "-5" })).toEqual({ monthlyPrice: "adminPlans.validation.priceInvalid" });
    expect(errorsOf({ monthlyPrice: "twenty" })).toEqual({ monthlyPrice: "adminPlans.validation.priceInvalid" });
    expect(errorsOf({ monthlyPrice: "" })).toEqual({ monthlyPrice: "adminPlans.validation.priceRequired" });
  });

  it("reads features one per line, drops blank lines and refuses more than 20", () => {
    expect(updatePlanSchema.parse(form({ features: "  One \r\n\n Two\n" })).features).toEqual(["One", "Two"]);
    expect(errorsOf({ features: Array.from({ length: 21 }, (_, index) => `Feature ${index}`).join("\n") })).toEqual({ features: "adminPlans.validation.tooManyFeatures" });
  });

  it("accepts a Stripe price id or none, and nothing else", () => {
    expect(updatePlanSchema.parse(form({ stripePriceId: " " })).stripePriceId).toBeNull();
    expect(errorsOf({ stripePriceId: "prod_123" })).toEqual({ stripePriceId: "adminPlans.validation.stripePriceInvalid" });
  });

  it("wants whole, non-negative limits and reads the unticked checkbox as not offered", () => {
    expect(errorsOf({ includedMinutes: "-1", maxAgents: "1.5" })).toEqual({ includedMinutes: "adminPlans.validation.wholeNumber", maxAgents: "adminPlans.validation.wholeNumber" });
    expect(updatePlanSchema.parse(form({ active: undefined })).active).toBe(false);
  });
});
