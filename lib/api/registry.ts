import type { ApiEndpoint } from "./endpoint";
import { agentsEndpoints } from "./endpoints/agents";
import { messagesEndpoints } from "./endpoints/messages";
import { projectsEndpoints } from "./endpoints/projects";
import { tokenEndpoints } from "./endpoints/token";

/** Every endpoint of the API, in the reference page's order. A route file serves each; a test checks both ways. */
export const apiEndpoints: ApiEndpoint[] = [
  ...Object.values(tokenEndpoints),
  ...Object.values(projectsEndpoints),
  ...Object.values(messagesEndpoints),
  ...Object.values(agentsEndpoints),
];
