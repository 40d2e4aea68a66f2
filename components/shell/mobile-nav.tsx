"use client";

import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Logo } from "@/components/logo";
import { AreaSwitch } from "./area-switch";
import { NavLinks, type NavCounts } from "./nav-links";

/** The sidebar as a drawer below 768 px: a modal dialog, so focus, Escape and the backdrop behave. */
export function MobileNav({ area, showAreaSwitch, counts }: { area: "dashboard" | "admin"; showAreaSwitch: boolean; counts?: NavCounts }) {
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
        aria-expanded={open}
        className="grid size-10 place-items-center rounded-md text-fg hover:bg-surface-muted"
      >
        <Menu aria-hidden className="size-5" />
      </button>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        // A click on the dialog element itself, not its content, is a tap on the dimmed backdrop.
        onClick={(event) => {
          if (event.target === event.currentTarget) setOpen(false);
        }}
        aria-label={t("menu")}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-surface p-0 text-fg"
      >
        {/* Rendered only while open: a second copy of the navigation in every page costs render time. */}
        {open ? (
          <div className="flex h-full flex-col gap-5 overflow-y-auto p-4">
            <div className="flex items-center justify-between">
              <Logo href={area === "admin" ? "/admin" : "/dashboard"} />
              <button
                type="button"
                onClick={() => setOpen(false)}
                aria-label={t("closeMenu")}
                className="grid size-10 place-items-center rounded-md hover:bg-surface-muted"
              >
                <X aria-hidden className="size-5" />
              </button>
            </div>
            {showAreaSwitch ? <AreaSwitch area={area} onNavigate={() => setOpen(false)} /> : null}
            <nav aria-label={t("mainNav")}>
              <NavLinks area={area} counts={counts} onNavigate={() => setOpen(false)} />
            </nav>
          </div>
        ) : null}
      </dialog>
    </div>
  );
}
