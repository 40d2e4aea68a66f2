"use client";

import { Star } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
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
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <fieldset aria-describedby={errors.rating ? "rating-error" : undefined}>
        <legend className="text-sm font-medium">{t("label")}</legend>
        {/* Keyed by the saved value: React resets radios after a submission, the saved choice comes back. */}
        <div key={values.rating} className="mt-2 flex flex-row-reverse justify-end gap-1">
          {[5, 4, 3, 2, 1].map((value) => (
            <label key={value} className="peer cursor-pointer text-fg-muted peer-hover:text-warning hover:text-warning has-checked:text-warning peer-has-checked:text-warning">
              <input type="radio" name="rating" value={value} defaultChecked={values.rating === String(value)} className="peer sr-only" />
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
