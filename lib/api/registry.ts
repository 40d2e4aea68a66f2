import type { ApiEndpoint } from "./endpoint";
import { agentsEndpoints } from "./endpoints/agents";
import { callEndpoints } from "./endpoints/calls";
import { dashboardEndpoints } from "./endpoints/dashboard";
import { exportEndpoints } from "./endpoints/export";
import { invoiceEndpoints } from "./endpoints/invoices";
import { messagesEndpoints } from "./endpoints/messages";
import { notificationEndpoints } from "./endpoints/notifications";
import { profileEndpoints } from "./endpoints/profile";
import { projectsEndpoints } from "./endpoints/projects";
import { settingsEndpoints } from "./endpoints/settings";
import { subscriptionEndpoints } from "./endpoints/subscription";
import { tokenEndpoints } from "./endpoints/token";

/** Every endpoint of the API, in the reference page's order. A route file serves each; a test checks both ways. */
export const apiEndpoints: ApiEndpoint[] = [
  ...Object.values(tokenEndpoints),
  ...Object.values(dashboardEndpoints),
  ...Object.values(profileEndpoints),
  ...Object.values(settingsEndpoints),
  ...Object.values(notificationEndpoints),
  ...Object.values(projectsEndpoints),
  ...Object.values(messagesEndpoints),
  ...Object.values(agentsEndpoints),
  ...Object.values(invoiceEndpoints),
  ...Object.values(subscriptionEndpoints),
  ...Object.values(exportEndpoints),
  ...Object.values(callEndpoints),
];
