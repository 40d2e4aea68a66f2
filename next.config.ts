import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // An avatar of up to 5 MB and the form around it; scripts/server.mjs answers 413 past this.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // Keeps PGlite's wasm out of the public static folder and loads drivers from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pg-boss", "@node-rs/argon2", "@react-email/render"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Pages get a per-request nonce CSP from proxy.ts; API answers are never rendered as documents.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      // Their URLs carry a token: no request from these pages may send it on as a Referer.
      { source: "/reset-password", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/verify-email", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/verify-email-change", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

// Messages are compiled at build time (icu-minify): no ICU parsing per request on the server, and a
// smaller catalogue for the client components that need one.
export default createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true } },
})(nextConfig);
