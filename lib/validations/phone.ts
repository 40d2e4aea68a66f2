import { z } from "zod";

/**
 * A phone number in E.164: spaces, dashes, dots, slashes and brackets people type are dropped;
 * what is left must be "+" and 7 to 15 digits. Each form names its own messages.
 */
export function e164PhoneNumber(messages: { required: string; invalid: string }) {
  return z
    .string(messages.required)
    .trim()
    .transform((value) => value.replace(/[\s\-().\/]/g, ""))
    .pipe(z.string().min(1, messages.required).regex(/^\+[1-9]\d{6,14}$/, messages.invalid));
}
