import { overviewWidgets, type DashboardDensity, type OverviewLayout, type OverviewWidget } from "@/lib/constants";

const known = new Set<string>(overviewWidgets);
const isWidget = (value: unknown): value is OverviewWidget => typeof value === "string" && known.has(value);

/**
 * The layout to render from what is stored (null: the default). Ids no longer known are dropped,
 * duplicates kept once, and widgets added since the user saved come at the end, shown.
 */
export function resolveLayout(saved: unknown): OverviewLayout {
  const stored = (saved && typeof saved === "object" ? saved : {}) as { order?: unknown; hidden?: unknown };
  const order = [...new Set(Array.isArray(stored.order) ? stored.order.filter(isWidget) : [])];
  for (const widget of overviewWidgets) if (!order.includes(widget)) order.push(widget);
  const hidden = [...new Set(Array.isArray(stored.hidden) ? stored.hidden.filter(isWidget) : [])];
  return { order, hidden };
}

/** The widgets to show, in order. */
export function visibleWidgets(layout: OverviewLayout): OverviewWidget[] {
  return layout.order.filter((widget) => !layout.hidden.includes(widget));
}

/** How many rows the list widgets show at each density. */
export const densityRows: Record<DashboardDensity, number> = { compact: 3, default: 5, detailed: 8 };
