import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Outside Next's server bundler the guard module would throw; the code under test is server code.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", ".data/**", "e2e/**"],
    globalSetup: ["db/testing/global-setup.ts"],
    env: { AUTH_SECRET: "vitest-secret-not-for-production-0123456789" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    silent: "passed-only",
  },
});
