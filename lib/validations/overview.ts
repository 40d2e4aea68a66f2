import { z } from "zod";
import { dashboardDensities, overviewWidgets } from "@/lib/constants";

// A form sends one value as a string and several as a list; none at all is an empty list.
const widgetList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(overviewWidgets, "overviewLayout.validation.unknownWidget")).max(overviewWidgets.length * 2),
);

/** The "Customize overview" form: widgets in the chosen order, the hidden ones, and the density. */
export const overviewLayoutSchema = z.object({
  order: widgetList.refine((order) => new Set(order).size === order.length, "overviewLayout.validation.duplicate"),
  hidden: widgetList,
  density: z.enum(dashboardDensities, "overviewLayout.validation.densityInvalid"),
});

export type OverviewLayoutInput = z.infer<typeof overviewLayoutSchema>;
