import { Search } from "lucide-react";
import Form from "next/form";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/**
 * The "find a customer" search of the staff pages that create something for one (a project, an
 * invoice): a GET form on `action`, so the query stays in the URL; `keep` holds fields to carry along.
 */
export function CustomerSearch({ action, query, keep = {}, label, placeholder, hint }: { action: string; query: string | undefined; keep?: Record<string, string | undefined>; label: string; placeholder: string; hint: string }) {
  return (
    <>
      <Form action={action} role="search" className="mt-3 flex gap-2">
        {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
        <label htmlFor="customer-search" className="sr-only">
          {label}
        </label>
        <input id="customer-search" name="customer" type="search" defaultValue={query} placeholder={placeholder} className={inputClass} />
        <button type="submit" className={buttonClass("secondary", "px-3")} aria-label={label}>
          <Search aria-hidden className="size-4" />
        </button>
      </Form>
      <p className="mt-2 text-13 text-fg-muted">{hint}</p>
    </>
  );
}
