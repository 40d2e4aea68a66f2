"use client";

import { useFormatter } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type CallsPerDay = { day: string; label: string; calls: number };

/**
 * Calls per day as bars, coloured from the theme's variables so it reads in light and dark mode.
 * Hidden from assistive technology: the table next to it says the same.
 */
export function CallsPerDayChart({ data, callsLabel }: { data: CallsPerDay[]; callsLabel: string }) {
  const format = useFormatter();
  const number = (value: unknown) => (typeof value === "number" ? format.number(value) : String(value ?? ""));
  return (
    <div aria-hidden className="h-48 w-full text-xs">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={{ fill: "var(--fg-muted)" }} tickLine={false} axisLine={{ stroke: "var(--border-strong)" }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis allowDecimals={false} tickFormatter={number} tick={{ fill: "var(--fg-muted)" }} tickLine={false} axisLine={false} width={48} />
          <Tooltip
            cursor={{ fill: "var(--surface-muted)" }}
            contentStyle={{ background: "var(--surface-raised)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--fg)" }}
            labelStyle={{ color: "var(--fg)" }}
            itemStyle={{ color: "var(--fg)" }}
            formatter={(value) => [number(value), callsLabel]}
          />
          <Bar dataKey="calls" name={callsLabel} fill="var(--primary)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
