import localFont from "next/font/local";

/**
 * Geist, from the `geist` package's files (nothing is fetched at build time). `optional` display:
 * a first visit on a slow network keeps the size-matched fallback rather than repainting every line
 * when the font arrives late (which would also push back the largest contentful paint).
 */
export const sans = localFont({
  src: "../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
  display: "optional",
});
