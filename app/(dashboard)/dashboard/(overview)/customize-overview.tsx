"use client";

import { ArrowDown, ArrowUp, SlidersHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { dashboardDensities, type DashboardDensity, type OverviewLayout, type OverviewWidget } from "@/lib/constants";
import { saveOverviewLayoutAction } from "./actions";

type Direction = "up" | "down";

/**
 * Which widgets show, in what order, and the density. Moving is done with buttons (no dragging):
 * focus stays on the button that was pressed, and the new position is announced.
 */
export function CustomizeOverview({ layout, density }: { layout: OverviewLayout; density: DashboardDensity }) {
  const t = useTranslations("overviewLayout");
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [order, setOrder] = useState<OverviewWidget[]>(layout.order);
  const [hidden, setHidden] = useState<OverviewWidget[]>(layout.hidden);
  const [announcement, setAnnouncement] = useState("");
  const [state, formAction] = useActionState(saveOverviewLayoutAction, initialActionState);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | null>(null);

  useEffect(() => {
    // After a move the list re-renders; the pressed button moved with its row and keeps the focus.
    if (refocus.current) buttons.current.get(refocus.current)?.focus();
    refocus.current = null;
  }, [order]);

  const name = (widget: OverviewWidget) => t(`widgets.${widget}`);

  function move(widget: OverviewWidget, direction: Direction) {
    const from = order.indexOf(widget);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) {
      setAnnouncement(t(direction === "up" ? "alreadyFirst" : "alreadyLast", { widget: name(widget) }));
      return;
    }
    const next = [...order];
    next.splice(from, 1);
    next.splice(to, 0, widget);
    refocus.current = `${widget}:${direction}`;
    setOrder(next);
    setAnnouncement(t("moved", { widget: name(widget), position: to + 1, total: next.length }));
  }

  function toggle(widget: OverviewWidget, shown: boolean) {
    setHidden((current) => (shown ? current.filter((w) => w !== widget) : [...current, widget]));
  }

  const fieldError = state.fieldErrors?.order ?? state.fieldErrors?.hidden ?? state.fieldErrors?.density;

  return (
    <div className="w-full">
      <div className="flex justify-end">
        <Button type="button" variant="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)}>
          <SlidersHorizontal aria-hidden className="size-4" />
          {t("title")}
        </Button>
      </div>
      <div id={panelId} hidden={!open} className="mt-3">
        <form action={formAction} aria-labelledby={`${panelId}-heading`} className="space-y-5 rounded-xl border border-border bg-surface p-4 shadow-card sm:p-6">
          <div>
            <h2 id={`${panelId}-heading`} className="text-base font-semibold">
              {t("title")}
            </h2>
            <p className="mt-0.5 text-13 text-fg-muted">{t("help")}</p>
          </div>
          <FormMessage state={state} />
          {fieldError ? (
            <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
              {fieldError}
            </p>
          ) : null}
          {order.map((widget) => (
            <input key={widget} type="hidden" name="order" value={widget} />
          ))}
          {hidden.map((widget) => (
            <input key={widget} type="hidden" name="hidden" value={widget} />
          ))}
          <ol aria-label={t("widgetsLabel")} className="divide-y divide-border rounded-lg border border-border">
            {order.map((widget, index) => {
              const checkboxId = `${panelId}-show-${widget}`;
              return (
                <li key={widget} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2">
                  <span aria-hidden className="w-6 text-13 tabular-nums text-fg-muted">
                    {index + 1}.
                  </span>
                  <span className="min-w-0 flex-1 font-medium">{name(widget)}</span>
                  <span className="flex items-center gap-2">
                    <input
                      id={checkboxId}
                      type="checkbox"
                      checked={!hidden.includes(widget)}
                      onChange={(event) => toggle(widget, event.target.checked)}
                      className="size-4 accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
                    />
                    <label htmlFor={checkboxId} className="text-sm">
                      {t("show")}
                      <span className="sr-only"> {name(widget)}</span>
                    </label>
                  </span>
                  <span className="flex gap-1">
                    {(["up", "down"] as const).map((direction) => {
                      const atEdge = direction === "up" ? index === 0 : index === order.length - 1;
                      const Icon = direction === "up" ? ArrowUp : ArrowDown;
                      return (
                        <button
                          key={direction}
                          ref={(element) => {
                            if (element) buttons.current.set(`${widget}:${direction}`, element);
                            else buttons.current.delete(`${widget}:${direction}`);
                          }}
                          type="button"
                          // aria-disabled rather than disabled: a disabled button would drop the focus at the edge.
                          aria-disabled={atEdge}
                          aria-label={t(direction === "up" ? "moveUp" : "moveDown", { widget: name(widget) })}
                          title={t(direction === "up" ? "moveUp" : "moveDown", { widget: name(widget) })}
                          onClick={() => move(widget, direction)}
                          className="grid size-9 place-items-center rounded-md border border-border-strong text-fg hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus aria-disabled:opacity-40"
                        >
                          <Icon aria-hidden className="size-4" />
                        </button>
                      );
                    })}
                  </span>
                </li>
              );
            })}
          </ol>
          <p aria-live="polite" role="status" className="sr-only">
            {announcement}
          </p>
          <fieldset>
            <legend className="text-sm font-medium">{t("density")}</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {dashboardDensities.map((value) => (
                <label key={value} className="flex cursor-pointer items-start gap-2 rounded-lg border border-border p-3 has-checked:border-primary">
                  <input type="radio" name="density" value={value} defaultChecked={value === (state.values?.density ?? density)} className="mt-1 accent-primary" />
                  <span>
                    <span className="block text-sm font-medium">{t(`densities.${value}.title`)}</span>
                    <span className="block text-13 text-fg-muted">{t(`densities.${value}.text`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex flex-wrap gap-3">
            <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setOrder(layout.order);
                setHidden(layout.hidden);
                setAnnouncement(t("reverted"));
              }}
            >
              {t("revert")}
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}
