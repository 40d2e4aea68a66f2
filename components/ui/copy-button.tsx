"use client";

import { useState } from "react";
import { Button } from "./button";

/** Copies `text` to the clipboard and says so on the button. */
export function CopyButton({ text, label, copiedLabel }: { text: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={async () => {
        await navigator.clipboard.writeText(text);
        setCopied(true);
      }}
    >
      {copied ? copiedLabel : label}
    </Button>
  );
}
