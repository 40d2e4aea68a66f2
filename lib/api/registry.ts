import type { ApiEndpoint } from "./endpoint";
import { exportEndpoints } from "./endpoints/export";
import { invoiceEndpoints } from "./endpoints/invoices";
import { subscriptionEndpoints } from "./endpoints/subscription";
import { tokenEndpoints } from "./endpoints/token";

/** Every endpoint of the API, in the reference page's order. A route file serves each; a test checks both ways. */
export const apiEndpoints: ApiEndpoint[] = [
  ...Object.values(tokenEndpoints),
  ...Object.values(invoiceEndpoints),
  ...Object.values(subscriptionEndpoints),
  ...Object.values(exportEndpoints),
];
