"use client";

import { ChevronDown, LogOut, Settings, ShieldCheck, UserRound } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { signOutAction } from "@/app/(auth)/actions";
import { Avatar } from "@/components/avatar";

const itemClass = "flex w-full items-center gap-2.5 rounded px-2.5 py-2 text-start text-sm text-fg hover:bg-surface-muted focus-visible:bg-surface-muted focus-visible:outline-none";

/**
 * The account menu: a menu button (WAI-ARIA pattern) that opens with Enter, Space or arrow keys,
 * moves between items with the arrow keys, and closes on Escape, a click outside or navigation,
 * giving focus back to its button.
 */
export function UserMenu({ user }: { user: { name: string; email: string; avatarFileId: string | null } }) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownPath, setShownPath] = useState(pathname);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const popover = useRef<HTMLDivElement>(null);

  // Navigating closes the menu (state adjusted during render, as React recommends over an effect).
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  function show(focus: "first" | "last") {
    setOpen(true);
    requestAnimationFrame(() => (focus === "first" ? items()[0] : items().at(-1))?.focus());
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popover.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function onButtonKeyDown(event: KeyboardEvent) {
    if (event.key === "ArrowDown" || event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      show("first");
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      show("last");
    }
  }

  function onMenuKeyDown(event: KeyboardEvent) {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(all.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") setOpen(false);
  }

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t("accountMenu", { name: user.name })}
        onClick={() => (open ? close(false) : show("first"))}
        onKeyDown={onButtonKeyDown}
        className="flex min-h-10 items-center gap-2 rounded-md px-1.5 py-1 hover:bg-surface-muted"
      >
        <Avatar name={user.name} fileId={user.avatarFileId} />
        <span className="hidden max-w-40 truncate text-sm font-medium sm:inline">{user.name}</span>
        <ChevronDown aria-hidden className="hidden size-4 text-fg-muted sm:block" />
      </button>
      {open ? (
        <div ref={popover} className="absolute end-0 z-30 mt-2 w-64 rounded-lg border border-border bg-surface-raised p-1 shadow-lg">
          {/* Who is signed in sits above the menu: screen readers in menu mode read only its items. */}
          <div className="border-b border-border px-2.5 pb-2 pt-1.5">
            <p className="truncate text-sm font-medium">{user.name}</p>
            <p className="truncate text-xs text-fg-muted">{user.email}</p>
          </div>
          <div ref={menu} id={menuId} role="menu" aria-label={t("accountMenu", { name: user.name })} onKeyDown={onMenuKeyDown} className="pt-1">
            <Link role="menuitem" tabIndex={-1} href="/dashboard/profile" prefetch={false} className={itemClass} onClick={() => setOpen(false)}>
              <UserRound aria-hidden className="size-4 text-fg-muted" />
              {t("profile")}
            </Link>
            <Link role="menuitem" tabIndex={-1} href="/dashboard/settings" prefetch={false} className={itemClass} onClick={() => setOpen(false)}>
              <Settings aria-hidden className="size-4 text-fg-muted" />
              {t("settings")}
            </Link>
            <Link role="menuitem" tabIndex={-1} href="/dashboard/security" prefetch={false} className={itemClass} onClick={() => setOpen(false)}>
              <ShieldCheck aria-hidden className="size-4 text-fg-muted" />
              {t("security")}
            </Link>
            <div role="separator" className="my-1 border-t border-border" />
            <form action={signOutAction}>
              <button role="menuitem" tabIndex={-1} type="submit" className={itemClass}>
                <LogOut aria-hidden className="rtl:-scale-x-100 size-4 text-fg-muted" />
                {t("signOut")}
              </button>
            </form>
          </div>
        </div>
      ) : null}
    </div>
  );
}
