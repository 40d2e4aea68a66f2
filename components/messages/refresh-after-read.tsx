"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * The page marked its thread read after the layout had counted it unread: one refresh brings the
 * sidebar's count up to date (the refreshed page finds nothing unread and renders no second one).
 */
export function RefreshAfterRead() {
  const router = useRouter();
  useEffect(() => {
    router.refresh();
  }, [router]);
  return null;
}
