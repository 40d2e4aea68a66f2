import type { ApiEndpoint } from "./endpoint";
import { callEndpoints } from "./endpoints/calls";
import { tokenEndpoints } from "./endpoints/token";

/** Every endpoint of the API, in the reference page's order. A route file serves each; a test checks both ways. */
export const apiEndpoints: ApiEndpoint[] = [...Object.values(tokenEndpoints), ...Object.values(callEndpoints)];
