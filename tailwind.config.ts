import type { Config } from "tailwindcss";

// Tailwind v4 reads its theme from app/globals.css; this file only names where classes live.
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
} satisfies Config;
