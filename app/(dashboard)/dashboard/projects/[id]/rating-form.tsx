"use client";

import { Star } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FieldShell, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { RATING_COMMENT_MAX } from "@/lib/constants";
import { rateProjectAction } from "../actions";

/** Five radio buttons drawn as stars, and a comment; the one rating of the project, editable. */
export function RatingForm({ projectId, current }: { projectId: string; current: { rating: number; comment: string } | null }) {
  const t = useTranslations("projects.rating");
  const [state, action] = useActionState(rateProjectAction, initialActionState);
  const values = { rating: String(current?.rating ?? ""), comment: current?.comment ?? "", ...state.values };
  const errors = state.fieldErrors ?? {};
  const [chosen, setChosen] = useState(Number(values.rating) || 0);
  const [hovered, setHovered] = useState<number | null>(null);
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <fieldset aria-describedby={errors.rating ? "rating-error" : undefined}>
        <legend className="text-sm font-medium">{t("label")}</legend>
        {/* In reading order, so arrow keys and screen readers go from one star to five; stars up to the choice light up. */}
        <div key={values.rating} className="mt-2 flex gap-1" onMouseLeave={() => setHovered(null)}>
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} className={`cursor-pointer ${value <= (hovered ?? chosen) ? "text-warning" : "text-fg-muted"}`} onMouseEnter={() => setHovered(value)}>
              <input type="radio" name="rating" value={value} defaultChecked={values.rating === String(value)} onChange={() => setChosen(value)} className="peer sr-only" />
              <Star aria-hidden className="size-8 fill-current peer-focus-visible:outline-2 peer-focus-visible:outline-focus" />
              <span className="sr-only">{t("stars", { count: value })}</span>
            </label>
          ))}
        </div>
        {errors.rating ? (
          <p id="rating-error" className="mt-1 text-sm text-danger">
            {errors.rating}
          </p>
        ) : null}
      </fieldset>
      <FieldShell
        id="rating-comment"
        label={t("comment")}
        error={errors.comment}
        hint={t("commentHint")}
        control={(aria) => <textarea id="rating-comment" name="comment" rows={3} maxLength={RATING_COMMENT_MAX} defaultValue={values.comment} className={inputClass} {...aria} />}
      />
      <SubmitButton pendingLabel={t("saving")}>{current ? t("update") : t("submit")}</SubmitButton>
    </form>
  );
}
