"use client";

import { useEffect } from "react";

/**
 * Moves keyboard focus to the element with `targetId` when it appears, for a step that opens
 * elsewhere on the page than the link that asked for it (the link keeps focus otherwise).
 */
export function FocusOnArrival({ targetId }: { targetId: string }) {
  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!target) return;
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }, [targetId]);
  return null;
}
