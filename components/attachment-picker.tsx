"use client";

import { Paperclip, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES, type AttachmentPurpose } from "@/lib/constants";
import { formatFileSize } from "@/lib/file-size";

type Item = { key: string; name: string; size: number } & ({ state: "uploading" } | { state: "done"; id: string } | { state: "failed"; error: string });

/**
 * A form's attachments: each chosen file is streamed to /api/uploads at once and the form sends
 * only the ids (as hidden `name` fields). The server checks type, size and name again on upload
 * and when the form claims the files. Remount it (a new `key`) to clear it after a send.
 */
export function AttachmentPicker({
  purpose,
  name = "attachmentIds",
  label,
  error,
  max = ATTACHMENT_MAX_FILES,
}: {
  purpose: AttachmentPurpose;
  name?: string;
  label?: string;
  error?: string;
  /** How many files the form takes (at most ATTACHMENT_MAX_FILES); a document takes one. */
  max?: number;
}) {
  const t = useTranslations("attachments");
  const locale = useLocale();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const uploading = items.some((item) => item.state === "uploading");

  // A form whose files are still on their way cannot be sent: the browser says why.
  useEffect(() => {
    input.current?.setCustomValidity(uploading ? t("uploadingWait") : "");
  }, [uploading, t]);

  const update = (key: string, next: Partial<Item>) => setItems((current) => current.map((item) => (item.key === key ? ({ ...item, ...next } as Item) : item)));

  async function upload(item: Item, file: File) {
    try {
      const response = await fetch(`/api/uploads?purpose=${purpose}`, { method: "POST", body: file, headers: { "x-file-name": encodeURIComponent(file.name) } });
      const answer = (await response.json().catch(() => null)) as { file?: { id: string }; error?: { message: string } } | null;
      if (response.ok && answer?.file) update(item.key, { state: "done", id: answer.file.id });
      else update(item.key, { state: "failed", error: answer?.error?.message ?? t("errors.failed", { name: file.name }) });
    } catch {
      update(item.key, { state: "failed", error: t("errors.failed", { name: file.name }) });
    }
  }

  function choose(files: FileList | null) {
    const chosen = [...(files ?? [])];
    if (input.current) input.current.value = "";
    let kept = items.filter((item) => item.state !== "failed").length;
    const added: Item[] = [];
    for (const file of chosen) {
      const key = crypto.randomUUID();
      if (kept >= max) {
        added.push({ key, name: file.name, size: file.size, state: "failed", error: t("tooMany", { name: file.name, max }) });
        continue;
      }
      if (file.size > ATTACHMENT_MAX_BYTES) {
        added.push({ key, name: file.name, size: file.size, state: "failed", error: t("errors.too_large", { name: file.name }) });
        continue;
      }
      const item: Item = { key, name: file.name, size: file.size, state: "uploading" };
      added.push(item);
      kept += 1;
      void upload(item, file);
    }
    setItems((current) => [...current, ...added]);
  }

  const failures = items.filter((item) => item.state === "failed");
  const describedBy = [`${id}-hint`, failures.length > 0 || error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label ?? t("label")}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        multiple={max > 1}
        accept={ATTACHMENT_ACCEPT}
        onChange={(event) => choose(event.target.files)}
        aria-describedby={describedBy}
        aria-invalid={failures.length > 0 || error ? true : undefined}
        className="block w-full text-sm file:me-3 file:min-h-10 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:text-sm file:font-medium"
      />
      <p id={`${id}-hint`} className="text-xs text-fg-muted">
        {t("hint", { max })}
      </p>
      {items.some((item) => item.state !== "failed") ? (
        <ul className="space-y-1" aria-label={t("chosenFiles")}>
          {items
            .filter((item) => item.state !== "failed")
            .map((item) => (
              <li key={item.key} className="flex min-h-10 items-center gap-2 rounded-md border border-border px-3 text-sm">
                <Paperclip aria-hidden className="size-4 shrink-0 text-fg-muted" />
                <span className="min-w-0 flex-1 truncate">{item.name}</span>
                <span className="shrink-0 text-xs text-fg-muted">{item.state === "uploading" ? t("uploading") : formatFileSize(item.size, locale)}</span>
                {item.state === "done" ? <input type="hidden" name={name} value={item.id} /> : null}
                <button
                  type="button"
                  onClick={() => setItems((current) => current.filter((other) => other.key !== item.key))}
                  className="-me-2 inline-flex size-9 shrink-0 items-center justify-center rounded-md text-fg-muted hover:bg-surface-muted hover:text-fg"
                  aria-label={t("remove", { name: item.name })}
                >
                  <X aria-hidden className="size-4" />
                </button>
              </li>
            ))}
        </ul>
      ) : null}
      {failures.length > 0 || error ? (
        <div id={`${id}-error`} className="space-y-1 text-sm text-danger" data-testid="attachment-errors">
          {error ? <p>{error}</p> : null}
          {failures.map((item) => (
            <p key={item.key} className="flex items-start gap-2">
              <span className="flex-1">{item.error}</span>
              <button
                type="button"
                onClick={() => setItems((current) => current.filter((other) => other.key !== item.key))}
                className="shrink-0 underline underline-offset-2"
                aria-label={t("remove", { name: item.name })}
              >
                <X aria-hidden className="size-4" />
              </button>
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
