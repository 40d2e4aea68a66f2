"use client";

import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { NavLinks } from "./nav-links";

/** The sidebar as a drawer below 768 px: a modal dialog, so focus and Escape behave. */
export function MobileNav({ area }: { area: "dashboard" | "admin" }) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={t("openMenu")}
        className="grid size-10 place-items-center rounded-md text-fg hover:bg-surface-muted"
      >
        <Menu aria-hidden className="size-5" />
      </button>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-label={t("menu")}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-surface p-4 text-fg backdrop:bg-black/40"
      >
        <div className="mb-4 flex items-center justify-between">
          <span className="font-semibold">Clientdesk</span>
          <button
            type="button"
            onClick={() => setOpen(false)}
            aria-label={t("closeMenu")}
            className="grid size-10 place-items-center rounded-md hover:bg-surface-muted"
          >
            <X aria-hidden className="size-5" />
          </button>
        </div>
        <nav aria-label={t("mainNav")}>
          <NavLinks area={area} onNavigate={() => setOpen(false)} />
        </nav>
      </dialog>
    </div>
  );
}
