import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  // Dropping a field by destructuring it away is the clearest way to say so.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] } },
  { ignores: [".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    // Only db/ touches the database: everything else asks a query in db/queries/ (style.md).
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["db/**", "**/*.test.ts", "scripts/**", "bench/**", "e2e/fixtures.ts", "e2e/security/database.ts", "drizzle.config.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/db", message: "Only db/ imports the database handle: add a function to db/queries/ (services take its Transaction type)." }],
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/pglite", "@electric-sql/pglite/*", "@/db/index"],
              message: "Only db/ talks to the database: add a function to db/queries/.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];

export default config;
