import { z } from "zod";
import { parseMoney } from "@/lib/billing/money";
import { AMOUNT_MAX, CANCEL_REASON_MAX, currencies, PLAN_DESCRIPTION_MAX, PLAN_FEATURE_MAX, PLAN_FEATURES_MAX, PLAN_LIMIT_MAX, PLAN_NAME_MAX, PLAN_POSITION_MAX } from "@/lib/constants";

// Messages are keys of the `adminPlans.validation` and `billing.validation` namespaces.

const wholeNumber = (max: number) =>
  z
    .string("adminPlans.validation.wholeNumber")
    .trim()
    .regex(/^\d{1,9}$/, "adminPlans.validation.wholeNumber")
    .transform(Number)
    .refine((value) => value <= max, "adminPlans.validation.tooLarge");

/** One feature per line; blank lines are dropped. */
const featureLines = z
  .string()
  .transform((text) =>
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(PLAN_FEATURE_MAX, "adminPlans.validation.featureTooLong")).max(PLAN_FEATURES_MAX, "adminPlans.validation.tooManyFeatures"));

/** Blank for none; otherwise the id of a Stripe price, which always starts with `price_`. */
const stripePriceId = z
  .string()
  .trim()
  .refine((value) => value === "" || /^price_[A-Za-z0-9_]{1,200}$/.test(value), "adminPlans.validation.stripePriceInvalid")
  .transform((value) => value || null);

/** A plan as staff edit it; the monthly price is typed in major units ("29.00") of the chosen currency. */
export const updatePlanSchema = z
  .object({
    planId: z.uuid("invalid"),
    name: z.string().trim().min(1, "adminPlans.validation.nameRequired").max(PLAN_NAME_MAX, "adminPlans.validation.tooLong"),
    description: z.string().trim().max(PLAN_DESCRIPTION_MAX, "adminPlans.validation.tooLong"),
    monthlyPrice: z.string().trim().min(1, "adminPlans.validation.priceRequired"),
    currency: z.enum(currencies, "adminPlans.validation.currencyInvalid"),
    features: featureLines,
    includedMinutes: wholeNumber(PLAN_LIMIT_MAX),
    maxAgents: wholeNumber(PLAN_LIMIT_MAX),
    recordingRetentionDays: wholeNumber(PLAN_LIMIT_MAX),
    stripePriceId,
    // A checkbox: sent as "on" when ticked, absent otherwise.
    active: z
      .literal("on", "invalid")
      .optional()
      .transform((value) => value === "on"),
    position: wholeNumber(PLAN_POSITION_MAX),
  })
  .transform((plan, context) => {
    const monthlyPrice = parseMoney(plan.monthlyPrice, plan.currency);
    if (monthlyPrice === null || monthlyPrice > AMOUNT_MAX) {
      context.addIssue({ code: "custom", message: "adminPlans.validation.priceInvalid", path: ["monthlyPrice"] });
      return z.NEVER;
    }
    return { ...plan, monthlyPrice };
  });

export type PlanInput = Omit<z.infer<typeof updatePlanSchema>, "planId">;

export const planIdSchema = z.object({ planId: z.uuid("invalid") });

export const cancelSubscriptionSchema = z.object({ reason: z.string().trim().max(CANCEL_REASON_MAX, "billing.validation.reasonTooLong") });

