import { z } from "zod";
import { DEMO_CARD_DECLINED, DEMO_CARD_SUCCEEDS } from "@/lib/constants";

// Messages are keys into the `validation` namespace; this area's own live under `validation.checkout`.

const digits = (value: string) => value.replace(/[\s-]/g, "");

/** What the demo checkout's card form sends. Only Stripe's two test cards mean anything in demo mode. */
export const demoPaymentSchema = z.object({
  checkoutId: z.uuid("checkout.notFound"),
  cardNumber: z
    .string()
    .transform(digits)
    .pipe(z.string().regex(/^\d{12,19}$/, "checkout.cardNumberInvalid").refine((number) => number === DEMO_CARD_SUCCEEDS || number === DEMO_CARD_DECLINED, "checkout.cardNumberDemo")),
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/, "checkout.expiryInvalid")
    .refine((value) => {
      const [month, year] = value.split("/").map((part) => Number(part.trim()));
      const now = new Date();
      return 2000 + year! > now.getUTCFullYear() || (2000 + year! === now.getUTCFullYear() && month! >= now.getUTCMonth() + 1);
    }, "checkout.expiryPast"),
  cvc: z.string().trim().regex(/^\d{3,4}$/, "checkout.cvcInvalid"),
  cardholder: z.string().trim().min(1, "checkout.cardholderRequired").max(200, "checkout.cardholderRequired"),
});

export const invoiceIdSchema = z.object({ invoiceId: z.uuid("invalid") });
